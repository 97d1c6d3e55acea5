package io.github.aidatakeys;

import com.google.gson.JsonElement;
import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.Mocks;
import io.github.aidatakeys.support.Stacks;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.github.aidatakeys.support.Json.parse;
import static io.github.aidatakeys.support.Stacks.ALIAS;
import static io.github.aidatakeys.support.Stacks.KEY;
import static io.github.aidatakeys.support.Stacks.KEY_ARN;
import static io.github.aidatakeys.support.Stacks.KEY_ID;
import static io.github.aidatakeys.support.Stacks.POLICY;
import static io.github.aidatakeys.support.Stacks.PROFILE;
import static io.github.aidatakeys.support.Stacks.ROLE;
import static io.github.aidatakeys.support.Stacks.argsBypassingBuild;
import static io.github.aidatakeys.support.Stacks.export;
import static io.github.aidatakeys.support.Stacks.rootStatement;
import static io.github.aidatakeys.support.Stacks.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The component under the SDK's mock engine: what it registers, with which inputs, options and outputs. */
class EncryptedAiDataKeyTest {
    @Test
    void registersTheComponentAndFourChildrenNamedAfterIt() {
        var result = run(b -> b.allowedServices(AwsService.SAGEMAKER));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.withoutStack()).extracting(RecordedResource::type, RecordedResource::name)
                .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(EncryptedAiDataKey.TYPE, "ai-data"),
                org.assertj.core.groups.Tuple.tuple(KEY, "ai-data-key"),
                org.assertj.core.groups.Tuple.tuple(ALIAS, "ai-data-alias"),
                org.assertj.core.groups.Tuple.tuple(ROLE, "ai-data-role"),
                org.assertj.core.groups.Tuple.tuple(POLICY, "ai-data-policy"));
    }

    @Test
    void ec2GetsAnInstanceProfileForTheRoleSoAnInstanceCanTakeIt() {
        var result = run(b -> b);
        var profile = result.resource(PROFILE, "ai-data-instance-profile");
        assertThat(profile.parentName()).isEqualTo("ai-data");
        assertThat(profile.input("role")).isEqualTo(result.resource(ROLE, "ai-data-role").state().get("name"));
        assertThat((String) result.outputs().get("instanceProfileArn"))
                .matches("arn:aws:iam::123456789012:instance-profile/ai-data-instance-profile-[0-9a-f]{7}");
    }

    @Test
    void ec2InEveryPartitionGetsAnInstanceProfile() {
        var result = OfflineStack.builder().mocks(new AwsMocks("123456789012", "cn-north-1", "aws-cn")).build()
                .run(ctx -> new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedServices("ec2.amazonaws.com.cn").build(), null));
        assertThat(result.resourcesOfType(PROFILE)).hasSize(1);
    }

    @Test
    void instanceProfileOutputsWaitForThePolicyLikeRoleArn() {
        var result = runWithPolicyNeverAttached();
        assertThat(result.resource(PROFILE, "ai-data-instance-profile").state().get("arn"))
                .asString().startsWith("arn:aws:iam::123456789012:instance-profile/");
        assertThat(result.outputs().get("instanceProfileArn")).isEqualTo(OfflineStack.UNKNOWN);
        assertThat(result.outputs().get("instanceProfileName")).isEqualTo(OfflineStack.UNKNOWN);
    }

    @Test
    void instanceProfileCanBeTurnedOff() {
        var result = run(b -> b.createInstanceProfile(false));
        assertThat(result.resourcesOfType(PROFILE)).isEmpty();
        assertThat(result.outputs().get("instanceProfileArn")).isNull();
    }

    @Test
    void servicesOtherThanEc2GetNoInstanceProfile() {
        assertThat(run(b -> b.allowedServices(AwsService.LAMBDA)).resourcesOfType(PROFILE)).isEmpty();
    }

    @Test
    void typeTokenIsTheDocumentedOne() {
        assertThat(EncryptedAiDataKey.TYPE).isEqualTo("aidatakeys:index:EncryptedAiDataKey");
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        var result = run(b -> b);
        assertThat(result.resources()).filteredOn(RecordedResource::custom)
                .allSatisfy(r -> {
                    assertThat(r.parentType()).isEqualTo(EncryptedAiDataKey.TYPE);
                    assertThat(r.parentName()).isEqualTo("ai-data");
                });
    }

    @Test
    void keyIsASymmetricEncryptDecryptKeyWithRotationEvery365DaysAndA30DayWindow() {
        var key = run(b -> b).resource(KEY, "ai-data-key");
        assertThat(key.inputs())
                .containsEntry("keyUsage", "ENCRYPT_DECRYPT")
                .containsEntry("customerMasterKeySpec", "SYMMETRIC_DEFAULT")
                .containsEntry("enableKeyRotation", true)
                .containsEntry("rotationPeriodInDays", 365.0)
                .containsEntry("deletionWindowInDays", 30.0)
                .containsEntry("bypassPolicyLockoutSafetyCheck", false)
                .containsEntry("description", "Encrypts AI-generated data (managed by EncryptedAiDataKey ai-data)");
    }

    @Test
    void rotationOffSendsNoPeriod() {
        var key = run(b -> b.enableKeyRotation(false)).resource(KEY, "ai-data-key");
        assertThat(key.inputs()).containsEntry("enableKeyRotation", false).doesNotContainKey("rotationPeriodInDays");
    }

    @Test
    void customRotationPeriodDeletionWindowAndDescriptionReachTheKey() {
        var key = run(b -> b.rotationPeriodInDays(90).deletionWindowInDays(7).description("Chat transcripts"))
                .resource(KEY, "ai-data-key");
        assertThat(key.inputs()).containsEntry("rotationPeriodInDays", 90.0).containsEntry("deletionWindowInDays", 7.0)
                .containsEntry("description", "Chat transcripts");
    }

    @Test
    void keyIsRetainedOnDeleteAndNotProtectedByDefault() {
        var key = run(b -> b).resource(KEY, "ai-data-key");
        assertThat(key.retainOnDelete()).isTrue();
        assertThat(key.protect()).isFalse();
    }

    @Test
    void retentionCanBeTurnedOffExplicitlyAndProtectOn() {
        var key = run(b -> b.retainOnDelete(false).protect(true)).resource(KEY, "ai-data-key");
        assertThat(key.retainOnDelete()).isFalse();
        assertThat(key.protect()).isTrue();
    }

    @Test
    void onlyTheKeyIsRetained() {
        var result = run(b -> b);
        assertThat(result.resources()).filteredOn(RecordedResource::retainOnDelete)
                .extracting(RecordedResource::name).containsExactly("ai-data-key");
    }

    @Test
    void keyPolicyHoldsOnlyTheAccountRootDelegationByDefault() {
        var result = run(b -> b);
        var expected = parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + rootStatement() + "]}");
        assertThat(parse(result.resource(KEY, "ai-data-key").input("policy"))).isEqualTo(expected);
        assertThat(parse(result.outputs().get("keyPolicy"))).isEqualTo(expected);
    }

    @Test
    void keyAdministratorsGetManagementActionsAndNoCryptographicOnes() {
        var admin = "arn:aws:iam::123456789012:role/platform-admin";
        var policy = parse(run(b -> b.keyAdministratorArns(admin)).resource(KEY, "ai-data-key").input("policy"));
        var statements = policy.getAsJsonObject().getAsJsonArray("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).isEqualTo(rootStatement());
        var adminStatement = statements.get(1).getAsJsonObject();
        assertThat(adminStatement.get("Principal")).isEqualTo(parse("{\"AWS\":\"" + admin + "\"}"));
        var actions = adminStatement.getAsJsonArray("Action").asList().stream().map(JsonElement::getAsString).toList();
        assertThat(actions).contains("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
                "kms:EnableKeyRotation", "kms:DescribeKey");
        assertThat(actions).doesNotContain("kms:*", "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
                "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant");
        assertThat(actions).noneMatch(a -> a.contains("*"));
    }

    @Test
    void keyPolicyUsesThePartitionAndAccountOfTheDeployment() {
        var result = OfflineStack.builder().mocks(new AwsMocks("210987654321", "cn-north-1", "aws-cn")).build()
                .run(ctx -> export(ctx, new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder()
                        .aliasName("k").allowedServices("ec2.amazonaws.com.cn").build(), null)));
        assertThat(parse(result.outputs().get("keyPolicy")).getAsJsonObject().getAsJsonArray("Statement").get(0)
                .getAsJsonObject().get("Principal")).isEqualTo(parse("{\"AWS\":\"arn:aws-cn:iam::210987654321:root\"}"));
    }

    @Test
    void aliasGetsThePrefixAndTargetsTheKey() {
        var alias = run(b -> b).resource(ALIAS, "ai-data-alias");
        assertThat(alias.inputs()).containsEntry("name", "alias/aiDataKey").containsEntry("targetKeyId", KEY_ID);
    }

    @Test
    void rolePolicyGrantsTheOriginalProgramsActionsExpandedOnTheKeyArn() {
        var result = run(b -> b);
        var expected = parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"UseKeyForAiData","Effect":"Allow",
                 "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                   "kms:GenerateDataKeyWithoutPlaintext","kms:GenerateDataKeyPair",
                   "kms:GenerateDataKeyPairWithoutPlaintext","kms:DescribeKey"],
                 "Resource":"%s"}]}""".formatted(KEY_ARN));
        assertThat(parse(result.resource(POLICY, "ai-data-policy").input("policy"))).isEqualTo(expected);
        assertThat(parse(result.outputs().get("rolePolicy"))).isEqualTo(expected);
    }

    @Test
    void rolePolicyResourceIsTheKeyArnNeverTheKeyIdOrAWildcard() {
        var policy = run(b -> b).resource(POLICY, "ai-data-policy").input("policy");
        var resource = parse(policy).getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject()
                .get("Resource").getAsString();
        assertThat(resource).isEqualTo(KEY_ARN).isNotEqualTo(KEY_ID).isNotEqualTo("*");
    }

    @Test
    void decryptOnlyPresetGrantsDecryptAndDescribeOnly() {
        var policy = parse(run(b -> b.keyAccess(KeyAccess.DECRYPT_ONLY)).outputs().get("rolePolicy"));
        assertThat(policy.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject().get("Action"))
                .isEqualTo(parse("[\"kms:Decrypt\",\"kms:DescribeKey\"]"));
    }

    @Test
    void policyIsAttachedToTheDataRole() {
        var result = run(b -> b);
        var role = result.resource(ROLE, "ai-data-role");
        assertThat(result.resource(POLICY, "ai-data-policy").input("role")).isEqualTo(role.state().get("name"));
    }

    @Test
    void trustPolicyRendersServicesAccountsAndRolesAsTypedPrincipals() {
        var role = "arn:aws:iam::123456789012:role/inference";
        var result = run(b -> b.allowedServices(AwsService.SAGEMAKER, AwsService.BEDROCK)
                .allowedAccountIds("123456789012").allowedRoleArns(role));
        var expected = parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"TrustedServicesAssumeRole","Effect":"Allow",
                  "Principal":{"Service":["sagemaker.amazonaws.com","bedrock.amazonaws.com"]},"Action":"sts:AssumeRole",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}},
                 {"Sid":"TrustedAwsPrincipalsAssumeRole","Effect":"Allow",
                  "Principal":{"AWS":["arn:aws:iam::123456789012:root","%s"]},"Action":"sts:AssumeRole"}]}"""
                .formatted(role));
        assertThat(parse(result.resource(ROLE, "ai-data-role").input("assumeRolePolicy"))).isEqualTo(expected);
        assertThat(parse(result.outputs().get("trustPolicy"))).isEqualTo(expected);
    }

    @Test
    void roleIsAutoNamedByDefaultWithPathAndSessionDefaults() {
        var role = run(b -> b).resource(ROLE, "ai-data-role");
        assertThat(role.inputs()).doesNotContainKey("name").doesNotContainKey("permissionsBoundary")
                .containsEntry("path", "/").containsEntry("maxSessionDuration", 3600.0);
    }

    @Test
    void roleNamePathBoundaryAndSessionAreApplied() {
        var boundary = "arn:aws:iam::123456789012:policy/ai-boundary";
        var role = run(b -> b.roleName("ai-service").rolePath("/ai/").rolePermissionsBoundary(boundary)
                .roleMaxSessionDuration(7200)).resource(ROLE, "ai-data-role");
        assertThat(role.inputs()).containsEntry("name", "ai-service").containsEntry("path", "/ai/")
                .containsEntry("permissionsBoundary", boundary).containsEntry("maxSessionDuration", 7200.0);
    }

    @Test
    void outputsCarryRealIdsAndArns() {
        var outputs = run(b -> b).outputs();
        assertThat(outputs).containsEntry("keyId", KEY_ID)
                .containsEntry("keyArn", KEY_ARN)
                .containsEntry("aliasName", "alias/aiDataKey")
                .containsEntry("aliasArn", "arn:aws:kms:us-east-1:123456789012:alias/aiDataKey");
        assertThat((String) outputs.get("roleArn")).matches("arn:aws:iam::123456789012:role/ai-data-role-[0-9a-f]{7}");
        assertThat((String) outputs.get("roleName")).matches("ai-data-role-[0-9a-f]{7}");
        assertThat((String) outputs.get("rolePolicyName")).matches("ai-data-policy-[0-9a-f]{7}");
    }

    @Test
    void roleArnResolvesOnlyOnceThePolicyIsAttached() {
        var result = runWithPolicyNeverAttached();
        assertThat(result.outputs().get("roleName")).isNotEqualTo(OfflineStack.UNKNOWN);
        assertThat(result.outputs().get("roleArn")).isEqualTo(OfflineStack.UNKNOWN);
    }

    @Test
    void explicitProviderReachesEveryChildAndTheAccountLookups() {
        var mocks = new AwsMocks();
        var result = OfflineStack.builder().mocks(mocks).build().run(ctx -> {
            var provider = new Provider("eu-account", ProviderArgs.builder().region("eu-west-1").build());
            new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.EC2).build(),
                    ComponentResourceOptions.builder().providers(provider).build());
        });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resources()).filteredOn(r -> r.type().startsWith("aws:") && r.custom())
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.provider()).contains("pulumi:providers:aws::eu-account"));
        assertThat(mocks.calls()).hasSize(3)
                .allSatisfy(c -> assertThat(c.provider).contains("pulumi:providers:aws::eu-account"));
    }

    @Test
    void accountLookupsRunOncePerProviderNotOncePerKey() {
        var mocks = new AwsMocks();
        var result = OfflineStack.builder().mocks(mocks).build().run(ctx -> {
            var eu = new Provider("eu-account", ProviderArgs.builder().region("eu-west-1").build());
            for (int i = 0; i < 3; i++) {
                new EncryptedAiDataKey("default-" + i, EncryptedAiDataKeyArgs.builder().aliasName("d" + i)
                        .allowedServices(AwsService.SAGEMAKER).build(), null);
                new EncryptedAiDataKey("eu-" + i, EncryptedAiDataKeyArgs.builder().aliasName("e" + i)
                        .allowedServices(AwsService.SAGEMAKER).build(),
                        ComponentResourceOptions.builder().providers(eu).build());
            }
        });
        assertThat(result.succeeded()).isTrue();
        assertThat(mocks.calls()).hasSize(6);
        assertThat(mocks.calls()).filteredOn(c -> c.provider != null && c.provider.contains("eu-account")).hasSize(3);
    }

    @Test
    void withoutAProviderChildrenUseTheDefaultOne() {
        assertThat(run(b -> b).resources()).filteredOn(r -> r.type().startsWith("aws:"))
                .allSatisfy(r -> assertThat(r.provider()).isNull());
    }

    @Test
    void badArgumentsRegisterNothing() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var args = EncryptedAiDataKeyArgs.builder().aliasName(Output.of("alias/aws/x"))
                    .allowedServices(AwsService.EC2);
            // build() refuses it first; an Args filled by the runtime is refused by the constructor too.
            new EncryptedAiDataKey("ai-data", argsBypassingBuild(args), null);
        });
        assertThat(result.failure()).get().satisfies(e -> assertThat(e)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("aliasName must not start with 'alias/aws/'"));
        Stacks.nothingRegistered(result);
    }

    @Test
    void aKnownBadArgumentIsRefusedAtConstructionWhileAnotherIsStillAnUnresolvedOutput() {
        var pending = new java.util.concurrent.CompletableFuture<String>();
        var result = OfflineStack.builder().build().run(ctx -> {
            try {
                var args = EncryptedAiDataKeyArgs.builder().aliasName("alias/aws/x").allowedServices(AwsService.EC2)
                        .description(Output.of(pending));
                new EncryptedAiDataKey("ai-data", argsBypassingBuild(args), null);
            } finally {
                pending.complete("known only during the deployment");
            }
        });
        Stacks.refusedAtConstruction(result, IllegalArgumentException.class, RESERVED_ALIAS);
    }

    static final String RESERVED_ALIAS = "aliasName must not start with 'alias/aws/' in any case (reserved for AWS "
            + "managed keys); received: \"alias/aws/x\"";

    @Test
    void aBadValueInsideAnOutputIsRefusedWhenItResolvesWithTheSameMessageAndNoChildIsCreated() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var pending = new java.util.concurrent.CompletableFuture<String>();
            new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName(Output.of(pending))
                    .allowedServices(AwsService.EC2).build(), null);
            pending.complete("alias/aws/x");
        });
        assertThat(Stacks.problems(result)).contains(RESERVED_ALIAS);
        assertThat(result.withoutStack()).extracting(RecordedResource::type).containsExactly(EncryptedAiDataKey.TYPE);
    }

    @Test
    void rulesThatRelateArgumentsAreCheckedOnceTheUnresolvedOnesResolve() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var pending = new java.util.concurrent.CompletableFuture<String>();
            new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.EC2).enableKeyRotation(false).rotationPeriodInDays(180)
                    .description(Output.of(pending)).build(), null);
            pending.complete("known only during the deployment");
        });
        assertThat(Stacks.problems(result)).contains("rotationPeriodInDays is set "
                + "while enableKeyRotation is false; turn rotation on or leave the period unset; received: "
                + "rotationPeriodInDays=180, enableKeyRotation=false");
        assertThat(result.withoutStack()).extracting(RecordedResource::type).containsExactly(EncryptedAiDataKey.TYPE);
    }

    @Test
    void nullNameAndNullArgsAreNamed() {
        Consumer<Context> nullName = ctx -> new EncryptedAiDataKey(null,
                EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2).build(), null);
        Consumer<Context> nullArgs = ctx -> new EncryptedAiDataKey("ai-data", null, null);
        assertThat(OfflineStack.builder().build().run(nullName).failure()).get()
                .satisfies(e -> assertThat(e).hasMessage("name is required; received: null"));
        assertThat(OfflineStack.builder().build().run(nullArgs).failure()).get()
                .satisfies(e -> assertThat(e).hasMessage("args is required; received: null"));
    }

    @Test
    void outputArgumentsKnownOnlyAtDeployAreValidatedWhenTheyResolveWithTheSameMessage() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var source = new com.pulumi.aws.iam.Role("source", com.pulumi.aws.iam.RoleArgs.builder()
                    .assumeRolePolicy("{}").build(), CustomResourceOptions.builder().build());
            var lateDays = source.arn().applyValue(arn -> 3); // known only after "source" is created
            new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.EC2).deletionWindowInDays(lateDays).build(), null);
        });
        assertThat(Stacks.problems(result))
                .contains("deletionWindowInDays must be between 7 and 30 days; received: 3");
    }

    @Test
    void outputArgumentsThatAreValidReachTheResources() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var source = new com.pulumi.aws.iam.Role("source", com.pulumi.aws.iam.RoleArgs.builder()
                    .assumeRolePolicy("{}").build(), CustomResourceOptions.builder().build());
            new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedRoleArns(source.arn().applyValue(List::of)).build(), null);
        });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resource(ROLE, "ai-data-role").input("assumeRolePolicy"))
                .contains("arn:aws:iam::123456789012:role/source-");
    }

    @Test
    void keyAndRoleWaitForNothingAliasAndPolicyWaitOnlyForThem() {
        var result = run(b -> b);
        assertThat(result.resource(KEY, "ai-data-key").dependsOn()).isEmpty();
        assertThat(result.resource(ROLE, "ai-data-role").dependsOn()).isEmpty();
        assertThat(result.resource(ALIAS, "ai-data-alias").dependsOn()).containsExactly(KEY + "::ai-data-key");
        assertThat(result.resource(POLICY, "ai-data-policy").dependsOn())
                .containsExactlyInAnyOrder(KEY + "::ai-data-key", ROLE + "::ai-data-role");
    }

    /** An EC2 key whose role policy never gets an id: whatever waits for the policy stays unknown. */
    static OfflineResult runWithPolicyNeverAttached() {
        return OfflineStack.builder().mocks(policyNeverAttached()).preview(true).build().run(ctx -> export(ctx,
                new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedServices(AwsService.EC2).build(), null)));
    }

    /** Mocks under which the role policy never gets an id: whatever waits for the policy stays unknown. */
    static AwsMocks policyNeverAttached() {
        return new AwsMocks() {
            @Override
            public java.util.concurrent.CompletableFuture<Mocks.ResourceResult> newResourceAsync(Mocks.ResourceArgs a) {
                if (a.type.equals(POLICY)) {
                    return java.util.concurrent.CompletableFuture.completedFuture(
                            Mocks.ResourceResult.of(java.util.Optional.empty(), java.util.Map.of()));
                }
                return super.newResourceAsync(a);
            }
        };
    }
}
