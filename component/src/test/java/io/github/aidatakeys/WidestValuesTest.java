package io.github.aidatakeys;

import com.google.gson.JsonObject;
import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.annotation.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For every argument: the widest value a user could try (a {@code *}, a wildcard ARN, a wildcard subject or service),
 * and whom it would let in. Each is either refused by {@code build()}, naming the argument, or accepted because what
 * it renders lets nobody in beyond its literal value. A new argument without a verdict here fails
 * {@link #everyArgumentHasAVerdict()}. Principals of another partition are refused per argument in
 * {@code TrustRulesTest} and {@code KeyUsersTest}.
 */
class WidestValuesTest {
    private static final String ACCOUNT = RenderedPolicies.ACCOUNT;

    /**
     * The widest value of one argument.
     *
     * @param argument the argument's name
     * @param widest   sets it (on top of {@code aliasName} and {@code allowedServices(EC2)})
     * @param lets     for an accepted value, what the rendered documents must show; {@code null} when refused
     * @param why      why no wildcard can be given (a number or a flag), or what an accepted value lets in
     */
    record Verdict(String argument, @Nullable UnaryOperator<EncryptedAiDataKeyArgs.Builder> widest,
                   @Nullable Consumer<RenderedPolicies> lets, String why) {
        static Verdict refused(String argument, UnaryOperator<EncryptedAiDataKeyArgs.Builder> widest) {
            return new Verdict(argument, widest, null, "refused");
        }

        static Verdict accepted(String argument, UnaryOperator<EncryptedAiDataKeyArgs.Builder> widest,
                                Consumer<RenderedPolicies> lets, String why) {
            return new Verdict(argument, widest, lets, why);
        }

        static Verdict typed(String argument, String why) {
            return new Verdict(argument, null, null, why);
        }

        @Override
        public String toString() {
            return argument;
        }
    }

    static Stream<Verdict> verdicts() {
        return Stream.of(
                Verdict.refused("aliasName", b -> b.aliasName("alias/*")),
                Verdict.accepted("description", b -> b.description("*"), WidestValuesTest::sameDocumentsAsWithout,
                        "free text in the key's description: in no policy"),
                Verdict.typed("enableKeyRotation", "a flag"),
                Verdict.typed("rotationPeriodInDays", "a number within its range (ArgumentDeclarationTest)"),
                Verdict.typed("deletionWindowInDays", "a number within its range (ArgumentDeclarationTest)"),
                Verdict.refused("keyAdministratorArns", b -> b.keyAdministratorArns("arn:aws:iam::" + ACCOUNT
                        + ":role/*")),
                Verdict.refused("allowedServices", b -> b.allowedServices("*")),
                Verdict.refused("allowedAccountIds", b -> b.allowedAccountIds("*")),
                Verdict.refused("allowedRoleArns", b -> b.allowedRoleArns("arn:aws:iam::" + ACCOUNT + ":role/*")),
                Verdict.refused("keyActions", b -> b.keyActions("kms:*")),
                Verdict.refused("roleName", b -> b.roleName("*")),
                Verdict.refused("rolePath", b -> b.rolePath("/*/")),
                Verdict.refused("rolePermissionsBoundary", b -> b.rolePermissionsBoundary("arn:aws:iam::aws:policy/*")),
                Verdict.typed("roleMaxSessionDuration", "a number within its range (ArgumentDeclarationTest)"),
                Verdict.accepted("encryptionContext", b -> b.encryptionContext(Map.of("dataset", "*")),
                        p -> assertThat(conditionOn(p.rolePolicy(), "kms:EncryptionContext:dataset"))
                                .isEqualTo(Json.parse("{\"StringEquals\":{\"kms:EncryptionContext:dataset\":\"*\"}}")),
                        "a value compared with StringEquals: only calls whose context holds the literal '*'"),
                Verdict.refused("encryptionContextKeys", b -> b.encryptionContextKeys("*")),
                Verdict.refused("viaServices", b -> b.viaServices("*")),
                Verdict.accepted("sourceArns", b -> b.allowedServices(AwsService.SAGEMAKER)
                                .sourceArns("arn:aws:sagemaker:*:*:*"),
                        p -> assertThat(conditionOn(p.trustPolicy(), "aws:SourceArn"))
                                .isEqualTo(Json.parse("{\"StringEquals\":{\"aws:SourceAccount\":\"" + ACCOUNT
                                        + "\"},\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sagemaker:*:*:*\"}}")),
                        "any SageMaker resource, and only of the stack's account: aws:SourceAccount stays"),
                Verdict.refused("externalId", b -> b.allowedAccountIds("111122223333").externalId("*")),
                Verdict.typed("crossAccountWithoutExternalId", "a flag (waives AIK008, exported and tagged)"),
                Verdict.refused("webIdentityProviderArn", b -> b.webIdentityProviderArn("arn:aws:iam::" + ACCOUNT
                        + ":oidc-provider/*").webIdentitySubjects("repo:octo/app:ref:refs/heads/main")),
                Verdict.refused("webIdentitySubjects", b -> b.webIdentityProviderArn("arn:aws:iam::" + ACCOUNT
                        + ":oidc-provider/token.actions.githubusercontent.com").webIdentitySubjects("*")),
                Verdict.accepted("webIdentityAudience", b -> b.webIdentityProviderArn("arn:aws:iam::" + ACCOUNT
                                + ":oidc-provider/token.actions.githubusercontent.com")
                                .webIdentitySubjects("repo:octo/app:ref:refs/heads/main").webIdentityAudience("*"),
                        p -> assertThat(conditionOn(p.trustPolicy(), "token.actions.githubusercontent.com:aud")
                                .getAsJsonObject("StringEquals").get("token.actions.githubusercontent.com:aud")
                                .getAsString()).isEqualTo("*"),
                        "an audience compared with StringEquals: only tokens whose aud is the literal '*'"),
                Verdict.typed("multiRegion", "a flag"),
                Verdict.refused("tags", b -> b.tags(Map.of("team", "*"))),
                Verdict.refused("lintWaivers", b -> b.lintWaivers(Map.of("*", "all of them"))),
                Verdict.refused("keyUsers", b -> b.keyUsers(KeyUser.builder("*").access(KeyAccess.DECRYPT_ONLY)
                        .build())),
                Verdict.refused("keyServiceUsers", b -> b.keyServiceUsers(KeyServiceUser.of(
                        KeyService.CLOUDWATCH_LOGS, "*"))),
                Verdict.accepted("migrateFrom", b -> b.migrateFrom(new LegacyResources("*", "*", "*", "*")),
                        WidestValuesTest::sameDocumentsAsWithout,
                        "logical names inside the alias URNs of the children, matched literally: no policy changes"),
                Verdict.typed("createInstanceProfile", "a flag"),
                Verdict.typed("retainOnDelete", "a flag"),
                Verdict.typed("protect", "a flag"),
                Verdict.refused("additionalAliasNames", b -> b.additionalAliasNames("alias/*")),
                Verdict.refused("replicaRegions", b -> b.multiRegion(true).replicaRegions("*")),
                Verdict.refused("adopt", b -> b.adopt(AdoptedResources.builder().keyId("*").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void theWidestValueIsRefusedOrLetsNobodyInBeyondItsLiteralValue(Verdict v) {
        if (v.widest() == null) {
            assertThat(v.why()).isNotBlank();
            return;
        }
        if (v.lets() == null) {
            assertThatThrownBy(() -> v.widest().apply(EncryptedAiDataKeyArgsTest.valid()).build())
                    .as(v.argument()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(v.argument()).hasMessageContaining("; received: ");
        } else {
            v.lets().accept(RenderedPolicies.of(v.widest()));
        }
    }

    /** Every argument has a verdict: a new one fails here until its widest value is decided. */
    @Test
    void everyArgumentHasAVerdict() {
        var arguments = new TreeSet<String>();
        Arrays.stream(EncryptedAiDataKeyArgs.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Import.class)).forEach(f -> arguments.add(f.getName()));
        assertThat(verdicts().map(Verdict::argument).toList()).containsExactlyInAnyOrderElementsOf(arguments);
    }

    private static void sameDocumentsAsWithout(RenderedPolicies policies) {
        var without = RenderedPolicies.of(b -> b);
        assertThat(List.of(policies.keyPolicy(), policies.trustPolicy(), policies.rolePolicy()))
                .isEqualTo(List.of(without.keyPolicy(), without.trustPolicy(), without.rolePolicy()));
    }

    /** The condition block of the one statement whose conditions name the key. */
    private static JsonObject conditionOn(String policy, String conditionKey) {
        var found = Json.parse(policy).getAsJsonObject().getAsJsonArray("Statement").asList().stream()
                .map(s -> s.getAsJsonObject().getAsJsonObject("Condition"))
                .filter(c -> c != null && c.entrySet().stream()
                        .anyMatch(e -> e.getValue().getAsJsonObject().has(conditionKey)))
                .toList();
        assertThat(found).as("statements conditioned on %s", conditionKey).hasSize(1);
        return found.get(0);
    }
}
