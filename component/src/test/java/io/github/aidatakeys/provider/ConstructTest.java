package io.github.aidatakeys.provider;

import com.pulumi.core.Alias;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.aidatakeys.AdoptedResources;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAction;
import io.github.aidatakeys.KeyService;
import io.github.aidatakeys.KeyServiceUser;
import io.github.aidatakeys.KeyUser;
import io.github.aidatakeys.LegacyResources;
import io.github.aidatakeys.ViaService;
import io.github.aidatakeys.internal.SdkInternals;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What happens when a TypeScript, Python, Go, C# or YAML program creates the component: the engine sends a
 * {@code Construct} request whose inputs are property values (strings, numbers as doubles, lists, booleans); the
 * SDK turns them into {@link EncryptedAiDataKeyArgs}, runs the constructor under a deployment, and sends the
 * component's {@code @Export} outputs back. Here the deployment is the SDK's mock engine with {@link AwsMocks}.
 */
class ConstructTest {
    static final String NAME = "ai-data";
    static final String KEY = "aws:kms/key:Key";
    static final String ALIAS = "aws:kms/alias:Alias";
    static final String ROLE = "aws:iam/role:Role";
    static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    /** The inputs as the engine forwards them from, for example, a TypeScript program. */
    static Map<String, PropertyValue> inputs() {
        return Map.of(
                "aliasName", PropertyValue.of("alias/ai-data"),
                "allowedServices", PropertyValue.of(List.of(PropertyValue.of("ec2.amazonaws.com"))),
                "enableKeyRotation", PropertyValue.of(true),
                "rotationPeriodInDays", PropertyValue.of(365.0),
                "roleMaxSessionDuration", PropertyValue.of(7200.0),
                "retainOnDelete", PropertyValue.of(false));
    }

    /**
     * Every step of the SDK's {@code ComponentProvider.construct} after its reflective constructor lookup: the
     * SDK's own deserializer fills the args, the public constructor runs, the SDK's own serializer reads the outputs.
     */
    @Test
    void constructsTheComponentFromInputsAsAnotherLanguageSendsThem() throws Exception {
        var state = new AtomicReference<CompletableFuture<Map<String, PropertyValue>>>();
        OfflineResult result = OfflineStack.builder().mocks(new AwsMocks()).build().run(ctx -> {
            var args = PropertyValueSerializer.deserialize(PropertyValue.of(inputs()), EncryptedAiDataKeyArgs.class);
            var component = new EncryptedAiDataKey(NAME, args, ComponentResourceOptions.builder().build());
            state.set(PropertyValueSerializer.stateFromComponentResourceAsync(component));
        });

        assertConstructed(result, awaited(state));
    }

    /**
     * The SDK's {@code ComponentProvider.construct} (1.36.1) refuses a component class with more than one declared
     * constructor, private ones included: "Component EncryptedAiDataKey must have exactly one constructor".
     */
    @Test
    void theComponentDeclaresOnlyItsPublicConstructorAsThePluginRequires() {
        assertThat(EncryptedAiDataKey.class.getDeclaredConstructors())
                .as("EncryptedAiDataKey must declare only its public (String, EncryptedAiDataKeyArgs, "
                        + "ComponentResourceOptions) constructor, or the plugin cannot construct it")
                .singleElement()
                .satisfies(c -> assertThat(c.getParameterTypes()).containsExactly(String.class,
                        EncryptedAiDataKeyArgs.class, ComponentResourceOptions.class))
                .satisfies(c -> assertThat(Modifier.isPublic(c.getModifiers())).isTrue());
    }

    /** What the plugin's provider gave back: the run, the component's URN and its outputs. */
    record Constructed(OfflineResult result, String urn, Map<String, PropertyValue> state) {
    }

    /** The plugin's exact path: the provider the host serves, given a {@code Construct} request with these inputs. */
    static Constructed construct(Map<String, PropertyValue> inputs) throws Exception {
        var response = new AtomicReference<CompletableFuture<ConstructResponse>>();
        OfflineResult result = OfflineStack.builder().mocks(new AwsMocks()).build().run(ctx -> response.set(
                SdkInternals.componentProvider(ProviderHost.PACKAGE_NAME, ProviderHost.version(),
                                ProviderHost.componentPackage(), ProviderHost::completeSchema)
                        .construct(new ConstructRequest(EncryptedAiDataKey.TYPE, NAME, inputs,
                                ComponentResourceOptions.builder().build()))));
        var constructed = awaited(response);
        return new Constructed(result, constructed.getUrn(), constructed.getState());
    }

    @Test
    void thePluginsProviderConstructsTheComponent() throws Exception {
        var constructed = construct(inputs());
        assertThat(constructed.urn()).endsWith(EncryptedAiDataKey.TYPE + "::" + NAME);
        assertConstructed(constructed.result(), constructed.state());
    }

    @Test
    void aMissingRequiredInputIsRefusedWithItsName() {
        var inputs = new HashMap<>(inputs());
        inputs.remove("aliasName");

        assertThatThrownBy(() -> PropertyValueSerializer.deserialize(PropertyValue.of(inputs),
                EncryptedAiDataKeyArgs.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing required field aliasName");
    }

    @Test
    void anInvalidArgumentFailsWithTheMessageJavaUsersGet() {
        var inputs = new HashMap<>(inputs());
        inputs.put("rotationPeriodInDays", PropertyValue.of(30.0));

        OfflineResult result = OfflineStack.builder().mocks(new AwsMocks()).build().run(ctx -> new EncryptedAiDataKey(
                NAME, PropertyValueSerializer.deserialize(PropertyValue.of(inputs), EncryptedAiDataKeyArgs.class),
                ComponentResourceOptions.builder().build()));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).get().isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("alias/ai-data")
                .allowedServices(AwsService.EC2).rotationPeriodInDays(30).build())
                .hasMessage(result.failure().orElseThrow().getMessage())
                .hasMessageContaining("rotationPeriodInDays");
    }

    /** The SDK turns a number into an Integer argument with {@code Number.intValue()}: a fraction is dropped. */
    @Test
    void aWholeNumberArgumentDropsAFraction() {
        var inputs = new HashMap<>(inputs());
        inputs.put("rotationPeriodInDays", PropertyValue.of(365.5));

        var args = PropertyValueSerializer.deserialize(PropertyValue.of(inputs), EncryptedAiDataKeyArgs.class);

        assertThat(OfflineStack.valueOf(args.rotationPeriodInDays().orElseThrow())).isEqualTo(365);
    }

    @Test
    void additionalAliasesReplicasAndAdoptedResourcesArriveFromAnotherLanguage() throws Exception {
        var inputs = new HashMap<>(inputs());
        inputs.put("multiRegion", PropertyValue.of(true));
        inputs.put("additionalAliasNames", PropertyValue.of(List.of(PropertyValue.of("alias/by-model"))));
        inputs.put("replicaRegions", PropertyValue.of(List.of(PropertyValue.of("eu-west-1"))));
        inputs.put("adopt", PropertyValue.of(Map.of(
                "keyId", PropertyValue.of("mrk-1234abcd12ab34cd56ef1234567890ab"),
                "aliasNames", PropertyValue.of(List.of(PropertyValue.of("alias/by-model"))))));
        var state = new AtomicReference<CompletableFuture<Map<String, PropertyValue>>>();
        OfflineResult result = OfflineStack.builder().mocks(new AwsMocks()).build().run(ctx -> {
            var args = PropertyValueSerializer.deserialize(PropertyValue.of(inputs), EncryptedAiDataKeyArgs.class);
            var component = new EncryptedAiDataKey(NAME, args, ComponentResourceOptions.builder().build());
            state.set(PropertyValueSerializer.stateFromComponentResourceAsync(component));
        });
        awaited(state);
        assertThat(result.succeeded()).isTrue();
        assertThat(child(result, KEY, NAME + "-key").importId()).isEqualTo("mrk-1234abcd12ab34cd56ef1234567890ab");
        assertThat(child(result, ALIAS, NAME + "-alias-by-model").importId()).isEqualTo("alias/by-model");
        assertThat(child(result, ALIAS, NAME + "-alias").importId()).isNull();
        assertThat(child(result, "aws:kms/replicaKey:ReplicaKey", NAME + "-replica-eu-west-1").importId()).isNull();
    }

    /**
     * The value types inside the arguments have no public constructor: the SDK's deserializer fills each through its
     * private no-argument one, and the values it fills compare equal to those built in Java and hand out read-only
     * collections.
     */
    @Test
    void valueTypesAreFilledThroughTheirPrivateConstructors() throws Exception {
        for (var type : List.of(KeyUser.class, KeyServiceUser.class, AdoptedResources.class, LegacyResources.class)) {
            assertThat(Modifier.isPrivate(type.getDeclaredConstructor().getModifiers())).as("%s()", type).isTrue();
        }
        var user = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of(
                "principal", PropertyValue.of("210987654321"),
                "actions", strings("kms:Decrypt"),
                "encryptionContextKeys", strings("dataset"),
                "viaServices", strings("s3"))), KeyUser.class);
        assertThat(user).isEqualTo(KeyUser.builder("210987654321").actions(KeyAction.DECRYPT)
                .encryptionContextKeys("dataset").viaServices(ViaService.S3).build());
        assertThatThrownBy(() -> user.actions().add("kms:Encrypt")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> user.viaServices().clear()).isInstanceOf(UnsupportedOperationException.class);

        var service = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of(
                "service", PropertyValue.of("CLOUDWATCH_LOGS"),
                "resourceArns", strings("arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline"))),
                KeyServiceUser.class);
        assertThat(service).isEqualTo(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                "arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline"));
        assertThatThrownBy(() -> service.resourceArns().clear()).isInstanceOf(UnsupportedOperationException.class);

        var adopted = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of(
                "keyId", PropertyValue.of("mrk-1234abcd12ab34cd56ef1234567890ab"),
                "replicaRegions", strings("eu-west-1"))), AdoptedResources.class);
        assertThat(adopted).isEqualTo(AdoptedResources.builder().keyId("mrk-1234abcd12ab34cd56ef1234567890ab")
                .replicaRegions("eu-west-1").build());
        assertThatThrownBy(() -> adopted.replicaRegions().clear()).isInstanceOf(UnsupportedOperationException.class);

        var legacy = PropertyValueSerializer.deserialize(PropertyValue.of(Map.of(
                "key", PropertyValue.of("aiDataKmsKey"), "alias", PropertyValue.of("aiDataKmsKeyAlias"),
                "role", PropertyValue.of("aiServiceRole"), "policy", PropertyValue.of("aiServiceKmsPolicy"))),
                LegacyResources.class);
        assertThat(legacy).isEqualTo(LegacyResources.originalProgram());
    }

    /** {@code migrateFrom} through the plugin's provider: each child carries an alias to its former top-level name. */
    @Test
    void migrationFromAnotherLanguageAliasesEachChildToItsTopLevelName() throws Exception {
        var inputs = new HashMap<>(inputs());
        inputs.put("migrateFrom", PropertyValue.of(Map.of(
                "key", PropertyValue.of("oldKey"), "alias", PropertyValue.of("oldAlias"),
                "role", PropertyValue.of("oldRole"), "policy", PropertyValue.of("oldPolicy"))));
        var result = construct(inputs).result();
        assertThat(result.succeeded()).as("%s %s", result.errors(), result.exceptions()).isTrue();
        Map.of(KEY, "oldKey", ALIAS, "oldAlias", ROLE, "oldRole", POLICY, "oldPolicy").forEach((type, former) -> {
            var child = result.resources().stream()
                    .filter(r -> r.type().equals(type) && r.name().equals(NAME + "-" + suffix(type)))
                    .findFirst().orElseThrow();
            assertThat(child.aliases()).singleElement().satisfies(alias -> assertThat(
                    ((Alias) OfflineStack.valueOf(alias)).getUrn()).contains("urn:pulumi:dev::project::" + type + "::" + former));
        });
    }

    private static String suffix(String type) {
        return switch (type) {
            case KEY -> "key";
            case ALIAS -> "alias";
            case ROLE -> "role";
            default -> "policy";
        };
    }

    static PropertyValue strings(String... values) {
        return PropertyValue.of(Arrays.stream(values).map(PropertyValue::of).toList());
    }

    private static void assertConstructed(OfflineResult result, Map<String, PropertyValue> state) {
        assertThat(result.succeeded()).as("run failed: %s %s", result.errors(), result.exceptions()).isTrue();

        RecordedResource component = result.resource(EncryptedAiDataKey.TYPE, NAME);
        assertThat(component.custom()).isFalse();
        RecordedResource key = child(result, KEY, NAME + "-key");
        RecordedResource alias = child(result, ALIAS, NAME + "-alias");
        RecordedResource role = child(result, ROLE, NAME + "-role");
        RecordedResource policy = child(result, POLICY, NAME + "-policy");

        // Numbers arrive as doubles and fill the Integer arguments; plain booleans fill the plain ones.
        assertThat(((Number) key.inputs().get("rotationPeriodInDays")).intValue()).isEqualTo(365);
        assertThat(key.inputs().get("enableKeyRotation")).isEqualTo(true);
        assertThat(key.retainOnDelete()).isFalse();
        assertThat(((Number) role.inputs().get("maxSessionDuration")).intValue()).isEqualTo(7200);
        assertThat(alias.input("name")).isEqualTo("alias/ai-data");
        assertThat(role.input("assumeRolePolicy")).contains("\"ec2.amazonaws.com\"");

        String keyArn = String.valueOf(key.state().get("arn"));
        String roleArn = String.valueOf(role.state().get("arn"));
        assertThat(value(state, "keyArn")).isEqualTo(keyArn);
        assertThat(value(state, "keyId")).isEqualTo(key.state().get("keyId"));
        assertThat(value(state, "aliasName")).isEqualTo("alias/ai-data");
        assertThat(value(state, "aliasArn")).isEqualTo(alias.state().get("arn"));
        assertThat(value(state, "roleName")).isEqualTo(role.state().get("name"));
        assertThat(value(state, "roleArn")).isEqualTo(roleArn);
        assertThat(value(state, "rolePolicyName")).isEqualTo(policy.state().get("name"));
        assertThat(value(state, "keyPolicy")).contains("arn:aws:iam::" + AwsMocks.DEFAULT_ACCOUNT_ID + ":root");
        assertThat(value(state, "trustPolicy")).contains("ec2.amazonaws.com");
        assertThat(value(state, "rolePolicy")).contains(keyArn);

        // The other language also learns which resource each output comes from.
        assertThat(state.get("keyArn").getType()).isEqualTo(PropertyValue.ValueType.OUTPUT);
        assertThat(state.get("keyArn").getOutputValue().getDependencies())
                .anySatisfy(urn -> assertThat(urn).endsWith(KEY + "::" + NAME + "-key"));
    }

    private static RecordedResource child(OfflineResult result, String type, String name) {
        RecordedResource child = result.resource(type, name);
        assertThat(child.parentType()).as("parent of %s", name).isEqualTo(EncryptedAiDataKey.TYPE);
        assertThat(child.parentName()).as("parent of %s", name).isEqualTo(NAME);
        return child;
    }

    /** A string output, with its secret and dependency wrappers taken off. */
    private static String value(Map<String, PropertyValue> state, String output) {
        PropertyValue v = state.get(output);
        assertThat(v).as("output %s", output).isNotNull();
        while (true) {
            switch (v.getType()) {
                case OUTPUT -> v = v.getOutputValue().getValue();
                case SECRET -> v = v.getSecretValue();
                default -> {
                    return v.getStringValue();
                }
            }
        }
    }

    /** What the program left to complete, once complete. */
    static <T> T awaited(AtomicReference<CompletableFuture<T>> pending) throws Exception {
        assertThat(pending.get()).as("the program did not run").isNotNull();
        return pending.get().get(30, TimeUnit.SECONDS);
    }
}
