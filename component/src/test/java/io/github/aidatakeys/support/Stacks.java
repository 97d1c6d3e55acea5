package io.github.aidatakeys.support;

import com.google.gson.JsonElement;
import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;

import javax.annotation.Nullable;
import java.util.function.UnaryOperator;

import static io.github.aidatakeys.support.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** What the component's tests share: a stack that holds one component, run offline, and what it registers. */
public final class Stacks {
    public static final String KEY = "aws:kms/key:Key";
    public static final String ALIAS = "aws:kms/alias:Alias";
    public static final String ROLE = "aws:iam/role:Role";
    public static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String PROFILE = "aws:iam/instanceProfile:InstanceProfile";
    public static final String REPLICA = "aws:kms/replicaKey:ReplicaKey";
    /** The id {@code AwsMocks} derives from the key's logical name {@code ai-data-key}. */
    public static final String KEY_ID = "5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0";
    /** The ARN of that key under the default mocks (account 123456789012, us-east-1). */
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + KEY_ID;
    /** A key administrator in the stack's account. */
    public static final String ADMIN = "arn:aws:iam::123456789012:role/platform-admin";
    /** The id of that key when it is multi-Region: mrk- and the same 32 hex digits. */
    public static final String MRK_ID = "mrk-" + KEY_ID.replace("-", "");
    /** The ARNs of the multi-Region key set {@link #replicated()} makes: the primary and its two replicas. */
    public static final String PRIMARY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + MRK_ID;
    public static final String EU_ARN = "arn:aws:kms:eu-west-1:123456789012:key/" + MRK_ID;
    public static final String AP_ARN = "arn:aws:kms:ap-southeast-2:123456789012:key/" + MRK_ID;

    private Stacks() {
    }

    /** A component {@code ai-data} with alias {@code aiDataKey} for EC2, changed by {@code args}, every output exported. */
    public static OfflineResult run(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args) {
        return run(args, null);
    }

    /** As {@link #run(UnaryOperator)}, with resource options. */
    public static OfflineResult run(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args,
                                    @Nullable ComponentResourceOptions options) {
        return OfflineStack.builder().build().run(ctx -> export(ctx, new EncryptedAiDataKey("ai-data",
                args.apply(EncryptedAiDataKeyArgs.builder().aliasName("aiDataKey")
                        .allowedServices(AwsService.EC2)).build(), options)));
    }

    /** A component {@code ai-data} with alias {@code k} for SageMaker, changed by {@code args}, every output exported. */
    public static OfflineResult runForSageMaker(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args) {
        return runForSageMaker(new AwsMocks(), args);
    }

    /** As {@link #runForSageMaker(UnaryOperator)}, under other mocks (another account, region or partition). */
    public static OfflineResult runForSageMaker(AwsMocks mocks, UnaryOperator<EncryptedAiDataKeyArgs.Builder> args) {
        return OfflineStack.builder().mocks(mocks).build().run(ctx -> export(ctx,
                new EncryptedAiDataKey("ai-data", args.apply(EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedServices(AwsService.SAGEMAKER)).build(), null)));
    }

    /** A multi-Region key with {@link #ADMIN} as administrator, replicated to eu-west-1 and ap-southeast-2. */
    public static UnaryOperator<EncryptedAiDataKeyArgs.Builder> replicated() {
        return b -> b.multiRegion(true).keyAdministratorArns(ADMIN).replicaRegions("eu-west-1", "ap-southeast-2");
    }

    /** Exports every output of the component under its own name, so a test reads them from the run's outputs. */
    public static void export(Context ctx, EncryptedAiDataKey key) {
        ctx.export("keyId", key.keyId());
        ctx.export("keyArn", key.keyArn());
        ctx.export("aliasName", key.aliasName());
        ctx.export("aliasArn", key.aliasArn());
        ctx.export("roleName", key.roleName());
        ctx.export("roleArn", key.roleArn());
        ctx.export("rolePolicyName", key.rolePolicyName());
        ctx.export("keyPolicy", key.keyPolicy());
        ctx.export("trustPolicy", key.trustPolicy());
        ctx.export("rolePolicy", key.rolePolicy());
        ctx.export("instanceProfileName", key.instanceProfileName());
        ctx.export("instanceProfileArn", key.instanceProfileArn());
        ctx.export("lintFindings", key.lintFindings());
        ctx.export("lintWaivers", key.lintWaivers());
        ctx.export("replicaKeyArns", key.replicaKeyArns());
    }

    /**
     * Refused while the component is constructed (by {@code build()} or by the constructor): the program fails with
     * exactly this exception and message, and nothing is registered, not even the component.
     */
    public static void refusedAtConstruction(OfflineResult result, Class<? extends Throwable> type, String message) {
        assertThat(result.failure()).get().satisfies(e -> assertThat(e).isExactlyInstanceOf(type).hasMessage(message));
        nothingRegistered(result);
    }

    /** Nothing but the stack itself is registered: the component was refused while it was constructed. */
    public static void nothingRegistered(OfflineResult result) {
        assertThat(result.withoutStack()).extracting(RecordedResource::type, RecordedResource::name).isEmpty();
    }

    /**
     * Refused during the deployment, once a value the engine supplies (the account, Region or partition, an
     * {@code Output}) is known: the program fails with exactly this exception and message, and none of the
     * component's children is registered.
     */
    public static void refusedAtDeployment(OfflineResult result, Class<? extends Throwable> type, String message) {
        assertThat(result.failure()).get().satisfies(e -> assertThat(e).isExactlyInstanceOf(type).hasMessage(message));
        noChildRegistered(result);
    }

    /**
     * Nothing but the component is registered: none of its children. The component itself may or may not have
     * reached the engine when the deployment failed (its registration is asynchronous), so it is not counted.
     */
    public static void noChildRegistered(OfflineResult result) {
        assertThat(result.withoutStack()).extracting(RecordedResource::type).isSubsetOf(EncryptedAiDataKey.TYPE);
    }

    /** Every error the run logged and every exception it raised, as one text to search for a message. */
    public static String problems(OfflineResult result) {
        return String.join("\n", result.errors()) + result.exceptions();
    }

    /** The key policy's account-root delegation statement in account 123456789012. */
    public static JsonElement rootStatement() {
        return parse("""
                {"Sid":"EnableIamPoliciesForAccount","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}""");
    }

    /** Stands for what the Pulumi runtime does when it fills arguments by reflection: no build() call. */
    public static EncryptedAiDataKeyArgs argsBypassingBuild(EncryptedAiDataKeyArgs.Builder builder) {
        try {
            var field = EncryptedAiDataKeyArgs.Builder.class.getDeclaredField("$");
            field.setAccessible(true);
            return (EncryptedAiDataKeyArgs) field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("the builder no longer holds its arguments in a field named $", e);
        }
    }
}
