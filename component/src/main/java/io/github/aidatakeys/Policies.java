package io.github.aidatakeys;

import io.github.aidatakeys.internal.KmsAction;
import io.github.aidatakeys.internal.PolicyDocument;
import io.github.aidatakeys.internal.Rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Renders the three policy documents of the component from validated settings. */
final class Policies {
    public static final String ROOT_SID = "EnableIamPoliciesForAccount";
    public static final String ADMIN_SID = "AllowKeyAdministration";
    public static final String REPLICATION_SID = "AllowKeyReplication";
    public static final String SERVICES_SID = "TrustedServicesAssumeRole";
    public static final String UNCONDITIONED_SERVICES_SID = "TrustedInstanceServicesAssumeRole";
    /** Services whose confused-deputy conditions are waived ({@code AIK007:<service>}). */
    public static final String WAIVED_SERVICES_SID = "TrustedServicesWithoutSourceConditionsAssumeRole";
    public static final String POD_IDENTITY_SID = "EksPodIdentityAssumeRole";
    public static final String AWS_PRINCIPALS_SID = "TrustedAwsPrincipalsAssumeRole";
    public static final String WEB_IDENTITY_SID = "TrustedWebIdentityAssumeRole";
    public static final String USE_KEY_SID = "UseKeyForAiData";
    public static final String DESCRIBE_KEY_SID = "DescribeKey";
    public static final String CREATE_GRANT_SID = "CreateGrantsForAwsResources";

    private Policies() {
    }

    /**
     * Where the stack deploys: partition, account, region and the partition's DNS suffix ({@code amazonaws.com},
     * {@code amazonaws.com.cn}), from the provider's look-ups.
     */
    public record Environment(String partition, String accountId, String region, String dnsSuffix) {
        public String root() {
            return root(accountId);
        }

        public String root(String account) {
            return "arn:" + partition + ":iam::" + account + ":root";
        }

        /** The same partition and account in another Region (a replica's). */
        public Environment inRegion(String otherRegion) {
            return new Environment(partition, accountId, otherRegion, dnsSuffix);
        }

        /**
         * A {@code kms:ViaService} value: the service's regional endpoint name, {@code <service>.<region>.<dnsSuffix>}
         * (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service),
         * with the DNS suffix of the partition from {@code getPartition}.
         */
        public String viaService(String service) {
            return service.contains(".") ? service : service + "." + region + "." + dnsSuffix;
        }
    }

    /**
     * The key policy. The root statement delegates to IAM (without it no IAM policy grants anything on the key,
     * and nobody could manage it); administrators get management actions only.
     */
    public static PolicyDocument keyPolicy(KeySettings s, Environment env) {
        return keyPolicy(s, env, List.of());
    }

    /**
     * The key policy of one key of the set, for the Regions its administrators may replicate it to. For a
     * multi-Region key administrators also get what replication needs: {@code kms:UpdatePrimaryRegion}, and
     * {@code kms:ReplicateKey} in a statement of its own, limited with {@code kms:ReplicaRegion} to the other Regions
     * of the set when replicas are named. "To create a multi-Region replica key, the principal needs kms:ReplicateKey
     * permission in the key policy of the primary key"; "to update the primary Region, the principal needs
     * kms:UpdatePrimaryRegion permission in both Regions"; kms:ReplicaRegion "limits only the kms:ReplicateKey
     * permission". Every key of the set carries both, since any of them can become the primary.
     * https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html#multi-region-auth-users
     */
    public static PolicyDocument keyPolicy(KeySettings s, Environment env, List<String> replicationTargets) {
        var statements = new ArrayList<PolicyDocument.Statement>();
        statements.add(PolicyDocument.Statement.builder(ROOT_SID)
                .principals("AWS", List.of(env.root()))
                .action("kms:*")
                .resource("*")
                .build());
        if (!s.keyAdministratorArns.isEmpty()) {
            var actions = new ArrayList<>(KmsAction.keyAdministratorActionNames());
            if (s.multiRegion) {
                actions.add(KmsAction.UPDATE_PRIMARY_REGION.actionName());
            }
            statements.add(PolicyDocument.Statement.builder(ADMIN_SID)
                    .principals("AWS", s.keyAdministratorArns)
                    .actions(actions)
                    .resource("*")
                    .build());
            if (s.multiRegion) {
                var replication = PolicyDocument.Statement.builder(REPLICATION_SID)
                        .principals("AWS", s.keyAdministratorArns)
                        .action(KmsAction.REPLICATE_KEY.actionName())
                        .resource("*");
                if (!replicationTargets.isEmpty()) {
                    replication.condition("StringEquals", "kms:ReplicaRegion", replicationTargets);
                }
                statements.add(replication.build());
            }
        }
        statements.addAll(KeyUsers.statements(s, env));
        return PolicyDocument.of(statements);
    }

    /** The data role's trust policy: who may assume it, and under which conditions. */
    public static PolicyDocument trustPolicy(KeySettings s, Environment env) {
        var statements = new ArrayList<PolicyDocument.Statement>();
        var guarded = s.allowedServices.stream()
                .filter(p -> !Rules.NO_CONFUSED_DEPUTY_CONDITIONS.contains(p))
                .filter(p -> !s.servicesWithoutSourceConditions.contains(p)).toList();
        var unguarded = s.allowedServices.stream()
                .filter(p -> Rules.NO_CONFUSED_DEPUTY_CONDITIONS.contains(p) && !p.equals(Rules.POD_IDENTITY)).toList();
        // Services without source ARNs share one statement; each service with source ARNs gets its own, holding only
        // the ARNs of that service: aws:SourceArn is the ARN of the resource the service acts for, so another
        // service's ARN there would never match and would lock that service out
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html). Both keys are in the request only
        // when a service principal calls directly: "the aws:SourceAccount condition key is only available when the
        // call to your resource is made directly by an AWS service principal"
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html); AWS applies
        // aws:SourceArn in a role's trust policy for such a service, for example
        // https://docs.aws.amazon.com/personalize/latest/dg/cross-service-confused-deputy-prevention.html.
        var withoutArns = guarded.stream().filter(p -> !s.sourceArnsByService.containsKey(p)).toList();
        if (!withoutArns.isEmpty()) {
            statements.add(PolicyDocument.Statement.builder(SERVICES_SID)
                    .principals("Service", withoutArns)
                    .action("sts:AssumeRole")
                    .condition("StringEquals", "aws:SourceAccount", env.accountId())
                    .build());
        }
        var sids = new HashSet<String>();
        for (var service : guarded) {
            var arns = s.sourceArnsByService.get(service);
            if (arns == null) {
                continue;
            }
            var sid = serviceSid(service);
            for (int i = 2; !sids.add(sid); i++) {
                sid = serviceSid(service) + i;
            }
            statements.add(PolicyDocument.Statement.builder(sid)
                    .principals("Service", List.of(service))
                    .action("sts:AssumeRole")
                    .condition("StringEquals", "aws:SourceAccount", env.accountId())
                    .condition("ArnLike", "aws:SourceArn", arns)
                    .build());
        }
        if (!s.servicesWithoutSourceConditions.isEmpty()) {
            // The documented escape for a service known not to send aws:SourceAccount / aws:SourceArn: the waived
            // services only, in a statement of their own, so that the other services stay conditioned.
            statements.add(PolicyDocument.Statement.builder(WAIVED_SERVICES_SID)
                    .principals("Service", s.servicesWithoutSourceConditions)
                    .action("sts:AssumeRole")
                    .build());
        }
        if (!unguarded.isEmpty()) {
            statements.add(PolicyDocument.Statement.builder(UNCONDITIONED_SERVICES_SID)
                    .principals("Service", unguarded)
                    .action("sts:AssumeRole")
                    .build());
        }
        if (s.allowedServices.contains(Rules.POD_IDENTITY)) {
            statements.add(PolicyDocument.Statement.builder(POD_IDENTITY_SID)
                    .principals("Service", List.of(Rules.POD_IDENTITY))
                    .actions(List.of("sts:AssumeRole", "sts:TagSession"))
                    .build());
        }
        var awsPrincipals = new ArrayList<String>();
        s.allowedAccountIds.forEach(id -> awsPrincipals.add(env.root(id)));
        awsPrincipals.addAll(s.allowedRoleArns);
        if (!awsPrincipals.isEmpty()) {
            var statement = PolicyDocument.Statement.builder(AWS_PRINCIPALS_SID)
                    .principals("AWS", awsPrincipals)
                    .action("sts:AssumeRole");
            if (s.externalId != null) {
                statement.condition("StringEquals", "sts:ExternalId", s.externalId);
            }
            statements.add(statement.build());
        }
        if (s.webIdentityProviderArn != null) {
            var issuer = Rules.oidcIssuer(s.webIdentityProviderArn);
            statements.add(PolicyDocument.Statement.builder(WEB_IDENTITY_SID)
                    .principals("Federated", List.of(s.webIdentityProviderArn))
                    .action("sts:AssumeRoleWithWebIdentity")
                    .condition("StringEquals", issuer + ":aud", s.webIdentityAudience)
                    .condition("StringLike", issuer + ":sub", s.webIdentitySubjects)
                    .build());
        }
        return PolicyDocument.of(statements);
    }

    /** {@code Trusted<Service>AssumeRole}, such as {@code TrustedSagemakerAssumeRole}: Sids are alphanumeric. */
    static String serviceSid(String servicePrincipal) {
        var name = new StringBuilder();
        for (var word : servicePrincipal.substring(0, servicePrincipal.indexOf(".amazonaws.com")).split("[.-]", -1)) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return "Trusted" + name + "AssumeRole";
    }

    /**
     * The data role's inline policy: the granted actions, on the key ARN and nothing else. Encryption-context and
     * via-service conditions bind every cryptographic action; {@code kms:DescribeKey} stays unconditional, in a
     * statement of its own, because it carries no encryption context.
     */
    public static PolicyDocument rolePolicy(KeySettings s, Environment env, String keyArn) {
        return rolePolicy(s, env, List.of(keyArn), List.of(env.region()));
    }

    /**
     * The data role's inline policy for a key and its replicas: {@code Resource} lists every key's ARN (each
     * multi-Region key has its own ARN, and "to apply an IAM policy statement to a particular multi-Region key, use
     * its key ARN"), and {@code kms:ViaService} names each service in every Region of the set, since a service calls
     * KMS in its own Region. {@code kms:CreateGrant}, when asked for, comes last in a statement of its own, always
     * bound to grants AWS services create for AWS resources.
     * https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html#multi-region-auth-about
     * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
     */
    public static PolicyDocument rolePolicy(KeySettings s, Environment env, List<String> keyArns,
                                            List<String> regions) {
        var viaServices = s.viaServices.stream()
                .flatMap(v -> regions.stream().map(r -> env.inRegion(r).viaService(v)))
                .distinct().toList();
        return PolicyDocument.of(KeyUsers.use(new KeyUsers.Sids(USE_KEY_SID, DESCRIBE_KEY_SID, CREATE_GRANT_SID),
                null, null, s.keyActions, s.encryptionContext, s.encryptionContextKeys, viaServices, env.accountId(),
                keyArns));
    }
}
