package io.github.aidatakeys.examples.ec2;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.LegacyResources;

/**
 * An AI service on EC2 that encrypts what it generates: a KMS key, its alias, a role that EC2 instances take
 * through an instance profile, and the role's policy on the key. The same outputs as the hand-written program it
 * replaces ({@code key_id}, {@code key_alias}, {@code role_arn}), and the rest.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        var migrate = config.getBoolean("migrateFromOriginalProgram").orElse(false);

        var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder()
                .aliasName(config.get("aliasName").orElse("alias/aiDataKey"))
                .description("KMS key for AI-generated data encryption")
                .allowedServices(AwsService.EC2)
                .migrateFrom(migrate ? LegacyResources.originalProgram() : null)
                .build(), null);

        ctx.export("key_id", key.keyId());
        ctx.export("key_alias", key.aliasName());
        ctx.export("role_arn", key.roleArn());
        ctx.export("key_arn", key.keyArn());
        ctx.export("role_name", key.roleName());
        ctx.export("instance_profile_name", key.instanceProfileName());
        ctx.export("instance_profile_arn", key.instanceProfileArn());
        ctx.export("role_policy", key.rolePolicy());
    }
}
