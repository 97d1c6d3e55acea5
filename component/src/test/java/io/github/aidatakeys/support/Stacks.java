package io.github.aidatakeys.support;

import com.pulumi.Context;
import io.github.aidatakeys.EncryptedAiDataKey;

/** What the component's tests share about a stack that holds one component. */
public final class Stacks {
    /** The id {@code AwsMocks} derives from the key's logical name {@code ai-data-key}. */
    public static final String KEY_ID = "5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0";
    /** The ARN of that key under the default mocks (account 123456789012, us-east-1). */
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + KEY_ID;

    private Stacks() {
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
    }
}
