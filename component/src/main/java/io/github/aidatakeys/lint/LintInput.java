package io.github.aidatakeys.lint;

import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Rules;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link PolicyLint} checks: the three policy documents as JSON, the key ARN they should name, the account
 * and partition of the stack, the key's rotation setting and the waivers granted. Build one with
 * {@link #builder()}.
 *
 * @param keyPolicyJson   the key policy, as sent to AWS
 * @param trustPolicyJson the data role's trust (assume-role) policy, as sent to AWS
 * @param rolePolicyJson  the data role's inline policy, as sent to AWS
 * @param keyArn          the key's ARN, or {@code null} while it is not known yet (a preview); then the role
 *                        policy's resource is only checked for wildcards
 * @param accountId       the 12-digit id of the account the stack deploys into
 * @param partition       the partition of that account: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...
 * @param rotationEnabled whether automatic rotation of the key is on
 * @param waivers         the rules waived for this stack, at most one waiver per rule
 * @param replicaKeyArns  the ARNs of the key's multi-Region replicas, which the role policy may name besides
 *                        {@code keyArn}; empty for a single-Region key
 */
public record LintInput(String keyPolicyJson, String trustPolicyJson, String rolePolicyJson,
                        @Nullable String keyArn, String accountId, String partition, boolean rotationEnabled,
                        List<Waiver> waivers, List<String> replicaKeyArns) {
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

    /**
     * Checks the input.
     *
     * @param keyPolicyJson   the key policy
     * @param trustPolicyJson the trust policy
     * @param rolePolicyJson  the role's inline policy
     * @param keyArn          the key's ARN, or {@code null} while it is not known
     * @param accountId       the 12-digit account id
     * @param partition       the partition
     * @param rotationEnabled whether automatic rotation is on
     * @param waivers         the waivers, at most one per rule
     * @param replicaKeyArns  the ARNs of the key's replicas; empty for a single-Region key
     * @throws IllegalArgumentException when a document, {@code accountId}, {@code partition} or {@code waivers}
     *                                  is {@code null}, when {@code accountId} is not 12 digits, when
     *                                  {@code partition} is not a partition name, or when {@code waivers}
     *                                  holds {@code null} or two waivers of the same rule
     */
    public LintInput {
        Check.required("keyPolicyJson", keyPolicyJson);
        Check.required("trustPolicyJson", trustPolicyJson);
        Check.required("rolePolicyJson", rolePolicyJson);
        Check.required("accountId", accountId);
        if (!Rules.ACCOUNT_ID.matcher(accountId).matches()) {
            throw Check.invalid("accountId", "must be a 12-digit AWS account id", accountId);
        }
        Check.required("partition", partition);
        if (!PARTITION.matcher(partition).matches()) {
            throw Check.invalid("partition", "must be an AWS partition such as 'aws', 'aws-cn' or 'aws-us-gov'",
                    partition);
        }
        Check.required("waivers", waivers);
        Check.elementsRequired("waivers", waivers);
        var seen = new EnumMap<LintRule, Integer>(LintRule.class);
        for (int i = 0; i < waivers.size(); i++) {
            var previous = seen.putIfAbsent(waivers.get(i).rule(), i);
            if (previous != null) {
                throw Check.invalid("waivers", "must waive each rule at most once, but [" + previous + "] and ["
                        + i + "] both waive", Check.described(waivers.get(i).rule().id()));
            }
        }
        waivers = List.copyOf(waivers);
        Check.required("replicaKeyArns", replicaKeyArns);
        Check.elementsRequired("replicaKeyArns", replicaKeyArns);
        replicaKeyArns = List.copyOf(replicaKeyArns);
    }

    /**
     * Starts an input with no waivers.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LintInput}; every value but the key ARN and the waivers is required. */
    public static final class Builder {
        private String keyPolicyJson;
        private String trustPolicyJson;
        private String rolePolicyJson;
        private String keyArn;
        private String accountId;
        private String partition;
        private Boolean rotationEnabled;
        private final List<Waiver> waivers = new ArrayList<>();
        private List<String> replicaKeyArns = List.of();

        private Builder() {
        }

        /**
         * Sets the key policy.
         *
         * @param json the key policy as sent to AWS
         * @return this builder
         */
        public Builder keyPolicyJson(String json) {
            this.keyPolicyJson = json;
            return this;
        }

        /**
         * Sets the data role's trust policy.
         *
         * @param json the trust policy as sent to AWS
         * @return this builder
         */
        public Builder trustPolicyJson(String json) {
            this.trustPolicyJson = json;
            return this;
        }

        /**
         * Sets the data role's inline policy.
         *
         * @param json the inline policy as sent to AWS
         * @return this builder
         */
        public Builder rolePolicyJson(String json) {
            this.rolePolicyJson = json;
            return this;
        }

        /**
         * Sets the key's ARN, the only resource the role policy may name.
         *
         * @param arn the key ARN, or {@code null} while it is not known (then only wildcards are flagged)
         * @return this builder
         */
        public Builder keyArn(@Nullable String arn) {
            this.keyArn = arn;
            return this;
        }

        /**
         * Sets the ARNs of the key's multi-Region replicas, which the role policy may name besides the key's ARN.
         *
         * @param arns the replica key ARNs; empty (the default) for a single-Region key
         * @return this builder
         */
        public Builder replicaKeyArns(List<String> arns) {
            this.replicaKeyArns = arns;
            return this;
        }

        /**
         * Sets the account the stack deploys into.
         *
         * @param accountId a 12-digit account id
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the partition of the account.
         *
         * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...
         * @return this builder
         */
        public Builder partition(String partition) {
            this.partition = partition;
            return this;
        }

        /**
         * Sets whether automatic rotation of the key is on.
         *
         * @param enabled {@code true} when rotation is on
         * @return this builder
         */
        public Builder rotationEnabled(boolean enabled) {
            this.rotationEnabled = enabled;
            return this;
        }

        /**
         * Adds waivers.
         *
         * @param waivers the waivers to add
         * @return this builder
         * @throws IllegalArgumentException when {@code waivers} is {@code null}
         */
        public Builder waivers(List<Waiver> waivers) {
            this.waivers.addAll(Check.required("waivers", waivers));
            return this;
        }

        /**
         * Adds waivers.
         *
         * @param waivers the waivers to add
         * @return this builder
         * @throws IllegalArgumentException when {@code waivers} is {@code null}
         */
        public Builder waivers(Waiver... waivers) {
            return waivers(Arrays.asList(Check.required("waivers", waivers)));
        }

        /**
         * Builds the input.
         *
         * @return the checked input
         * @throws IllegalArgumentException when a required value is missing or invalid; the message names it
         */
        public LintInput build() {
            Check.required("rotationEnabled", rotationEnabled);
            return new LintInput(keyPolicyJson, trustPolicyJson, rolePolicyJson, keyArn, accountId, partition,
                    rotationEnabled, waivers, replicaKeyArns);
        }
    }
}
