package io.github.aidatakeys.benchmarks;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The two stack programs compared, each creating {@code n} independent instances with unique names.
 *
 * <ul>
 *   <li>{@link #handWritten(int)}: the four raw resources as a hand-written program declares them (a KMS key
 *       {@code aiDataKmsKey-<i>}, its alias {@code alias/aiDataKey-<i>}, an IAM role trusted by EC2, and the
 *       role's inline policy built from the key ARN), configured as the component configures them by default:
 *       the same inputs, byte for byte, except ids that derive from the logical names.</li>
 *   <li>{@link #component(int)}: one {@link EncryptedAiDataKey} per instance, with alias {@code alias/aiDataKey-<i>},
 *       EC2 allowed to assume the role, and the default key actions. For EC2 the component also creates an
 *       instance profile by default; the hand-written program has none, so the comparison turns it off
 *       ({@link #component(int, boolean)} measures it on).</li>
 * </ul>
 *
 * <p>The hand-written program looks the account and partition up once per stack, as a person would write it; the
 * component looks them up once per instance, because each instance may be given its own provider.
 */
public final class Programs {
    /** The key's type token. */
    public static final String KEY = "aws:kms/key:Key";
    /** The alias's type token. */
    public static final String ALIAS = "aws:kms/alias:Alias";
    /** The role's type token. */
    public static final String ROLE = "aws:iam/role:Role";
    /** The role policy's type token. */
    public static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    /** The key policy the component renders by default: the account root may use IAM policies for the key. */
    static final String KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EnableIamPoliciesForAccount\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:%s:iam::%s:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    /** EC2 may assume the role. */
    static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TrustedInstanceServicesAssumeRole\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** The role may use the key, and only that key: the default actions of the component, spelled out. */
    static final String ROLE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"UseKeyForAiData\","
            + "\"Effect\":\"Allow\",\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncryptFrom\",\"kms:ReEncryptTo\","
            + "\"kms:GenerateDataKey\",\"kms:GenerateDataKeyWithoutPlaintext\",\"kms:GenerateDataKeyPair\","
            + "\"kms:GenerateDataKeyPairWithoutPlaintext\",\"kms:DescribeKey\"],\"Resource\":\"%s\"}]}";

    /** The tags the component puts on what it creates by default. */
    static final Map<String, String> TAGS = Map.of("ManagedBy", "EncryptedAiDataKey", "DataClassification", "confidential");

    private Programs() {
    }

    /**
     * The name of instance {@code i}: the component's name, and the base of the hand-written descriptions.
     *
     * @param i the instance number, from 0
     * @return {@code aiDataKey-<i>}
     */
    public static String instanceName(int i) {
        return "aiDataKey-" + i;
    }

    /**
     * The original hand-written program, {@code n} times over.
     *
     * @param n how many instances
     * @return the stack program
     */
    public static Consumer<Context> handWritten(int n) {
        return ctx -> {
            var partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build());
            var identity = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build());
            Output<String> keyPolicy = Output.tuple(partition, identity)
                    .applyValue(t -> String.format(KEY_POLICY, t.t1.partition(), t.t2.accountId()));
            for (int i = 0; i < n; i++) {
                var name = instanceName(i);
                var key = new Key("aiDataKmsKey-" + i, KeyArgs.builder()
                        .description("Encrypts AI-generated data (managed by EncryptedAiDataKey " + name + ")")
                        .keyUsage("ENCRYPT_DECRYPT")
                        .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                        .enableKeyRotation(true)
                        .rotationPeriodInDays(365)
                        .deletionWindowInDays(30)
                        .multiRegion(false)
                        .policy(keyPolicy)
                        .bypassPolicyLockoutSafetyCheck(false)
                        .tags(TAGS)
                        .build(), CustomResourceOptions.builder().retainOnDelete(true).build());
                new Alias("aiDataKeyAlias-" + i, AliasArgs.builder()
                        .name("alias/" + name)
                        .targetKeyId(key.keyId())
                        .build());
                var role = new Role("aiDataRole-" + i, RoleArgs.builder()
                        .description("Assumed by AI services to use a KMS key (managed by EncryptedAiDataKey "
                                + name + ")")
                        .assumeRolePolicy(TRUST_POLICY)
                        .path("/")
                        .maxSessionDuration(3600)
                        .tags(TAGS)
                        .build());
                new RolePolicy("aiDataRolePolicy-" + i, RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(key.arn().applyValue(arn -> String.format(ROLE_POLICY, arn)))
                        .build());
            }
        };
    }

    /**
     * The same stack with the component, {@code n} times over, creating the same four AWS resources.
     *
     * @param n how many instances
     * @return the stack program
     */
    public static Consumer<Context> component(int n) {
        return component(n, false);
    }

    /**
     * The same stack with the component, {@code n} times over.
     *
     * @param n               how many instances
     * @param instanceProfile whether each instance also creates an EC2 instance profile (the component's default
     *                        when EC2 may assume the role)
     * @return the stack program
     */
    public static Consumer<Context> component(int n, boolean instanceProfile) {
        return ctx -> {
            for (int i = 0; i < n; i++) {
                new EncryptedAiDataKey(instanceName(i), EncryptedAiDataKeyArgs.builder()
                        .aliasName("alias/" + instanceName(i))
                        .allowedServices(AwsService.EC2)
                        .createInstanceProfile(instanceProfile)
                        .build(), null);
            }
        };
    }
}
