package io.github.aidatakeys;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.support.Stacks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.github.aidatakeys.support.Stacks.ALIAS;
import static io.github.aidatakeys.support.Stacks.KEY;
import static io.github.aidatakeys.support.Stacks.POLICY;
import static io.github.aidatakeys.support.Stacks.PROFILE;
import static io.github.aidatakeys.support.Stacks.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anything derived from a secret argument is secret, and nothing else is: per argument, the stack outputs and child
 * inputs that are secret when that one argument is given as a secret ({@code Output.ofSecret},
 * {@code config.requireSecret}), both when every argument is known at construction and when another one resolves
 * only during the deployment.
 */
class ArgumentSecrecyTest {
    private static final String CROSS_ACCOUNT = "111122223333";
    private static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.example.com";
    private static final Set<String> LINT = Set.of("lintFindings");

    /**
     * One argument given as a secret.
     *
     * @param argument the argument's name
     * @param base     the other arguments that make the secret one meaningful
     * @param secret   sets the argument to its secret value
     * @param value    the secret value (what must never show in plain)
     * @param outputs  the stack outputs that must be secret
     * @param inputs   the child inputs that must be secret, as {@code <child>.<input>}
     */
    record Case(String argument, UnaryOperator<EncryptedAiDataKeyArgs.Builder> base,
                BiFunction<EncryptedAiDataKeyArgs.Builder, Output<Object>, EncryptedAiDataKeyArgs.Builder> secret,
                Object value, Set<String> outputs, Set<String> inputs) {
        @Override
        public String toString() {
            return argument;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Output<T> cast(Output<Object> o) {
        return (Output<T>) (Output<?>) o;
    }

    private static Set<String> union(Set<String> a, String... b) {
        var all = new TreeSet<>(a);
        all.addAll(Arrays.asList(b));
        return all;
    }

    static Stream<Case> cases() {
        UnaryOperator<EncryptedAiDataKeyArgs.Builder> none = b -> b;
        UnaryOperator<EncryptedAiDataKeyArgs.Builder> crossAccount = b -> b.allowedAccountIds(CROSS_ACCOUNT);
        UnaryOperator<EncryptedAiDataKeyArgs.Builder> webIdentity = b -> b.webIdentityProviderArn(OIDC)
                .webIdentitySubjects("system:serviceaccount:ml:inference");
        var tags = Set.of("key.tags", "role.tags", "profile.tags");
        return Stream.of(
                new Case("aliasName", none, (b, o) -> b.aliasName(cast(o)), "alias/secret-alias-name",
                        Set.of("aliasName", "aliasArn"), Set.of("alias.name")),
                new Case("description", none, (b, o) -> b.description(cast(o)), "secret key description",
                        Set.of(), Set.of("key.description")),
                new Case("enableKeyRotation", none, (b, o) -> b.enableKeyRotation(cast(o)), false,
                        LINT, Set.of("key.enableKeyRotation", "key.rotationPeriodInDays")),
                new Case("rotationPeriodInDays", none, (b, o) -> b.rotationPeriodInDays(cast(o)), 180,
                        LINT, Set.of("key.enableKeyRotation", "key.rotationPeriodInDays")),
                new Case("deletionWindowInDays", none, (b, o) -> b.deletionWindowInDays(cast(o)), 9,
                        Set.of(), Set.of("key.deletionWindowInDays")),
                new Case("keyAdministratorArns", none, (b, o) -> b.keyAdministratorArns(cast(o)),
                        List.of("arn:aws:iam::123456789012:role/secret-key-admin"),
                        union(LINT, "keyPolicy"), Set.of("key.policy")),
                new Case("allowedServices", none, (b, o) -> b.allowedServices(cast(o)),
                        List.of("ec2.amazonaws.com", "sagemaker.amazonaws.com"),
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("allowedAccountIds", b -> b.crossAccountWithoutExternalId(true),
                        (b, o) -> b.allowedAccountIds(cast(o)), List.of(CROSS_ACCOUNT),
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("allowedRoleArns", none, (b, o) -> b.allowedRoleArns(cast(o)),
                        List.of("arn:aws:iam::123456789012:role/secret-caller-role"),
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("keyActions", none, (b, o) -> b.keyActions(cast(o)),
                        List.of("kms:Decrypt", "kms:DescribeKey"),
                        union(LINT, "rolePolicy"), Set.of("policy.policy")),
                new Case("roleName", none, (b, o) -> b.roleName(cast(o)), "secret-role-name",
                        Set.of("roleName", "roleArn"), Set.of("role.name", "policy.role", "profile.role")),
                new Case("rolePath", none, (b, o) -> b.rolePath(cast(o)), "/secret-role-path/",
                        Set.of("roleArn", "instanceProfileArn"), Set.of("role.path", "profile.path")),
                new Case("rolePermissionsBoundary", none, (b, o) -> b.rolePermissionsBoundary(cast(o)),
                        "arn:aws:iam::123456789012:policy/secret-boundary",
                        Set.of(), Set.of("role.permissionsBoundary")),
                new Case("roleMaxSessionDuration", none, (b, o) -> b.roleMaxSessionDuration(cast(o)), 7200,
                        Set.of(), Set.of("role.maxSessionDuration")),
                new Case("encryptionContext", none, (b, o) -> b.encryptionContext(cast(o)),
                        Map.of("dataset", "secret-dataset-name"),
                        union(LINT, "rolePolicy"), Set.of("policy.policy")),
                new Case("encryptionContextKeys", none, (b, o) -> b.encryptionContextKeys(cast(o)),
                        List.of("secret-context-key"), union(LINT, "rolePolicy"), Set.of("policy.policy")),
                new Case("viaServices", none, (b, o) -> b.viaServices(cast(o)), List.of("sagemaker"),
                        union(LINT, "rolePolicy"), Set.of("policy.policy")),
                new Case("sourceArns", b -> b.allowedServices(AwsService.SAGEMAKER),
                        (b, o) -> b.sourceArns(cast(o)),
                        List.of("arn:aws:sagemaker:us-east-1:123456789012:training-job/secret-job"),
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("externalId", crossAccount, (b, o) -> b.externalId(cast(o)), "secret-external-id",
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("crossAccountWithoutExternalId", crossAccount,
                        (b, o) -> b.crossAccountWithoutExternalId(cast(o)), true,
                        union(LINT, "lintWaivers"), tags),
                new Case("webIdentityProviderArn", b -> b.webIdentitySubjects("system:serviceaccount:ml:inference"),
                        (b, o) -> b.webIdentityProviderArn(cast(o)),
                        "arn:aws:iam::123456789012:oidc-provider/secret-issuer.example.com",
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("webIdentitySubjects", b -> b.webIdentityProviderArn(OIDC),
                        (b, o) -> b.webIdentitySubjects(cast(o)), List.of("system:serviceaccount:ml:secret-account"),
                        union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("webIdentityAudience", webIdentity, (b, o) -> b.webIdentityAudience(cast(o)),
                        "secret-token-audience", union(LINT, "trustPolicy"), Set.of("role.assumeRolePolicy")),
                new Case("multiRegion", none, (b, o) -> b.multiRegion(cast(o)), true,
                        Set.of(), Set.of("key.multiRegion")),
                new Case("tags", none, (b, o) -> b.tags(cast(o)), Map.of("team", "secret-team-name"),
                        Set.of(), tags),
                new Case("lintWaivers", crossAccount, (b, o) -> b.lintWaivers(cast(o)),
                        Map.of("AIK008", "secret waiver reason"), union(LINT, "lintWaivers", "trustPolicy"),
                        union(tags, "role.assumeRolePolicy")),
                new Case("keyUsers", none, (b, o) -> b.keyUsers(cast(o)),
                        List.of(KeyUser.builder("arn:aws:iam::123456789012:role/secret-reader")
                                .access(KeyAccess.DECRYPT_ONLY).build()),
                        union(LINT, "keyPolicy"), Set.of("key.policy")),
                new Case("keyServiceUsers", none, (b, o) -> b.keyServiceUsers(cast(o)),
                        List.of(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                                "arn:aws:logs:us-east-1:123456789012:log-group:secret-log-group")),
                        union(LINT, "keyPolicy"), Set.of("key.policy")));
    }

    /** The same program, with every argument known at construction or with one resolving only during deployment. */
    enum Timing { KNOWN_AT_CONSTRUCTION, ANOTHER_ARGUMENT_RESOLVES_LATER }

    static Stream<org.junit.jupiter.params.provider.Arguments> casesAndTimings() {
        return cases().flatMap(c -> Arrays.stream(Timing.values())
                .map(t -> org.junit.jupiter.params.provider.Arguments.of(c, t)));
    }

    static OfflineResult run(Case c, Timing timing) {
        return OfflineStack.builder().build().run(ctx -> {
            var pending = new CompletableFuture<String>();
            var args = EncryptedAiDataKeyArgs.builder().aliasName("alias/plain-alias")
                    .allowedServices(AwsService.EC2);
            args = c.secret().apply(c.base().apply(args), Output.ofSecret(c.value()));
            if (timing == Timing.ANOTHER_ARGUMENT_RESOLVES_LATER) {
                // An argument the case does not look at, known only once the future completes.
                var other = c.argument().equals("description") ? "rolePermissionsBoundary" : "description";
                if (other.equals("description")) {
                    args.description(Output.of(pending).applyValue(v -> "plain key description"));
                } else {
                    args.rolePermissionsBoundary(Output.of(pending)
                            .applyValue(v -> "arn:aws:iam::123456789012:policy/plain-boundary"));
                }
            }
            var key = new EncryptedAiDataKey("ai-data", args.build(), null);
            pending.complete("now");
            Stacks.export(ctx, key);
        });
    }

    private static final Map<String, String> CHILDREN = Map.of(KEY, "key", ALIAS, "alias", ROLE, "role",
            POLICY, "policy", PROFILE, "profile");

    static Set<String> secretInputs(OfflineResult result) {
        var secret = new TreeSet<String>();
        for (var r : result.resources()) {
            var child = CHILDREN.get(r.type());
            if (child != null) {
                r.secretInputs().forEach(i -> secret.add(child + "." + i));
            }
        }
        return secret;
    }

    static Set<String> secretOutputs(OfflineResult result) {
        return new TreeSet<>(result.secretOutputs());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("casesAndTimings")
    void whatDerivesFromASecretArgumentIsSecretAndNothingElse(Case c, Timing timing) {
        var result = run(c, timing);

        assertThat(result.succeeded()).as("%s", result.errors()).isTrue();
        assertThat(secretOutputs(result)).as("secret outputs").isEqualTo(new TreeSet<>(c.outputs()));
        assertThat(secretInputs(result)).as("secret child inputs").isEqualTo(new TreeSet<>(c.inputs()));
        // The key is never secret: consumers pass its ARN around freely.
        assertThat(result.isSecretOutput("keyArn")).isFalse();
        assertThat(result.isSecretOutput("keyId")).isFalse();
    }

    /** The cases whose secret value holds a recognisable string: those the check below can look for. */
    static Stream<Case> casesWithASecretString() {
        return cases().filter(c -> !secretStrings(c).isEmpty());
    }

    private static Set<String> secretStrings(Case c) {
        var secrets = new TreeSet<String>();
        leaves(c.value(), secrets);
        secrets.removeIf(s -> !s.contains("secret"));
        return secrets;
    }

    /**
     * An independent check of the table: each secret string shows up somewhere (else the check would prove nothing),
     * and wherever it shows up, it is secret.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithASecretString")
    void aSecretStringNeverAppearsInAPlainOutputOrChildInput(Case c) {
        var result = run(c, Timing.KNOWN_AT_CONSTRUCTION);
        assertThat(result.succeeded()).as("%s", result.errors()).isTrue();
        for (var secret : secretStrings(c)) {
            var hits = new int[1];
            result.outputs().forEach((name, value) -> {
                if (String.valueOf(value).contains(secret)) {
                    hits[0]++;
                    assertThat(result.isSecretOutput(name)).as("output %s shows %s", name, secret).isTrue();
                }
            });
            for (RecordedResource r : result.resources()) {
                r.inputs().forEach((name, value) -> {
                    if (String.valueOf(value).contains(secret)) {
                        hits[0]++;
                        assertThat(r.isSecret(name)).as("%s.%s shows %s", r.name(), name, secret).isTrue();
                    }
                });
            }
            assertThat(hits[0]).as("places where %s shows", secret).isPositive();
        }
    }

    private static void leaves(Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                leaves(k, into);
                leaves(v, into);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> leaves(v, into));
        } else if (value instanceof KeyUser user) {
            leaves(user.principal(), into);
        } else if (value instanceof KeyServiceUser user) {
            leaves(user.resourceArns(), into);
        } else {
            into.add(String.valueOf(value));
        }
    }

    @Test
    void everyArgumentThatTakesAnOutputHasACase() {
        var arguments = new TreeSet<String>();
        for (var field : EncryptedAiDataKeyArgs.class.getDeclaredFields()) {
            var annotation = field.getAnnotation(Import.class);
            if (annotation != null && field.getType() == Output.class) {
                arguments.add(annotation.name());
            }
        }
        assertThat(cases().map(Case::argument).toList()).containsExactlyInAnyOrderElementsOf(arguments);
    }

    @Test
    void replicaKeysTakeTheSecrecyOfThePrimarysArguments() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.EC2).multiRegion(true).replicaRegions("eu-west-1")
                    .keyAdministratorArns(Output.ofSecret(List.of("arn:aws:iam::123456789012:role/secret-admin")))
                    .tags(Output.ofSecret(Map.of("team", "secret-team-name")))
                    .build(), null);
            Stacks.export(ctx, key);
        });
        assertThat(result.succeeded()).as("%s", result.errors()).isTrue();
        var replica = result.resourcesOfType(Stacks.REPLICA);
        assertThat(replica).singleElement().satisfies(r -> {
            assertThat(r.input("policy")).contains("secret-admin");
            assertThat(r.secretInputs()).containsExactlyInAnyOrder("policy", "tags");
        });
        assertThat(result.outputs()).containsKey("replicaKeyArns");
        assertThat(result.isSecretOutput("replicaKeyArns")).isFalse();
    }

    @Test
    void withoutSecretArgumentsNothingIsSecret() {
        var result = run(new Case("none", b -> b, (b, o) -> b, "", Set.of(), Set.of()),
                Timing.KNOWN_AT_CONSTRUCTION);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.secretOutputs()).isEmpty();
        assertThat(secretInputs(result)).isEmpty();
    }

    @Test
    void aSecretArgumentNeverShowsInAnErrorMessage() {
        var result = OfflineStack.builder().build().run(ctx -> new EncryptedAiDataKey("ai-data",
                Stacks.argsBypassingBuild(EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedAccountIds(CROSS_ACCOUNT).externalId(Output.ofSecret("secret id!"))), null));
        assertThat(result.failure()).get().satisfies(e -> assertThat(e).hasMessage(
                "externalId must be 2 to 1224 characters from A-Z, a-z, 0-9 and +=,.@:/_-; received: [secret]"));
    }

    @Test
    void aSecretArgumentNeverShowsInAConflictWithAPlainOne() {
        // The additional alias repeats the secret alias: showing either would give the secret away.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder()
                        .aliasName(Output.ofSecret("alias/secret-alias-name")).allowedServices(AwsService.EC2)
                        .additionalAliasNames("secret-alias-name").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("additionalAliasNames[0] must differ from aliasName [secret]")
                .hasMessageNotContaining("secret-alias-name");
    }

    @Test
    void aSecretArgumentNeverShowsInAConflictFoundOnceTheAccountIsKnown() {
        // The stack's account is only known during the deployment: the check runs inside an apply.
        var result = OfflineStack.builder().build().run(ctx -> new EncryptedAiDataKey("ai-data",
                EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedRoleArns(Output.ofSecret(List.of("arn:aws:iam::444455556666:role/secret-partner")))
                        .build(), null));
        var text = Stacks.problems(result);
        assertThat(text).contains("allowedRoleArns[0] is in account [secret], not the stack's account 123456789012")
                .doesNotContain("444455556666").doesNotContain("secret-partner");
    }

    @Test
    void secretsReachTheChildrenAsSecretsWhenTheArgumentsResolveDuringTheDeployment() {
        // Not only a plain value made secret: the secrecy of an Output that resolves late is kept too.
        var result = OfflineStack.builder().build().run(ctx -> {
            var pending = new CompletableFuture<String>();
            var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedAccountIds(CROSS_ACCOUNT)
                    .externalId(Output.of(pending).applyValue(v -> v).asSecret()).build(), null);
            pending.complete("late-secret-id");
            Stacks.export(ctx, key);
        });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resource(ROLE, "ai-data-role").input("assumeRolePolicy")).contains("late-secret-id");
        assertThat(result.resource(ROLE, "ai-data-role").isSecret("assumeRolePolicy")).isTrue();
        assertThat(secretOutputs(result)).containsExactlyInAnyOrder("trustPolicy", "lintFindings");
    }
}
