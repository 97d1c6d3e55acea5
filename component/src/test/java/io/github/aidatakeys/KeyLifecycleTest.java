package io.github.aidatakeys;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.aidatakeys.support.Stacks;
import io.github.aidatakeys.testing.OfflinePlan;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;

import static io.github.aidatakeys.support.Stacks.ADMIN;
import static io.github.aidatakeys.support.Stacks.ALIAS;
import static io.github.aidatakeys.support.Stacks.AP_ARN;
import static io.github.aidatakeys.support.Stacks.EU_ARN;
import static io.github.aidatakeys.support.Stacks.KEY;
import static io.github.aidatakeys.support.Stacks.MRK_ID;
import static io.github.aidatakeys.support.Stacks.POLICY;
import static io.github.aidatakeys.support.Stacks.PRIMARY_ARN;
import static io.github.aidatakeys.support.Stacks.PROFILE;
import static io.github.aidatakeys.support.Stacks.REPLICA;
import static io.github.aidatakeys.support.Stacks.replicated;
import static io.github.aidatakeys.support.Stacks.ROLE;
import static io.github.aidatakeys.support.Stacks.argsBypassingBuild;
import static io.github.aidatakeys.support.Stacks.rootStatement;
import static io.github.aidatakeys.support.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Additional aliases, multi-Region replicas and adopting existing resources, under the mock engine. */
class KeyLifecycleTest {
    static final String AWS_PROVIDER = "pulumi:providers:aws";
    /** Runs arguments that build() would refuse, to show the constructor refuses them too, registering nothing. */
    static OfflineResult runUnchecked(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args) {
        return OfflineStack.builder().build().run(ctx -> new EncryptedAiDataKey("ai-data", argsBypassingBuild(
                args.apply(EncryptedAiDataKeyArgs.builder().aliasName("aiDataKey")
                        .allowedServices(AwsService.EC2))), null));
    }

    static void refusedBeforeAnythingIsRegistered(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args,
                                                  Class<? extends Throwable> type, String message) {
        assertThatThrownBy(() -> args.apply(EncryptedAiDataKeyArgs.builder().aliasName("aiDataKey")
                .allowedServices(AwsService.EC2)).build()).isInstanceOf(type).hasMessage(message);
        Stacks.refusedAtConstruction(runUnchecked(args), type, message);
    }

    // ---- additional aliases -------------------------------------------------------------------------------------

    @Test
    void eachAdditionalAliasIsItsOwnAliasNamedAfterItAndTargetingTheKey() {
        var result = Stacks.run(b -> b.additionalAliasNames("datasets/chat-logs", "alias/models/llama"));
        assertThat(result.resourcesOfType(ALIAS)).extracting(RecordedResource::name, r -> r.input("name"),
                r -> r.input("targetKeyId"), RecordedResource::parentName).containsExactlyInAnyOrder(
                tuple("ai-data-alias", "alias/aiDataKey", Stacks.KEY_ID, "ai-data"),
                tuple("ai-data-alias-datasets/chat-logs", "alias/datasets/chat-logs", Stacks.KEY_ID,
                        "ai-data"),
                tuple("ai-data-alias-models/llama", "alias/models/llama", Stacks.KEY_ID, "ai-data"));
    }

    @Test
    void reorderingAdditionalAliasesKeepsEveryChildName() {
        var forward = Stacks.run(b -> b.additionalAliasNames("a-one", "b-two")).resourcesOfType(ALIAS);
        var reversed = Stacks.run(b -> b.additionalAliasNames("b-two", "a-one")).resourcesOfType(ALIAS);
        assertThat(reversed).extracting(RecordedResource::name, r -> r.input("name"))
                .containsExactlyInAnyOrderElementsOf(forward.stream()
                        .map(r -> tuple(r.name(), r.input("name"))).toList());
    }

    @Test
    void additionalAliasNamesFollowTheAliasNameRules() {
        refusedBeforeAnythingIsRegistered(b -> b.additionalAliasNames("by-model", "alias/AWS/x"),
                IllegalArgumentException.class, "additionalAliasNames[1] must not start with 'alias/aws/' in any case "
                        + "(reserved for AWS managed keys); received: \"alias/AWS/x\"");
        refusedBeforeAnythingIsRegistered(b -> b.additionalAliasNames("by model"),
                IllegalArgumentException.class, "additionalAliasNames[0] may contain only letters, digits, '/', '_' "
                        + "and '-'; received: \"by model\"");
    }

    @Test
    void additionalAliasNamesRefuseDuplicatesAlsoByCase() {
        refusedBeforeAnythingIsRegistered(b -> b.additionalAliasNames("by-model", "alias/BY-MODEL"),
                IllegalArgumentException.class, "additionalAliasNames must not contain duplicates (compared ignoring "
                        + "case, with the 'alias/' prefix), but [0] and [1] are the same; received: [\"by-model\", "
                        + "\"alias/BY-MODEL\"]");
    }

    @Test
    void additionalAliasNamesMustDifferFromAliasName() {
        refusedBeforeAnythingIsRegistered(b -> b.additionalAliasNames("alias/AIDATAKEY"),
                IllegalArgumentException.class, "additionalAliasNames[0] must differ from aliasName "
                        + "\"alias/aiDataKey\" (compared ignoring case); received: \"alias/AIDATAKEY\"");
    }

    // ---- replicas -----------------------------------------------------------------------------------------------

    @Test
    void replicasAreCreatedInEachNamedRegionThroughAProviderForThatRegion() {
        var result = Stacks.run(replicated());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resourcesOfType(AWS_PROVIDER)).extracting(RecordedResource::name, r -> r.input("region"),
                RecordedResource::parentName).containsExactlyInAnyOrder(
                tuple("ai-data-provider-eu-west-1", "eu-west-1", "ai-data"),
                tuple("ai-data-provider-ap-southeast-2", "ap-southeast-2", "ai-data"));
        assertThat(result.resourcesOfType(REPLICA)).extracting(RecordedResource::name,
                r -> r.input("primaryKeyArn"), r -> r.state().get("arn"), RecordedResource::parentName)
                .containsExactlyInAnyOrder(
                        tuple("ai-data-replica-eu-west-1", PRIMARY_ARN, EU_ARN, "ai-data"),
                        tuple("ai-data-replica-ap-southeast-2", PRIMARY_ARN, AP_ARN, "ai-data"));
        assertThat(result.resource(REPLICA, "ai-data-replica-eu-west-1").provider())
                .contains("::ai-data-provider-eu-west-1::");
        assertThat(result.resource(KEY, "ai-data-key").provider()).isNull();
    }

    @Test
    void replicasAreRetainedOnDeleteAndProtectedLikeThePrimary() {
        replicasHaveThePrimarysFlags(Stacks.run(replicated()), true, false);
        replicasHaveThePrimarysFlags(Stacks.run(b -> replicated().apply(b).retainOnDelete(false).protect(true)),
                false, true);
    }

    /** The primary has these retainOnDelete and protect flags, and so has each of the two replicas. */
    private static void replicasHaveThePrimarysFlags(OfflineResult result, boolean retainOnDelete, boolean protect) {
        assertThat(result.resource(KEY, "ai-data-key"))
                .extracting(RecordedResource::retainOnDelete, RecordedResource::protect)
                .containsExactly(retainOnDelete, protect);
        assertThat(result.resourcesOfType(REPLICA)).hasSize(2).allSatisfy(r -> assertThat(r)
                .extracting(RecordedResource::retainOnDelete, RecordedResource::protect)
                .containsExactly(retainOnDelete, protect));
    }

    @Test
    void replicasCarryTheKeysDescriptionWindowTagsAndNeverBypassTheLockoutCheck() {
        var result = Stacks.run(replicated());
        var key = result.resource(KEY, "ai-data-key");
        var replica = result.resource(REPLICA, "ai-data-replica-eu-west-1");
        assertThat(replica.inputs()).containsEntry("description", key.inputs().get("description"))
                .containsEntry("deletionWindowInDays", 30.0)
                .containsEntry("tags", key.inputs().get("tags"))
                .containsEntry("bypassPolicyLockoutSafetyCheck", false);
    }

    @Test
    void keyPolicyIsRenderedPerRegionAndAdministratorsMayReplicateOnlyWithinTheSet() {
        var result = Stacks.run(replicated());
        String admin = """
                {"Sid":"AllowKeyAdministration","Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":["kms:CancelKeyDeletion","kms:CreateAlias","kms:DeleteAlias","kms:DescribeKey",
                   "kms:DisableKey","kms:DisableKeyRotation","kms:EnableKey","kms:EnableKeyRotation",
                   "kms:GetKeyPolicy","kms:GetKeyRotationStatus","kms:ListGrants","kms:ListKeyPolicies",
                   "kms:ListKeyRotations","kms:ListResourceTags","kms:PutKeyPolicy","kms:RevokeGrant",
                   "kms:RotateKeyOnDemand","kms:ScheduleKeyDeletion","kms:TagResource","kms:UntagResource",
                   "kms:UpdateAlias","kms:UpdateKeyDescription","kms:UpdatePrimaryRegion"],
                 "Resource":"*"}""".formatted(ADMIN);
        String replication = """
                {"Sid":"AllowKeyReplication","Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":"kms:ReplicateKey","Resource":"*",
                 "Condition":{"StringEquals":{"kms:ReplicaRegion":%s}}}""";
        assertThat(parse(result.resource(KEY, "ai-data-key").input("policy"))).isEqualTo(parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + rootStatement() + "," + admin + ","
                        + replication.formatted(ADMIN, "[\"eu-west-1\",\"ap-southeast-2\"]") + "]}"));
        assertThat(parse(result.outputs().get("keyPolicy")))
                .isEqualTo(parse(result.resource(KEY, "ai-data-key").input("policy")));
        assertThat(parse(result.resource(REPLICA, "ai-data-replica-eu-west-1").input("policy"))).isEqualTo(parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + rootStatement() + "," + admin + ","
                        + replication.formatted(ADMIN, "[\"us-east-1\",\"ap-southeast-2\"]") + "]}"));
        assertThat(parse(result.resource(REPLICA, "ai-data-replica-ap-southeast-2").input("policy"))).isEqualTo(parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + rootStatement() + "," + admin + ","
                        + replication.formatted(ADMIN, "[\"us-east-1\",\"eu-west-1\"]") + "]}"));
    }

    @Test
    void multiRegionAdministratorsGetReplicateKeyAndUpdatePrimaryRegionWithoutReplicasNamed() {
        var statements = parse(Stacks.run(b -> b.multiRegion(true).keyAdministratorArns(ADMIN))
                .resource(KEY, "ai-data-key").input("policy")).getAsJsonObject().getAsJsonArray("Statement");
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1).getAsJsonObject().getAsJsonArray("Action").asList())
                .contains(parse("\"kms:UpdatePrimaryRegion\""));
        assertThat(statements.get(2)).isEqualTo(parse("""
                {"Sid":"AllowKeyReplication","Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":"kms:ReplicateKey","Resource":"*"}""".formatted(ADMIN)));
    }

    @Test
    void singleRegionAdministratorsGetNoReplicationActions() {
        var policy = Stacks.run(b -> b.keyAdministratorArns(ADMIN)).resource(KEY, "ai-data-key").input("policy");
        assertThat(policy).doesNotContain("kms:ReplicateKey").doesNotContain("kms:UpdatePrimaryRegion")
                .doesNotContain("AllowKeyReplication");
    }

    @Test
    void rolePolicyNamesEveryReplicaArnAndViaServiceInEveryRegion() {
        var result = Stacks.run(b -> replicated().apply(b).viaServices(ViaService.S3)
                .keyAccess(KeyAccess.DECRYPT_ONLY));
        var expected = parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"UseKeyForAiData","Effect":"Allow","Action":"kms:Decrypt","Resource":["%1$s","%2$s","%3$s"],
                  "Condition":{"StringEquals":{
                    "kms:ViaService":["s3.us-east-1.amazonaws.com","s3.eu-west-1.amazonaws.com",
                                      "s3.ap-southeast-2.amazonaws.com"],
                    "kms:CallerAccount":"123456789012"}}},
                 {"Sid":"DescribeKey","Effect":"Allow","Action":"kms:DescribeKey",
                  "Resource":["%1$s","%2$s","%3$s"]}]}""".formatted(PRIMARY_ARN, EU_ARN, AP_ARN));
        assertThat(parse(result.resource(POLICY, "ai-data-policy").input("policy"))).isEqualTo(expected);
        assertThat(parse(result.outputs().get("rolePolicy"))).isEqualTo(expected);
    }

    @Test
    void replicaKeyArnsOutputGivesEachReplicaByRegion() {
        assertThat(Stacks.run(replicated()).outputs().get("replicaKeyArns"))
                .isEqualTo(Map.of("eu-west-1", EU_ARN, "ap-southeast-2", AP_ARN));
        assertThat(Stacks.run(b -> b).outputs().get("replicaKeyArns")).isEqualTo(Map.of());
    }

    @Test
    void aPreviewWithReplicasShowsEachRegionWithItsArnUnknown() {
        var result = OfflinePlan.preview("project", "dev", Map.of()).run(ctx -> {
            var key = new EncryptedAiDataKey("ai-data", replicated().apply(EncryptedAiDataKeyArgs.builder()
                    .aliasName("k").allowedServices(AwsService.EC2)).build(), null);
            ctx.export("replicaKeyArns", key.replicaKeyArns());
        });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resourcesOfType(REPLICA)).hasSize(2);
        assertThat(result.outputs().get("replicaKeyArns"))
                .isEqualTo(Map.of("eu-west-1", OfflineStack.UNKNOWN, "ap-southeast-2", OfflineStack.UNKNOWN));
    }

    @Test
    void replicaRegionsRequireAMultiRegionKey() {
        refusedBeforeAnythingIsRegistered(b -> b.replicaRegions("eu-west-1"), IllegalStateException.class,
                "replicaRegions is set but multiRegion is not true; only a multi-Region key can be replicated (and "
                        + "multiRegion cannot change once the key exists); received: replicaRegions=[\"eu-west-1\"], "
                        + "multiRegion=false");
    }

    @Test
    void replicaRegionsMustBeRegionCodesWithoutDuplicates() {
        refusedBeforeAnythingIsRegistered(b -> b.multiRegion(true).replicaRegions("eu-west-1", "Frankfurt"),
                IllegalArgumentException.class, "replicaRegions[1] must be an AWS Region code such as 'eu-west-1' or "
                        + "'us-gov-west-1'; received: \"Frankfurt\"");
        refusedBeforeAnythingIsRegistered(b -> b.multiRegion(true).replicaRegions("eu-west-1", "eu-west-1"),
                IllegalArgumentException.class, "replicaRegions must not contain duplicates (compared ignoring case), "
                        + "but [0] and [1] are the same; received: [\"eu-west-1\", \"eu-west-1\"]");
    }

    @Test
    void replicaRegionsMustNotBeTheKeysOwnRegion() {
        // The stack's Region is known only during the deployment.
        Stacks.refusedAtDeployment(Stacks.run(b -> b.multiRegion(true).replicaRegions("us-east-1")),
                IllegalArgumentException.class, "replicaRegions[0] must not be the key's own Region \"us-east-1\" (a "
                        + "replica must be in another Region); received: \"us-east-1\"");
    }

    @Test
    void replicasAreRefusedWithAnExplicitProviderWhoseCredentialsCannotBeCopied() {
        var result = OfflineStack.builder().build().run(ctx -> {
            var provider = new Provider("ops", ProviderArgs.builder().region("us-east-1").build());
            new EncryptedAiDataKey("ai-data", replicated().apply(EncryptedAiDataKeyArgs.builder()
                    .aliasName("k").allowedServices(AwsService.EC2)).build(),
                    ComponentResourceOptions.builder().providers(provider).build());
        });
        assertThat(result.failure()).get().satisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessage("replicaRegions cannot be used with an explicit AWS provider: the component creates the "
                        + "replicas' providers and cannot copy that provider's credentials; create the "
                        + "aws.kms.ReplicaKey resources with your own providers, or use the default provider; "
                        + "received: replicaRegions=[\"eu-west-1\", \"ap-southeast-2\"]"));
        // Nothing of the component is registered. The user's own provider may or may not have reached the engine
        // when the constructor threw (its registration is asynchronous), so it is not counted either way.
        assertThat(result.withoutStack()).extracting(RecordedResource::type).isSubsetOf(AWS_PROVIDER);
    }

    // ---- adoption -----------------------------------------------------------------------------------------------

    static AdoptedResources.Builder everything() {
        return AdoptedResources.builder()
                .keyId(MRK_ID)
                .aliasNames("alias/aiDataKey", "alias/by-model")
                .roleName("legacy-ai-role")
                .rolePolicyId("legacy-ai-role:kms-use")
                .instanceProfileName("legacy-ai-profile")
                .replicaRegions("eu-west-1");
    }

    @Test
    void adoptedResourcesCarryTheirImportIdsAndTheOthersNone() {
        var result = Stacks.run(b -> b.multiRegion(true).replicaRegions("eu-west-1", "ap-southeast-2")
                .additionalAliasNames("by-model", "by-dataset").adopt(everything().build()));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.withoutStack()).filteredOn(RecordedResource::custom)
                .extracting(RecordedResource::type, RecordedResource::name, RecordedResource::importId)
                .containsExactlyInAnyOrder(
                        tuple(KEY, "ai-data-key", MRK_ID),
                        tuple(ALIAS, "ai-data-alias", "alias/aiDataKey"),
                        tuple(ALIAS, "ai-data-alias-by-model", "alias/by-model"),
                        tuple(ALIAS, "ai-data-alias-by-dataset", null),
                        tuple(ROLE, "ai-data-role", "legacy-ai-role"),
                        tuple(POLICY, "ai-data-policy", "legacy-ai-role:kms-use"),
                        tuple(PROFILE, "ai-data-instance-profile", "legacy-ai-profile"),
                        tuple(REPLICA, "ai-data-replica-eu-west-1", MRK_ID),
                        tuple(REPLICA, "ai-data-replica-ap-southeast-2", null),
                        tuple(AWS_PROVIDER, "ai-data-provider-eu-west-1", null),
                        tuple(AWS_PROVIDER, "ai-data-provider-ap-southeast-2", null));
    }

    @Test
    void adoptedRoleInlinePolicyAndProfileKeepTheirNamesSoTheImportMatches() {
        var result = Stacks.run(b -> b.multiRegion(true).adopt(AdoptedResources.builder().keyId(MRK_ID)
                .roleName("legacy-ai-role").rolePolicyId("legacy-ai-role:kms-use")
                .instanceProfileName("legacy-ai-profile").build()));
        assertThat(result.resource(ROLE, "ai-data-role").input("name")).isEqualTo("legacy-ai-role");
        assertThat(result.resource(POLICY, "ai-data-policy").inputs()).containsEntry("name", "kms-use")
                .containsEntry("role", "legacy-ai-role");
        assertThat(result.resource(PROFILE, "ai-data-instance-profile").input("name")).isEqualTo("legacy-ai-profile");
        var created = Stacks.run(b -> b);
        assertThat(created.resource(POLICY, "ai-data-policy").inputs()).doesNotContainKey("name");
        assertThat(created.resource(ROLE, "ai-data-role").inputs()).doesNotContainKey("name");
        assertThat(created.resourcesOfType(KEY)).allSatisfy(r -> assertThat(r.importId()).isNull());
    }

    @Test
    void offlinePlanShowsTheImports() {
        var result = Stacks.run(b -> b.adopt(AdoptedResources.builder().keyId(Stacks.KEY_ID).build()));
        var plan = OfflinePlan.of(result, "project", "dev");
        assertThat(plan.text()).contains("Resources to create: 6 (1 of them imported: existing resources adopted, "
                + "not created)").contains("ai-data-key  (parent: ai-data)  [retainOnDelete, import: "
                + Stacks.KEY_ID + "]");
        var key = parse(plan.json()).getAsJsonObject().getAsJsonArray("resources").asList().stream()
                .map(e -> e.getAsJsonObject()).filter(o -> o.get("name").getAsString().equals("ai-data-key"))
                .findFirst().orElseThrow();
        assertThat(key.get("importId").getAsString()).isEqualTo(Stacks.KEY_ID);
        var role = parse(plan.json()).getAsJsonObject().getAsJsonArray("resources").asList().stream()
                .map(e -> e.getAsJsonObject()).filter(o -> o.get("name").getAsString().equals("ai-data-role"))
                .findFirst().orElseThrow();
        assertThat(role.has("importId")).isFalse();
    }

    @Test
    void importIdsMustHaveTheProvidersShape() {
        assertThatThrownBy(() -> AdoptedResources.builder().keyId(PRIMARY_ARN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adopt.keyId must be a key id such as '1234abcd-12ab-34cd-56ef-1234567890ab' or "
                        + "'mrk-1234abcd12ab34cd56ef1234567890ab' (not a key ARN or an alias); received: \"" + PRIMARY_ARN + "\"");
        assertThatThrownBy(() -> AdoptedResources.builder().aliasNames("aiDataKey").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adopt.aliasNames[0] must be the alias's full name, starting with 'alias/' (its import "
                        + "id); received: \"aiDataKey\"");
        assertThatThrownBy(() -> AdoptedResources.builder().rolePolicyId("legacy-ai-role").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adopt.rolePolicyId must be '<role name>:<policy name>'; received: \"legacy-ai-role\"");
        assertThatThrownBy(() -> AdoptedResources.builder().rolePolicyId("legacy-ai-role:kms use").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adopt.rolePolicyId (policy name) must be 1 to 128 characters from A-Z, a-z, 0-9 and "
                        + "+=,.@_-; received: \"kms use\"");
        assertThatThrownBy(() -> AdoptedResources.builder().roleName("arn:aws:iam::123456789012:role/x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("adopt.roleName ");
        assertThatThrownBy(() -> AdoptedResources.builder().instanceProfileName("").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adopt.instanceProfileName must be 1 to 128 characters from A-Z, a-z, 0-9 and +=,.@_-; "
                        + "received: \"\"");
        assertThatThrownBy(() -> AdoptedResources.builder().keyId(Stacks.KEY_ID)
                .replicaRegions("eu-west-1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("adopt.replicaRegions is set without the multi-Region key id (mrk-...) in adopt.keyId; a "
                        + "replica shares its primary's key id; received: adopt.keyId=\""
                        + Stacks.KEY_ID + "\"");
    }

    @Test
    void adoptedKeyIdMustAgreeWithMultiRegionOrTheKeyWouldBeReplaced() {
        refusedBeforeAnythingIsRegistered(b -> b.adopt(AdoptedResources.builder().keyId(MRK_ID).build()),
                IllegalStateException.class, "adopt.keyId \"" + MRK_ID + "\" is a multi-Region key but multiRegion "
                        + "is false; a different multiRegion would replace the adopted key; received: "
                        + "multiRegion=false");
        refusedBeforeAnythingIsRegistered(b -> b.multiRegion(true).adopt(AdoptedResources.builder()
                        .keyId(Stacks.KEY_ID).build()),
                IllegalStateException.class, "adopt.keyId \"" + Stacks.KEY_ID + "\" is a "
                        + "single-Region key but multiRegion is true; a different multiRegion would replace the adopted "
                        + "key; received: multiRegion=true");
    }

    @Test
    void adoptedNamesMustBeTheComponentsOwn() {
        refusedBeforeAnythingIsRegistered(b -> b.adopt(AdoptedResources.builder().aliasNames("alias/other").build()),
                IllegalArgumentException.class, "adopt.aliasNames[0] must be aliasName or one of additionalAliasNames "
                        + "[\"alias/aiDataKey\"] (the alias's name is its import id); received: \"alias/other\"");
        refusedBeforeAnythingIsRegistered(b -> b.roleName("new-role")
                        .adopt(AdoptedResources.builder().roleName("legacy-ai-role").build()),
                IllegalStateException.class, "adopt.roleName \"legacy-ai-role\" differs from roleName \"new-role\"; a "
                        + "different name would replace the adopted role; received: roleName=\"new-role\"");
        refusedBeforeAnythingIsRegistered(b -> b.adopt(AdoptedResources.builder()
                        .rolePolicyId("legacy-ai-role:kms-use").build()),
                IllegalStateException.class, "adopt.rolePolicyId \"legacy-ai-role:kms-use\" names the role "
                        + "\"legacy-ai-role\", which must be the data role: set roleName or adopt.roleName to it; "
                        + "received: roleName=null");
        refusedBeforeAnythingIsRegistered(b -> b.allowedServices(AwsService.LAMBDA)
                        .adopt(AdoptedResources.builder().instanceProfileName("legacy-ai-profile").build()),
                IllegalStateException.class, "adopt.instanceProfileName is set but the component creates no instance "
                        + "profile (EC2 is not an allowed service, or createInstanceProfile is false); received: "
                        + "adopt.instanceProfileName=\"legacy-ai-profile\"");
        refusedBeforeAnythingIsRegistered(b -> b.multiRegion(true).replicaRegions("eu-west-1")
                        .adopt(AdoptedResources.builder().keyId(MRK_ID).replicaRegions("ap-southeast-2").build()),
                IllegalArgumentException.class, "adopt.replicaRegions[0] must be one of replicaRegions "
                        + "[\"eu-west-1\"]; received: \"ap-southeast-2\"");
    }
}
