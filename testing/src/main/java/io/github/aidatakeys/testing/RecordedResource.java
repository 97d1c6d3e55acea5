package io.github.aidatakeys.testing;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * One resource a stack registered under the mock engine: what Pulumi would send to the engine.
 *
 * @param type           the Pulumi type token, such as {@code aws:kms/key:Key}
 * @param name           the logical name
 * @param parentType     the parent's type token, or {@code null} for a resource at the stack's top level
 * @param parentName     the parent's logical name, or {@code null}
 * @param custom         {@code false} for component resources
 * @param inputs         the inputs as the provider receives them; in a preview, values not known before deploy
 *                       are absent or {@link OfflineStack#UNKNOWN}
 * @param state          the state the mocks returned (inputs plus computed values such as {@code arn})
 * @param provider       the provider reference the resource is registered with, or {@code null} for the default
 * @param retainOnDelete whether the resource stays in the cloud when deleted from the stack
 * @param protect        whether Pulumi refuses to delete or replace it
 * @param aliases        the aliases (former names or parents) the resource carries
 * @param dependsOn      the resources this one waits for, as {@code type::name}, as Pulumi computed them from its
 *                       inputs and {@code dependsOn} option
 * @param importId       the id of the existing cloud resource the resource adopts (Pulumi's {@code import} option),
 *                       or {@code null} when it is created
 * @param secretInputs   the inputs Pulumi sends as secrets (encrypted in the state, {@code [secret]} in the CLI)
 */
public record RecordedResource(
        String type,
        String name,
        @Nullable String parentType,
        @Nullable String parentName,
        boolean custom,
        Map<String, Object> inputs,
        Map<String, Object> state,
        @Nullable String provider,
        boolean retainOnDelete,
        boolean protect,
        List<Output<Alias>> aliases,
        List<String> dependsOn,
        @Nullable String importId,
        Set<String> secretInputs) {

    /**
     * A resource that is created, not imported, without secret inputs.
     *
     * @param type           the Pulumi type token
     * @param name           the logical name
     * @param parentType     the parent's type token, or {@code null}
     * @param parentName     the parent's logical name, or {@code null}
     * @param custom         {@code false} for component resources
     * @param inputs         the inputs as the provider receives them
     * @param state          the state the mocks returned
     * @param provider       the provider reference, or {@code null} for the default
     * @param retainOnDelete whether the resource stays in the cloud when deleted from the stack
     * @param protect        whether Pulumi refuses to delete or replace it
     * @param aliases        the aliases the resource carries
     * @param dependsOn      the resources this one waits for, as {@code type::name}
     */
    public RecordedResource(String type, String name, @Nullable String parentType, @Nullable String parentName,
                            boolean custom, Map<String, Object> inputs, Map<String, Object> state,
                            @Nullable String provider, boolean retainOnDelete, boolean protect,
                            List<Output<Alias>> aliases, List<String> dependsOn) {
        this(type, name, parentType, parentName, custom, inputs, state, provider, retainOnDelete, protect, aliases,
                dependsOn, null, Set.of());
    }

    /**
     * Returns whether Pulumi sends an input as a secret: encrypted in the state, {@code [secret]} in the CLI.
     *
     * @param key the input's name, such as {@code assumeRolePolicy}
     * @return whether Pulumi sends the input as a secret
     */
    public boolean isSecret(String key) {
        return secretInputs.contains(key);
    }

    /**
     * An input as a string.
     *
     * @param key the input's name
     * @return the value, or {@code null} when absent
     */
    public @Nullable String input(String key) {
        var v = inputs.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
