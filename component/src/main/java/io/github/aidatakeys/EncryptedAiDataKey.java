package io.github.aidatakeys;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.ReplicaKey;
import com.pulumi.aws.kms.ReplicaKeyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.aidatakeys.KeySettings.Derived;
import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Doc;
import io.github.aidatakeys.internal.JdkCheck;
import io.github.aidatakeys.internal.Rules;
import io.github.aidatakeys.internal.SdkInternals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * An AWS KMS key for AI-generated data, and an IAM role that may use it with exactly the actions granted.
 *
 * <p>Four resources are created (five when EC2 may assume the role), each a child of this component and named
 * after it:
 * <ul>
 *   <li>{@code <name>-key}: a symmetric {@code ENCRYPT_DECRYPT} KMS key with rotation on (every 365 days), a
 *       30-day deletion window, and a key policy that delegates to IAM in the stack's account (plus optional
 *       administrators who get no cryptographic action, though {@code kms:PutKeyPolicy} lets them change that).
 *       It is retained when the component is deleted.</li>
 *   <li>{@code <name>-alias}: the key's alias.</li>
 *   <li>{@code <name>-role}: the data role, assumable only by the principals allowed.</li>
 *   <li>{@code <name>-policy}: the role's inline policy, granting the chosen {@link KeyAction}s on the key's ARN
 *       and nothing else.</li>
 *   <li>{@code <name>-instance-profile}: when EC2 is an allowed service, so that an instance can take the role.</li>
 *   <li>{@code <name>-alias-<alias>}: one per additional alias ({@code additionalAliasNames}).</li>
 *   <li>{@code <name>-replica-<region>} and {@code <name>-provider-<region>}: for a multi-Region key, a replica
 *       key and the AWS provider it is made through, per Region of {@code replicaRegions}; retained and protected
 *       like the key, and named in the role's policy.</li>
 * </ul>
 *
 * <p>Existing resources (a key made in the console, by CloudFormation or Terraform) can be adopted instead of
 * created: see {@link AdoptedResources}.
 *
 * <pre>{@code
 * public static void stack(Context ctx) {
 *     var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder()
 *             .aliasName("alias/ai-data")
 *             .allowedServices(AwsService.EC2)
 *             .build(), null);
 *     ctx.export("keyArn", key.keyArn());
 *     ctx.export("roleArn", key.roleArn());
 * }
 * }</pre>
 *
 * <p>An explicit AWS provider given in {@code options} ({@code providers(...)}) reaches every child and the
 * account and partition look-ups, so one program can place keys in several accounts and regions.
 *
 * <p>An argument given as a secret keeps its secrecy in what derives from it, and only there: a secret
 * {@code externalId} makes {@link #trustPolicy()} and the role's trust policy input secret, not {@link #keyArn()}.
 */
@Doc(description = "An AWS KMS key for AI-generated data, and an IAM role that may use it with exactly the actions "
        + "granted. Creates, as children named after the component: `<name>-key`, a symmetric KMS key with "
        + "rotation on and a key policy that delegates to IAM in the stack's account, retained when the component "
        + "is deleted; `<name>-alias`; `<name>-role`, the data role, assumable only by the principals allowed; "
        + "`<name>-policy`, the role's inline policy, granting the chosen KMS actions on the key and nothing else; "
        + "and `<name>-instance-profile` when EC2 may assume the role. Optionally `<name>-alias-<alias>` per "
        + "additional alias, and, for a multi-Region key, `<name>-replica-<region>` with its provider "
        + "`<name>-provider-<region>` per replica Region. Existing resources can be adopted (`adopt`).")
public final class EncryptedAiDataKey extends ComponentResource {
    /** The Pulumi type token of this component. */
    public static final String TYPE = "aidatakeys:index:EncryptedAiDataKey";

    @Doc(description = "The key's id, such as `1234abcd-12ab-34cd-56ef-1234567890ab`.")
    @Export(name = "keyId", refs = {String.class}, tree = "[0]")
    @Import(name = "keyId", required = true)
    private final Output<String> keyId;
    @Doc(description = "The key's ARN: what IAM policies and most AWS services want.")
    @Export(name = "keyArn", refs = {String.class}, tree = "[0]")
    @Import(name = "keyArn", required = true)
    private final Output<String> keyArn;
    @Doc(description = "The alias, with its `alias/` prefix. Secret when `aliasName` is.")
    @Export(name = "aliasName", refs = {String.class}, tree = "[0]")
    @Import(name = "aliasName", required = true)
    private final Output<String> aliasName;
    @Doc(description = "The alias's ARN. Secret when `aliasName` is.")
    @Export(name = "aliasArn", refs = {String.class}, tree = "[0]")
    @Import(name = "aliasArn", required = true)
    private final Output<String> aliasArn;
    @Doc(description = "The data role's name. Secret when `roleName` is.")
    @Export(name = "roleName", refs = {String.class}, tree = "[0]")
    @Import(name = "roleName", required = true)
    private final Output<String> roleName;
    @Doc(description = "The data role's ARN. Resolves only once the role's policy is attached: a consumer never gets "
            + "a role that cannot use the key yet. Secret when `roleName` or `rolePath` is.")
    @Export(name = "roleArn", refs = {String.class}, tree = "[0]")
    @Import(name = "roleArn", required = true)
    private final Output<String> roleArn;
    @Doc(description = "The name of the data role's inline policy.")
    @Export(name = "rolePolicyName", refs = {String.class}, tree = "[0]")
    @Import(name = "rolePolicyName", required = true)
    private final Output<String> rolePolicyName;
    @Doc(description = "The rendered key policy JSON, for review. Secret when an argument rendered in it "
            + "(`keyAdministratorArns`) is.")
    @Export(name = "keyPolicy", refs = {String.class}, tree = "[0]")
    @Import(name = "keyPolicy", required = true)
    private final Output<String> keyPolicy;
    @Doc(description = "The rendered trust policy JSON of the data role, for review. Secret when an argument "
            + "rendered in it (the allowed principals, `sourceArns`, `externalId`, the web-identity arguments) is.")
    @Export(name = "trustPolicy", refs = {String.class}, tree = "[0]")
    @Import(name = "trustPolicy", required = true)
    private final Output<String> trustPolicy;
    @Doc(description = "The rendered inline policy JSON of the data role, for review. Secret when an argument "
            + "rendered in it (`keyActions`, the encryption-context arguments, `viaServices`) is.")
    @Export(name = "rolePolicy", refs = {String.class}, tree = "[0]")
    @Import(name = "rolePolicy", required = true)
    private final Output<String> rolePolicy;
    @Doc(description = "The instance profile's name when one was created for EC2 (see `createInstanceProfile`); "
            + "otherwise no value.")
    @Export(name = "instanceProfileName", refs = {String.class}, tree = "[0]")
    private final Output<String> instanceProfileName;
    @Doc(description = "The instance profile's ARN when one was created for EC2 (see `createInstanceProfile`); "
            + "otherwise no value. Secret when `rolePath` is.")
    @Export(name = "instanceProfileArn", refs = {String.class}, tree = "[0]")
    private final Output<String> instanceProfileArn;
    @Doc(description = "The ARN of each replica key, by Region (see `replicaRegions`); empty for a single-Region "
            + "key.")
    @Export(name = "replicaKeyArns", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    @Import(name = "replicaKeyArns", required = true)
    private final Output<Map<String, String>> replicaKeyArns;
    @Doc(description = "Every policy-lint finding, one per line: warnings and waived rules (errors fail "
            + "construction). Secret when an argument the lint reads (one rendered in a policy, the rotation "
            + "arguments, the waivers) is.")
    @Export(name = "lintFindings", refs = {List.class, String.class}, tree = "[0,1]")
    @Import(name = "lintFindings", required = true)
    private final Output<List<String>> lintFindings;
    @Doc(description = "The waived lint rules, by rule id, with their reasons. Secret when `lintWaivers` or "
            + "`crossAccountWithoutExternalId` is.")
    @Export(name = "lintWaivers", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    @Import(name = "lintWaivers", required = true)
    private final Output<Map<String, String>> lintWaivers;

    /**
     * Creates the key, its alias, the data role and the role's policy.
     *
     * @param name the component's name; children are named {@code <name>-key}, {@code <name>-alias},
     *             {@code <name>-role} and {@code <name>-policy}
     * @param args the arguments
     * @param options component options; {@code providers}, {@code aliases} and {@code parent} apply as usual
     * @throws IllegalArgumentException if {@code name} or {@code args} is null, or an argument breaks a rule:
     *                                  nothing is registered then
     * @throws IllegalStateException    if two arguments conflict, or the JVM would hang the Pulumi SDK
     */
    public EncryptedAiDataKey(String name, EncryptedAiDataKeyArgs args, @Nullable ComponentResourceOptions options) {
        // Validation runs before super(): a bad argument registers nothing, not even the component.
        super(TYPE, checked(name, args, options), null, options);
        var settings = KeySettings.resolve(name, args);
        var environment = Environments.of(this);
        var lifecycle = Lifecycle.of(args);
        var instanceProfile = wantsInstanceProfile(args);

        // Everything below derives from this one value: a check that fails here (a principal of another account
        // without an ExternalId, a lint error) fails every child's inputs, so none of them is created.
        var plan = Output.tuple(settings, environment).applyValue(t -> {
            t.t1.checking(() -> {
                lifecycle.crossCheck(t.t1.aliasName, t.t1.multiRegion, t.t1.roleName, instanceProfile);
                return null;
            });
            return Plan.of(t.t1, t.t2, lifecycle);
        });
        var checked = plan.applyValue(p -> p.settings);
        // Arguments known now go to the children as plain values, as a hand-written program would pass them: fewer
        // outputs for the SDK to track. Every child still waits for the plan through one input at least (the key
        // and trust policies, the role policy, the key id, the role name), so a failed check still creates nothing.
        // Secrets: a value derived from an argument given as a secret is secret, and only such values are (see
        // KeySettings.Derived): a secret external id makes the trust policy secret, not the key's ARN or tags.
        var now = KeySettings.valueNow(settings).orElse(null);
        var in = new Inputs(now, checked);

        this.keyPolicy = in.secretWhen(plan.applyValue(p -> p.keyPolicy), Derived.KEY_POLICY);
        this.trustPolicy = in.secretWhen(plan.applyValue(p -> p.trustPolicy), Derived.TRUST_POLICY);
        var legacy = args.migrateFrom().map(LegacyResources::check).orElse(null);

        var key = new Key(name + "-key", KeyArgs.builder()
                .description(in.of(Derived.KEY_DESCRIPTION, s -> s.description))
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .enableKeyRotation(in.of(Derived.KEY_ROTATION, s -> s.enableKeyRotation))
                .rotationPeriodInDays(in.of(Derived.KEY_ROTATION, s -> s.rotationPeriodInDays))
                .deletionWindowInDays(in.of(Derived.KEY_DELETION_WINDOW, s -> s.deletionWindowInDays))
                .multiRegion(in.of(Derived.KEY_MULTI_REGION, s -> s.multiRegion))
                .policy(keyPolicy)
                .bypassPolicyLockoutSafetyCheck(false)
                .tags(in.of(Derived.TAGS, s -> s.tags))
                .build(), adopting(childOptions("aws:kms/key:Key", legacy == null ? null : legacy.key())
                .retainOnDelete(args.retainOnDelete().orElse(ArgumentDefaults.RETAIN_ON_DELETE))
                .protect(args.protect().orElse(ArgumentDefaults.PROTECT)), lifecycle.keyImportId())
                .build());

        var alias = new Alias(name + "-alias", AliasArgs.builder()
                .name(in.of(Derived.ALIAS_NAME, s -> s.aliasName))
                .targetKeyId(key.keyId())
                .build(), adopting(childOptions("aws:kms/alias:Alias", legacy == null ? null : legacy.alias()),
                lifecycle.primaryAliasImportId()).build());
        for (var additional : lifecycle.additionalAliasNames) {
            new Alias(Lifecycle.aliasChildName(name, additional), AliasArgs.builder()
                    .name(additional)
                    .targetKeyId(key.keyId())
                    .build(), adopting(childOptions("aws:kms/alias:Alias", null), lifecycle.aliasImportId(additional))
                    .build());
        }

        // Replicas: one AWS provider per Region (ReplicaKey has no Region argument in this provider version), made
        // by the component; the provider waits for the plan, so a failed check creates no provider either.
        var replicaArns = new ArrayList<Output<String>>();
        for (var region : lifecycle.replicaRegions) {
            var regional = new Provider(name + "-provider-" + region, ProviderArgs.builder()
                    .region(plan.applyValue(p -> region))
                    .build(), CustomResourceOptions.builder().parent(this).build());
            // The replica's provider must reach the primary's account and partition, in the Region named: its
            // credentials come from the environment, and a replica can only be made in the primary's account.
            var replicaEnvironment = Environments.of(this, regional);
            var replicaPolicy = Output.tuple(plan, replicaEnvironment).applyValue(t -> {
                var env = t.t2;
                if (!env.region().equals(region) || !env.accountId().equals(t.t1.environment.accountId())
                        || !env.partition().equals(t.t1.environment.partition())) {
                    throw Check.conflict("the AWS provider for replicaRegions " + Check.show(region)
                            + " reaches account " + env.accountId() + " in " + env.partition() + "/" + env.region()
                            + ", not the key's account " + t.t1.environment.accountId() + " in "
                            + t.t1.environment.partition() + "/" + region + "; check the credentials in the "
                            + "environment", "replicaRegions=" + Check.show(lifecycle.replicaRegions));
                }
                return t.t1.keyPolicyIn(region);
            });
            var replica = new ReplicaKey(name + "-replica-" + region, ReplicaKeyArgs.builder()
                    .primaryKeyArn(key.arn())
                    .description(in.of(Derived.KEY_DESCRIPTION, s -> s.description))
                    .policy(in.secretWhen(replicaPolicy, Derived.KEY_POLICY))
                    .deletionWindowInDays(in.of(Derived.KEY_DELETION_WINDOW, s -> s.deletionWindowInDays))
                    .bypassPolicyLockoutSafetyCheck(false)
                    .tags(in.of(Derived.TAGS, s -> s.tags))
                    .build(), adopting(CustomResourceOptions.builder().parent(this).provider(regional)
                    .retainOnDelete(args.retainOnDelete().orElse(ArgumentDefaults.RETAIN_ON_DELETE))
                    .protect(args.protect().orElse(ArgumentDefaults.PROTECT)), lifecycle.replicaImportId(region))
                    .build());
            replicaArns.add(replica.arn());
        }

        var role = new Role(name + "-role", RoleArgs.builder()
                .description("Assumed by AI services to use a KMS key (managed by EncryptedAiDataKey " + name + ")")
                .assumeRolePolicy(trustPolicy)
                .name(in.of(Derived.ROLE_NAME, s -> lifecycle.effectiveRoleName(s.roleName)))
                .path(in.of(Derived.ROLE_PATH, s -> s.rolePath))
                .permissionsBoundary(in.of(Derived.ROLE_PERMISSIONS_BOUNDARY, s -> s.rolePermissionsBoundary))
                .maxSessionDuration(in.of(Derived.ROLE_MAX_SESSION_DURATION, s -> s.roleMaxSessionDuration))
                .tags(in.of(Derived.TAGS, s -> s.tags))
                .build(), adopting(childOptions("aws:iam/role:Role", legacy == null ? null : legacy.role()),
                lifecycle.adopt == null ? null : lifecycle.adopt.roleName()).build());

        var allArns = new ArrayList<Output<String>>();
        allArns.add(key.arn());
        allArns.addAll(replicaArns);
        this.rolePolicy = in.secretWhen(Output.tuple(plan, Output.all(allArns)).applyValue(t -> t.t1.rolePolicy(t.t2)),
                Derived.ROLE_POLICY);
        var policy = new RolePolicy(name + "-policy", RolePolicyArgs.builder()
                // A role's id is its name.
                .role(in.secretWhen(role.id(), Derived.ROLE_NAME))
                .name(Output.ofNullable(lifecycle.rolePolicyName()))
                .policy(rolePolicy)
                .build(), adopting(childOptions("aws:iam/rolePolicy:RolePolicy",
                legacy == null ? null : legacy.policy()),
                lifecycle.adopt == null ? null : lifecycle.adopt.rolePolicyId()).build());

        InstanceProfile profile = null;
        if (instanceProfile) {
            var adoptedProfile = lifecycle.adopt == null ? null : lifecycle.adopt.instanceProfileName();
            profile = new InstanceProfile(name + "-instance-profile", InstanceProfileArgs.builder()
                    .name(Output.ofNullable(adoptedProfile))
                    .role(in.secretWhen(role.name(), Derived.ROLE_NAME))
                    .path(in.of(Derived.ROLE_PATH, s -> s.rolePath))
                    .tags(in.of(Derived.TAGS, s -> s.tags))
                    .build(), adopting(childOptions("aws:iam/instanceProfile:InstanceProfile", null), adoptedProfile)
                    .build());
        }

        this.keyId = key.keyId();
        this.keyArn = key.arn();
        // The provider's outputs that spell a secret argument (the ARNs name the alias, the role and its path).
        this.aliasName = in.secretWhen(alias.name(), Derived.ALIAS_NAME);
        this.aliasArn = in.secretWhen(alias.arn(), Derived.ALIAS_NAME);
        this.roleName = in.secretWhen(role.name(), Derived.ROLE_NAME);
        // Resolves only once the policy is attached: a consumer never gets a role that cannot use the key yet.
        this.roleArn = in.secretWhen(Output.tuple(role.arn(), policy.id()).applyValue(t -> t.t1),
                Derived.ROLE_NAME, Derived.ROLE_PATH);
        this.rolePolicyName = policy.name();
        // Like roleArn: an instance started with the profile can use the key from its first second.
        this.instanceProfileName = profile == null ? Output.ofNullable(null)
                : Output.tuple(profile.name(), policy.id()).applyValue(t -> t.t1);
        this.instanceProfileArn = profile == null ? Output.ofNullable(null)
                : in.secretWhen(Output.tuple(profile.arn(), policy.id()).applyValue(t -> t.t1), Derived.ROLE_PATH);
        this.lintFindings = in.secretWhen(plan.applyValue(p -> {
            p.warningLines().forEach(this::log);
            return p.findingLines();
        }), Derived.LINT_FINDINGS);
        this.lintWaivers = in.of(Derived.LINT_WAIVERS, s -> s.lintWaivers);
        this.replicaKeyArns = Output.all(replicaArns).applyValue(arns -> {
            var byRegion = new LinkedHashMap<String, String>();
            for (int i = 0; i < arns.size(); i++) {
                byRegion.put(lifecycle.replicaRegions.get(i), arns.get(i));
            }
            return Collections.unmodifiableMap(byRegion);
        });

        registerOutputs(Map.ofEntries(
                Map.entry("keyId", keyId),
                Map.entry("keyArn", keyArn),
                Map.entry("aliasName", aliasName),
                Map.entry("aliasArn", aliasArn),
                Map.entry("roleName", roleName),
                Map.entry("roleArn", roleArn),
                Map.entry("rolePolicyName", rolePolicyName),
                Map.entry("keyPolicy", keyPolicy),
                Map.entry("trustPolicy", trustPolicy),
                Map.entry("rolePolicy", rolePolicy),
                Map.entry("instanceProfileName", instanceProfileName),
                Map.entry("instanceProfileArn", instanceProfileArn),
                Map.entry("replicaKeyArns", replicaKeyArns),
                Map.entry("lintFindings", lintFindings),
                Map.entry("lintWaivers", lintWaivers)));
    }

    /**
     * Values derived from the settings. A child's input is a plain value when the arguments are known at
     * construction, else derived from the checked settings; either way it is secret when an argument it derives
     * from was given as a secret: a secret is never unwrapped into a plain value.
     */
    private record Inputs(@Nullable KeySettings now, Output<KeySettings> checked) {
        <T> Output<T> of(Derived derived, Function<KeySettings, T> value) {
            if (now != null) {
                var plain = Output.ofNullable(value.apply(now));
                return now.isSecret(derived) ? plain.asSecret() : plain;
            }
            return secretWhen(checked.applyValue(value), derived);
        }

        /** The value, made secret when an argument flowing into any of {@code derived} was given as a secret. */
        <T> Output<T> secretWhen(Output<T> value, Derived... derived) {
            if (now != null) {
                return now.isSecret(derived) ? value.asSecret() : value;
            }
            var fromSecret = SdkInternals.valueNullable(checked).thenApply(s -> s != null && s.isSecret(derived));
            return SdkInternals.secretWhen(value, fromSecret);
        }
    }

    private CustomResourceOptions.Builder childOptions(String type, @Nullable String legacyName) {
        var options = CustomResourceOptions.builder().parent(this);
        if (legacyName != null) {
            // The resource used to sit at the top of the stack under this name. The alias names its full former
            // URN: the SDK's Alias.builder().name(..).noParent() drops the name (pulumi-java 1.36.1).
            var deployment = Deployment.getInstance();
            options.aliases(com.pulumi.core.Alias.withUrn("urn:pulumi:" + deployment.getStackName() + "::"
                    + deployment.getProjectName() + "::" + type + "::" + legacyName));
        }
        return options;
    }

    /** Adopts an existing resource (Pulumi's {@code import} option) when an import id is given. */
    private static CustomResourceOptions.Builder adopting(CustomResourceOptions.Builder options,
                                                          @Nullable String importId) {
        return importId == null ? options : options.importId(importId);
    }

    /** Decided from values known at construction: resources cannot be created conditionally on an Output. */
    static boolean wantsInstanceProfile(EncryptedAiDataKeyArgs args) {
        var explicit = args.createInstanceProfile().orElse(null);
        if (Boolean.FALSE.equals(explicit)) {
            return false;
        }
        var services = args.allowedServices().flatMap(KeySettings::valueNow);
        if (services.isEmpty()) {
            return Boolean.TRUE.equals(explicit);
        }
        return services.get().stream().anyMatch(Rules::isEc2);
    }

    private void log(String message) {
        // The SDK gives components no public logger; the deployment's own log is what `pulumi up` shows.
        SdkInternals.warn(message, this);
    }

    private static String checked(String name, EncryptedAiDataKeyArgs args,
                                  @Nullable ComponentResourceOptions options) {
        Check.required("name", name);
        if (name.isBlank()) {
            throw Check.invalid("name", "must not be blank", name);
        }
        JdkCheck.requireNoCommonPoolStarvation();
        var lifecycle = KeySettings.checkBuilt(name, args);
        if (!lifecycle.replicaRegions.isEmpty() && explicitAwsProvider(options)) {
            throw Check.conflict("replicaRegions cannot be used with an explicit AWS provider: the component creates "
                    + "the replicas' providers and cannot copy that provider's credentials; create the "
                    + "aws.kms.ReplicaKey resources with your own providers, or use the default provider",
                    "replicaRegions=" + Check.show(lifecycle.replicaRegions));
        }
        return name;
    }

    private static boolean explicitAwsProvider(@Nullable ComponentResourceOptions options) {
        if (options == null) {
            return false;
        }
        if (options.getProvider().filter(p -> p instanceof Provider).isPresent()
                || options.getProviders().stream().anyMatch(p -> p instanceof Provider)) {
            return true;
        }
        return options.getParent().flatMap(parent -> SdkInternals.providerOf(parent, "aws:kms/key:Key")).isPresent();
    }

    /**
     * Returns the key's id, such as {@code 1234abcd-12ab-34cd-56ef-1234567890ab}.
     *
     * @return the key's id, such as {@code 1234abcd-12ab-34cd-56ef-1234567890ab}
     */
    public Output<String> keyId() {
        return keyId;
    }

    /**
     * Returns the key's ARN: what IAM policies and most AWS services want.
     *
     * @return the key's ARN: what IAM policies and most AWS services want
     */
    public Output<String> keyArn() {
        return keyArn;
    }

    /**
     * Returns the alias, with its {@code alias/} prefix.
     *
     * @return the alias, with its {@code alias/} prefix
     */
    public Output<String> aliasName() {
        return aliasName;
    }

    /**
     * Returns the alias's ARN.
     *
     * @return the alias's ARN
     */
    public Output<String> aliasArn() {
        return aliasArn;
    }

    /**
     * Returns the data role's name.
     *
     * @return the data role's name
     */
    public Output<String> roleName() {
        return roleName;
    }

    /**
     * Returns the data role's ARN; resolves only once the role's inline policy on the key is attached.
     *
     * @return the data role's ARN; resolves only once the role's inline policy on the key is attached
     */
    public Output<String> roleArn() {
        return roleArn;
    }

    /**
     * Returns the name of the role's inline policy.
     *
     * @return the name of the role's inline policy
     */
    public Output<String> rolePolicyName() {
        return rolePolicyName;
    }

    /**
     * Returns the rendered key policy JSON, for review.
     *
     * @return the rendered key policy JSON, for review
     */
    public Output<String> keyPolicy() {
        return keyPolicy;
    }

    /**
     * Returns the rendered trust policy JSON of the data role, for review.
     *
     * @return the rendered trust policy JSON of the data role, for review
     */
    public Output<String> trustPolicy() {
        return trustPolicy;
    }

    /**
     * Returns the rendered inline policy JSON of the data role, for review.
     *
     * @return the rendered inline policy JSON of the data role, for review
     */
    public Output<String> rolePolicy() {
        return rolePolicy;
    }

    /**
     * Returns the instance profile's name when one was created for EC2, else an output of {@code null}.
     *
     * @return the instance profile's name when one was created for EC2, else an output of {@code null}; like
     *         {@link #roleArn()}, it resolves only once the role's policy is attached
     */
    public Output<String> instanceProfileName() {
        return instanceProfileName;
    }

    /**
     * Returns the instance profile's ARN when one was created for EC2, else an output of {@code null}.
     *
     * @return the instance profile's ARN when one was created for EC2, else an output of {@code null}
     */
    public Output<String> instanceProfileArn() {
        return instanceProfileArn;
    }

    /**
     * Returns the ARN of each replica key, by Region; empty for a single-Region key.
     *
     * @return the ARN of each replica key, by Region; empty for a single-Region key
     */
    public Output<Map<String, String>> replicaKeyArns() {
        return replicaKeyArns;
    }

    /**
     * Returns every policy-lint finding (warnings and waived rules; errors fail construction), one per line.
     *
     * @return every policy-lint finding (warnings and waived rules; errors fail construction), one per line
     */
    public Output<List<String>> lintFindings() {
        return lintFindings;
    }

    /**
     * Returns the waived lint rules, by rule id, with their reasons.
     *
     * @return the waived lint rules, by rule id, with their reasons
     */
    public Output<Map<String, String>> lintWaivers() {
        return lintWaivers;
    }
}
