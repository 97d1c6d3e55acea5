package io.github.aidatakeys.internal;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** The checks of argument values, built from the limits in {@link Limits} and the patterns below. */
public final class Rules {
    private Rules() {
    }

    public static final String ALIAS_PREFIX = "alias/";
    private static final String ALIAS_RESERVED_PREFIX = "alias/aws/";
    static final Pattern ALIAS_CHARACTERS = Pattern.compile("[A-Za-z0-9/_-]+");
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");
    static final Pattern ROLE_PATH = Pattern.compile("/|/[\\x21-\\x7E]+/");

    public static final String PARTITION = "(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)";
    /**
     * The partitions whose service principals and endpoint names the component renders from AWS's public
     * documentation: service principals {@code <service>.amazonaws.com} (also {@code .amazonaws.com.cn} in China)
     * and {@code kms:ViaService} names {@code <service>.<region>.<dnsSuffix>} from the provider's
     * {@code getPartition} look-up. Stacks in another partition are refused before any child is created.
     */
    public static final List<String> SUPPORTED_PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");
    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /*
     * An IAM path inside an ARN: IAM allows '/' alone, or '/' + printable ASCII (\x21-\x7E) + '/', at most 512
     * characters, no '*' (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html,
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html and
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html). Role and user names are
     * [\w+=,.@-]{1,64}, policy names [\w+=,.@-]{1,128}. Wildcards are refused before these patterns apply.
     */
    private static final String ARN_PATH = "(?<path>(?:[\\x21-\\x7E]+/)?)";
    public static final Pattern ROLE_ARN =
            Pattern.compile("arn:" + PARTITION + ":iam::(\\d{12}):role/" + ARN_PATH + "[\\w+=,.@-]{1,64}");
    static final Pattern ADMIN_ARN =
            Pattern.compile("arn:" + PARTITION + ":iam::(\\d{12}):(?:role|user)/" + ARN_PATH + "[\\w+=,.@-]{1,64}");
    static final Pattern POLICY_ARN =
            Pattern.compile("arn:" + PARTITION + ":iam::(\\d{12}|aws):policy/" + ARN_PATH + "[\\w+=,.@-]{1,128}");
    /*
     * Service principals in the supported partitions: <service>.amazonaws.com, and in China also
     * <service>.amazonaws.com.cn (for example ec2.amazonaws.com.cn); checked against the stack's partition once it
     * is known (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
     */
    static final Pattern SERVICE_PRINCIPAL = Pattern.compile(
            "[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*\\.(amazonaws\\.com|amazonaws\\.com\\.cn)");
    static final String CHINA_SERVICE_SUFFIX = ".amazonaws.com.cn";

    public static final String ROLE_ARN_FORM = "arn:<partition>:iam::<12-digit account id>:role/[<path>/]<name>";
    static final String ADMIN_ARN_FORM =
            "arn:<partition>:iam::<12-digit account id>:role/[<path>/]<name> or :user/[<path>/]<name>";
    static final String POLICY_ARN_FORM = "arn:<partition>:iam::<12-digit account id or aws>:policy/[<path>/]<name>";

    static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z0-9_.:/=+@-]+");
    static final Pattern VIA_SERVICE_SHORT = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern VIA_SERVICE_FULL = Pattern.compile(
            "[a-z0-9][a-z0-9-]*\\.[a-z]{2}(-[a-z]+)+-\\d\\.amazonaws\\.com(\\.cn)?");
    static final Pattern SOURCE_ARN = Pattern.compile(
            "arn:(?<partition>[a-z*-]+):(?<service>[a-z0-9*-]+):[a-z0-9*-]*:(?<account>\\d{12}|\\*)?:.+");
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]+");
    static final Pattern OIDC_PROVIDER_ARN =
            Pattern.compile("arn:" + PARTITION + ":iam::(\\d{12}):oidc-provider/([A-Za-z0-9.-]+(/[\\w.-]+)*)");
    /*
     * IAM's tag character set (the key and the role carry the same tags): Unicode letters, digits and spaces, and
     * _ . : / = + - @ (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html; KMS refers to the same
     * rules: https://docs.aws.amazon.com/kms/latest/developerguide/tagging-keys.html).
     */
    static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    static final String TAG_CHARACTERS_TEXT = "Unicode letters, digits and spaces, and _ . : / = + - @";
    /** The tag the component writes with the waived lint rules: never a user tag. */
    public static final String LINT_WAIVERS_TAG = "LintWaivers";

    /** EKS Pod Identity's service principal. */
    public static final String POD_IDENTITY = "pods.eks.amazonaws.com";
    /**
     * Service principals that do not send {@code aws:SourceAccount} / {@code aws:SourceArn} when they assume a role:
     * a condition on them would lock the service out. EC2 takes the role through an instance profile; EKS Pod
     * Identity through its agent.
     */
    public static final Set<String> NO_CONFUSED_DEPUTY_CONDITIONS = Set.of(
            "ec2.amazonaws.com", "ec2.amazonaws.com.cn", POD_IDENTITY);

    /** Key-management and account-level KMS actions, in lower case: never granted to the data role. */
    public static final Set<String> MANAGEMENT_ACTIONS = KmsAction.lowerCaseNames(KmsAction.Kind.MANAGEMENT);

    /** Actions that exist only for asymmetric or HMAC keys, in lower case. */
    public static final Set<String> NON_SYMMETRIC_ACTIONS = KmsAction.lowerCaseNames(KmsAction.Kind.NON_SYMMETRIC);

    /** Adds the {@code alias/} prefix to a bare name and checks the result. */
    public static String aliasName(String argument, String value) {
        Check.required(argument, value);
        var hasPrefix = value.toLowerCase(Locale.ROOT).startsWith(ALIAS_PREFIX);
        var name = hasPrefix ? value : ALIAS_PREFIX + value;
        if (name.length() == ALIAS_PREFIX.length()) {
            throw Check.invalid(argument, "must name an alias after the '" + ALIAS_PREFIX + "' prefix", value);
        }
        if (name.toLowerCase(Locale.ROOT).startsWith(ALIAS_RESERVED_PREFIX)) {
            throw Check.invalid(argument, "must not start with '" + ALIAS_RESERVED_PREFIX
                    + "' in any case (reserved for AWS managed keys)", value);
        }
        if (!name.startsWith(ALIAS_PREFIX)) {
            throw Check.invalid(argument, "must spell the '" + ALIAS_PREFIX + "' prefix in lower case", value);
        }
        if (name.length() > Limits.ALIAS_MAX_LENGTH) {
            throw Check.invalid(argument, "must be at most " + Limits.ALIAS_MAX_LENGTH
                    + " characters including the '" + ALIAS_PREFIX + "' prefix", value);
        }
        if (!ALIAS_CHARACTERS.matcher(name).matches()) {
            throw Check.invalid(argument, "may contain only letters, digits, '/', '_' and '-'", value);
        }
        return name;
    }

    public static String description(String argument, String value) {
        return Check.atMost(argument, value, Limits.DESCRIPTION_MAX_LENGTH);
    }

    public static String servicePrincipal(String argument, String value) {
        noWildcardPrincipal(argument, value);
        if (!SERVICE_PRINCIPAL.matcher(value).matches()) {
            throw Check.invalid(argument, "must be a lower-case AWS service principal such as "
                    + "'sagemaker.amazonaws.com' (ending in .amazonaws.com, or .amazonaws.com.cn in China)", value);
        }
        return value;
    }

    /** Refuses a China-only service principal ({@code .amazonaws.com.cn}) in a stack of another partition. */
    public static void servicePrincipalInPartition(String argument, String principal, String partition) {
        if (principal.endsWith(CHINA_SERVICE_SUFFIX) && !partition.equals("aws-cn")) {
            throw Check.invalid(argument, "ends in " + CHINA_SERVICE_SUFFIX + ", which names a service principal of "
                    + "the aws-cn partition, but the stack deploys into partition " + partition, principal);
        }
    }

    /**
     * The ARN service namespaces a service principal acts for, which is what the service segment of an
     * {@code aws:SourceArn} it sends names: a label of the principal ({@code sagemaker.amazonaws.com} sends
     * {@code arn:...:sagemaker:...}, {@code delivery.logs.amazonaws.com} {@code arn:...:logs:...}), and {@code ecs} for
     * {@code ecs-tasks.amazonaws.com}, whose source ARNs are ECS ARNs
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html).
     */
    public static Set<String> arnServicesOf(String servicePrincipal) {
        var suffix = servicePrincipal.endsWith(CHINA_SERVICE_SUFFIX) ? CHINA_SERVICE_SUFFIX : ".amazonaws.com";
        var labels = new LinkedHashSet<>(Arrays.asList(
                servicePrincipal.substring(0, servicePrincipal.length() - suffix.length()).split("\\.")));
        if (labels.contains("ecs-tasks")) {
            labels.add("ecs");
        }
        return labels;
    }

    /** The service segment of a source ARN that passed {@link #sourceArn}. */
    public static String serviceOfSourceArn(String arn) {
        return part(arn, "service");
    }

    /** The account segment of a source ARN that passed {@link #sourceArn}: empty, {@code *} or 12 digits. */
    public static String accountOfSourceArn(String arn) {
        var account = part(arn, "account");
        return account == null ? "" : account;
    }

    /** The partition segment of a source ARN that passed {@link #sourceArn}. */
    public static String partitionOfSourceArn(String arn) {
        return part(arn, "partition");
    }

    private static String part(String arn, String group) {
        var m = SOURCE_ARN.matcher(arn);
        if (!m.matches()) {
            throw new IllegalStateException("not a checked source ARN: " + arn);
        }
        return m.group(group);
    }

    public static String accountId(String argument, String value) {
        noWildcardPrincipal(argument, value);
        if (!ACCOUNT_ID.matcher(value).matches()) {
            throw Check.invalid(argument, "must be a 12-digit AWS account id", value);
        }
        return value;
    }

    public static String roleArn(String argument, String value) {
        noWildcardPrincipal(argument, value);
        noWildcards(argument, value);
        return iamArn(argument, value, ROLE_ARN, "must be an IAM role ARN of the form " + ROLE_ARN_FORM);
    }

    public static String adminArn(String argument, String value) {
        noWildcardPrincipal(argument, value);
        noWildcards(argument, value);
        return iamArn(argument, value, ADMIN_ARN, "must be an IAM role or user ARN of the form " + ADMIN_ARN_FORM);
    }

    public static String policyArn(String argument, String value) {
        noWildcards(argument, value);
        return iamArn(argument, value, POLICY_ARN, "must be an IAM managed policy ARN of the form " + POLICY_ARN_FORM);
    }

    private static String iamArn(String argument, String value, Pattern pattern, String rule) {
        var m = pattern.matcher(value);
        if (!m.matches()) {
            throw Check.invalid(argument, rule, value);
        }
        // The path as IAM stores it starts with the '/' that follows the resource type.
        if (1 + m.group("path").length() > Limits.ROLE_PATH_MAX_LENGTH) {
            throw Check.invalid(argument, "must have an IAM path of at most " + Limits.ROLE_PATH_MAX_LENGTH + " characters",
                    value);
        }
        return value;
    }

    /** The partition of an ARN, such as {@code aws-cn}. The ARN must already have passed one of the ARN checks. */
    public static String partitionOf(String arn) {
        return arn.split(":", 3)[1];
    }

    /** The account an IAM ARN belongs to. The ARN must already have passed one of the ARN checks. */
    public static String accountOf(String arn) {
        return arn.split(":", 6)[4];
    }

    public static String roleName(String argument, String value) {
        if (value.isEmpty() || value.length() > Limits.ROLE_NAME_MAX_LENGTH || !ROLE_NAME.matcher(value).matches()) {
            throw Check.invalid(argument, "must be 1 to " + Limits.ROLE_NAME_MAX_LENGTH
                    + " characters from A-Z, a-z, 0-9 and +=,.@_-", value);
        }
        return value;
    }

    public static String rolePath(String argument, String value) {
        if (value.length() > Limits.ROLE_PATH_MAX_LENGTH || !ROLE_PATH.matcher(value).matches() || value.contains("*")) {
            throw Check.invalid(argument, "must start and end with '/', be at most " + Limits.ROLE_PATH_MAX_LENGTH
                    + " characters and contain only printable ASCII without spaces or '*'", value);
        }
        return value;
    }

    public static String contextKey(String argument, String value) {
        if (value.isEmpty() || value.length() > Limits.CONTEXT_KEY_MAX_LENGTH || !CONTEXT_KEY.matcher(value).matches()) {
            throw Check.invalid(argument, "must be 1 to " + Limits.CONTEXT_KEY_MAX_LENGTH
                    + " characters from A-Z, a-z, 0-9 and _.:/=+@-", value);
        }
        return value;
    }

    public static String contextValue(String argument, String value) {
        if (value.isEmpty() || value.length() > Limits.CONTEXT_VALUE_MAX_LENGTH) {
            throw Check.invalid(argument, "must be 1 to " + Limits.CONTEXT_VALUE_MAX_LENGTH + " characters", value);
        }
        return value;
    }

    public static String viaService(String argument, String value) {
        if (!VIA_SERVICE_SHORT.matcher(value).matches() && !VIA_SERVICE_FULL.matcher(value).matches()) {
            throw Check.invalid(argument, "must be a service name such as 's3' or of the form "
                    + "<service>.<region>.amazonaws.com", value);
        }
        return value;
    }

    public static String sourceArn(String argument, String value) {
        var m = SOURCE_ARN.matcher(value);
        if (!m.matches()) {
            throw Check.invalid(argument, "must be an ARN pattern of the form arn:<partition>:<service>:<region>:"
                    + "<12-digit account id>:<resource> (wildcards allowed)", value);
        }
        if (m.group("service").contains("*")) {
            throw Check.invalid(argument, "must name its service literally: the service segment decides which allowed "
                    + "service the ARN applies to", value);
        }
        return value;
    }

    public static String externalId(String argument, String value) {
        if (value.length() < Limits.EXTERNAL_ID_MIN_LENGTH || value.length() > Limits.EXTERNAL_ID_MAX_LENGTH
                || !EXTERNAL_ID.matcher(value).matches()) {
            throw Check.invalid(argument, "must be " + Limits.EXTERNAL_ID_MIN_LENGTH + " to " + Limits.EXTERNAL_ID_MAX_LENGTH
                    + " characters from A-Z, a-z, 0-9 and +=,.@:/_-", value);
        }
        return value;
    }

    public static String oidcProviderArn(String argument, String value) {
        noWildcards(argument, value);
        if (!OIDC_PROVIDER_ARN.matcher(value).matches()) {
            throw Check.invalid(argument, "must be an IAM OIDC provider ARN of the form "
                    + "arn:<partition>:iam::<12-digit account id>:oidc-provider/<issuer host and path>", value);
        }
        return value;
    }

    /** The issuer of an OIDC provider ARN, as IAM names its condition keys: {@code <host/path>:sub}. */
    public static String oidcIssuer(String providerArn) {
        return providerArn.substring(providerArn.indexOf(":oidc-provider/") + ":oidc-provider/".length());
    }

    /** GitHub Actions' OIDC issuer, also with an enterprise's own path ({@code .../<enterprise>}). */
    private static final String GITHUB_ISSUER = "token.actions.githubusercontent.com";
    /** An EKS cluster's OIDC issuer (IAM roles for service accounts). */
    static final Pattern EKS_ISSUER =
            Pattern.compile("oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/id/[A-Za-z0-9]+");
    /*
     * GitHub's default subject is repo:<owner>/<repository>:<context> (ref:refs/heads/<branch>, environment:<name>,
     * pull_request, ...); a customised template that lists `repo` first keeps that prefix
     * (https://docs.github.com/en/actions/reference/security/oidc). GitHub and AWS both tell to pin the
     * organisation and repository in the sub condition, StringLike wildcards only after them
     * (https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws and
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html). Owner names are letters,
     * digits and '-'; repository names also '.' and '_': a '*' or '?' there cannot match this pattern.
     */
    static final Pattern GITHUB_SUBJECT = Pattern.compile("repo:[A-Za-z0-9-]+/[A-Za-z0-9._-]+(:.+)?");
    /*
     * EKS IRSA tokens carry sub = system:serviceaccount:<namespace>:<service account>
     * (https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts-technical-overview.html).
     * AWS shows a namespace-wide StringLike (<namespace>:*) too; the component refuses it: anyone who may create a
     * service account in the namespace would get the role. Namespace: a DNS label; service account: a DNS
     * subdomain (Kubernetes object names).
     */
    static final Pattern EKS_SUBJECT = Pattern.compile(
            "system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    /** The kinds of OIDC issuer whose subjects the component knows the shape of. */
    private enum Issuer { GITHUB_ACTIONS, EKS, OTHER }

    /** The kind of issuer of an OIDC provider, from its host and path as IAM names them. */
    private static Issuer issuerKind(String issuer) {
        if (issuer.equals(GITHUB_ISSUER) || issuer.startsWith(GITHUB_ISSUER + "/")) {
            return Issuer.GITHUB_ACTIONS;
        }
        return EKS_ISSUER.matcher(issuer).matches() ? Issuer.EKS : Issuer.OTHER;
    }

    /**
     * A token subject pattern ({@code StringLike}) for the issuer, or for no issuer yet: GitHub subjects pin the
     * owner and repository, EKS subjects the namespace and service account; any other subject must have a literal
     * part (partial wildcards are a lint warning, AIK014).
     */
    public static String webIdentitySubject(String argument, @Nullable String issuer, String value) {
        contextValue(argument, value);
        if (value.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw Check.invalid(argument, "must have a literal part, not only wildcards and separators (every "
                    + "identity the provider issues tokens for could assume the role)", value);
        }
        var kind = issuer == null ? Issuer.OTHER : issuerKind(issuer);
        if (kind == Issuer.GITHUB_ACTIONS && !GITHUB_SUBJECT.matcher(value).matches()) {
            throw Check.invalid(argument, "must start with repo:<owner>/<repository> spelled out, wildcards only after "
                    + "it (such as repo:octo-org/octo-repo:ref:refs/heads/main or repo:octo-org/octo-repo:*): on "
                    + "GitHub's issuer anything less trusts repositories of other owners", value);
        }
        if (kind == Issuer.EKS && !EKS_SUBJECT.matcher(value).matches()) {
            throw Check.invalid(argument, "must be system:serviceaccount:<namespace>:<service account> with both "
                    + "spelled out, no wildcards (a wildcard trusts every pod of the matching namespaces or service "
                    + "accounts of the cluster)", value);
        }
        return value;
    }

    /**
     * Whether a subject pattern holds a wildcard that the issuer's rules above do not already bound: the subjects
     * the lint warns about (AIK014).
     */
    public static boolean hasUnboundedWildcard(String issuer, String subject) {
        if (!subject.contains("*") && !subject.contains("?")) {
            return false;
        }
        return !(issuerKind(issuer) == Issuer.GITHUB_ACTIONS && GITHUB_SUBJECT.matcher(subject).matches());
    }

    /** Whether a service principal is EC2, in any partition. */
    public static boolean isEc2(String servicePrincipal) {
        return servicePrincipal != null && servicePrincipal.startsWith("ec2.")
                && NO_CONFUSED_DEPUTY_CONDITIONS.contains(servicePrincipal);
    }

    public static String tagKey(String argument, String value) {
        if (value.isEmpty() || value.length() > Limits.TAG_KEY_MAX_LENGTH) {
            throw Check.invalid(argument, "must be 1 to " + Limits.TAG_KEY_MAX_LENGTH + " characters", value);
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw Check.invalid(argument, "must not start with 'aws:' (reserved for AWS)", value);
        }
        if (!TAG_CHARACTERS.matcher(value).matches()) {
            throw Check.invalid(argument, "may contain only " + TAG_CHARACTERS_TEXT + " (IAM's tag characters)",
                    value);
        }
        if (value.equalsIgnoreCase(LINT_WAIVERS_TAG)) {
            throw Check.invalid(argument, "must not be '" + LINT_WAIVERS_TAG + "' in any case: the component writes "
                    + "that tag itself, with the ids of the waived lint rules (set them through lintWaivers)", value);
        }
        return value;
    }

    public static String tagValue(String argument, String value) {
        Check.atMost(argument, value, Limits.TAG_VALUE_MAX_LENGTH);
        if (!TAG_CHARACTERS.matcher(value).matches()) {
            throw Check.invalid(argument, "may contain only " + TAG_CHARACTERS_TEXT + " (IAM's tag characters)",
                    value);
        }
        return value;
    }

    private static void noWildcardPrincipal(String argument, String value) {
        if (value.equals("*")) {
            throw Check.invalid(argument, "must not be '*' (anyone could assume the role)", value);
        }
    }

    private static void noWildcards(String argument, String value) {
        if (value.contains("*") || value.contains("?")) {
            throw Check.invalid(argument, "must not contain wildcards", value);
        }
    }

    /**
     * Checks each element of a list and refuses duplicates, which IAM compares ignoring case.
     */
    public static <T> List<T> eachOf(String argument, List<String> values, Rule<T> rule) {
        Check.elementsRequired(argument, values);
        var seen = new HashMap<String, Integer>();
        var result = new ArrayList<T>(values.size());
        for (int i = 0; i < values.size(); i++) {
            var element = argument + "[" + i + "]";
            result.add(rule.check(element, values.get(i)));
            var previous = seen.putIfAbsent(values.get(i).toLowerCase(Locale.ROOT), i);
            if (previous != null) {
                throw Check.invalid(argument, "must not contain duplicates (compared ignoring case), but ["
                        + previous + "] and [" + i + "] are the same", values);
            }
        }
        return result;
    }

    /** A check of one value, named by the argument it came from. */
    @FunctionalInterface
    public interface Rule<T> {
        T check(String argument, String value);
    }

}
