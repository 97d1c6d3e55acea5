package io.github.aidatakeys.internal;

import io.github.aidatakeys.KeyAction;

import java.util.ArrayList;
import java.util.List;

/** Renders the three policy documents of the component from validated settings. */
public final class Policies {
    public static final String ROOT_SID = "EnableIamPoliciesForAccount";
    public static final String ADMIN_SID = "AllowKeyAdministration";
    public static final String SERVICES_SID = "TrustedServicesAssumeRole";
    public static final String AWS_PRINCIPALS_SID = "TrustedAwsPrincipalsAssumeRole";
    public static final String USE_KEY_SID = "UseKeyForAiData";

    private Policies() {
    }

    /** The account the stack deploys into, and its partition. */
    public record Account(String partition, String accountId) {
        public String root() {
            return root(accountId);
        }

        public String root(String account) {
            return "arn:" + partition + ":iam::" + account + ":root";
        }
    }

    /**
     * The key policy. The root statement delegates to IAM (without it no IAM policy grants anything on the key,
     * and nobody could manage it); administrators get management actions only.
     */
    public static PolicyDocument keyPolicy(KeySettings s, Account account) {
        var statements = new ArrayList<PolicyDocument.Statement>();
        statements.add(PolicyDocument.Statement.builder(ROOT_SID)
                .principals("AWS", List.of(account.root()))
                .action("kms:*")
                .resource("*")
                .build());
        if (!s.keyAdministratorArns.isEmpty()) {
            statements.add(PolicyDocument.Statement.builder(ADMIN_SID)
                    .principals("AWS", s.keyAdministratorArns)
                    .actions(Rules.KEY_ADMIN_ACTIONS)
                    .resource("*")
                    .build());
        }
        return PolicyDocument.of(statements);
    }

    /** The data role's trust policy: who may assume it. */
    public static PolicyDocument trustPolicy(KeySettings s, Account account) {
        var statements = new ArrayList<PolicyDocument.Statement>();
        if (!s.allowedServices.isEmpty()) {
            statements.add(PolicyDocument.Statement.builder(SERVICES_SID)
                    .principals("Service", s.allowedServices)
                    .action("sts:AssumeRole")
                    .build());
        }
        var awsPrincipals = new ArrayList<String>();
        s.allowedAccountIds.forEach(id -> awsPrincipals.add(account.root(id)));
        awsPrincipals.addAll(s.allowedRoleArns);
        if (!awsPrincipals.isEmpty()) {
            statements.add(PolicyDocument.Statement.builder(AWS_PRINCIPALS_SID)
                    .principals("AWS", awsPrincipals)
                    .action("sts:AssumeRole")
                    .build());
        }
        return PolicyDocument.of(statements);
    }

    /** The data role's inline policy: the granted actions, on the key ARN and nothing else. */
    public static PolicyDocument rolePolicy(KeySettings s, String keyArn) {
        return PolicyDocument.of(List.of(PolicyDocument.Statement.builder(USE_KEY_SID)
                .actions(s.keyActions.stream().map(KeyAction::actionName).toList())
                .resource(keyArn)
                .build()));
    }
}
