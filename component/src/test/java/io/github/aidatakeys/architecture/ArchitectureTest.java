package io.github.aidatakeys.architecture;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
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
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.aidatakeys.internal.SdkInternals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the published jar, checked on its compiled classes: what users may call is exactly the public API,
 * the Pulumi SDK's internal packages are used from one class only.
 * docs/contributing.md explains each rule.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ROOT = "io.github.aidatakeys";
    /** Implementation: public only so that the other packages can call it; never part of an API signature. */
    static final String INTERNAL = ROOT + ".internal..";
    /** The Pulumi SDK's internal packages ({@code com.pulumi.core.internal}, {@code com.pulumi.provider.internal}, ...). */
    static final String SDK_INTERNALS = "com.pulumi..internal..";

    @ArchTest
    static final ArchRule publicApiSignaturesExposeOnlyApiTypes = classes()
            .that().resideOutsideOfPackage(INTERNAL)
            .and(arePublicApi())
            .should(exposeNoTypeFrom(INTERNAL, SDK_INTERNALS))
            .because("a user can only call what the API's signatures name; the internal package may change in any release");

    /** {@link SdkInternals} is the one class allowed to: each of its methods names the public API it stands in for. */
    @ArchTest
    static final ArchRule sdkInternalsAreUsedFromOneClassOnly = noClasses()
            .that(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(SdkInternals.class)))
            .should().dependOnClassesThat().resideInAPackage(SDK_INTERNALS)
            .because("the SDK may change its internal packages in any release: an upgrade is checked in one place");

    /** No exemptions: a table that two packages read (such as the KMS actions) lives in {@code internal}. */
    @ArchTest
    static final ArchRule packagesFormNoCycle = slices()
            .assignedFrom(packagesOf(ROOT))
            .should().beFreeOfCycles();

    /**
     * The API package, {@code lint} and {@code provider} use {@code internal}, never the other way round: the code
     * that reads the arguments and renders the policies lives beside the API as package-private classes.
     */
    @ArchTest
    static final ArchRule internalUsesNoOtherPackageOfTheLibrary = noClasses()
            .that().resideInAPackage(INTERNAL)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".lint..", ROOT + ".provider..")
            .because("internal sits below the packages that use it: anything it needs from them would be a cycle");

    @ArchTest
    static final ArchRule internalClassesExposeNoMutableField = fields()
            .that().areDeclaredInClassesThat().resideInAPackage(INTERNAL)
            .and().arePublic()
            .should().beFinal()
            .because("internal classes are reachable from any code on the class path: they hand out values, not state");

    /**
     * Argument types (the Args, and the values inside them such as {@code KeyUser}) are made by their builders or
     * factories, which copy what they are given; the Pulumi runtime fills the {@code @Import} fields of a value sent by
     * another language through a private no-argument constructor. A public one would hand users an empty, unchecked
     * value whose required properties are null.
     */
    @ArchTest
    static final ArchRule argumentTypesDeclareNoPublicNoArgConstructor = classes()
            .that().resideInAPackage(ROOT)
            .and(arePublicApi())
            .and(areArgumentTypes())
            .should(declareNoPublicNoArgConstructor())
            .because("a value is built by its builder or factory; the runtime uses the private constructor");

    /** Extends {@link ResourceArgs} or has a field the Pulumi runtime fills ({@link Import}). */
    static DescribedPredicate<JavaClass> areArgumentTypes() {
        return DescribedPredicate.describe("are argument types (ResourceArgs or @Import fields)",
                type -> type.isAssignableTo(ResourceArgs.class)
                        || type.getFields().stream().anyMatch(f -> f.isAnnotatedWith(Import.class)));
    }

    static ArchCondition<JavaClass> declareNoPublicNoArgConstructor() {
        return new ArchCondition<>("declare no public no-argument constructor") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getConstructors().stream()
                        .filter(c -> c.getRawParameterTypes().isEmpty()
                                && c.getModifiers().contains(JavaModifier.PUBLIC))
                        .forEach(c -> events.add(SimpleConditionEvent.violated(type,
                                c.getFullName() + " is public: make it private")));
            }
        };
    }

    /** A class users can name: public, and nested only in public classes. */
    static DescribedPredicate<JavaClass> arePublicApi() {
        return DescribedPredicate.describe("are public API", ArchitectureTest::isPublicApi);
    }

    private static boolean isPublicApi(JavaClass type) {
        for (var c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    /**
     * Fails for every public or protected field, constructor or method whose signature (generic type arguments
     * included) names a type from one of the packages, and for supertypes from them.
     */
    static ArchCondition<JavaClass> exposeNoTypeFrom(String... packages) {
        return new ArchCondition<>("expose no type from " + String.join(", ", packages) + " in a signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                var exposed = new ArrayList<String>();
                type.getSuperclass().ifPresent(s -> collect(s, "extends", type.getName(), exposed));
                type.getInterfaces().forEach(i -> collect(i, "implements", type.getName(), exposed));
                for (JavaField field : type.getFields()) {
                    if (isVisible(field.getModifiers()) && !field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        collect(field.getType(), "field type", field.getFullName(), exposed);
                    }
                }
                for (JavaCodeUnit code : type.getCodeUnits()) {
                    if (!isVisible(code.getModifiers()) || code.getModifiers().contains(JavaModifier.SYNTHETIC)
                            || code.getModifiers().contains(JavaModifier.BRIDGE)) {
                        continue;
                    }
                    collect(code.getReturnType(), "returns", code.getFullName(), exposed);
                    code.getParameterTypes().forEach(p -> collect(p, "takes", code.getFullName(), exposed));
                }
                exposed.forEach(message -> events.add(SimpleConditionEvent.violated(type, message)));
            }

            private void collect(JavaType javaType, String role, String where, List<String> exposed) {
                for (JavaClass involved : javaType.getAllInvolvedRawTypes()) {
                    for (var pkg : packages) {
                        if (PackageMatcher.of(pkg).matches(involved.getPackageName())) {
                            exposed.add(where + " " + role + " " + involved.getName());
                        }
                    }
                }
            }
        };
    }

    /** One slice per package of the library: the API package itself, {@code internal}, {@code lint}, {@code provider}. */
    static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                var pkg = type.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                return pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
    }
}
