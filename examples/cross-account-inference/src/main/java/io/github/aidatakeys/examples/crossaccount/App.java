package io.github.aidatakeys.examples.crossaccount;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;

import java.util.Map;

/**
 * An inference service that runs in another account reads model outputs encrypted in this one. Its role assumes
 * this stack's data role, presenting the agreed ExternalId, and may only decrypt (and describe the key), only for
 * data encrypted with the {@code purpose=inference} context.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        var key = new EncryptedAiDataKey("inference-outputs", EncryptedAiDataKeyArgs.builder()
                .aliasName("alias/inference-outputs")
                .allowedRoleArns(config.require("inferenceRoleArn"))
                .externalId(config.get("externalId").orElse(null))
                .keyAccess(KeyAccess.DECRYPT_ONLY)
                .encryptionContext(Map.of("purpose", "inference"))
                .build(), null);

        ctx.export("key_arn", key.keyArn());
        ctx.export("role_arn", key.roleArn());
        ctx.export("trust_policy", key.trustPolicy());
    }
}
