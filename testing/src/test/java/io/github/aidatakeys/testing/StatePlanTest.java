package io.github.aidatakeys.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatePlanTest {
    static final String KEY = "aws:kms/key:Key";
    static final String ALIAS = "aws:kms/alias:Alias";
    static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    /** The stack under test: the component's name, and a former name to alias, come from the settings. */
    public static void stack(Context ctx) {
        var name = ctx.config().get("name").orElse("ai-data");
        var options = ctx.config().get("formerName")
                .map(former -> ComponentResourceOptions.builder().aliases(Alias.builder().name(former).build()).build())
                .orElse(null);
        new EncryptedAiDataKey(name, EncryptedAiDataKeyArgs.builder()
                .aliasName("alias/ai-data")
                .description("Encrypts chat transcripts")
                .allowedServices(AwsService.SAGEMAKER)
                .multiRegion(ctx.config().getBoolean("multiRegion").orElse(false))
                .build(), options);
    }

    /** The state {@code pulumi up} of {@link #stack} leaves, edited by the test. */
    static JsonObject deployed(Map<String, String> config, AwsMocks mocks) {
        var run = OfflineStack.builder().projectName("p").config(config).mocks(mocks).build().run(StatePlanTest::stack);
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        return StateFixtures.exported(run, "p", "dev");
    }

    static JsonObject deployed() {
        return deployed(Map.of(), new AwsMocks());
    }

    static JsonObject resource(JsonObject state, String type) {
        for (var r : state.getAsJsonObject("deployment").getAsJsonArray("resources")) {
            if (r.getAsJsonObject().get("type").getAsString().equals(type)) {
                return r.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " in the state");
    }

    static OfflinePlan plan(JsonObject state, Map<String, String> config, boolean allow) {
        return OfflinePlan.plan(StatePlanTest::stack, PlanOptions.builder().project("p").config(config)
                .state(StackState.parse(state.toString(), "state.json")).allowKeyReplacement(allow).build());
    }

    static OfflinePlan plan(JsonObject state) {
        return plan(state, Map.of(), false);
    }

    static ResourceChange change(OfflinePlan plan, String type, ResourceChange.Kind kind) {
        return plan.changes().orElseThrow().stream().filter(c -> c.type().equals(type) && c.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " of " + type + " in "
                        + plan.changes().orElseThrow()));
    }

    @Test
    void stateFixturesEditCopiesThatTheGateJudges(@TempDir Path dir) throws IOException {
        var deployed = deployed();
        var before = deployed.toString();
        var replaced = StateFixtures.withInput(deployed, KEY, "multiRegion", true);
        var renamed = StateFixtures.renamed(deployed, "ai-data", "ai-service");
        assertThat(deployed.toString()).as("the state given is left as it was").isEqualTo(before);
        assertThat(resource(replaced, KEY).getAsJsonObject("inputs").get("multiRegion").getAsBoolean()).isTrue();
        assertThat(resource(renamed, KEY).get("urn").getAsString()).endsWith("::ai-service-key");
        assertThat(resource(renamed, KEY).get("parent").getAsString()).endsWith("::ai-service");
        assertThat(renamed.toString()).doesNotContain("::ai-data");
        assertThatThrownBy(() -> StateFixtures.withInput(deployed, "aws:s3/bucket:Bucket", "bucket", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the state holds no resource of type aws:s3/bucket:Bucket");
        // what is written reads back as the same state, and the gate stops both edits
        var file = dir.resolve("replace.json");
        StateFixtures.write(file, replaced);
        assertThat(JsonParser.parseString(Files.readString(file))).isEqualTo(replaced);
        assertThat(plan(replaced).exitCode()).isEqualTo(1);
        assertThat(plan(renamed).exitCode()).isEqualTo(1);
        assertThat(plan(deployed).exitCode()).isZero();
    }

    @Test
    void aStateThatMatchesTheProgramChangesNothingAndPasses() {
        var plan = plan(deployed());
        assertThat(plan.changes().orElseThrow()).extracting(ResourceChange::kind)
                .containsOnly(ResourceChange.Kind.UNCHANGED).hasSize(5);
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.guardFindings()).isEmpty();
        assertThat(plan.text()).contains("Changes: 5 unchanged\n")
                .contains("Data-loss guard\n  no key replaced or deleted, no alias moved to another key, "
                        + "no role cut off from a key\n")
                // recorded outputs answer: no value is left unknown
                .doesNotContain(OfflineStack.UNKNOWN + "\n");
    }

    @Test
    void aNewDescriptionIsAnInPlaceUpdateOfTheKeyAndPasses() {
        var state = deployed();
        resource(state, KEY).getAsJsonObject("inputs").addProperty("description", "Encrypts chats");
        var plan = plan(state);
        var update = change(plan, KEY, ResourceChange.Kind.UPDATE);
        assertThat(update.properties()).containsExactly(new ResourceChange.Property("description",
                "Encrypts chats", "Encrypts chat transcripts", false));
        assertThat(plan.changes().orElseThrow()).filteredOn(c -> !c.equals(update)).extracting(ResourceChange::kind)
                .containsOnly(ResourceChange.Kind.UNCHANGED);
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.text()).contains("Changes: 1 to update, 4 unchanged\n")
                .contains("""
                          ~   aws:kms/key:Key  ai-data-key  (parent: ai-data)  [retainOnDelete]  update
                              ~ description: "Encrypts chats" => "Encrypts chat transcripts"
                        """);
    }

    @Test
    void aChangeThatForcesANewKeyIsBlockedNamingTheKey() {
        var state = deployed();
        resource(state, KEY).getAsJsonObject("inputs").addProperty("multiRegion", true);
        var plan = plan(state);
        var replace = change(plan, KEY, ResourceChange.Kind.REPLACE);
        assertThat(replace.properties()).containsExactly(new ResourceChange.Property("multiRegion", true, false, true));
        assertThat(replace.retained()).isTrue();
        assertThat(plan.exitCode()).isEqualTo(1);
        var keyArn = resource(state, KEY).getAsJsonObject("outputs").get("arn").getAsString();
        assertThat(plan.guardFindings()).first().isEqualTo("key ai-data-key would be REPLACED (multiRegion true => "
                + "false forces a new key): data encrypted under " + keyArn + " could not be decrypted with the new "
                + "key, and the stack would no longer manage the old one (retained in AWS: retainOnDelete)");
        // the new key's ARN is not known: the alias and the role's policy move with it
        assertThat(plan.guardFindings()).anySatisfy(f -> assertThat(f).startsWith("alias alias/ai-data (ai-data-alias) "
                + "would point at another key"));
        assertThat(plan.guardFindings()).anySatisfy(f -> assertThat(f).startsWith("role ai-data-role-")
                .contains("could use key " + keyArn + " and would lose access to it"));
        assertThat(plan.text()).contains("      ~ multiRegion: true => false  (forces replacement)\n")
                .contains("  BLOCKED: the plan exits 1.");
    }

    @Test
    void theAllowFlagLetsABlockedPlanPassAndStillPrintsWhy() {
        var state = deployed();
        resource(state, KEY).getAsJsonObject("inputs").addProperty("multiRegion", true);
        var plan = plan(state, Map.of(), true);
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.guardFindings()).isNotEmpty();
        assertThat(plan.text()).contains("key ai-data-key would be REPLACED")
                .contains("  ALLOWED by --allow-key-replacement: the plan exits 0.\n");
    }

    @Test
    void renamingTheComponentWithoutAnAliasDeletesTheOldKeyAndIsBlocked() {
        var plan = plan(deployed(), Map.of("name", "chat-data"), false);
        assertThat(change(plan, KEY, ResourceChange.Kind.CREATE).name()).isEqualTo("chat-data-key");
        var deleted = change(plan, KEY, ResourceChange.Kind.DELETE);
        assertThat(deleted.urn()).isEqualTo("urn:pulumi:dev::p::aidatakeys:index:EncryptedAiDataKey$aws:kms/key:Key"
                + "::ai-data-key");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.guardFindings()).anySatisfy(f -> assertThat(f).startsWith("key ai-data-key would be DELETED "
                + "from the stack (" + deleted.urn() + ")").endsWith("(retained in AWS: retainOnDelete); if it was "
                + "renamed, give it an alias"));
        // the alias name now leads to the new key
        assertThat(plan.guardFindings()).anySatisfy(f -> assertThat(f).startsWith("alias alias/ai-data "
                + "(chat-data-alias) would point at another key"));
        assertThat(plan(deployed(), Map.of("name", "chat-data"), true).exitCode()).isZero();
    }

    @Test
    void renamingTheComponentWithAnAliasKeepsEveryResource() {
        var plan = plan(deployed(), Map.of("name", "chat-data", "formerName", "ai-data"), false);
        // the role's description names the component: an update in place, nothing else changes
        var role = change(plan, "aws:iam/role:Role", ResourceChange.Kind.UPDATE);
        assertThat(role.properties()).extracting(p -> p.name()).containsExactly("description");
        assertThat(plan.changes().orElseThrow()).filteredOn(c -> !c.equals(role)).extracting(ResourceChange::kind)
                .containsOnly(ResourceChange.Kind.UNCHANGED).hasSize(4);
        assertThat(change(plan, KEY, ResourceChange.Kind.UNCHANGED).previousUrn())
                .isEqualTo("urn:pulumi:dev::p::aidatakeys:index:EncryptedAiDataKey$aws:kms/key:Key::ai-data-key");
        assertThat(plan.exitCode()).isZero();
    }

    @Test
    void anExistingAliasPointedAtAnotherKeyIsBlocked() {
        var state = deployed();
        resource(state, ALIAS).getAsJsonObject("inputs").addProperty("targetKeyId", "0b5e6f1a-other-key");
        var plan = plan(state);
        assertThat(change(plan, ALIAS, ResourceChange.Kind.UPDATE).properties()).extracting(p -> p.name())
                .containsExactly("targetKeyId");
        var keyId = resource(state, KEY).get("id").getAsString();
        assertThat(plan.guardFindings()).containsExactly("alias alias/ai-data (ai-data-alias) would point at another "
                + "key: 0b5e6f1a-other-key => " + keyId + "; callers that encrypt through the alias would use the new "
                + "key while existing data stays under the old one");
        assertThat(plan.exitCode()).isEqualTo(1);
    }

    @Test
    void aRoleLeftWithoutAccessToAKeyItCouldUseIsBlocked() {
        var state = deployed();
        var inputs = resource(state, POLICY).getAsJsonObject("inputs");
        var policy = JsonParser.parseString(inputs.get("policy").getAsString()).getAsJsonObject();
        var statement = policy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        var keyArn = statement.get("Resource").getAsString();
        var other = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
        var resources = new com.google.gson.JsonArray();
        resources.add(keyArn);
        resources.add(other);
        statement.add("Resource", resources);
        inputs.addProperty("policy", policy.toString());
        var plan = plan(state);
        var role = resource(state, "aws:iam/role:Role").get("id").getAsString();
        assertThat(plan.guardFindings()).containsExactly("role " + role + " could use key " + other + " and would "
                + "lose access to it: its policies would cover only " + keyArn);
        assertThat(change(plan, POLICY, ResourceChange.Kind.UPDATE).properties()).extracting(p -> p.name())
                .containsExactly("policy");
        assertThat(plan.text()).contains("      ~ policy: document changed (the new one is under Policy documents)\n");
        assertThat(plan.exitCode()).isEqualTo(1);
    }

    @Test
    void theAccountRegionAndPartitionComeFromTheStateUnlessGiven() {
        var state = deployed(Map.of(), new AwsMocks("111122223333", "eu-west-1", "aws"));
        var plan = plan(state);
        assertThat(plan.environment().orElseThrow()).isEqualTo(new PlanEnvironment("111122223333", "eu-west-1",
                "aws", "state", "state", "state"));
        assertThat(plan.changes().orElseThrow()).extracting(ResourceChange::kind)
                .containsOnly(ResourceChange.Kind.UNCHANGED);
        assertThat(plan.text()).contains("Account 111122223333 (state), Region eu-west-1 (state), partition aws (state)\n");
        var given = OfflinePlan.plan(StatePlanTest::stack, PlanOptions.builder().project("p").account("444455556666")
                .region("us-gov-west-1").partition("aws-us-gov").state(StackState.parse(state.toString(), "s")).build());
        assertThat(given.environment().orElseThrow()).isEqualTo(new PlanEnvironment("444455556666", "us-gov-west-1",
                "aws-us-gov", "--account", "--region", "--partition"));
        assertThat(PlanEnvironment.resolve(null, null, null, null, Map.of("aws:region", "cn-north-1")))
                .isEqualTo(new PlanEnvironment(AwsMocks.DEFAULT_ACCOUNT_ID, "cn-north-1", "aws-cn", "default",
                        "stack settings", "region"));
    }

    /** A role of the stack's own account needs no ExternalId: planned in that account, the check passes. */
    public static void ownAccountStack(Context ctx) {
        new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("alias/ai-data")
                .allowedRoleArns("arn:aws:iam::111122223333:role/inference").build(), null);
    }

    @Test
    void aStackOfTheUsersOwnAccountIsNotForeignWhenPlannedInIt() {
        var foreign = OfflinePlan.plan(StatePlanTest::ownAccountStack, PlanOptions.builder().build());
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.text()).contains("externalId");
        var own = OfflinePlan.plan(StatePlanTest::ownAccountStack, PlanOptions.builder().account("111122223333").build());
        assertThat(own.succeeded()).as(own.text()).isTrue();
        assertThat(own.exitCode()).isZero();
    }

    @Test
    void badEnvironmentValuesAreRefusedNamingTheFlag() {
        var run = PlanCommand.run("--program", StatePlanTest.class.getName(), "--project", "p", "--account", "12345");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("offline plan: account must be a 12-digit AWS account id; received 12345 "
                + "(from --account)");
        assertThat(PlanCommand.run("--program", StatePlanTest.class.getName(), "--project", "p", "--region", "Europe")
                .err())
                .contains("region must be an AWS Region name such as eu-west-1; received Europe (from --region)");
        assertThat(PlanCommand.run("--program", StatePlanTest.class.getName(), "--project", "p", "--partition",
                "aws-eu").err())
                .contains("partition must be one of [aws, aws-cn, aws-us-gov]; received aws-eu (from --partition)");
    }

    @Test
    void aStateFileMustBeADeploymentOfVersionThree(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> StackState.parse("{\"version\":4,\"deployment\":{}}", "s.json"))
                .hasMessage("state s.json must be a deployment of version 3 (`pulumi stack export`); received "
                        + "version 4");
        assertThatThrownBy(() -> StackState.parse("[]", "s.json"))
                .hasMessage("state s.json must be the JSON object `pulumi stack export` writes; received an array");
        assertThatThrownBy(() -> StackState.parse("{\"version\":3,\"deployment\":{\"resources\":[{\"type\":\"x\"}]}}",
                "s.json")).hasMessage("state s.json: deployment.resources[0] needs a \"urn\" (urn:pulumi:...) and a "
                + "\"type\"; received urn null, type x");
        var missing = dir.resolve("none.json");
        var run = PlanCommand.run("--program", StatePlanTest.class.getName(), "--state", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("state file " + missing + " does not exist (write it with `pulumi stack export "
                + "--file " + missing + "`)");
    }

    @Test
    void secretsOfTheStateAreComparedButNeverShown() {
        var state = deployed();
        var secret = new JsonObject();
        secret.addProperty("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270");
        secret.addProperty("plaintext", "\"Encrypts the secret project\"");
        resource(state, KEY).getAsJsonObject("inputs").add("description", secret);
        var plan = plan(state);
        assertThat(change(plan, KEY, ResourceChange.Kind.UPDATE).properties()).extracting(p -> p.name())
                .containsExactly("description");
        assertThat(plan.text()).contains("      ~ description: [secret] => [secret]\n")
                .doesNotContain("secret project");
        assertThat(plan.json()).doesNotContain("secret project").contains("\"before\": \"[secret]\"");
        // an export without --show-secrets holds only ciphertext: it cannot be compared, so it is not a change
        secret.remove("plaintext");
        secret.addProperty("ciphertext", "v1:abc");
        assertThat(plan(state).changes().orElseThrow()).extracting(ResourceChange::kind)
                .containsOnly(ResourceChange.Kind.UNCHANGED);
    }

    @Test
    void jsonAndMermaidShowTheKindOfEachChange() {
        var state = deployed();
        resource(state, KEY).getAsJsonObject("inputs").addProperty("multiRegion", true);
        var plan = plan(state);
        var json = JsonParser.parseString(plan.json()).getAsJsonObject();
        assertThat(json.get("exitCode").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("guard").get("blocks").getAsBoolean()).isTrue();
        var key = json.getAsJsonArray("resources").asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("type").getAsString().equals(KEY)).findFirst().orElseThrow();
        assertThat(key.get("change").getAsString()).isEqualTo("replace");
        assertThat(key.getAsJsonArray("changes").get(0).toString())
                .isEqualTo("{\"name\":\"multiRegion\",\"before\":true,\"after\":false,\"replaces\":true}");
        assertThat(plan.mermaid()).contains("    classDef replace fill:#f8d7da,stroke:#dc3545")
                .containsPattern("    class r\\d+ replace\n");
        var renamed = plan(deployed(), Map.of("name", "chat-data"), false).mermaid();
        assertThat(renamed).containsPattern("    d\\d\\[\"ai-data-key<br/><small>aws:kms/key:Key \\(delete\\)"
                + "</small>\"]").contains("classDef delete").contains("classDef create");
    }

    @Test
    void resourcesAreListedInDependencyOrder() {
        var text = plan(deployed()).text();
        // the component before its children, the key before its alias, the key and the role before the policy
        for (var order : List.of(List.of("ai-data  unchanged", "ai-data-key "), List.of("ai-data-key ", "ai-data-alias "),
                List.of("ai-data-key ", "ai-data-policy "), List.of("ai-data-role ", "ai-data-policy "))) {
            assertThat(text.indexOf(order.get(0))).as(order + " in\n" + text).isNotNegative()
                    .isLessThan(text.indexOf(order.get(1)));
        }
        // where the order is free, by name: the alias before the role
        assertThat(text.indexOf("ai-data-alias ")).isLessThan(text.indexOf("ai-data-role "));
    }

    /** A resource adopted with the import option. */
    public static void importingStack(Context ctx) {
        new Key("adopted", KeyArgs.builder().description("made in the console").build(),
                CustomResourceOptions.builder().importId("1234abcd-12ab-34cd-56ef-1234567890ab").build());
    }

    @Test
    void aResourceWithAnImportIdIsAdoptedNotCreated() {
        var plan = OfflinePlan.plan(StatePlanTest::importingStack, PlanOptions.builder()
                .state(StackState.parse("{\"version\":3,\"deployment\":{\"resources\":[]}}", "empty")).build());
        assertThat(plan.changes().orElseThrow()).extracting(ResourceChange::kind)
                .containsExactly(ResourceChange.Kind.IMPORT);
        assertThat(plan.text()).contains("  =   aws:kms/key:Key  adopted  [import: 1234abcd-12ab-34cd-56ef-1234567890ab]  import\n");
        assertThat(plan.exitCode()).isZero();
    }

    @Test
    void commandLinePlansAgainstAStateFileAndTheAllowFlagLetsItThrough(@TempDir Path dir) throws IOException {
        var state = deployed();
        resource(state, KEY).getAsJsonObject("inputs").addProperty("multiRegion", true);
        var file = dir.resolve("state.json");
        Files.writeString(file, state.toString());
        var blocked = PlanCommand.run("--program", StatePlanTest.class.getName(), "--project", "p", "--state",
                file.toString());
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.err()).contains("offline plan: blocked by the data-loss guard: key ai-data-key would be "
                + "REPLACED");
        // as the examples' plan profile passes them: one argument each, the state possibly empty
        assertThat(PlanCommand.run("--program", StatePlanTest.class.getName(), "--project=p", "--state=" + file,
                "--allow-key-replacement=true").exitCode()).isZero();
        assertThat(PlanCommand.run("--program", StatePlanTest.class.getName(), "--project=p", "--state=" + file,
                "--allow-key-replacement=false").exitCode()).isEqualTo(1);
        var fresh = PlanCommand.run("--program", StatePlanTest.class.getName(), "--project=p", "--state=");
        assertThat(fresh.exitCode()).isZero();
        assertThat(fresh.out()).contains("Resources to create: 5").doesNotContain("Data-loss guard");
    }
}
