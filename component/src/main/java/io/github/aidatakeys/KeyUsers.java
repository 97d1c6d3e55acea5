package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Limits;
import io.github.aidatakeys.internal.PolicyDocument;
import io.github.aidatakeys.internal.Rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The principals and AWS services besides the data role that may use the key ({@code keyUsers},
 * {@code keyServiceUsers}): their checks, and their statements in the key policy.
 *
 * <p>In a key policy, {@code "Resource": "*"} names the key the policy is attached to and no other (Elements in a
 * key policy, https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html). A principal of
 * another account also needs an IAM policy in its own account: the key policy says who may use the key, that
 * account's IAM policies delegate the use to its roles, and neither is enough alone
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html).
 */
final class KeyUsers {
    public static final String USER_SID_PREFIX = "KeyUser";
    public static final String SERVICE_SID_PREFIX = "KeyService";
    public static final String DESCRIBE_SID_SUFFIX = "DescribeKey";
    public static final String GRANTS_SID_SUFFIX = "AwsResourceGrants";
    /** The condition that keeps {@code kms:CreateGrant} to grants AWS services create for AWS resources. */
    // https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html: kms:GrantIsForAWSResource
    // "allows principals to call CreateGrant, ListGrants, or RevokeGrant only when an AWS service that is integrated
    // with AWS KMS sends the request on the principal's behalf".
    public static final String GRANT_FOR_AWS_RESOURCE = "kms:GrantIsForAWSResource";

    static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:" + Rules.PARTITION + ":iam::(\\d{12}):root");
    static final Pattern RESOURCE_ARN = Pattern.compile("arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]+):(\\d{12}):(.+)");

    private KeyUsers() {
    }

    /** A checked key user. */
    public record User(String argument, String principal, boolean account, String accountId,
                       @Nullable String partition, List<KeyAction> actions, @Nullable KeyAccess access,
                       Map<String, String> encryptionContext, List<String> encryptionContextKeys,
                       List<String> viaServices, String sid) {
        /** The principal as the key policy names it: a role ARN, or the account's root. */
        public String principalArn(Policies.Environment env) {
            return account ? env.root(accountId) : principal;
        }

        /** How the user's access reads in a plan: the preset, or the actions. */
        public String accessLabel() {
            return access != null ? access.name()
                    : actions.stream().map(KeyAction::actionName).collect(Collectors.joining(", "));
        }
    }

    /** A checked service user. */
    public record ServiceUser(String argument, KeyService service, List<String> resourceArns) {
        public String sid() {
            return SERVICE_SID_PREFIX + switch (service) {
                case CLOUDWATCH_LOGS -> "CloudWatchLogs";
                case BEDROCK -> "Bedrock";
            };
        }

        /** The service principal AWS documents for the service in the stack's partition and region. */
        public String principal(Policies.Environment env) {
            return service.regionalPrincipal() ? env.viaService(service.serviceName())
                    : service.serviceName() + "." + env.dnsSuffix();
        }
    }

    // ---------------------------------------------------------------- checks of the arguments as given

    public static List<User> users(String argument, List<KeyUser> given) {
        Check.elementsRequired(argument, given);
        var users = new ArrayList<User>();
        var seen = new HashMap<String, Integer>();
        var sids = new HashMap<String, Integer>();
        for (int i = 0; i < given.size(); i++) {
            var user = user(argument + "[" + i + "]", given.get(i));
            var previous = seen.putIfAbsent(user.account ? user.accountId : user.principal.toLowerCase(Locale.ROOT), i);
            if (previous != null) {
                throw Check.invalid(argument, "must not name a principal twice (compared ignoring case, an account id "
                        + "and its root ARN being the same), but [" + previous + "] and [" + i + "] do",
                        given.stream().map(KeyUser::principal).toList());
            }
            var sameSid = sids.putIfAbsent(user.sid.toLowerCase(Locale.ROOT), i);
            if (sameSid != null) {
                throw Check.invalid(argument, "must give each user its own statement id, but [" + sameSid + "] and ["
                        + i + "] both become " + user.sid + " (role names that differ only in punctuation or case)",
                        given.stream().map(KeyUser::principal).toList());
            }
            users.add(user);
        }
        return Collections.unmodifiableList(users);
    }

    private static User user(String argument, KeyUser given) {
        var principal = Check.required(argument + ".principal", given.principal());
        if (principal.equals("*")) {
            throw Check.invalid(argument + ".principal", "must not be '*' (any AWS principal could use the key)",
                    principal);
        }
        if (principal.contains("*") || principal.contains("?")) {
            throw Check.invalid(argument + ".principal", "must not contain wildcards", principal);
        }
        boolean account;
        String accountId;
        String partition;
        String sid;
        var root = ACCOUNT_ROOT.matcher(principal);
        if (Rules.ACCOUNT_ID.matcher(principal).matches()) {
            account = true;
            accountId = principal;
            partition = null;
        } else if (root.matches()) {
            account = true;
            accountId = root.group(2);
            partition = root.group(1);
        } else if (Rules.ROLE_ARN.matcher(principal).matches()) {
            account = false;
            accountId = Rules.accountOf(principal);
            partition = Rules.partitionOf(principal);
        } else {
            throw Check.invalid(argument + ".principal", "must be an IAM role ARN of the form " + Rules.ROLE_ARN_FORM
                    + ", a 12-digit account id or arn:<partition>:iam::<account id>:root", principal);
        }
        sid = account ? USER_SID_PREFIX + "Account" + accountId
                : USER_SID_PREFIX + accountId + camel(principal.substring(principal.lastIndexOf('/') + 1));

        var access = given.access();
        var actionNames = given.actions();
        if ((access == null) == (actionNames == null)) {
            throw Check.invalid(argument, "must give exactly one of access (a preset) and actions",
                    Check.described(access == null ? "neither" : "access=" + access + " and actions="
                            + Check.show(actionNames)));
        }
        KeyAccess preset = null;
        List<KeyAction> actions;
        if (access != null) {
            preset = Arrays.stream(KeyAccess.values()).filter(a -> a.name().equals(access)).findFirst()
                    .orElseThrow(() -> Check.invalid(argument + ".access", "must be one of " + Arrays.stream(
                            KeyAccess.values()).map(Enum::name).collect(Collectors.joining(", ")), access));
            actions = List.copyOf(preset.actions());
        } else {
            actions = KeySettings.keyActions(argument + ".actions", actionNames, KeySettings.KEY_USER_USES_ONLY);
        }

        var context = given.encryptionContext() == null ? Map.<String, String>of()
                : KeySettings.checkedMap(argument + ".encryptionContext", given.encryptionContext(),
                Rules::contextKey, Rules::contextValue);
        var contextKeys = given.encryptionContextKeys() == null ? List.<String>of()
                : List.copyOf(Rules.eachOf(argument + ".encryptionContextKeys", given.encryptionContextKeys(),
                Rules::contextKey));
        KeySettings.requireContextKeysAllowed(argument + ".", context, contextKeys);
        var via = given.viaServices() == null ? List.<String>of()
                : List.copyOf(Rules.eachOf(argument + ".viaServices", given.viaServices(), Rules::viaService));
        if ((!context.isEmpty() || !contextKeys.isEmpty() || !via.isEmpty())
                && actions.stream().noneMatch(KeyAction::isCryptographic)) {
            throw Check.conflict(argument + " sets encryption-context or via-service conditions but grants no "
                    + "cryptographic action for them to bind", argument + ".actions="
                    + Check.show(actions.stream().map(KeyAction::actionName).toList()));
        }
        return new User(argument, principal, account, accountId, partition, actions, preset, context, contextKeys,
                via, sid);
    }

    public static List<ServiceUser> serviceUsers(String argument, List<KeyServiceUser> given) {
        Check.elementsRequired(argument, given);
        var users = new ArrayList<ServiceUser>();
        var seen = new HashMap<KeyService, Integer>();
        for (int i = 0; i < given.size(); i++) {
            var element = argument + "[" + i + "]";
            var name = Check.required(element + ".service", given.get(i).service());
            var service = KeyService.fromName(name).orElseThrow(() -> Check.invalid(element + ".service",
                    "must be one of " + Arrays.stream(KeyService.values()).map(Enum::name)
                            .collect(Collectors.joining(", ")), name));
            var previous = seen.putIfAbsent(service, i);
            if (previous != null) {
                throw Check.invalid(argument, "must name each service at most once (list all its resources in one "
                        + "entry), but [" + previous + "] and [" + i + "] are both " + service.name(),
                        given.stream().map(KeyServiceUser::service).toList());
            }
            var arns = Check.required(element + ".resourceArns", given.get(i).resourceArns());
            if (arns.isEmpty()) {
                throw Check.invalid(element + ".resourceArns", "must name at least one resource: a service "
                        + "principal is never given the key without a condition that pins it to its resources", arns);
            }
            users.add(new ServiceUser(element, service, List.copyOf(Rules.eachOf(element + ".resourceArns", arns,
                    (a, v) -> resourceArn(a, v, service)))));
        }
        return Collections.unmodifiableList(users);
    }

    private static String resourceArn(String argument, String value, KeyService service) {
        var form = "arn:<partition>:" + service.serviceName() + ":<region>:<12-digit account id>:"
                + service.resourceType().map(t -> t + ":<name>").orElse("<resource type>/<id>")
                + " (wildcards only in the resource part)";
        var m = RESOURCE_ARN.matcher(value);
        if (!m.matches() || !m.group(2).equals(service.serviceName())) {
            throw Check.invalid(argument, "must be an ARN of the form " + form, value);
        }
        var resource = m.group(5);
        if (service.resourceType().isPresent() && !resource.startsWith(service.resourceType().get() + ":")) {
            throw Check.invalid(argument, "must be an ARN of the form " + form, value);
        }
        if (resource.replace("*", "").replace("?", "").replace(service.resourceType().orElse("") + ":", "")
                .isBlank()) {
            throw Check.invalid(argument, "must name resources beyond wildcards (the service would be pinned to "
                    + "nothing)", value);
        }
        return value;
    }

    // ---------------------------------------------------------------- checks against the deployment's environment

    /**
     * The checks that need the stack's partition, region and account: principals of another partition, a key user
     * naming the stack's own account, service resources of another account or region.
     */
    public static void checkAgainstEnvironment(KeySettings s, Policies.Environment env) {
        for (var user : s.keyUsers) {
            if (user.partition != null && !user.partition.equals(env.partition())) {
                throw Check.invalid(user.argument + ".principal", "must be in the stack's partition "
                        + env.partition() + " (a key policy cannot name a principal of another partition)",
                        user.principal);
            }
            if (user.account && user.accountId.equals(env.accountId())) {
                throw Check.invalid(user.argument + ".principal", "must not be the stack's own account "
                        + env.accountId() + ": the key policy already lets its IAM policies grant use of the key; "
                        + "name the role instead", user.principal);
            }
        }
        for (var user : s.keyServiceUsers) {
            for (int i = 0; i < user.resourceArns.size(); i++) {
                var arn = user.resourceArns.get(i);
                var parts = arn.split(":", 6);
                var argument = user.argument + ".resourceArns[" + i + "]";
                if (!parts[1].equals(env.partition()) || !parts[3].equals(env.region())
                        || !parts[4].equals(env.accountId())) {
                    throw Check.invalid(argument, "must be in the stack's partition, region and account ("
                            + env.partition() + ", " + env.region() + ", " + env.accountId() + "): the service is "
                            + "pinned to this account's resources", arn);
                }
            }
        }
    }

    /**
     * The key policy must stay within KMS's limit. When key users push it over, the message says which users share
     * the same access and conditions, so that they can be grouped behind one role or one account principal.
     */
    // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html ("Key policy format": up to 32
    // kilobytes, 32,768 bytes).
    public static void checkKeyPolicySize(KeySettings s, String keyPolicyJson) {
        var bytes = keyPolicyJson.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= Limits.KEY_POLICY_MAX_BYTES || s.keyUsers.isEmpty()) {
            return;
        }
        // Users are grouped by their whole access and conditions; the message names the context's keys only: a
        // value may come from a secret, and a message never shows one.
        var groups = new LinkedHashMap<List<Object>, List<Integer>>();
        var labels = new HashMap<List<Object>, String>();
        for (int i = 0; i < s.keyUsers.size(); i++) {
            var u = s.keyUsers.get(i);
            var signature = List.<Object>of(u.actions, u.encryptionContext, u.encryptionContextKeys, u.viaServices);
            labels.putIfAbsent(signature, u.accessLabel()
                    + (u.encryptionContext.isEmpty() ? "" : ", context " + u.encryptionContext.keySet())
                    + (u.encryptionContextKeys.isEmpty() ? "" : ", context keys " + u.encryptionContextKeys)
                    + (u.viaServices.isEmpty() ? "" : ", via " + u.viaServices));
            groups.computeIfAbsent(signature, k -> new ArrayList<>()).add(i);
        }
        var advice = groups.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getValue().stream().map(i -> "[" + i + "]").collect(Collectors.joining(", "))
                        + " share " + labels.get(e.getKey()))
                .collect(Collectors.joining("; "));
        throw Check.invalid("keyUsers", "must keep the key policy within "
                + Limits.KEY_POLICY_MAX_BYTES + " bytes (the KMS limit), but it would be "
                + bytes + " bytes; " + (advice.isEmpty()
                ? "no two users share the same access and conditions: let several of them assume one role, or name "
                        + "their account once and grant the use in that account's IAM"
                : "group the users that share access and conditions behind one role each, or name their account once "
                        + "and grant the use in that account's IAM: " + advice),
                Check.described(s.keyUsers.size() + " key users"));
    }

    // ---------------------------------------------------------------- statements

    /** The key policy statements of every key user and service user, in the order given. */
    public static List<PolicyDocument.Statement> statements(KeySettings s, Policies.Environment env) {
        var statements = new ArrayList<PolicyDocument.Statement>();
        for (var user : s.keyUsers) {
            statements.addAll(use(Sids.of(user.sid), "AWS", user.principalArn(env), user.actions,
                    user.encryptionContext, user.encryptionContextKeys,
                    user.viaServices.stream().map(env::viaService).toList(), user.accountId, List.of("*")));
        }
        for (var user : s.keyServiceUsers) {
            statements.add(serviceStatement(user, env));
        }
        return statements;
    }

    /** The {@code Sid}s of the statements that let one principal use the key. */
    record Sids(String use, String describe, String grant) {
        /** A key user's: its own {@code Sid} and two derived from it. */
        static Sids of(String sid) {
            return new Sids(sid, sid + DESCRIBE_SID_SUFFIX, sid + GRANTS_SID_SUFFIX);
        }
    }

    /**
     * The statements that let one principal (the data role in its own policy, or a key user in the key policy) use
     * the keys: its cryptographic actions under its conditions, {@code kms:DescribeKey} apart when those conditions
     * would block it (it carries no encryption context), and {@code kms:CreateGrant} apart, always bound to
     * {@link #GRANT_FOR_AWS_RESOURCE}.
     *
     * @param principalType {@code null} with {@code principal} for a statement of an identity policy
     * @param viaServices   the full {@code kms:ViaService} names
     * @param resources     the key ARNs, or {@code *} in a key policy (the key itself)
     */
    static List<PolicyDocument.Statement> use(Sids sids, @Nullable String principalType, @Nullable String principal,
                                              List<KeyAction> actions, Map<String, String> context,
                                              List<String> contextKeys, List<String> viaServices,
                                              String callerAccount, List<String> resources) {
        var grant = actions.contains(KeyAction.CREATE_GRANT);
        var use = actions.stream().filter(a -> a != KeyAction.CREATE_GRANT).toList();
        var cryptographic = use.stream().filter(KeyAction::isCryptographic).map(KeyAction::actionName).toList();
        var other = use.stream().filter(a -> !a.isCryptographic()).map(KeyAction::actionName).toList();
        var conditioned = !context.isEmpty() || !contextKeys.isEmpty() || !viaServices.isEmpty();
        var statements = new ArrayList<PolicyDocument.Statement>();
        if (!conditioned || cryptographic.isEmpty()) {
            if (!use.isEmpty()) {
                statements.add(statement(sids.use(), principalType, principal, resources)
                        .actions(use.stream().map(KeyAction::actionName).toList()).build());
            }
        } else {
            var statement = statement(sids.use(), principalType, principal, resources).actions(cryptographic);
            context.forEach((k, v) -> statement.condition("StringEquals", "kms:EncryptionContext:" + k, v));
            if (!viaServices.isEmpty()) {
                statement.condition("StringEquals", "kms:ViaService", viaServices);
                statement.condition("StringEquals", "kms:CallerAccount", callerAccount);
            }
            if (!contextKeys.isEmpty()) {
                statement.condition("ForAllValues:StringEquals", "kms:EncryptionContextKeys", contextKeys);
                statement.condition("Null", "kms:EncryptionContextKeys", "false");
            }
            statements.add(statement.build());
            if (!other.isEmpty()) {
                statements.add(statement(sids.describe(), principalType, principal, resources).actions(other)
                        .build());
            }
        }
        if (grant) {
            statements.add(grantStatement(sids.grant(), principalType, principal, resources));
        }
        return statements;
    }

    /** {@code kms:CreateGrant} only when an AWS service asks on the principal's behalf, for an AWS resource. */
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html ("use the
    // kms:GrantIsForAWSResource condition key to allow the user to create grants on the KMS key only when the grant
    // is created on the user's behalf by an AWS service"). The via-service conditions are not repeated here: the
    // service that creates a grant for an attached volume is not always the one the data passes through.
    static PolicyDocument.Statement grantStatement(String sid, @Nullable String principalType,
                                                   @Nullable String principal, List<String> resources) {
        var statement = statement(sid, principalType, principal, resources)
                .action(KeyAction.CREATE_GRANT.actionName());
        return statement.condition("Bool", GRANT_FOR_AWS_RESOURCE, "true").build();
    }

    private static PolicyDocument.Statement.Builder statement(String sid, @Nullable String type,
                                                              @Nullable String principal, List<String> resources) {
        var builder = PolicyDocument.Statement.builder(sid);
        if (type != null && principal != null) {
            builder.principals(type, List.of(principal));
        }
        resources.forEach(builder::resource);
        return builder;
    }

    static PolicyDocument.Statement serviceStatement(ServiceUser user, Policies.Environment env) {
        var statement = PolicyDocument.Statement.builder(user.sid())
                .principals("Service", List.of(user.principal(env)))
                .actions(user.service.actions().stream().map(KeyAction::actionName).toList())
                .resource("*");
        switch (user.service) {
            // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html: the log group's
            // ARN is the encryption context CloudWatch Logs sends (kms:EncryptionContext:aws:logs:arn).
            case CLOUDWATCH_LOGS -> statement.condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                    user.resourceArns);
            // https://docs.aws.amazon.com/bedrock/latest/userguide/model-evaluation-security-kms.html: Bedrock
            // uses the key as bedrock.amazonaws.com on behalf of the account's jobs (aws:SourceArn); aws:SourceAccount
            // pins the account (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
            case BEDROCK -> statement.condition("StringEquals", "aws:SourceAccount", env.accountId())
                    .condition("ArnLike", "aws:SourceArn", user.resourceArns);
        }
        return statement.build();
    }

    private static String camel(String name) {
        var sb = new StringBuilder();
        var upper = true;
        for (int i = 0; i < name.length(); i++) {
            var c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return sb.toString();
    }
}
