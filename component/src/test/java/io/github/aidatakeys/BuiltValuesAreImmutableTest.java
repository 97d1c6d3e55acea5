package io.github.aidatakeys;

import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.aidatakeys.support.Json.parse;
import static io.github.aidatakeys.support.Stacks.ALIAS;
import static io.github.aidatakeys.support.Stacks.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code build()} returns stays as it was built: using the same builder again, changing a list, map or array
 * given to it, or trying to change a collection a getter returns leaves the built value as it was. A stack that
 * builds one value and derives a second from the same builder must get two different values, not one changed twice.
 */
class BuiltValuesAreImmutableTest {
    static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline:*";
    static final String OTHER_LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/ml/other:*";
    static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String MRK_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";

    /** What the key user tests build, built afresh each time. */
    static KeyUser partnerDecrypting() {
        return KeyUser.builder("210987654321").actions(List.of("kms:Decrypt"))
                .encryptionContext(Map.of("dataset", "embeddings")).encryptionContextKeys("dataset")
                .viaServices(List.of("s3")).build();
    }

    @Test
    void aKeyUserBuilderUsedAgainLeavesTheBuiltUserUnchanged() {
        var builder = KeyUser.builder("210987654321").actions(KeyAction.DECRYPT)
                .encryptionContext(Map.of("dataset", "embeddings")).encryptionContextKeys("dataset")
                .viaServices(ViaService.S3);
        var first = builder.build();

        builder.access(KeyAccess.ENCRYPT_ONLY).actions((List<String>) null)
                .encryptionContext(Map.of("dataset", "other")).encryptionContextKeys("tenant")
                .viaServices(ViaService.SAGEMAKER);
        var second = builder.build();

        assertThat(first).isEqualTo(partnerDecrypting());
        assertThat(second.access()).isEqualTo("ENCRYPT_ONLY");
        assertThat(second.actions()).isNull();
        assertThat(second.encryptionContext()).containsExactly(Map.entry("dataset", "other"));
        assertThat(second.encryptionContextKeys()).containsExactly("tenant");
        assertThat(second.viaServices()).containsExactly("sagemaker");
    }

    @Test
    void aKeyUserKeepsTheCollectionsAsGivenWhenTheCallerChangesThemLater() {
        var actions = new ArrayList<>(List.of("kms:Decrypt"));
        var context = new HashMap<>(Map.of("dataset", "embeddings"));
        var keys = new String[]{"dataset"};
        var via = new ArrayList<>(List.of("s3"));
        var builder = KeyUser.builder("210987654321").actions(actions).encryptionContext(context)
                .encryptionContextKeys(keys).viaServices(via);
        actions.add("kms:Encrypt");
        var user = builder.build();

        actions.add("kms:ReEncryptFrom");
        context.put("tenant", "a");
        keys[0] = "tenant";
        via.set(0, "sagemaker");

        assertThat(user).isEqualTo(partnerDecrypting());
        assertThat(user.actions()).containsExactly("kms:Decrypt");
    }

    @Test
    void aKeyUsersCollectionsCannotBeChangedThroughItsGetters() {
        var user = partnerDecrypting();

        assertThatThrownBy(() -> user.actions().add("kms:Encrypt"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> user.encryptionContext().put("tenant", "a"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> user.encryptionContextKeys().set(0, "tenant"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> user.viaServices().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(user).isEqualTo(partnerDecrypting());
    }

    @Test
    void aKeyServiceUserKeepsTheResourcesAsGivenAndHandsOutAnUnmodifiableList() {
        var arns = new ArrayList<>(List.of(LOG_GROUP));
        var fromList = KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, arns);
        var array = new String[]{LOG_GROUP};
        var fromArray = KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, array);

        arns.add(OTHER_LOG_GROUP);
        array[0] = OTHER_LOG_GROUP;

        assertThat(fromList.resourceArns()).containsExactly(LOG_GROUP);
        assertThat(fromArray.resourceArns()).containsExactly(LOG_GROUP);
        assertThatThrownBy(() -> fromList.resourceArns().add(OTHER_LOG_GROUP))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(fromList.resourceArns()).containsExactly(LOG_GROUP);
    }

    @Test
    void anAdoptedResourcesBuilderUsedAgainLeavesTheBuiltValueUnchanged() {
        var builder = AdoptedResources.builder().keyId(KEY_ID).aliasNames("alias/a").roleName("reader")
                .rolePolicyId("reader:kms").instanceProfileName("reader-profile");
        var first = builder.build();

        builder.keyId(MRK_ID).aliasNames("alias/b").roleName("writer").rolePolicyId("writer:kms")
                .instanceProfileName("writer-profile").replicaRegions("eu-west-1");
        var second = builder.build();

        assertThat(first.keyId()).isEqualTo(KEY_ID);
        assertThat(first.aliasNames()).containsExactly("alias/a");
        assertThat(first.roleName()).isEqualTo("reader");
        assertThat(first.rolePolicyId()).isEqualTo("reader:kms");
        assertThat(first.instanceProfileName()).isEqualTo("reader-profile");
        assertThat(first.replicaRegions()).isEmpty();
        assertThat(second.keyId()).isEqualTo(MRK_ID);
        assertThat(second.aliasNames()).containsExactly("alias/b");
        assertThat(second.replicaRegions()).containsExactly("eu-west-1");
        assertThat(first).isNotSameAs(second).isNotEqualTo(second);
    }

    @Test
    void anAdoptedResourcesBuilderThatRefusedAValueLeavesTheBuiltValueUnchanged() {
        var builder = AdoptedResources.builder().keyId(KEY_ID);
        var first = builder.build();

        builder.keyId("not a key id");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adopt.keyId");

        assertThat(first.keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void adoptedResourcesKeepTheListsAsGivenAndHandOutUnmodifiableLists() {
        var aliases = new ArrayList<>(List.of("alias/a"));
        var regions = new String[]{"eu-west-1"};
        var adopted = AdoptedResources.builder().keyId(MRK_ID).aliasNames(aliases).replicaRegions(regions).build();

        aliases.add("alias/b");
        regions[0] = "eu-central-1";

        assertThat(adopted.aliasNames()).containsExactly("alias/a");
        assertThat(adopted.replicaRegions()).containsExactly("eu-west-1");
        assertThatThrownBy(() -> adopted.aliasNames().add("alias/b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> adopted.replicaRegions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> AdoptedResources.builder().build().aliasNames().add("alias/b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The component's own arguments, read only through what a stack sees: the alias and the trust policy that the
     * first value renders must be the ones it was built with, not those set on the builder afterwards.
     */
    @Test
    void anArgsBuilderUsedAgainLeavesTheBuiltArgumentsUnchanged() {
        var builder = EncryptedAiDataKeyArgs.builder().aliasName("alias/a").allowedServices("ec2.amazonaws.com");
        var first = builder.build();

        builder.aliasName("alias/b").allowedServices("sagemaker.amazonaws.com");
        builder.build();

        OfflineResult result = OfflineStack.builder().mocks(new AwsMocks()).build()
                .run(ctx -> new EncryptedAiDataKey("ai-data", first, null));
        assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
        assertThat(result.resource(ALIAS, "ai-data-alias").input("name")).isEqualTo("alias/a");
        var trust = parse(result.resource(ROLE, "ai-data-role").input("assumeRolePolicy")).getAsJsonObject();
        assertThat(trust.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Principal")
                .get("Service").getAsString()).isEqualTo("ec2.amazonaws.com");
    }
}
