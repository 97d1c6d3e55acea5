package io.github.aidatakeys;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.github.aidatakeys.internal.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The arguments of an {@link EncryptedAiDataKey}: the alias, who may assume the data role, which key actions
 * it gets, and the key's lifecycle. Every argument but {@code aliasName} has a secure default.
 *
 * <p>Each value given directly, or as an {@code Output} that is already known, is checked by {@link Builder#build()}
 * against its own rules, even while other arguments are {@code Output}s not known yet; an {@code Output} that is only
 * known during a deployment is checked when it resolves, and the rules that relate several arguments once all of them
 * are known, with the same messages.
 *
 * <p>Any argument may be a secret ({@code Output.ofSecret}, {@code config.requireSecret}): what the component derives
 * from it (a rendered policy, a child's input, an output) is secret too, and nothing else is. A failed check shows a
 * secret value as {@code [secret]}.
 *
 * <pre>{@code
 * var args = EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/ai-data")
 *     .allowedServices(AwsService.EC2)
 *     .keyAccess(KeyAccess.ENCRYPT_DECRYPT)
 *     .build();
 * var key = new EncryptedAiDataKey("ai-data", args, null);
 * ctx.export("keyArn", key.keyArn());
 * }</pre>
 */
public final class EncryptedAiDataKeyArgs extends ResourceArgs {
    @Import(name = "aliasName", required = true)
    @Doc(description = "The alias that names the key, such as `alias/chat-transcripts`. A name given without the "
            + "`alias/` prefix gets it: `chat-transcripts` becomes `alias/chat-transcripts`. Changing it replaces the "
            + "alias, never the key.",
            range = "At most 256 characters including the prefix, from `A-Z a-z 0-9 / _ -`; `alias/aws/` (any case) "
                    + "is reserved by AWS")
    private @Nullable Output<String> aliasName;

    @Import(name = "description", required = false)
    @Doc(description = "The key's description.",
            defaultValue = "`Encrypts AI-generated data (managed by EncryptedAiDataKey <name>)`",
            range = "At most 8192 characters")
    private @Nullable Output<String> description;

    @Import(name = "enableKeyRotation", required = false)
    @Doc(description = "Whether KMS rotates the key material automatically (Security Hub KMS.4, CIS, checkov "
            + "CKV_AWS_7). Old material stays available for decryption.",
            defaultValue = "`true`")
    private @Nullable Output<Boolean> enableKeyRotation;

    @Import(name = "rotationPeriodInDays", required = false)
    @Doc(description = "Days between automatic rotations. Only with rotation on: setting it while "
            + "`enableKeyRotation` is `false` is an error.",
            defaultValue = "`365`",
            range = "90 to 2560")
    private @Nullable Output<Integer> rotationPeriodInDays;

    @Import(name = "deletionWindowInDays", required = false)
    @Doc(description = "Days KMS waits before deleting the key once deletion is scheduled. Only matters when the key "
            + "is not retained on delete.",
            defaultValue = "`30`, the longest window",
            range = "7 to 30")
    private @Nullable Output<Integer> deletionWindowInDays;

    @Import(name = "keyAdministratorArns", required = false)
    @Doc(description = "IAM role or user ARNs (of the stack's partition) that may administer the key through the key "
            + "policy: describe it, enable and disable it, turn rotation on or off and rotate on demand, tag it, manage "
            + "its aliases, list and revoke grants, read and change its policy (`kms:PutKeyPolicy`), schedule and "
            + "cancel its deletion. They get no cryptographic action and no `kms:CreateGrant`, so as the policy stands "
            + "they cannot encrypt or decrypt; but `kms:PutKeyPolicy` lets them rewrite the policy and grant "
            + "themselves any use: treat them as able to reach the data. The account root is always in the key "
            + "policy, so IAM policies in the account keep the key manageable. For a multi-Region key they also get "
            + "`kms:UpdatePrimaryRegion` and `kms:ReplicateKey` (limited with `kms:ReplicaRegion` to the Regions of "
            + "the key set when `replicaRegions` is given).",
            defaultValue = "none")
    private @Nullable Output<List<String>> keyAdministratorArns;

    @Import(name = "allowedServices", required = false)
    @Doc(description = "AWS service principals that may assume the data role, such as `sagemaker.amazonaws.com`. "
            + "At least one of `allowedServices`, `allowedAccountIds`, `allowedRoleArns` and "
            + "`webIdentityProviderArn` must name a principal.",
            defaultValue = "none",
            range = "`*` and anything not ending in an AWS service domain is refused")
    private @Nullable Output<List<String>> allowedServices;

    @Import(name = "allowedAccountIds", required = false)
    @Doc(description = "AWS account ids whose IAM principals (subject to their own IAM policies) may assume the "
            + "data role.",
            defaultValue = "none",
            range = "12 digits each")
    private @Nullable Output<List<String>> allowedAccountIds;

    @Import(name = "allowedRoleArns", required = false)
    @Doc(description = "IAM role ARNs that may assume the data role, such as "
            + "`arn:aws:iam::123456789012:role/inference`.",
            defaultValue = "none",
            range = "No wildcards")
    private @Nullable Output<List<String>> allowedRoleArns;

    @Import(name = "keyActions", required = false)
    @Doc(description = "The KMS actions the data role may perform on the key, by IAM name, such as `kms:Decrypt`.",
            defaultValue = "`kms:Encrypt`, `kms:Decrypt`, `kms:ReEncryptFrom`, `kms:ReEncryptTo`, "
                    + "`kms:GenerateDataKey`, `kms:GenerateDataKeyWithoutPlaintext`, `kms:GenerateDataKeyPair`, "
                    + "`kms:GenerateDataKeyPairWithoutPlaintext` and `kms:DescribeKey`",
            range = "At least one; only explicit actions for a symmetric key that use or describe it (those of the "
                    + "default), and `kms:CreateGrant`, which is always rendered with `kms:GrantIsForAWSResource` in a "
                    + "statement of its own: no wildcard, no key-management action")
    private @Nullable Output<List<String>> keyActions;

    @Import(name = "roleName", required = false)
    @Doc(description = "A fixed name for the data role. Changing it replaces the role (never the key). A fixed name "
            + "collides when two stacks use the same one and blocks a replacement, so prefer the default.",
            defaultValue = "an automatic name derived from the component's name",
            range = "1 to 64 characters from `A-Za-z0-9+=,.@_-`")
    private @Nullable Output<String> roleName;

    @Import(name = "rolePath", required = false)
    @Doc(description = "The IAM path of the data role. Changing it replaces the role.",
            defaultValue = "`/`",
            range = "Starts and ends with `/`, at most 512 characters")
    private @Nullable Output<String> rolePath;

    @Import(name = "rolePermissionsBoundary", required = false)
    @Doc(description = "The ARN of a managed policy that bounds the data role's permissions.",
            defaultValue = "none")
    private @Nullable Output<String> rolePermissionsBoundary;

    @Import(name = "roleMaxSessionDuration", required = false)
    @Doc(description = "The longest session, in seconds, that assuming the data role gives.",
            defaultValue = "`3600`",
            range = "3600 to 43200")
    private @Nullable Output<Integer> roleMaxSessionDuration;

    @Import(name = "encryptionContext")
    @Doc(description = "Encryption-context pairs every cryptographic call must carry, such as "
            + "`dataset=customer-chats`: rendered as `kms:EncryptionContext:<key>` conditions on every cryptographic "
            + "action of the role policy (never on `kms:DescribeKey`), so a call without the pair, or with another "
            + "value, is refused. The context is logged in plaintext in CloudTrail: never put secrets or personal "
            + "data in it.",
            defaultValue = "none",
            range = "Keys 1 to 128 characters from `A-Za-z0-9_.:/=+@-`, unique ignoring case; values 1 to 256 "
                    + "characters")
    private @Nullable Output<Map<String, String>> encryptionContext;

    @Import(name = "encryptionContextKeys")
    @Doc(description = "Pins the set of encryption-context keys a call may use: rendered as "
            + "`ForAllValues:StringEquals` on `kms:EncryptionContextKeys` together with a `Null` check, so a call "
            + "with another key, or with no context at all, is refused.",
            defaultValue = "none: any keys",
            range = "Same key rules as `encryptionContext`, and must include every key of `encryptionContext`")
    private @Nullable Output<List<String>> encryptionContextKeys;

    @Import(name = "viaServices")
    @Doc(description = "Limits cryptographic use of the key to requests that AWS services make on the role's behalf "
            + "(`kms:ViaService`), such as `s3` or `sagemaker`: a short name is rendered as "
            + "`<service>.<region>.amazonaws.com` for the stack's region; a full name is taken as it is. Also adds "
            + "`kms:CallerAccount` for the stack's account.",
            defaultValue = "none: direct calls are allowed")
    private @Nullable Output<List<String>> viaServices;

    @Import(name = "sourceArns")
    @Doc(description = "ARN patterns (`ArnLike`, wildcards allowed) of the resources on whose behalf the allowed "
            + "services may assume the role (`aws:SourceArn`), such as "
            + "`arn:aws:sagemaker:us-east-1:123456789012:training-job/*`. Each ARN applies only to the allowed service "
            + "its service segment names (`sagemaker` to `sagemaker.amazonaws.com`, `ecs` to "
            + "`ecs-tasks.amazonaws.com`): every service with source ARNs gets a trust statement of its own, the others "
            + "keep `aws:SourceAccount` alone.",
            defaultValue = "none: `aws:SourceAccount` alone",
            range = "Each ARN names its service literally and belongs to an allowed service that gets `aws:SourceArn` "
                    + "(not EC2, EKS Pod Identity or a service waived with `AIK007:<service>`); its partition and "
                    + "account, when spelled out, are the stack's")
    private @Nullable Output<List<String>> sourceArns;

    @Import(name = "externalId")
    @Doc(description = "The `sts:ExternalId` that principals in `allowedAccountIds` and `allowedRoleArns` must "
            + "present. Required when any of them is in another account than the stack's, unless "
            + "`crossAccountWithoutExternalId` is `true`.",
            defaultValue = "none",
            range = "2 to 1224 characters from `A-Za-z0-9+=,.@:/_-`")
    private @Nullable Output<String> externalId;

    @Import(name = "crossAccountWithoutExternalId")
    @Doc(description = "Explicitly allows principals of another account to assume the role without an "
            + "`sts:ExternalId`. Only for accounts you control yourself: the lint reports it as waived rule AIK008.",
            defaultValue = "`false`",
            range = "Not `true` together with `externalId`")
    private @Nullable Output<Boolean> crossAccountWithoutExternalId;

    @Import(name = "webIdentityProviderArn")
    @Doc(description = "The ARN of an IAM OIDC identity provider (EKS IRSA, a CI system) whose tokens may assume the "
            + "role with `sts:AssumeRoleWithWebIdentity`, such as "
            + "`arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE`. Requires "
            + "`webIdentitySubjects`.",
            defaultValue = "none")
    private @Nullable Output<String> webIdentityProviderArn;

    @Import(name = "webIdentitySubjects")
    @Doc(description = "The token subjects (`sub`, `StringLike`) allowed to assume the role, such as "
            + "`system:serviceaccount:ml:inference`. Required with `webIdentityProviderArn`. On GitHub Actions' issuer "
            + "(`token.actions.githubusercontent.com`) each must start with `repo:<owner>/<repository>` spelled out, "
            + "wildcards only after it; on an EKS issuer each must be `system:serviceaccount:<namespace>:<service "
            + "account>` without wildcards; on other issuers each needs a literal part, and a wildcard is a lint "
            + "warning (AIK014).",
            defaultValue = "none",
            range = "At least one when `webIdentityProviderArn` is set; none without it")
    private @Nullable Output<List<String>> webIdentitySubjects;

    @Import(name = "webIdentityAudience")
    @Doc(description = "The token audience (`aud`) required with `webIdentityProviderArn`.",
            defaultValue = "`sts.amazonaws.com`")
    private @Nullable Output<String> webIdentityAudience;

    @Import(name = "multiRegion")
    @Doc(description = "Whether the key is a multi-Region primary key. Decide before the first deployment. Replicas "
            + "are made with `replicaRegions`; the data role's policy names the key and those replicas only, so a "
            + "replica made outside the component is not usable by the role. Administrators also get "
            + "`kms:UpdatePrimaryRegion` and `kms:ReplicateKey`.",
            defaultValue = "`false`",
            replacesKey = true)
    private @Nullable Output<Boolean> multiRegion;

    @Import(name = "tags")
    @Doc(description = "Tags for the key, the role and the instance profile, merged over the defaults "
            + "`DataClassification=confidential` and `ManagedBy=EncryptedAiDataKey` (a tag given here wins).",
            defaultValue = "the two default tags",
            range = "At most 50 tags in all; keys 1 to 128 characters, values at most 256, both from Unicode letters, "
                    + "digits and spaces and `_ . : / = + - @`; keys starting with `aws:`, the key `LintWaivers` and "
                    + "keys equal to another or to a default but for case are refused")
    private @Nullable Output<Map<String, String>> tags;

    @Import(name = "lintWaivers")
    @Doc(description = "Policy-lint rules to waive, by rule id, each with the reason, such as `AIK008` -> `partner "
            + "account, ExternalId agreed out of band`. A waived rule no longer fails construction; the waiver is "
            + "exported in the `lintWaivers` output and tagged on the key. AIK007 is waived per service, as "
            + "`AIK007:<service principal>`: that service is then trusted without `aws:SourceAccount` and "
            + "`aws:SourceArn`, for a service known not to send them.",
            defaultValue = "none",
            range = "Keys are the ids of waivable rules (see the lint rules), AIK007 with its service; every reason "
                    + "is non-blank")
    private @Nullable Output<Map<String, String>> lintWaivers;

    @Import(name = "keyUsers")
    @Doc(description = "Principals besides the data role that may use the key: IAM roles or whole accounts, each with "
            + "its access (a preset or explicit actions) and optionally its own encryption-context and via-service "
            + "conditions. Rendered into the key policy, one statement per user with a stable `Sid` (`Resource` "
            + "`*` in a key policy means this key). A user in another account also needs an IAM policy in its own "
            + "account allowing the same actions on the key's ARN; `sts:ExternalId` does not apply to key policies.",
            defaultValue = "none: only the data role (and IAM policies in the stack's account) use the key",
            range = "No `*` or wildcard principal, no key-management action, no duplicate principal (ignoring case), "
                    + "principals of the stack's partition; the key policy must stay within 32,768 bytes")
    private @Nullable Output<List<KeyUser>> keyUsers;

    @Import(name = "keyServiceUsers")
    @Doc(description = "AWS services that may use the key as themselves (a service principal in the key policy), "
            + "such as CloudWatch Logs for the pipeline's log groups or Bedrock for its jobs, each with the actions "
            + "and conditions AWS documents for it, pinned to this account and to the resources named.",
            defaultValue = "none",
            range = "Each service at most once; resource ARNs of that service in the stack's partition, region and "
                    + "account")
    private @Nullable Output<List<KeyServiceUser>> keyServiceUsers;

    @Import(name = "migrateFrom")
    @Doc(description = "The logical names that the key, alias, role and role policy had at the top level of an "
            + "existing hand-written program. Each child then carries an alias to its former URN, so Pulumi moves "
            + "the existing resource under the component instead of replacing it: the key, and the data it "
            + "protects, stay.",
            defaultValue = "none")
    private @Nullable LegacyResources migrateFrom;

    @Import(name = "createInstanceProfile")
    @Doc(description = "Whether an IAM instance profile is created for the data role when EC2 is an allowed "
            + "service, so that an instance can actually take the role. Only decided from values known at "
            + "construction: when `allowedServices` is an unresolved output, the profile is created only if this "
            + "is `true`.",
            defaultValue = "`true` when EC2 is allowed")
    private @Nullable Boolean createInstanceProfile;

    @Import(name = "retainOnDelete")
    @Doc(description = "Whether the key stays in AWS when the component is deleted from the stack (Pulumi's "
            + "`retainOnDelete`). Deleting the stack then leaves the key, and the data it protects, readable. Set it "
            + "to `false` only for disposable stacks; the key is then scheduled for deletion after "
            + "`deletionWindowInDays`.",
            defaultValue = "`true`")
    private @Nullable Boolean retainOnDelete;

    @Import(name = "protect")
    @Doc(description = "Whether Pulumi refuses any operation that would delete or replace the key (Pulumi's "
            + "`protect`). Retention already keeps the key on delete; `protect` also blocks a planned replacement "
            + "until it is lifted.",
            defaultValue = "`false`")
    private @Nullable Boolean protect;

    @Import(name = "additionalAliasNames")
    @Doc(description = "More aliases for the same key, such as one by dataset and one by model: each validated like "
            + "`aliasName` and created as its own alias, named `<name>-alias-<alias without its prefix>` so that "
            + "reordering the list changes nothing. Only values known at construction (a plain list).",
            defaultValue = "none",
            range = "Each as for `aliasName`; no duplicates, also by case, and none equal to `aliasName`")
    private @Nullable List<String> additionalAliasNames;

    @Import(name = "replicaRegions")
    @Doc(description = "Regions that get a replica of the multi-Region key (`aws:kms/replicaKey:ReplicaKey`, "
            + "named `<name>-replica-<region>`, through an AWS provider for that Region that the component creates, "
            + "named `<name>-provider-<region>`). Each replica gets the key policy rendered for its Region, is retained "
            + "on delete and protected like the key; the data role's policy names every replica's ARN. Requires "
            + "`multiRegion`; not usable with an explicit AWS provider (see the operations guide). Only values known "
            + "at construction (a plain list).",
            defaultValue = "none",
            range = "Region codes such as `eu-west-1`; no duplicates; not the key's own Region")
    private @Nullable List<String> replicaRegions;

    @Import(name = "adopt")
    @Doc(description = "Existing resources to take under management instead of creating them (Pulumi's `import` "
            + "option): a key made in the console, by CloudFormation or by Terraform keeps its key material.",
            defaultValue = "none: every resource is created")
    private @Nullable AdoptedResources adopt;

    /** For the Pulumi runtime, which fills the fields by reflection. Use {@link #builder()}. */
    public EncryptedAiDataKeyArgs() {
    }

    /**
     * The alias that names the key, for example {@code alias/chat-transcripts}. A name given without the
     * {@code alias/} prefix gets it: {@code chat-transcripts} becomes {@code alias/chat-transcripts}. At most 256
     * characters including the prefix, from {@code A-Z a-z 0-9 / _ -}; {@code alias/aws/} (any case) is reserved
     * by AWS. Required. Changing it replaces the alias, never the key.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> aliasName() {
        return Optional.ofNullable(this.aliasName);
    }

    /**
     * The key's description, at most 8192 characters.
     * Defaults to {@code "Encrypts AI-generated data (managed by EncryptedAiDataKey <name>)"}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /**
     * Whether KMS rotates the key material automatically (Security Hub KMS.4, CIS, checkov CKV_AWS_7). Old material
     * stays available for decryption.
     * Defaults to {@code true}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Boolean>> enableKeyRotation() {
        return Optional.ofNullable(this.enableKeyRotation);
    }

    /**
     * Days between automatic rotations, between 90 and 2560. Only with rotation on: setting it while
     * {@code enableKeyRotation} is {@code false} is an error.
     * Defaults to {@code 365}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Integer>> rotationPeriodInDays() {
        return Optional.ofNullable(this.rotationPeriodInDays);
    }

    /**
     * Days KMS waits before deleting the key once deletion is scheduled, between 7 and 30. Only matters when the
     * key is not retained on delete.
     * Defaults to {@code 30}, the longest window.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Integer>> deletionWindowInDays() {
        return Optional.ofNullable(this.deletionWindowInDays);
    }

    /**
     * IAM role or user ARNs (of the stack's partition) that may administer the key through the key policy:
     * describe it, enable and disable it, turn rotation on or off and rotate on demand, tag it, manage its
     * aliases, list and revoke grants, read and change its policy ({@code kms:PutKeyPolicy}), schedule and cancel
     * its deletion. They get no cryptographic action and no {@code kms:CreateGrant}, so as the policy stands they
     * cannot encrypt or decrypt; but {@code kms:PutKeyPolicy} lets them rewrite the policy and grant themselves
     * any use: treat them as able to reach the data. The account root is always in the key policy, so IAM
     * policies in the account keep the key manageable.
     * For a multi-Region key they also get {@code kms:UpdatePrimaryRegion} and {@code kms:ReplicateKey}
     * (limited with {@code kms:ReplicaRegion} to the Regions of the key set when {@code replicaRegions} is
     * given).
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> keyAdministratorArns() {
        return Optional.ofNullable(this.keyAdministratorArns);
    }

    /**
     * AWS service principals that may assume the data role, such as {@code sagemaker.amazonaws.com}. See
     * {@link AwsService} for the common ones. {@code *} and anything not ending in an AWS service domain is refused.
     * At least one of {@code allowedServices}, {@code allowedAccountIds}, {@code allowedRoleArns} and
     * {@code webIdentityProviderArn} must name a principal.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> allowedServices() {
        return Optional.ofNullable(this.allowedServices);
    }

    /**
     * 12-digit AWS account ids whose IAM principals (subject to their own IAM policies) may assume the data role.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> allowedAccountIds() {
        return Optional.ofNullable(this.allowedAccountIds);
    }

    /**
     * IAM role ARNs that may assume the data role, such as {@code arn:aws:iam::123456789012:role/inference}. No
     * wildcards.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> allowedRoleArns() {
        return Optional.ofNullable(this.allowedRoleArns);
    }

    /**
     * The KMS actions the data role may perform on the key, by IAM name (see {@link KeyAction}). Only explicit
     * actions for a symmetric key that use or describe it, and {@code kms:CreateGrant}, always bound to
     * {@code kms:GrantIsForAWSResource}: no wildcard, no key-management action.
     * Defaults to {@link KeyAccess#ENCRYPT_DECRYPT}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> keyActions() {
        return Optional.ofNullable(this.keyActions);
    }

    /**
     * A fixed name for the data role, 1 to 64 characters from {@code A-Za-z0-9+=,.@_-}. Changing it replaces the
     * role (never the key). A fixed name collides when two stacks use the same one and blocks a replacement, so
     * prefer the default.
     * Defaults to an automatic name derived from the component's name.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> roleName() {
        return Optional.ofNullable(this.roleName);
    }

    /**
     * The IAM path of the data role: starts and ends with {@code /}, at most 512 characters. Changing it replaces the
     * role.
     * Defaults to {@code /}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> rolePath() {
        return Optional.ofNullable(this.rolePath);
    }

    /**
     * The ARN of a managed policy that bounds the data role's permissions.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> rolePermissionsBoundary() {
        return Optional.ofNullable(this.rolePermissionsBoundary);
    }

    /**
     * The longest session, in seconds, that assuming the data role gives: between 3600 and 43200.
     * Defaults to {@code 3600}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Integer>> roleMaxSessionDuration() {
        return Optional.ofNullable(this.roleMaxSessionDuration);
    }

    /**
     * Encryption-context pairs every cryptographic call must carry, such as {@code dataset=customer-chats}. Rendered
     * as {@code kms:EncryptionContext:<key>} conditions on every cryptographic action of the role policy (never on
     * {@code kms:DescribeKey}), so a call without the pair, or with another value, is refused. Keys are 1 to 128
     * characters from {@code A-Za-z0-9_.:/=+@-}, unique ignoring case; values are 1 to 256 characters. The context
     * is logged in plaintext in CloudTrail: never put secrets or personal data in it.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Map<String, String>>> encryptionContext() {
        return Optional.ofNullable(this.encryptionContext);
    }

    /**
     * Pins the set of encryption-context keys a call may use: rendered as {@code ForAllValues:StringEquals} on
     * {@code kms:EncryptionContextKeys} together with a {@code Null} check, so a call with another key, or with no
     * context at all, is refused. Same key rules as {@code encryptionContext}.
     * Defaults to none: any keys.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> encryptionContextKeys() {
        return Optional.ofNullable(this.encryptionContextKeys);
    }

    /**
     * Limits cryptographic use of the key to requests that AWS services make on the role's behalf
     * ({@code kms:ViaService}), such as {@code s3} or {@code sagemaker}: a short name is rendered as
     * {@code <service>.<region>.amazonaws.com} for the stack's region; a full name is taken as it is. See
     * {@link ViaService}. Also adds {@code kms:CallerAccount} for the stack's account.
     * Defaults to none: direct calls are allowed.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> viaServices() {
        return Optional.ofNullable(this.viaServices);
    }

    /**
     * ARN patterns ({@code ArnLike}, wildcards allowed) of the resources on whose behalf the allowed services may
     * assume the role ({@code aws:SourceArn}), such as {@code arn:aws:sagemaker:us-east-1:123456789012:training-job/*}.
     * Each ARN applies only to the allowed service its service segment names ({@code sagemaker} to
     * {@code sagemaker.amazonaws.com}, {@code ecs} to {@code ecs-tasks.amazonaws.com}); an ARN of no allowed service
     * is refused, and so is one whose partition or account, when spelled out, is not the stack's.
     * Defaults to none: {@code aws:SourceAccount} alone.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> sourceArns() {
        return Optional.ofNullable(this.sourceArns);
    }

    /**
     * The {@code sts:ExternalId} principals in {@code allowedAccountIds} and {@code allowedRoleArns} must present:
     * 2 to 1224 characters from {@code A-Za-z0-9+=,.@:/_-}. Required when any of them is in another account than
     * the stack's, unless {@code crossAccountWithoutExternalId} is {@code true}.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> externalId() {
        return Optional.ofNullable(this.externalId);
    }

    /**
     * Explicitly allows principals of another account to assume the role without an {@code sts:ExternalId}.
     * Only for accounts you control yourself: the lint reports it as waived rule AIK008.
     * Defaults to {@code false}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Boolean>> crossAccountWithoutExternalId() {
        return Optional.ofNullable(this.crossAccountWithoutExternalId);
    }

    /**
     * The ARN of an IAM OIDC identity provider (EKS IRSA, a CI system) whose tokens may assume the role with
     * {@code sts:AssumeRoleWithWebIdentity}, such as
     * {@code arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE}. Requires
     * {@code webIdentitySubjects}.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> webIdentityProviderArn() {
        return Optional.ofNullable(this.webIdentityProviderArn);
    }

    /**
     * The token subjects ({@code sub}, {@code StringLike}) allowed to assume the role, such as
     * {@code system:serviceaccount:ml:inference}. Required with {@code webIdentityProviderArn}. On GitHub Actions'
     * issuer ({@code token.actions.githubusercontent.com}) each must start with {@code repo:<owner>/<repository>}
     * spelled out, wildcards only after it; on an EKS issuer each must be
     * {@code system:serviceaccount:<namespace>:<service account>} without wildcards; on other issuers each needs a
     * literal part, and a wildcard is a lint warning (AIK014).
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<String>>> webIdentitySubjects() {
        return Optional.ofNullable(this.webIdentitySubjects);
    }

    /**
     * The token audience ({@code aud}) required with {@code webIdentityProviderArn}.
     * Defaults to {@code sts.amazonaws.com}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<String>> webIdentityAudience() {
        return Optional.ofNullable(this.webIdentityAudience);
    }

    /**
     * Whether the key is a multi-Region primary key. Changing this replaces the key: a replaced key cannot decrypt
     * what the old one encrypted, so decide before first deploy. Replicas are made with {@code replicaRegions};
     * the data role's policy names the key and those replicas only, so a replica made outside the component is
     * not usable by the role.
     * Defaults to {@code false}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Boolean>> multiRegion() {
        return Optional.ofNullable(this.multiRegion);
    }

    /**
     * Tags for the key, the role and the instance profile, merged over the defaults {@code DataClassification=confidential}
     * and {@code ManagedBy=EncryptedAiDataKey} (a tag given here wins). At most 50 tags in all; keys 1 to 128
     * characters, values at most 256, both from Unicode letters, digits and spaces and {@code _ . : / = + - @};
     * keys starting with {@code aws:}, the key {@code LintWaivers} (written by the component) and keys equal
     * to another or to a default but for case are refused.
     * Defaults to the two default tags.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Map<String, String>>> tags() {
        return Optional.ofNullable(this.tags);
    }

    /**
     * Policy-lint rules to waive, by rule id, each with the reason, such as
     * {@code AIK008 -> "partner account, ExternalId agreed out of band"}. A waived rule no longer fails
     * construction; the waiver is exported in {@code lintWaivers} and tagged on the key. AIK007 is waived per
     * service, as {@code AIK007:<service principal>} (such as {@code AIK007:bedrock.amazonaws.com}): that service
     * is then trusted without {@code aws:SourceAccount} and {@code aws:SourceArn}, for a service known not to
     * send them; the other services stay conditioned.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<Map<String, String>>> lintWaivers() {
        return Optional.ofNullable(this.lintWaivers);
    }

    /**
     * Whether an IAM instance profile is created for the data role when EC2 is an allowed service, so that an
     * instance can actually take the role. Only decided from values known at construction: when
     * {@code allowedServices} is an unresolved {@code Output}, the profile is created only if this is {@code true}.
     * Defaults to {@code true} when EC2 is allowed.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Boolean> createInstanceProfile() {
        return Optional.ofNullable(this.createInstanceProfile);
    }

    /**
     * Whether the key stays in AWS when the component is deleted from the stack (Pulumi's {@code retainOnDelete}).
     * Deleting the stack then leaves the key, and the data it protects, readable. Set it to {@code false} only for
     * disposable stacks; the key is then scheduled for deletion after {@code deletionWindowInDays}.
     * Defaults to {@code true}.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Boolean> retainOnDelete() {
        return Optional.ofNullable(this.retainOnDelete);
    }

    /**
     * Whether Pulumi refuses any operation that would delete or replace the key (Pulumi's {@code protect}).
     * Defaults to {@code false}: retention already keeps the key on delete, and {@code protect} also blocks
     * a planned replacement until it is lifted.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Boolean> protect() {
        return Optional.ofNullable(this.protect);
    }

    /**
     * More aliases for the key, each with its own alias resource. Defaults to none.
     *
     * @return the additional alias names, or empty
     */
    public Optional<List<String>> additionalAliasNames() {
        return Optional.ofNullable(this.additionalAliasNames);
    }

    /**
     * The Regions that get a replica of the multi-Region key. Defaults to none.
     *
     * @return the replica Regions, or empty
     */
    public Optional<List<String>> replicaRegions() {
        return Optional.ofNullable(this.replicaRegions);
    }

    /**
     * The existing resources the component adopts instead of creating them. Defaults to none.
     *
     * @return the adopted resources, or empty
     */
    public Optional<AdoptedResources> adopt() {
        return Optional.ofNullable(this.adopt);
    }

    /**
     * The top-level resources of a hand-written program that this component takes over. Defaults to none.
     *
     * @return the legacy names, or empty
     */
    public Optional<LegacyResources> migrateFrom() {
        return Optional.ofNullable(this.migrateFrom);
    }

    /**
     * Principals besides the data role that may use the key: IAM roles or whole accounts, each with its
     * {@link KeyAccess} or {@link KeyAction}s and optionally its own conditions (see {@link KeyUser}). Rendered into
     * the key policy, one statement per user. No {@code *} or wildcard principal, no key-management action, no
     * duplicate principal; the key policy must stay within 32,768 bytes.
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<KeyUser>>> keyUsers() {
        return Optional.ofNullable(this.keyUsers);
    }

    /**
     * AWS services that may use the key as themselves, each pinned to this account and to the resources named (see
     * {@link KeyServiceUser} and {@link KeyService}).
     * Defaults to none.
     *
     * @return the value set on the builder, or empty when the default applies
     */
    public Optional<Output<List<KeyServiceUser>>> keyServiceUsers() {
        return Optional.ofNullable(this.keyServiceUsers);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with every default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding the values of existing arguments.
     *
     * @param defaults arguments to copy
     * @return a new builder
     */
    public static Builder builder(EncryptedAiDataKeyArgs defaults) {
        return new Builder(defaults);
    }

    /** Builds {@link EncryptedAiDataKeyArgs}. Not thread-safe. */
    public static final class Builder {
        private EncryptedAiDataKeyArgs $;

        private Builder() {
            $ = new EncryptedAiDataKeyArgs();
        }

        private Builder(EncryptedAiDataKeyArgs defaults) {
            $ = new EncryptedAiDataKeyArgs();
            $.aliasName = defaults.aliasName;
            $.description = defaults.description;
            $.enableKeyRotation = defaults.enableKeyRotation;
            $.rotationPeriodInDays = defaults.rotationPeriodInDays;
            $.deletionWindowInDays = defaults.deletionWindowInDays;
            $.keyAdministratorArns = defaults.keyAdministratorArns;
            $.allowedServices = defaults.allowedServices;
            $.allowedAccountIds = defaults.allowedAccountIds;
            $.allowedRoleArns = defaults.allowedRoleArns;
            $.keyActions = defaults.keyActions;
            $.roleName = defaults.roleName;
            $.rolePath = defaults.rolePath;
            $.rolePermissionsBoundary = defaults.rolePermissionsBoundary;
            $.roleMaxSessionDuration = defaults.roleMaxSessionDuration;
            $.encryptionContext = defaults.encryptionContext;
            $.encryptionContextKeys = defaults.encryptionContextKeys;
            $.viaServices = defaults.viaServices;
            $.sourceArns = defaults.sourceArns;
            $.externalId = defaults.externalId;
            $.crossAccountWithoutExternalId = defaults.crossAccountWithoutExternalId;
            $.webIdentityProviderArn = defaults.webIdentityProviderArn;
            $.webIdentitySubjects = defaults.webIdentitySubjects;
            $.webIdentityAudience = defaults.webIdentityAudience;
            $.multiRegion = defaults.multiRegion;
            $.tags = defaults.tags;
            $.lintWaivers = defaults.lintWaivers;
            $.keyUsers = defaults.keyUsers;
            $.keyServiceUsers = defaults.keyServiceUsers;
            $.createInstanceProfile = defaults.createInstanceProfile;
            $.migrateFrom = defaults.migrateFrom;
            $.retainOnDelete = defaults.retainOnDelete;
            $.protect = defaults.protect;
            $.additionalAliasNames = defaults.additionalAliasNames;
            $.replicaRegions = defaults.replicaRegions;
            $.adopt = defaults.adopt;
        }

        /**
         * The alias that names the key, for example {@code alias/chat-transcripts}. A name given without the
         * {@code alias/} prefix gets it: {@code chat-transcripts} becomes {@code alias/chat-transcripts}. At most 256
         * characters including the prefix, from {@code A-Z a-z 0-9 / _ -}; {@code alias/aws/} (any case) is reserved
         * by AWS. Required. Changing it replaces the alias, never the key.
         *
         * @param aliasName the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder aliasName(@Nullable Output<String> aliasName) {
            $.aliasName = aliasName;
            return this;
        }

        /**
         * The alias that names the key, for example {@code alias/chat-transcripts}. A name given without the
         * {@code alias/} prefix gets it: {@code chat-transcripts} becomes {@code alias/chat-transcripts}. At most 256
         * characters including the prefix, from {@code A-Z a-z 0-9 / _ -}; {@code alias/aws/} (any case) is reserved
         * by AWS. Required. Changing it replaces the alias, never the key.
         *
         * @param aliasName the value; {@code null} restores the default
         * @return this builder
         */
        public Builder aliasName(@Nullable String aliasName) {
            return aliasName(aliasName == null ? null : Output.of(aliasName));
        }

        /**
         * The key's description, at most 8192 characters.
         * Defaults to {@code "Encrypts AI-generated data (managed by EncryptedAiDataKey <name>)"}.
         *
         * @param description the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder description(@Nullable Output<String> description) {
            $.description = description;
            return this;
        }

        /**
         * The key's description, at most 8192 characters.
         * Defaults to {@code "Encrypts AI-generated data (managed by EncryptedAiDataKey <name>)"}.
         *
         * @param description the value; {@code null} restores the default
         * @return this builder
         */
        public Builder description(@Nullable String description) {
            return description(description == null ? null : Output.of(description));
        }

        /**
         * Whether KMS rotates the key material automatically (Security Hub KMS.4, CIS, checkov CKV_AWS_7). Old material
         * stays available for decryption.
         * Defaults to {@code true}.
         *
         * @param enableKeyRotation the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder enableKeyRotation(@Nullable Output<Boolean> enableKeyRotation) {
            $.enableKeyRotation = enableKeyRotation;
            return this;
        }

        /**
         * Whether KMS rotates the key material automatically (Security Hub KMS.4, CIS, checkov CKV_AWS_7). Old material
         * stays available for decryption.
         * Defaults to {@code true}.
         *
         * @param enableKeyRotation the value; {@code null} restores the default
         * @return this builder
         */
        public Builder enableKeyRotation(@Nullable Boolean enableKeyRotation) {
            return enableKeyRotation(enableKeyRotation == null ? null : Output.of(enableKeyRotation));
        }

        /**
         * Days between automatic rotations, between 90 and 2560. Only with rotation on: setting it while
         * {@code enableKeyRotation} is {@code false} is an error.
         * Defaults to {@code 365}.
         *
         * @param rotationPeriodInDays the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder rotationPeriodInDays(@Nullable Output<Integer> rotationPeriodInDays) {
            $.rotationPeriodInDays = rotationPeriodInDays;
            return this;
        }

        /**
         * Days between automatic rotations, between 90 and 2560. Only with rotation on: setting it while
         * {@code enableKeyRotation} is {@code false} is an error.
         * Defaults to {@code 365}.
         *
         * @param rotationPeriodInDays the value; {@code null} restores the default
         * @return this builder
         */
        public Builder rotationPeriodInDays(@Nullable Integer rotationPeriodInDays) {
            return rotationPeriodInDays(rotationPeriodInDays == null ? null : Output.of(rotationPeriodInDays));
        }

        /**
         * Days KMS waits before deleting the key once deletion is scheduled, between 7 and 30. Only matters when the
         * key is not retained on delete.
         * Defaults to {@code 30}, the longest window.
         *
         * @param deletionWindowInDays the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder deletionWindowInDays(@Nullable Output<Integer> deletionWindowInDays) {
            $.deletionWindowInDays = deletionWindowInDays;
            return this;
        }

        /**
         * Days KMS waits before deleting the key once deletion is scheduled, between 7 and 30. Only matters when the
         * key is not retained on delete.
         * Defaults to {@code 30}, the longest window.
         *
         * @param deletionWindowInDays the value; {@code null} restores the default
         * @return this builder
         */
        public Builder deletionWindowInDays(@Nullable Integer deletionWindowInDays) {
            return deletionWindowInDays(deletionWindowInDays == null ? null : Output.of(deletionWindowInDays));
        }

        /**
         * IAM role or user ARNs (of the stack's partition) that may administer the key through the key policy:
         * describe it, enable and disable it, turn rotation on or off and rotate on demand, tag it, manage its
         * aliases, list and revoke grants, read and change its policy ({@code kms:PutKeyPolicy}), schedule and cancel
         * its deletion. They get no cryptographic action and no {@code kms:CreateGrant}, so as the policy stands they
         * cannot encrypt or decrypt; but {@code kms:PutKeyPolicy} lets them rewrite the policy and grant themselves
         * any use: treat them as able to reach the data. The account root is always in the key policy, so IAM
         * policies in the account keep the key manageable.
         * For a multi-Region key they also get {@code kms:UpdatePrimaryRegion} and {@code kms:ReplicateKey}
         * (limited with {@code kms:ReplicaRegion} to the Regions of the key set when {@code replicaRegions} is
         * given).
         * Defaults to none.
         *
         * @param keyAdministratorArns the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder keyAdministratorArns(@Nullable Output<List<String>> keyAdministratorArns) {
            $.keyAdministratorArns = keyAdministratorArns;
            return this;
        }

        /**
         * IAM role or user ARNs (of the stack's partition) that may administer the key through the key policy:
         * describe it, enable and disable it, turn rotation on or off and rotate on demand, tag it, manage its
         * aliases, list and revoke grants, read and change its policy ({@code kms:PutKeyPolicy}), schedule and cancel
         * its deletion. They get no cryptographic action and no {@code kms:CreateGrant}, so as the policy stands they
         * cannot encrypt or decrypt; but {@code kms:PutKeyPolicy} lets them rewrite the policy and grant themselves
         * any use: treat them as able to reach the data. The account root is always in the key policy, so IAM
         * policies in the account keep the key manageable.
         * For a multi-Region key they also get {@code kms:UpdatePrimaryRegion} and {@code kms:ReplicateKey}
         * (limited with {@code kms:ReplicaRegion} to the Regions of the key set when {@code replicaRegions} is
         * given).
         * Defaults to none.
         *
         * @param keyAdministratorArns the value; {@code null} restores the default
         * @return this builder
         */
        public Builder keyAdministratorArns(@Nullable List<String> keyAdministratorArns) {
            return keyAdministratorArns(keyAdministratorArns == null ? null : Output.of(copyOf(keyAdministratorArns)));
        }

        /**
         * Varargs form of {@link #keyAdministratorArns(List)}.
         *
         * @param keyAdministratorArns the values
         * @return this builder
         */
        public Builder keyAdministratorArns(String... keyAdministratorArns) {
            return keyAdministratorArns(Arrays.asList(keyAdministratorArns));
        }

        /**
         * AWS service principals that may assume the data role, such as {@code sagemaker.amazonaws.com}. See
         * {@link AwsService} for the common ones. {@code *} and anything not ending in an AWS service domain is refused.
         * At least one of {@code allowedServices}, {@code allowedAccountIds}, {@code allowedRoleArns} and
         * {@code webIdentityProviderArn} must name a principal.
         * Defaults to none.
         *
         * @param allowedServices the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder allowedServices(@Nullable Output<List<String>> allowedServices) {
            $.allowedServices = allowedServices;
            return this;
        }

        /**
         * AWS service principals that may assume the data role, such as {@code sagemaker.amazonaws.com}. See
         * {@link AwsService} for the common ones. {@code *} and anything not ending in an AWS service domain is refused.
         * At least one of {@code allowedServices}, {@code allowedAccountIds}, {@code allowedRoleArns} and
         * {@code webIdentityProviderArn} must name a principal.
         * Defaults to none.
         *
         * @param allowedServices the value; {@code null} restores the default
         * @return this builder
         */
        public Builder allowedServices(@Nullable List<String> allowedServices) {
            return allowedServices(allowedServices == null ? null : Output.of(copyOf(allowedServices)));
        }

        /**
         * Varargs form of {@link #allowedServices(List)}.
         *
         * @param allowedServices the values
         * @return this builder
         */
        public Builder allowedServices(String... allowedServices) {
            return allowedServices(Arrays.asList(allowedServices));
        }

        /**
         * 12-digit AWS account ids whose IAM principals (subject to their own IAM policies) may assume the data role.
         * Defaults to none.
         *
         * @param allowedAccountIds the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder allowedAccountIds(@Nullable Output<List<String>> allowedAccountIds) {
            $.allowedAccountIds = allowedAccountIds;
            return this;
        }

        /**
         * 12-digit AWS account ids whose IAM principals (subject to their own IAM policies) may assume the data role.
         * Defaults to none.
         *
         * @param allowedAccountIds the value; {@code null} restores the default
         * @return this builder
         */
        public Builder allowedAccountIds(@Nullable List<String> allowedAccountIds) {
            return allowedAccountIds(allowedAccountIds == null ? null : Output.of(copyOf(allowedAccountIds)));
        }

        /**
         * Varargs form of {@link #allowedAccountIds(List)}.
         *
         * @param allowedAccountIds the values
         * @return this builder
         */
        public Builder allowedAccountIds(String... allowedAccountIds) {
            return allowedAccountIds(Arrays.asList(allowedAccountIds));
        }

        /**
         * IAM role ARNs that may assume the data role, such as {@code arn:aws:iam::123456789012:role/inference}. No
         * wildcards.
         * Defaults to none.
         *
         * @param allowedRoleArns the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder allowedRoleArns(@Nullable Output<List<String>> allowedRoleArns) {
            $.allowedRoleArns = allowedRoleArns;
            return this;
        }

        /**
         * IAM role ARNs that may assume the data role, such as {@code arn:aws:iam::123456789012:role/inference}. No
         * wildcards.
         * Defaults to none.
         *
         * @param allowedRoleArns the value; {@code null} restores the default
         * @return this builder
         */
        public Builder allowedRoleArns(@Nullable List<String> allowedRoleArns) {
            return allowedRoleArns(allowedRoleArns == null ? null : Output.of(copyOf(allowedRoleArns)));
        }

        /**
         * Varargs form of {@link #allowedRoleArns(List)}.
         *
         * @param allowedRoleArns the values
         * @return this builder
         */
        public Builder allowedRoleArns(String... allowedRoleArns) {
            return allowedRoleArns(Arrays.asList(allowedRoleArns));
        }

        /**
         * The KMS actions the data role may perform on the key, by IAM name (see {@link KeyAction}). Only explicit
         * actions for a symmetric key that use or describe it: no wildcard, no key-management action.
         * Defaults to {@link KeyAccess#ENCRYPT_DECRYPT}.
         *
         * @param keyActions the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder keyActions(@Nullable Output<List<String>> keyActions) {
            $.keyActions = keyActions;
            return this;
        }

        /**
         * The KMS actions the data role may perform on the key, by IAM name (see {@link KeyAction}). Only explicit
         * actions for a symmetric key that use or describe it: no wildcard, no key-management action.
         * Defaults to {@link KeyAccess#ENCRYPT_DECRYPT}.
         *
         * @param keyActions the value; {@code null} restores the default
         * @return this builder
         */
        public Builder keyActions(@Nullable List<String> keyActions) {
            return keyActions(keyActions == null ? null : Output.of(copyOf(keyActions)));
        }

        /**
         * Varargs form of {@link #keyActions(List)}.
         *
         * @param keyActions the values
         * @return this builder
         */
        public Builder keyActions(String... keyActions) {
            return keyActions(Arrays.asList(keyActions));
        }

        /**
         * A fixed name for the data role, 1 to 64 characters from {@code A-Za-z0-9+=,.@_-}. Changing it replaces the
         * role (never the key). A fixed name collides when two stacks use the same one and blocks a replacement, so
         * prefer the default.
         * Defaults to an automatic name derived from the component's name.
         *
         * @param roleName the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder roleName(@Nullable Output<String> roleName) {
            $.roleName = roleName;
            return this;
        }

        /**
         * A fixed name for the data role, 1 to 64 characters from {@code A-Za-z0-9+=,.@_-}. Changing it replaces the
         * role (never the key). A fixed name collides when two stacks use the same one and blocks a replacement, so
         * prefer the default.
         * Defaults to an automatic name derived from the component's name.
         *
         * @param roleName the value; {@code null} restores the default
         * @return this builder
         */
        public Builder roleName(@Nullable String roleName) {
            return roleName(roleName == null ? null : Output.of(roleName));
        }

        /**
         * The IAM path of the data role: starts and ends with {@code /}, at most 512 characters. Changing it replaces the
         * role.
         * Defaults to {@code /}.
         *
         * @param rolePath the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder rolePath(@Nullable Output<String> rolePath) {
            $.rolePath = rolePath;
            return this;
        }

        /**
         * The IAM path of the data role: starts and ends with {@code /}, at most 512 characters. Changing it replaces the
         * role.
         * Defaults to {@code /}.
         *
         * @param rolePath the value; {@code null} restores the default
         * @return this builder
         */
        public Builder rolePath(@Nullable String rolePath) {
            return rolePath(rolePath == null ? null : Output.of(rolePath));
        }

        /**
         * The ARN of a managed policy that bounds the data role's permissions.
         * Defaults to none.
         *
         * @param rolePermissionsBoundary the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder rolePermissionsBoundary(@Nullable Output<String> rolePermissionsBoundary) {
            $.rolePermissionsBoundary = rolePermissionsBoundary;
            return this;
        }

        /**
         * The ARN of a managed policy that bounds the data role's permissions.
         * Defaults to none.
         *
         * @param rolePermissionsBoundary the value; {@code null} restores the default
         * @return this builder
         */
        public Builder rolePermissionsBoundary(@Nullable String rolePermissionsBoundary) {
            return rolePermissionsBoundary(rolePermissionsBoundary == null ? null : Output.of(rolePermissionsBoundary));
        }

        /**
         * The longest session, in seconds, that assuming the data role gives: between 3600 and 43200.
         * Defaults to {@code 3600}.
         *
         * @param roleMaxSessionDuration the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder roleMaxSessionDuration(@Nullable Output<Integer> roleMaxSessionDuration) {
            $.roleMaxSessionDuration = roleMaxSessionDuration;
            return this;
        }

        /**
         * The longest session, in seconds, that assuming the data role gives: between 3600 and 43200.
         * Defaults to {@code 3600}.
         *
         * @param roleMaxSessionDuration the value; {@code null} restores the default
         * @return this builder
         */
        public Builder roleMaxSessionDuration(@Nullable Integer roleMaxSessionDuration) {
            return roleMaxSessionDuration(roleMaxSessionDuration == null ? null : Output.of(roleMaxSessionDuration));
        }

        /**
         * Encryption-context pairs every cryptographic call must carry, such as {@code dataset=customer-chats}. Rendered
         * as {@code kms:EncryptionContext:<key>} conditions on every cryptographic action of the role policy (never on
         * {@code kms:DescribeKey}), so a call without the pair, or with another value, is refused. Keys are 1 to 128
         * characters from {@code A-Za-z0-9_.:/=+@-}, unique ignoring case; values are 1 to 256 characters. The context
         * is logged in plaintext in CloudTrail: never put secrets or personal data in it.
         * Defaults to none.
         *
         * @param encryptionContext the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder encryptionContext(@Nullable Output<Map<String, String>> encryptionContext) {
            $.encryptionContext = encryptionContext;
            return this;
        }

        /**
         * Encryption-context pairs every cryptographic call must carry, such as {@code dataset=customer-chats}. Rendered
         * as {@code kms:EncryptionContext:<key>} conditions on every cryptographic action of the role policy (never on
         * {@code kms:DescribeKey}), so a call without the pair, or with another value, is refused. Keys are 1 to 128
         * characters from {@code A-Za-z0-9_.:/=+@-}, unique ignoring case; values are 1 to 256 characters. The context
         * is logged in plaintext in CloudTrail: never put secrets or personal data in it.
         * Defaults to none.
         *
         * @param encryptionContext the value; {@code null} restores the default
         * @return this builder
         */
        public Builder encryptionContext(@Nullable Map<String, String> encryptionContext) {
            return encryptionContext(encryptionContext == null ? null : Output.of(copyOf(encryptionContext)));
        }

        /**
         * Pins the set of encryption-context keys a call may use: rendered as {@code ForAllValues:StringEquals} on
         * {@code kms:EncryptionContextKeys} together with a {@code Null} check, so a call with another key, or with no
         * context at all, is refused. Same key rules as {@link #encryptionContext(Map)}.
         * Defaults to none: any keys.
         *
         * @param encryptionContextKeys the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder encryptionContextKeys(@Nullable Output<List<String>> encryptionContextKeys) {
            $.encryptionContextKeys = encryptionContextKeys;
            return this;
        }

        /**
         * Pins the set of encryption-context keys a call may use: rendered as {@code ForAllValues:StringEquals} on
         * {@code kms:EncryptionContextKeys} together with a {@code Null} check, so a call with another key, or with no
         * context at all, is refused. Same key rules as {@link #encryptionContext(Map)}.
         * Defaults to none: any keys.
         *
         * @param encryptionContextKeys the value; {@code null} restores the default
         * @return this builder
         */
        public Builder encryptionContextKeys(@Nullable List<String> encryptionContextKeys) {
            return encryptionContextKeys(encryptionContextKeys == null ? null : Output.of(copyOf(encryptionContextKeys)));
        }

        /**
         * Varargs form of {@link #encryptionContextKeys(List)}.
         *
         * @param encryptionContextKeys the values
         * @return this builder
         */
        public Builder encryptionContextKeys(String... encryptionContextKeys) {
            return encryptionContextKeys(Arrays.asList(encryptionContextKeys));
        }

        /**
         * Limits cryptographic use of the key to requests that AWS services make on the role's behalf
         * ({@code kms:ViaService}), such as {@code s3} or {@code sagemaker}: a short name is rendered as
         * {@code <service>.<region>.amazonaws.com} for the stack's region; a full name is taken as it is. See
         * {@link ViaService}. Also adds {@code kms:CallerAccount} for the stack's account.
         * Defaults to none: direct calls are allowed.
         *
         * @param viaServices the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder viaServices(@Nullable Output<List<String>> viaServices) {
            $.viaServices = viaServices;
            return this;
        }

        /**
         * Limits cryptographic use of the key to requests that AWS services make on the role's behalf
         * ({@code kms:ViaService}), such as {@code s3} or {@code sagemaker}: a short name is rendered as
         * {@code <service>.<region>.amazonaws.com} for the stack's region; a full name is taken as it is. See
         * {@link ViaService}. Also adds {@code kms:CallerAccount} for the stack's account.
         * Defaults to none: direct calls are allowed.
         *
         * @param viaServices the value; {@code null} restores the default
         * @return this builder
         */
        public Builder viaServices(@Nullable List<String> viaServices) {
            return viaServices(viaServices == null ? null : Output.of(copyOf(viaServices)));
        }

        /**
         * Varargs form of {@link #viaServices(List)}.
         *
         * @param viaServices the values
         * @return this builder
         */
        public Builder viaServices(String... viaServices) {
            return viaServices(Arrays.asList(viaServices));
        }

        /**
         * ARN patterns ({@code ArnLike}, wildcards allowed) of the resources on whose behalf the allowed services may
         * assume the role ({@code aws:SourceArn}), such as {@code arn:aws:sagemaker:us-east-1:123456789012:training-job/*}.
         * Each ARN applies only to the allowed service its service segment names ({@code sagemaker} to
         * {@code sagemaker.amazonaws.com}, {@code ecs} to {@code ecs-tasks.amazonaws.com}); an ARN of no allowed service
         * is refused, and so is one whose partition or account, when spelled out, is not the stack's.
         * Defaults to none: {@code aws:SourceAccount} alone.
         *
         * @param sourceArns the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder sourceArns(@Nullable Output<List<String>> sourceArns) {
            $.sourceArns = sourceArns;
            return this;
        }

        /**
         * ARN patterns ({@code ArnLike}, wildcards allowed) of the resources on whose behalf the allowed services may
         * assume the role ({@code aws:SourceArn}), such as {@code arn:aws:sagemaker:us-east-1:123456789012:training-job/*}.
         * Each ARN applies only to the allowed service its service segment names ({@code sagemaker} to
         * {@code sagemaker.amazonaws.com}, {@code ecs} to {@code ecs-tasks.amazonaws.com}); an ARN of no allowed service
         * is refused, and so is one whose partition or account, when spelled out, is not the stack's.
         * Defaults to none: {@code aws:SourceAccount} alone.
         *
         * @param sourceArns the value; {@code null} restores the default
         * @return this builder
         */
        public Builder sourceArns(@Nullable List<String> sourceArns) {
            return sourceArns(sourceArns == null ? null : Output.of(copyOf(sourceArns)));
        }

        /**
         * Varargs form of {@link #sourceArns(List)}.
         *
         * @param sourceArns the values
         * @return this builder
         */
        public Builder sourceArns(String... sourceArns) {
            return sourceArns(Arrays.asList(sourceArns));
        }

        /**
         * The {@code sts:ExternalId} principals in {@code allowedAccountIds} and {@code allowedRoleArns} must present:
         * 2 to 1224 characters from {@code A-Za-z0-9+=,.@:/_-}. Required when any of them is in another account than
         * the stack's, unless {@code crossAccountWithoutExternalId} is {@code true}.
         * Defaults to none.
         *
         * @param externalId the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder externalId(@Nullable Output<String> externalId) {
            $.externalId = externalId;
            return this;
        }

        /**
         * The {@code sts:ExternalId} principals in {@code allowedAccountIds} and {@code allowedRoleArns} must present:
         * 2 to 1224 characters from {@code A-Za-z0-9+=,.@:/_-}. Required when any of them is in another account than
         * the stack's, unless {@code crossAccountWithoutExternalId} is {@code true}.
         * Defaults to none.
         *
         * @param externalId the value; {@code null} restores the default
         * @return this builder
         */
        public Builder externalId(@Nullable String externalId) {
            return externalId(externalId == null ? null : Output.of(externalId));
        }

        /**
         * Explicitly allows principals of another account to assume the role without an {@code sts:ExternalId}.
         * Only for accounts you control yourself: the lint reports it as waived rule AIK008.
         * Defaults to {@code false}.
         *
         * @param crossAccountWithoutExternalId the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder crossAccountWithoutExternalId(@Nullable Output<Boolean> crossAccountWithoutExternalId) {
            $.crossAccountWithoutExternalId = crossAccountWithoutExternalId;
            return this;
        }

        /**
         * Explicitly allows principals of another account to assume the role without an {@code sts:ExternalId}.
         * Only for accounts you control yourself: the lint reports it as waived rule AIK008.
         * Defaults to {@code false}.
         *
         * @param crossAccountWithoutExternalId the value; {@code null} restores the default
         * @return this builder
         */
        public Builder crossAccountWithoutExternalId(@Nullable Boolean crossAccountWithoutExternalId) {
            return crossAccountWithoutExternalId(crossAccountWithoutExternalId == null ? null : Output.of(crossAccountWithoutExternalId));
        }

        /**
         * The ARN of an IAM OIDC identity provider (EKS IRSA, a CI system) whose tokens may assume the role with
         * {@code sts:AssumeRoleWithWebIdentity}, such as
         * {@code arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE}. Requires
         * {@code webIdentitySubjects}.
         * Defaults to none.
         *
         * @param webIdentityProviderArn the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder webIdentityProviderArn(@Nullable Output<String> webIdentityProviderArn) {
            $.webIdentityProviderArn = webIdentityProviderArn;
            return this;
        }

        /**
         * The ARN of an IAM OIDC identity provider (EKS IRSA, a CI system) whose tokens may assume the role with
         * {@code sts:AssumeRoleWithWebIdentity}, such as
         * {@code arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE}. Requires
         * {@code webIdentitySubjects}.
         * Defaults to none.
         *
         * @param webIdentityProviderArn the value; {@code null} restores the default
         * @return this builder
         */
        public Builder webIdentityProviderArn(@Nullable String webIdentityProviderArn) {
            return webIdentityProviderArn(webIdentityProviderArn == null ? null : Output.of(webIdentityProviderArn));
        }

        /**
         * The token subjects ({@code sub}, {@code StringLike}) allowed to assume the role, such as
         * {@code system:serviceaccount:ml:inference}. Required with {@code webIdentityProviderArn}. On GitHub Actions'
         * issuer ({@code token.actions.githubusercontent.com}) each must start with {@code repo:<owner>/<repository>}
         * spelled out, wildcards only after it; on an EKS issuer each must be
         * {@code system:serviceaccount:<namespace>:<service account>} without wildcards; on other issuers each needs a
         * literal part, and a wildcard is a lint warning (AIK014).
         * Defaults to none.
         *
         * @param webIdentitySubjects the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder webIdentitySubjects(@Nullable Output<List<String>> webIdentitySubjects) {
            $.webIdentitySubjects = webIdentitySubjects;
            return this;
        }

        /**
         * The token subjects ({@code sub}, {@code StringLike}) allowed to assume the role, such as
         * {@code system:serviceaccount:ml:inference}. Required with {@code webIdentityProviderArn}. On GitHub Actions'
         * issuer ({@code token.actions.githubusercontent.com}) each must start with {@code repo:<owner>/<repository>}
         * spelled out, wildcards only after it; on an EKS issuer each must be
         * {@code system:serviceaccount:<namespace>:<service account>} without wildcards; on other issuers each needs a
         * literal part, and a wildcard is a lint warning (AIK014).
         * Defaults to none.
         *
         * @param webIdentitySubjects the value; {@code null} restores the default
         * @return this builder
         */
        public Builder webIdentitySubjects(@Nullable List<String> webIdentitySubjects) {
            return webIdentitySubjects(webIdentitySubjects == null ? null : Output.of(copyOf(webIdentitySubjects)));
        }

        /**
         * Varargs form of {@link #webIdentitySubjects(List)}.
         *
         * @param webIdentitySubjects the values
         * @return this builder
         */
        public Builder webIdentitySubjects(String... webIdentitySubjects) {
            return webIdentitySubjects(Arrays.asList(webIdentitySubjects));
        }

        /**
         * The token audience ({@code aud}) required with {@code webIdentityProviderArn}.
         * Defaults to {@code sts.amazonaws.com}.
         *
         * @param webIdentityAudience the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder webIdentityAudience(@Nullable Output<String> webIdentityAudience) {
            $.webIdentityAudience = webIdentityAudience;
            return this;
        }

        /**
         * The token audience ({@code aud}) required with {@code webIdentityProviderArn}.
         * Defaults to {@code sts.amazonaws.com}.
         *
         * @param webIdentityAudience the value; {@code null} restores the default
         * @return this builder
         */
        public Builder webIdentityAudience(@Nullable String webIdentityAudience) {
            return webIdentityAudience(webIdentityAudience == null ? null : Output.of(webIdentityAudience));
        }

        /**
         * Whether the key is a multi-Region primary key. Changing this replaces the key: a replaced key cannot
         * decrypt what the old one encrypted, so decide before first deploy. Replicas are made with
         * {@code replicaRegions}; the data role's policy names the key and those replicas only, so a replica made
         * outside the component is not usable by the role.
         * Defaults to {@code false}.
         *
         * @param multiRegion the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder multiRegion(@Nullable Output<Boolean> multiRegion) {
            $.multiRegion = multiRegion;
            return this;
        }

        /**
         * Whether the key is a multi-Region primary key. Changing this replaces the key: a replaced key cannot
         * decrypt what the old one encrypted, so decide before first deploy. Replicas are made with
         * {@code replicaRegions}; the data role's policy names the key and those replicas only, so a replica made
         * outside the component is not usable by the role.
         * Defaults to {@code false}.
         *
         * @param multiRegion the value; {@code null} restores the default
         * @return this builder
         */
        public Builder multiRegion(@Nullable Boolean multiRegion) {
            return multiRegion(multiRegion == null ? null : Output.of(multiRegion));
        }

        /**
         * Tags for the key, the role and the instance profile, merged over the defaults {@code DataClassification=confidential}
         * and {@code ManagedBy=EncryptedAiDataKey} (a tag given here wins). At most 50 tags in all; keys 1 to 128
         * characters, values at most 256, both from Unicode letters, digits and spaces and {@code _ . : / = + - @};
         * keys starting with {@code aws:}, the key {@code LintWaivers} (written by the component) and keys equal
         * to another or to a default but for case are refused.
         * Defaults to the two default tags.
         *
         * @param tags the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder tags(@Nullable Output<Map<String, String>> tags) {
            $.tags = tags;
            return this;
        }

        /**
         * Tags for the key, the role and the instance profile, merged over the defaults {@code DataClassification=confidential}
         * and {@code ManagedBy=EncryptedAiDataKey} (a tag given here wins). At most 50 tags in all; keys 1 to 128
         * characters, values at most 256, both from Unicode letters, digits and spaces and {@code _ . : / = + - @};
         * keys starting with {@code aws:}, the key {@code LintWaivers} (written by the component) and keys equal
         * to another or to a default but for case are refused.
         * Defaults to the two default tags.
         *
         * @param tags the value; {@code null} restores the default
         * @return this builder
         */
        public Builder tags(@Nullable Map<String, String> tags) {
            return tags(tags == null ? null : Output.of(copyOf(tags)));
        }

        /**
         * Policy-lint rules to waive, by rule id, each with the reason, such as
         * {@code AIK008 -> "partner account, ExternalId agreed out of band"}. A waived rule no longer fails
         * construction; the waiver is exported in {@code lintWaivers} and tagged on the key. AIK007 is waived per
         * service, as {@code AIK007:<service principal>} (such as {@code AIK007:bedrock.amazonaws.com}): that service
         * is then trusted without {@code aws:SourceAccount} and {@code aws:SourceArn}, for a service known not to
         * send them; the other services stay conditioned.
         * Defaults to none.
         *
         * @param lintWaivers the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder lintWaivers(@Nullable Output<Map<String, String>> lintWaivers) {
            $.lintWaivers = lintWaivers;
            return this;
        }

        /**
         * Policy-lint rules to waive, by rule id, each with the reason, such as
         * {@code AIK008 -> "partner account, ExternalId agreed out of band"}. A waived rule no longer fails
         * construction; the waiver is exported in {@code lintWaivers} and tagged on the key. AIK007 is waived per
         * service, as {@code AIK007:<service principal>} (such as {@code AIK007:bedrock.amazonaws.com}): that service
         * is then trusted without {@code aws:SourceAccount} and {@code aws:SourceArn}, for a service known not to
         * send them; the other services stay conditioned.
         * Defaults to none.
         *
         * @param lintWaivers the value; {@code null} restores the default
         * @return this builder
         */
        public Builder lintWaivers(@Nullable Map<String, String> lintWaivers) {
            return lintWaivers(lintWaivers == null ? null : Output.of(copyOf(lintWaivers)));
        }

        /**
         * Principals besides the data role that may use the key, each with its access and conditions (see
         * {@link KeyUser}). Rendered into the key policy, one statement per user.
         * Defaults to none.
         *
         * @param keyUsers the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder keyUsers(@Nullable Output<List<KeyUser>> keyUsers) {
            $.keyUsers = keyUsers;
            return this;
        }

        /**
         * Principals besides the data role that may use the key, each with its access and conditions (see
         * {@link KeyUser}). Rendered into the key policy, one statement per user.
         * Defaults to none.
         *
         * @param keyUsers the value; {@code null} restores the default
         * @return this builder
         */
        public Builder keyUsers(@Nullable List<KeyUser> keyUsers) {
            return keyUsers(keyUsers == null ? null : Output.of(copyOf(keyUsers)));
        }

        /**
         * Principals besides the data role that may use the key, each with its access and conditions (see
         * {@link KeyUser}).
         *
         * @param keyUsers the users
         * @return this builder
         */
        public Builder keyUsers(KeyUser... keyUsers) {
            return keyUsers(Arrays.asList(keyUsers));
        }

        /**
         * AWS services that may use the key as themselves, each pinned to this account and to the resources named
         * (see {@link KeyServiceUser}).
         * Defaults to none.
         *
         * @param keyServiceUsers the value, or an {@code Output} of it; validated when it is known
         * @return this builder
         */
        public Builder keyServiceUsers(@Nullable Output<List<KeyServiceUser>> keyServiceUsers) {
            $.keyServiceUsers = keyServiceUsers;
            return this;
        }

        /**
         * AWS services that may use the key as themselves, each pinned to this account and to the resources named
         * (see {@link KeyServiceUser}).
         * Defaults to none.
         *
         * @param keyServiceUsers the value; {@code null} restores the default
         * @return this builder
         */
        public Builder keyServiceUsers(@Nullable List<KeyServiceUser> keyServiceUsers) {
            return keyServiceUsers(keyServiceUsers == null ? null : Output.of(copyOf(keyServiceUsers)));
        }

        /**
         * AWS services that may use the key as themselves, each pinned to this account and to the resources named
         * (see {@link KeyServiceUser}).
         *
         * @param keyServiceUsers the services and their resources
         * @return this builder
         */
        public Builder keyServiceUsers(KeyServiceUser... keyServiceUsers) {
            return keyServiceUsers(Arrays.asList(keyServiceUsers));
        }

        /**
         * Typed form of {@link #viaServices(List)}.
         *
         * @param services the services through which the key may be used
         * @return this builder
         */
        public Builder viaServices(ViaService... services) {
            List<String> names = Arrays.stream(services)
                    .map(s -> s == null ? null : s.serviceName())
                    .collect(Collectors.toCollection(ArrayList::new));
            return viaServices(names);
        }

        /**
         * Moves the four resources of an existing hand-written program under this component without replacing
         * them: each child gets an alias to the top-level resource of that name. See {@link LegacyResources}.
         *
         * @param legacy the names the resources had
         * @return this builder
         */
        public Builder migrateFrom(@Nullable LegacyResources legacy) {
            $.migrateFrom = legacy;
            return this;
        }

        /**
         * Whether to create an instance profile for the data role when EC2 is allowed. Defaults to {@code true}.
         *
         * @param createInstanceProfile the value; {@code null} restores the default
         * @return this builder
         */
        public Builder createInstanceProfile(@Nullable Boolean createInstanceProfile) {
            $.createInstanceProfile = createInstanceProfile;
            return this;
        }

        /**
         * Typed form of {@link #allowedServices(List)}. Constants that stand for the same principal
         * ({@link AwsService#BATCH} and {@link AwsService#ECS_TASKS}) are listed once.
         *
         * @param services the services that may assume the data role
         * @return this builder
         */
        public Builder allowedServices(AwsService... services) {
            // distinct: BATCH and ECS_TASKS stand for the same principal, ecs-tasks.amazonaws.com.
            List<String> names = Arrays.stream(services)
                    .map(s -> s == null ? null : s.principal())
                    .distinct()
                    .collect(Collectors.toCollection(ArrayList::new));
            return allowedServices(names);
        }

        /**
         * Typed form of {@link #keyActions(List)}.
         *
         * @param actions the actions the data role may perform
         * @return this builder
         */
        public Builder keyActions(KeyAction... actions) {
            List<String> names = Arrays.stream(actions)
                    .map(a -> a == null ? null : a.actionName())
                    .collect(Collectors.toCollection(ArrayList::new));
            return keyActions(names);
        }

        /**
         * Grants the actions of a preset, replacing any set before.
         *
         * @param access the preset
         * @return this builder
         * @throws IllegalArgumentException if {@code access} is null
         */
        public Builder keyAccess(KeyAccess access) {
            if (access == null) {
                throw new IllegalArgumentException("keyAccess is required; received: null");
            }
            return keyActions(access.actions().toArray(KeyAction[]::new));
        }

        /**
         * Grants the actions of a preset and more, replacing any set before: for example
         * {@code keyAccess(KeyAccess.ENCRYPT_DECRYPT, KeyAction.CREATE_GRANT)} for a SageMaker role that also encrypts
         * its jobs' volumes ({@code kms:CreateGrant} is always bound to {@code kms:GrantIsForAWSResource}).
         *
         * @param access the preset
         * @param more   further actions
         * @return this builder
         * @throws IllegalArgumentException if {@code access} is null
         */
        public Builder keyAccess(KeyAccess access, KeyAction... more) {
            if (access == null) {
                throw new IllegalArgumentException("keyAccess is required; received: null");
            }
            var actions = EnumSet.copyOf(access.actions());
            for (var action : more) {
                if (action == null) {
                    throw new IllegalArgumentException("keyAccess actions must not hold null; received: null");
                }
                actions.add(action);
            }
            return keyActions(actions.toArray(KeyAction[]::new));
        }

        /**
         * Whether the key stays in AWS when the component is deleted. Defaults to {@code true}.
         * {@code false} lets a {@code pulumi destroy} schedule the key for deletion.
         *
         * @param retainOnDelete the value; {@code null} restores the default
         * @return this builder
         */
        public Builder retainOnDelete(@Nullable Boolean retainOnDelete) {
            $.retainOnDelete = retainOnDelete;
            return this;
        }

        /**
         * Whether Pulumi refuses to delete or replace the key. Defaults to {@code false}.
         *
         * @param protect the value; {@code null} restores the default
         * @return this builder
         */
        public Builder protect(@Nullable Boolean protect) {
            $.protect = protect;
            return this;
        }

        /**
         * More aliases for the same key, for example one by dataset and one by model. Each follows the rules of
         * {@link #aliasName(String)}; duplicates (also by case) and a repeat of {@code aliasName} are refused. Each
         * becomes its own alias, named after the alias, so reordering the list replaces nothing.
         *
         * @param additionalAliasNames the names; {@code null} restores the default (none)
         * @return this builder
         */
        public Builder additionalAliasNames(@Nullable List<String> additionalAliasNames) {
            $.additionalAliasNames = additionalAliasNames == null ? null : copyOf(additionalAliasNames);
            return this;
        }

        /**
         * More aliases for the same key. See {@link #additionalAliasNames(List)}.
         *
         * @param additionalAliasNames the names
         * @return this builder
         */
        public Builder additionalAliasNames(String... additionalAliasNames) {
            return additionalAliasNames(Arrays.asList(additionalAliasNames));
        }

        /**
         * Regions that get a replica of the key, which must be a multi-Region key ({@link #multiRegion(Boolean)}).
         * The component creates an AWS provider for each Region; it cannot copy the credentials of an explicit
         * provider, so replicas require the default provider. Each replica gets the key policy rendered for its
         * Region, is retained on delete and protected like the key, and the data role's policy covers it.
         *
         * <pre>{@code
         * .multiRegion(true)
         * .replicaRegions("eu-west-1", "ap-southeast-2")
         * }</pre>
         *
         * @param replicaRegions Region codes such as {@code eu-west-1}; {@code null} restores the default (none)
         * @return this builder
         */
        public Builder replicaRegions(@Nullable List<String> replicaRegions) {
            $.replicaRegions = replicaRegions == null ? null : copyOf(replicaRegions);
            return this;
        }

        /**
         * Regions that get a replica of the key. See {@link #replicaRegions(List)}.
         *
         * @param replicaRegions Region codes
         * @return this builder
         */
        public Builder replicaRegions(String... replicaRegions) {
            return replicaRegions(Arrays.asList(replicaRegions));
        }

        /**
         * Existing resources to take under management instead of creating them (Pulumi's {@code import} option).
         * The declared inputs must match what exists, or the import fails (older Pulumi CLIs) or updates the
         * resource (newer ones): review the first preview. See {@link AdoptedResources}.
         *
         * @param adopt the import ids; {@code null} adopts nothing
         * @return this builder
         */
        public Builder adopt(@Nullable AdoptedResources adopt) {
            $.adopt = adopt;
            return this;
        }

        /**
         * Checks every argument that is already known and returns the arguments.
         *
         * @return the arguments
         * @throws IllegalArgumentException if a value breaks a rule, naming the argument, the rule and the value
         * @throws IllegalStateException if two arguments conflict
         */
        public EncryptedAiDataKeyArgs build() {
            KeySettings.checkKnown($);
            var lifecycle = Lifecycle.of($);
            KeySettings.knownNow("", $).ifPresent(s -> s.checking(() -> {
                lifecycle.crossCheck(s.aliasName, s.multiRegion, s.roleName, EncryptedAiDataKey.wantsInstanceProfile($));
                return null;
            }));
            return $;
        }

        private static <T> List<T> copyOf(List<T> values) {
            return Collections.unmodifiableList(new ArrayList<>(values));
        }

        private static Map<String, String> copyOf(Map<String, String> values) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
