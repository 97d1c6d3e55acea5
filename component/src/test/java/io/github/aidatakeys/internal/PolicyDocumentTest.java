package io.github.aidatakeys.internal;

import io.github.aidatakeys.internal.PolicyDocument.ConditionOperator;
import io.github.aidatakeys.internal.PolicyDocument.Operator;
import io.github.aidatakeys.internal.PolicyDocument.Principal;
import io.github.aidatakeys.internal.PolicyDocument.PrincipalType;
import io.github.aidatakeys.internal.PolicyDocument.SetQualifier;
import io.github.aidatakeys.internal.PolicyDocument.Statement;
import io.github.aidatakeys.support.LintFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.aidatakeys.support.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One policy model for rendering and for reading: typed principals and operators, and the same JSON both ways. */
class PolicyDocumentTest {

    static PolicyDocument read(String json) {
        var problems = new ArrayList<PolicyDocument.Problem>();
        var document = PolicyDocument.parse(json, problems);
        assertThat(problems).isEmpty();
        return document;
    }

    @Test
    void everyRenderedDocumentReadsBackIntoTheSameModelAndRendersToTheSameBytes() {
        for (var rendered : List.of(LintFixtures.DEFAULTS, LintFixtures.EVERY_OPTION)) {
            for (var json : List.of(rendered.keyPolicy(), rendered.trustPolicy(), rendered.rolePolicy())) {
                assertThat(read(json).toJson()).isEqualTo(json);
            }
        }
    }

    @Test
    void renderedPrincipalsAndOperatorsAreTypes() {
        var trust = read(LintFixtures.EVERY_OPTION.trustPolicy()).statements();
        var services = trust.stream().filter(t -> "TrustedSagemakerAssumeRole".equals(t.sid())).findFirst()
                .orElseThrow();
        assertThat(services.principal()).isInstanceOf(Principal.ByType.class);
        assertThat(services.principals(PrincipalType.SERVICE)).containsExactly("sagemaker.amazonaws.com");
        assertThat(services.principals(PrincipalType.AWS)).isEmpty();
        assertThat(services.conditions()).extracting(c -> c.operator().base())
                .containsExactly(Operator.STRING_EQUALS, Operator.ARN_LIKE);
        var webIdentity = trust.get(trust.size() - 1);
        assertThat(webIdentity.principals(PrincipalType.FEDERATED)).singleElement().asString()
                .endsWith(":oidc-provider/token.actions.githubusercontent.com");
        var use = read(LintFixtures.EVERY_OPTION.rolePolicy()).statements().get(0);
        assertThat(use.conditions()).extracting(c -> c.operator().toString())
                .containsExactly("StringEquals", "StringEquals", "StringEquals", "ForAllValues:StringEquals", "Null");
        assertThat(use.conditions().get(3).operator().qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
    }

    @Test
    void principalStarIsItsOwnTypeAndRendersAsTheString() {
        var anyone = read("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt",\
                "Resource":"*"}]}""").statements().get(0);
        assertThat(anyone.principal()).isEqualTo(Principal.Anyone.INSTANCE);
        assertThat(anyone.anyPrincipal()).isTrue();
        assertThat(anyone.sid()).isNull();
        assertThat(anyone.label(0)).isEqualTo("Statement[0]");
        assertThat(anyone.principals()).isEqualTo(Map.of("*", List.of("*")));
        assertThat(parse(PolicyDocument.of(List.of(anyone)).toJson())).isEqualTo(parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt",\
                "Resource":"*"}]}"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ForAllValues:StringLike", "forallvalues:stringlike"})
    void operatorNamesAreReadIntoQualifierBaseAndIfExists(String name) {
        assertThat(ConditionOperator.of(name)).isEqualTo(
                new ConditionOperator(SetQualifier.FOR_ALL_VALUES, Operator.STRING_LIKE, false));
        assertThat(ConditionOperator.of(name).toString()).isEqualTo("ForAllValues:StringLike");
        assertThat(ConditionOperator.of("ArnLikeIfExists"))
                .isEqualTo(new ConditionOperator(SetQualifier.NONE, Operator.ARN_LIKE, true));
        assertThat(ConditionOperator.of("ArnLikeIfExists").requiresMatch()).isFalse();
        assertThat(ConditionOperator.of("ForAnyValue:StringEquals").requiresMatch()).isTrue();
        assertThat(ConditionOperator.of("StringNotEquals").requiresMatch()).isFalse();
    }

    @Test
    void operatorsOutsideIamsAreRefused() {
        assertThat(ConditionOperator.parse("StringEqual")).isEmpty();
        assertThat(ConditionOperator.parse("NullIfExists")).isEmpty();
        assertThatThrownBy(() -> ConditionOperator.of("StringEqual"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Condition operator must be one of IAM's condition operators; received: \"StringEqual\"");
    }

    @Test
    void readingReportsPrincipalTypesAndOperatorsOutsideTheGrammar() {
        var problems = new ArrayList<PolicyDocument.Problem>();
        var document = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Odd","Effect":"Allow","Principal":{"Aws":"*"},\
                "Action":"kms:Decrypt","Resource":"*","Condition":{"StringEqual":{"aws:SourceAccount":"1"}}}]}""",
                problems);
        assertThat(document.statements()).isEmpty();
        assertThat(problems).containsExactly(
                new PolicyDocument.Problem("Odd", "Principal type must be AWS, CanonicalUser, Federated or"
                        + " Service; received: \"Aws\""),
                new PolicyDocument.Problem("Odd", "Condition operator must be one of IAM's condition operators"
                        + " (such as StringEquals, ArnLike, ForAllValues:StringLike, StringEqualsIfExists, Null)"
                        + "; received: \"StringEqual\""));
    }

    @Test
    void buildingByNameAndByTypeRendersTheSameStatement() {
        var byName = Statement.builder("S").principals("Service", List.of("lambda.amazonaws.com"))
                .action("sts:AssumeRole").condition("StringEquals", "aws:SourceAccount", "123456789012").build();
        var byType = Statement.builder("S").principals(PrincipalType.SERVICE, List.of("lambda.amazonaws.com"))
                .action("sts:AssumeRole")
                .condition(ConditionOperator.STRING_EQUALS, "aws:SourceAccount", "123456789012").build();
        assertThat(PolicyDocument.of(List.of(byName)).toJson()).isEqualTo(PolicyDocument.of(List.of(byType)).toJson())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}");
        assertThatThrownBy(() -> Statement.builder("S").principals("Services", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Principal type must be AWS, CanonicalUser, Federated or Service; received: \"Services\"");
    }

    @Test
    void aStatementCopiedThroughItsBuilderIsUnchanged() {
        for (var statement : read(LintFixtures.EVERY_OPTION.trustPolicy()).statements()) {
            assertThat(PolicyDocument.of(List.of(statement.toBuilder().build())).toJson())
                    .isEqualTo(PolicyDocument.of(List.of(statement)).toJson());
        }
        // deny() and clearConditions() change the effect and drop the conditions; everything else is kept.
        var conditioned = read(LintFixtures.EVERY_OPTION.rolePolicy()).statements().get(0);
        assertThat(conditioned.conditions()).isNotEmpty();
        var denied = conditioned.toBuilder().deny().clearConditions().build();
        assertThat(denied.allow()).isFalse();
        assertThat(denied.conditions()).isEmpty();
        var expected = parse(PolicyDocument.of(List.of(conditioned)).toJson());
        var statement = expected.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject();
        statement.addProperty("Effect", "Deny");
        statement.remove("Condition");
        assertThat(parse(PolicyDocument.of(List.of(denied)).toJson())).isEqualTo(expected);
    }
}
