package io.github.aidatakeys.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The test kit's jar, checked on its compiled classes: its public API names no internal type (the SDK's or the
 * component's), and the Pulumi SDK's internal packages are used from {@link SdkInternals} only.
 * docs/contributing.md explains each rule.
 */
@AnalyzeClasses(packages = "io.github.aidatakeys.testing", importOptions = ImportOption.DoNotIncludeTests.class)
class TestKitArchitectureTest {
    private static final String SDK_INTERNALS = "com.pulumi..internal..";
    private static final String COMPONENT_INTERNALS = "io.github.aidatakeys.internal..";

    @ArchTest
    static final ArchRule sdkInternalsAreUsedFromOneClassOnly = noClasses()
            .that(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(SdkInternals.class)))
            .should().dependOnClassesThat().resideInAPackage(SDK_INTERNALS)
            .because("the SDK may change its internal packages in any release: an upgrade is checked in one place");

    @ArchTest
    static final ArchRule theKitUsesNoInternalsOfTheComponent = noClasses()
            .should().dependOnClassesThat().resideInAPackage(COMPONENT_INTERNALS)
            .because("the kit is a separate artifact: it may only use what the component publishes");

    @ArchTest
    static final ArchRule publicApiSignaturesExposeOnlyApiTypes = classes()
            .that(DescribedPredicate.describe("are public API", TestKitArchitectureTest::isPublicApi))
            .should(new ArchCondition<JavaClass>("expose no internal type in a signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    type.getSuperclass().ifPresent(s -> collect(type, s, "extends " + type.getName(), events));
                    type.getInterfaces().forEach(i -> collect(type, i, "implements " + type.getName(), events));
                    for (JavaField field : type.getFields()) {
                        if (isVisible(field.getModifiers()) && !field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                            collect(type, field.getType(), field.getFullName(), events);
                        }
                    }
                    for (JavaCodeUnit code : type.getCodeUnits()) {
                        // as the component's ArchitectureTest: compiler-made members are no signature a user writes
                        if (isVisible(code.getModifiers()) && !code.getModifiers().contains(JavaModifier.SYNTHETIC)
                                && !code.getModifiers().contains(JavaModifier.BRIDGE)) {
                            collect(type, code.getReturnType(), code.getFullName() + " returns", events);
                            code.getParameterTypes().forEach(p -> collect(type, p, code.getFullName() + " takes", events));
                        }
                    }
                }
            });

    private static void collect(JavaClass owner, JavaType javaType, String where, ConditionEvents events) {
        for (JavaClass involved : javaType.getAllInvolvedRawTypes()) {
            for (var pkg : new String[]{SDK_INTERNALS, COMPONENT_INTERNALS}) {
                if (PackageMatcher.of(pkg).matches(involved.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(owner, where + " " + involved.getName()));
                }
            }
        }
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isPublicApi(JavaClass type) {
        for (var c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
