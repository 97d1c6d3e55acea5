package io.github.aidatakeys.lint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.aidatakeys.RenderedPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.github.aidatakeys.support.Json.parse;
import static io.github.aidatakeys.support.LintFixtures.ACCOUNT;
import static io.github.aidatakeys.support.LintFixtures.ADMIN_KEY_POLICY;
import static io.github.aidatakeys.support.LintFixtures.CONTEXT_KEYS_ROLE_POLICY;
import static io.github.aidatakeys.support.LintFixtures.CROSS_ACCOUNT_TRUST_POLICY;
import static io.github.aidatakeys.support.LintFixtures.EVERY_OPTION;
import static io.github.aidatakeys.support.LintFixtures.GSON;
import static io.github.aidatakeys.support.LintFixtures.KEY_ARN;
import static io.github.aidatakeys.support.LintFixtures.KEY_POLICY;
import static io.github.aidatakeys.support.LintFixtures.ROLE_POLICY;
import static io.github.aidatakeys.support.LintFixtures.SERVICE_TRUST_POLICY;
import static io.github.aidatakeys.support.LintFixtures.TRUST_POLICY;
import static io.github.aidatakeys.support.LintFixtures.append;
import static io.github.aidatakeys.support.LintFixtures.array;
import static io.github.aidatakeys.support.LintFixtures.edit;
import static io.github.aidatakeys.support.LintFixtures.editFirst;
import static io.github.aidatakeys.support.LintFixtures.error;
import static io.github.aidatakeys.support.LintFixtures.lint;
import static io.github.aidatakeys.support.LintFixtures.object;
import static io.github.aidatakeys.support.LintFixtures.statement;
import static io.github.aidatakeys.support.LintFixtures.warning;
import static io.github.aidatakeys.support.Stacks.KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the lint, on the documents the component renders and on those documents mutated to break it. The
 * fixtures come from the renderer ({@link RenderedPolicies}), never from hand-copied JSON.
 */
class PolicyLintTest {
    static final String ROOT = "arn:aws:iam::123456789012:root";

    // --- the component's defaults -------------------------------------------------------------------------------

    @Test
    void componentDefaultDocumentsHaveNoFindings() {
        var report = lint(b -> b);
        assertThat(report.findings()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.summary()).isEqualTo("Policy lint found no errors");
    }

    @Test
    void componentDefaultDocumentsPassInEveryPartition() {
        var china = RenderedPolicies.of(b -> b.allowedServices("ec2.amazonaws.com.cn"),
                "aws-cn", "cn-north-1", "amazonaws.com.cn");
        var report = lint(b -> b.partition("aws-cn")
                .keyPolicyJson(china.keyPolicy())
                .trustPolicyJson(china.trustPolicy())
                .rolePolicyJson(china.rolePolicy("arn:aws-cn:kms:cn-north-1:123456789012:key/" + KEY_ID))
                .keyArn(null));
        assertThat(china.keyPolicy()).contains("arn:aws-cn:iam::123456789012:root");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void componentDocumentsWithEveryOptionSetHaveNoFindings() {
        var report = lint(b -> b
                .keyPolicyJson(EVERY_OPTION.keyPolicy())
                .trustPolicyJson(EVERY_OPTION.trustPolicy())
                .rolePolicyJson(EVERY_OPTION.rolePolicy()));
        assertThat(EVERY_OPTION.rolePolicy()).contains("ForAllValues:StringEquals", "kms:ViaService");
        assertThat(EVERY_OPTION.trustPolicy()).contains("sts:ExternalId", "aws:SourceArn", "oidc-provider");
        assertThat(report.findings()).isEmpty();
    }

    // --- AIK001 wildcard action ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"*", "kms:*", "kms:GenerateDataKey*", "kms:Re?ncryptFrom", "s3:*"})
    void rolePolicyWithWildcardActionIsAnError(String action) {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Action",
                array("kms:Decrypt", action)))));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_WILDCARD_ACTION,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Action must list explicit actions, never wildcards; received: \"" + action + "\""));
    }

    @Test
    void rolePolicyActionGivenAsAStringIsReadLikeAnArray() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.addProperty("Action", "kms:*"))));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK001");
    }

    @Test
    void rolePolicyWithNotActionInAnAllowStatementIsAWildcardActionError() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> {
            s.remove("Action");
            s.add("NotAction", array("kms:PutKeyPolicy"));
        })));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_WILDCARD_ACTION,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "NotAction must not be used in an Allow statement: it grants every action not listed; received: "
                        + "\"kms:PutKeyPolicy\""));
    }

    @Test
    void denyStatementsAreNotCheckedForWhatTheyGrant() {
        var report = lint(b -> b.rolePolicyJson(append(ROLE_POLICY, object("""
                {"Sid":"DenyEverythingElse","Effect":"Deny","NotAction":"kms:Decrypt","NotResource":"*"}"""))));
        assertThat(report.findings()).isEmpty();
    }

    // --- AIK002 resource ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"*", "arn:aws:kms:us-east-1:123456789012:key/*",
            "arn:aws:kms:us-east-1:123456789012:alias/aiDataKey", KEY_ID,
            "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000"})
    void rolePolicyResourceOtherThanTheKeyArnIsAnError(String resource) {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Resource",
                array(KEY_ARN, resource)))));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Resource must be exactly the key ARN \"" + KEY_ARN + "\"; received: \"" + resource + "\""));
    }

    @Test
    void rolePolicyMayNameTheReplicasOfAMultiRegionKeyAndNothingElse() {
        var replica = "arn:aws:kms:eu-west-1:123456789012:key/" + KEY_ID;
        var other = "arn:aws:kms:ap-southeast-2:123456789012:key/" + KEY_ID;
        assertThat(lint(b -> b.replicaKeyArns(List.of(replica)).rolePolicyJson(editFirst(ROLE_POLICY,
                s -> s.add("Resource", array(KEY_ARN, replica))))).findings()).isEmpty();
        assertThat(lint(b -> b.replicaKeyArns(List.of(replica)).rolePolicyJson(editFirst(ROLE_POLICY,
                s -> s.add("Resource", array(KEY_ARN, replica, other))))).findings())
                .containsExactly(error(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, PolicyLint.ROLE_POLICY,
                        "UseKeyForAiData", "Resource must be exactly the ARNs of the key and its replicas [\""
                                + KEY_ARN + "\", \"" + replica + "\"]; received: \"" + other + "\""));
        assertThat(lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Resource",
                array(KEY_ARN, replica))))).findings()).hasSize(1);
    }

    @Test
    void rolePolicyWildcardResourceIsAnErrorWhileTheKeyArnIsUnknown() {
        var report = lint(b -> b.keyArn(null)
                .rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Resource", array("*", KEY_ARN)))));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Resource must be the key ARN, never a wildcard; received: \"*\""));
    }

    @Test
    void rolePolicyResourceIsOnlyCheckedForWildcardsWhileTheKeyArnIsUnknown() {
        var report = lint(b -> b.keyArn(null).rolePolicyJson(editFirst(ROLE_POLICY,
                s -> s.addProperty("Resource", "arn:aws:kms:us-east-1:123456789012:alias/aiDataKey"))));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void rolePolicyStatementWithoutResourceIsAnError() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.remove("Resource"))));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Resource must be exactly the key ARN \"" + KEY_ARN + "\"; received: no Resource"));
    }

    @Test
    void rolePolicyWithNotResourceInAnAllowStatementIsAnError() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> {
            s.remove("Resource");
            s.addProperty("NotResource", KEY_ARN);
        })));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "NotResource must not be used in an Allow statement: it grants every resource not listed"
                        + "; received: \"" + KEY_ARN + "\""));
    }

    // --- AIK003 key management ----------------------------------------------------------------------------------

    @Test
    void rolePolicyGrantingKeyManagementActionsIsAnError() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Action", array(
                "kms:Decrypt", "kms:PutKeyPolicy", "kms:scheduleKeyDeletion", "kms:DisableKey", "kms:ListKeys")))));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_KEY_MANAGEMENT_ACTION,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Action must not grant key-management or account-level actions to the data role; received: "
                        + "[\"kms:PutKeyPolicy\", \"kms:scheduleKeyDeletion\", \"kms:DisableKey\", \"kms:ListKeys\"]"));
    }

    @Test
    void rolePolicyGrantingCreateGrantWithoutGrantIsForAwsResourceIsAnError() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Action",
                array("kms:Decrypt", "kms:CreateGrant")))));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_KEY_MANAGEMENT_ACTION,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Action must not grant key-management or account-level actions to the data role (kms:CreateGrant"
                        + " only with the condition {\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}); received: "
                        + "\"kms:CreateGrant\""));
    }

    @Test
    void rolePolicyGrantingCreateGrantForAwsResourcesOnlyIsAllowed() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> {
            s.add("Action", array("kms:Decrypt", "kms:CreateGrant"));
            s.add("Condition", object("{\"Bool\":{\"kms:GrantIsForAWSResource\":true}}"));
        })));
        assertThat(report.findings()).isEmpty();
    }

    // --- AIK004 root delegation ---------------------------------------------------------------------------------

    @Test
    void keyPolicyWithoutTheAccountRootDelegationIsAnError() {
        var report = lint(b -> b.keyPolicyJson(editFirst(KEY_POLICY, s -> s.add("Principal",
                object("{\"AWS\":\"arn:aws:iam::123456789012:role/admin\"}")))));
        assertThat(report.findings()).containsExactly(error(LintRule.KEY_POLICY_MISSING_ROOT_DELEGATION,
                PolicyLint.KEY_POLICY, null,
                "Key policy must keep the statement that allows Principal {\"AWS\": "
                        + "\"arn:aws:iam::123456789012:root\"} Action \"kms:*\" on Resource \"*\" without a Condition:"
                        + " without it no IAM policy grants anything on the key, and the key can become"
                        + " unmanageable; received: no such statement among 1"));
    }

    @Test
    void keyPolicyRootDelegationOfAnotherAccountOrUnderAConditionDoesNotCount() {
        var otherRoot = lint(b -> b.keyPolicyJson(editFirst(KEY_POLICY, s -> s.add("Principal",
                object("{\"AWS\":\"arn:aws:iam::210987654321:root\"}")))));
        var conditioned = lint(b -> b.keyPolicyJson(editFirst(KEY_POLICY, s -> s.add("Condition",
                object("{\"StringEquals\":{\"aws:PrincipalTag/team\":\"ai\"}}")))));
        var otherPartition = lint(b -> b.partition("aws-us-gov"));
        assertThat(otherRoot.errors()).extracting(f -> f.rule().id()).containsExactly("AIK004");
        assertThat(conditioned.errors()).extracting(f -> f.rule().id()).containsExactly("AIK004");
        assertThat(otherPartition.errors()).extracting(f -> f.rule().id()).containsExactly("AIK004");
    }

    // --- AIK015 a Deny that locks the account root out -----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}",
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                    + "\"Action\":\"kms:putkeypolicy\",\"Resource\":\"*\"}",
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":\"kms:Put*\",\"Resource\":\"*\"}",
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"NotAction\":[\"kms:Decrypt\",\"kms:Encrypt\"],"
                    + "\"Resource\":\"*\"}",
            "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:role/platform-admin\"},"
                    + "\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\"}"})
    void keyPolicyDenyThatTakesPutKeyPolicyFromTheRootIsAnError(String deny) {
        var statement = object(deny);
        statement.addProperty("Sid", "Freeze");
        var report = lint(b -> b.keyPolicyJson(append(ADMIN_KEY_POLICY, statement)));
        assertThat(report.findings()).extracting(Finding::rule, Finding::statementSid).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LintRule.KEY_POLICY_DENY_LOCKS_OUT_ROOT, "Freeze"));
    }

    @Test
    void keyPolicyDenyThatLocksOutTheRootNamesThePrincipalAndTheActions() {
        var report = lint(b -> b.keyPolicyJson(append(KEY_POLICY, object("""
                {"Sid":"Freeze","Effect":"Deny","Principal":{"AWS":"*"},"Action":["kms:PutKeyPolicy",\
                "kms:ScheduleKeyDeletion"],"Resource":"*"}"""))));
        assertThat(report.findings()).containsExactly(error(LintRule.KEY_POLICY_DENY_LOCKS_OUT_ROOT,
                PolicyLint.KEY_POLICY, "Freeze",
                "Deny must not apply kms:PutKeyPolicy to the account root " + ROOT + " without a Condition: an"
                        + " explicit Deny overrides the root delegation, so nobody in the account could change the"
                        + " key policy again; received: Principal {\"AWS\":\"*\"}, Action"
                        + " [\"kms:PutKeyPolicy\", \"kms:ScheduleKeyDeletion\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a condition the lint does not evaluate: whom it leaves out is the author's decision
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/a\"}}}",
            // other actions only: a deletion guard
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:ScheduleKeyDeletion\",\"Resource\":\"*\"}",
            // the root is left out
            "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::123456789012:root\"]},"
                    + "\"Action\":\"kms:*\",\"Resource\":\"*\"}",
            // another principal only
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/intern\"},"
                    + "\"Action\":\"kms:*\",\"Resource\":\"*\"}",
            // NotAction that keeps PutKeyPolicy allowed
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"kms:Put*\",\"Resource\":\"*\"}"})
    void keyPolicyDenyThatLeavesTheRootItsPolicyIsNotALockout(String deny) {
        var report = lint(b -> b.keyPolicyJson(append(ADMIN_KEY_POLICY, object(deny))));
        assertThat(report.findings()).isEmpty();
    }

    // --- AIK005 / AIK006 wildcard principal ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "{\"AWS\":\"*\"}", "{\"AWS\":[\"arn:aws:iam::123456789012:role/x\",\"*\"]}"})
    void keyPolicyWithWildcardPrincipalWithoutConditionIsAnError(String principal) {
        var report = lint(b -> b.keyPolicyJson(edit(ADMIN_KEY_POLICY, "AllowKeyAdministration",
                s -> s.add("Principal", parse(principal)))));
        assertThat(report.findings()).containsExactly(error(LintRule.KEY_POLICY_WILDCARD_PRINCIPAL,
                PolicyLint.KEY_POLICY, "AllowKeyAdministration",
                "Principal must not be \"*\" unless a condition pins the caller's account or organization to a"
                        + " fixed value (aws:PrincipalAccount, aws:PrincipalOrgID, kms:CallerAccount,"
                        + " aws:SourceAccount, aws:SourceOrgID): any AWS account could use the key; received: "
                        + principal + " without a Condition"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"StringLike\":{\"aws:SourceAccount\":\"*\"}}",
            "{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}",
            "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"ai\"}}",
            "{\"StringEqualsIfExists\":{\"kms:CallerAccount\":\"123456789012\"}}",
            "{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"210987654321\"}}",
            "{\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}",
            "{\"Null\":{\"aws:PrincipalOrgID\":\"false\"}}",
            "{\"StringEquals\":{\"kms:CallerAccount\":\"${aws:PrincipalAccount}\"}}",
            "{\"StringEquals\":{\"kms:CallerAccount\":[\"123456789012\",\"*\"]}}"})
    void keyPolicyWildcardPrincipalUnderAConditionThatPinsNoAccountIsAnError(String condition) {
        var report = lint(b -> b.keyPolicyJson(edit(ADMIN_KEY_POLICY, "AllowKeyAdministration", s -> {
            s.add("Principal", parse("{\"AWS\":\"*\"}"));
            s.add("Condition", object(condition));
        })));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(LintRule.KEY_POLICY_WILDCARD_PRINCIPAL);
            assertThat(f.statementSid()).isEqualTo("AllowKeyAdministration");
            assertThat(f.message()).contains("; received: {\"AWS\":\"*\"} with only ");
        });
    }

    @Test
    void keyPolicyWildcardPrincipalFindingShowsTheConditionsThatDoNotCount() {
        var report = lint(b -> b.keyPolicyJson(edit(ADMIN_KEY_POLICY, "AllowKeyAdministration", s -> {
            s.addProperty("Principal", "*");
            s.add("Condition", object("{\"StringLike\":{\"aws:SourceAccount\":\"*\"}}"));
        })));
        assertThat(report.findings()).extracting(Finding::message).containsExactly(
                "Principal must not be \"*\" unless a condition pins the caller's account or organization to a"
                        + " fixed value (aws:PrincipalAccount, aws:PrincipalOrgID, kms:CallerAccount,"
                        + " aws:SourceAccount, aws:SourceOrgID): any AWS account could use the key; received: \"*\""
                        + " with only StringLike aws:SourceAccount \"*\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}",
            "{\"StringEquals\":{\"kms:CallerAccount\":\"123456789012\",\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}",
            "{\"StringEquals\":{\"AWS:PRINCIPALACCOUNT\":[\"123456789012\",\"210987654321\"]}}",
            "{\"StringEqualsIgnoreCase\":{\"aws:SourceOrgID\":\"o-abc123\"}}"})
    void keyPolicyWildcardPrincipalPinnedToAnAccountOrOrganizationIsAllowed(String condition) {
        var report = lint(b -> b.keyPolicyJson(edit(ADMIN_KEY_POLICY, "AllowKeyAdministration", s -> {
            s.add("Principal", parse("{\"AWS\":\"*\"}"));
            s.add("Condition", object(condition));
        })));
        assertThat(report.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "{\"AWS\":\"*\"}"})
    void trustPolicyWithWildcardPrincipalIsAnError(String principal) {
        var report = lint(b -> b.trustPolicyJson(edit(CROSS_ACCOUNT_TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole",
                s -> s.add("Principal", parse(principal)))));
        assertThat(report.findings()).containsExactly(error(LintRule.TRUST_POLICY_WILDCARD_PRINCIPAL,
                PolicyLint.TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole",
                "Principal must not be \"*\": anyone in any AWS account could assume the role; received: "
                        + principal));
    }

    // --- AIK007 confused deputy ---------------------------------------------------------------------------------

    @Test
    void trustedServiceWithoutSourceAccountIsAWarning() {
        var report = lint(b -> b.trustPolicyJson(edit(SERVICE_TRUST_POLICY, "TrustedServicesAssumeRole", s -> {
            s.remove("Condition");
            s.add("Principal", object("{\"Service\":[\"ec2.amazonaws.com\",\"sagemaker.amazonaws.com\"]}"));
        })));
        assertThat(report.findings()).containsExactly(warning(LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE,
                PolicyLint.TRUST_POLICY, "TrustedServicesAssumeRole",
                "Service principals should be bound to this account with an aws:SourceAccount or aws:SourceArn"
                        + " condition that must match a fixed value (confused deputy); received:"
                        + " \"sagemaker.amazonaws.com\" without a Condition"));
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2.amazonaws.com", "ec2.amazonaws.com.cn", "pods.eks.amazonaws.com"})
    void servicesWhoseTrustPolicyUsesNoSourceKeysAreNotFlagged(String service) {
        var report = lint(b -> b.trustPolicyJson(editFirst(TRUST_POLICY, s -> {
            s.add("Principal", object("{}"));
            s.getAsJsonObject("Principal").addProperty("Service", service);
            s.add("Action", array("sts:AssumeRole", "sts:TagSession"));
        })));
        assertThat(report.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}",
            "{\"ArnLike\":{\"AWS:SOURCEARN\":\"arn:aws:sagemaker:us-east-1:123456789012:*\"}}",
            "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:s3:::model-artifacts\"}}",
            "{\"StringLike\":{\"aws:SourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/*\"}}"})
    void trustedServiceWithSourceAccountOrSourceArnIsClean(String condition) {
        var report = lint(b -> b.trustPolicyJson(edit(SERVICE_TRUST_POLICY, "TrustedServicesAssumeRole",
                s -> s.add("Condition", object(condition)))));
        assertThat(report.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"123456789012\"}}",
            "{\"StringLike\":{\"aws:SourceAccount\":\"*\"}}",
            "{\"StringLike\":{\"aws:SourceAccount\":\"????????????\"}}",
            "{\"ArnLike\":{\"aws:SourceArn\":\"*\"}}",
            "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sagemaker:*:*:*\"}}",
            "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::*\"}}",
            "{\"StringNotEquals\":{\"aws:SourceAccount\":\"210987654321\"}}"})
    void trustedServiceSourceConditionThatMatchesAnyAccountDoesNotCount(String condition) {
        var report = lint(b -> b.trustPolicyJson(edit(SERVICE_TRUST_POLICY, "TrustedServicesAssumeRole",
                s -> s.add("Condition", object(condition)))));
        assertThat(report.warnings()).extracting(f -> f.rule().id()).containsExactly("AIK007");
    }

    // --- AIK008 cross-account -----------------------------------------------------------------------------------

    @Test
    void anotherAccountTrustedWithoutExternalIdIsAnError() {
        var report = lint(b -> b.trustPolicyJson(edit(CROSS_ACCOUNT_TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole",
                s -> {
                    s.remove("Condition");
                    s.add("Principal", object("{\"AWS\":[\"arn:aws:iam::123456789012:role/inference\","
                            + "\"arn:aws:iam::210987654321:root\",\"345678901234\"]}"));
                })));
        assertThat(report.findings()).containsExactly(error(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID,
                PolicyLint.TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole",
                "Principals of another account must be bound with an sts:ExternalId condition that must match a"
                        + " fixed value; received: [\"arn:aws:iam::210987654321:root\", \"345678901234\"] without a"
                        + " Condition"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"StringLike\":{\"sts:ExternalId\":\"*\"}}",
            "{\"StringEqualsIfExists\":{\"sts:ExternalId\":\"partner-7f3a\"}}",
            "{\"StringNotEquals\":{\"sts:ExternalId\":\"guess\"}}",
            "{\"StringEquals\":{\"sts:ExternalId\":\"${aws:username}\"}}"})
    void anotherAccountTrustedWithAnExternalIdConditionThatMatchesAnythingIsAnError(String condition) {
        var report = lint(b -> b.trustPolicyJson(edit(CROSS_ACCOUNT_TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole",
                s -> s.add("Condition", object(condition)))));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK008");
        assertThat(report.errors().get(0).message()).contains("; received: \"arn:aws:iam::210987654321:root\" with only ")
                .doesNotContain("without");
    }

    @Test
    void anotherAccountTrustedWithExternalIdIsClean() {
        var report = lint(b -> b.trustPolicyJson(CROSS_ACCOUNT_TRUST_POLICY));
        assertThat(statement(CROSS_ACCOUNT_TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole").toString())
                .contains("210987654321", "sts:ExternalId");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void principalsOfTheStacksOwnAccountNeedNoExternalId() {
        var report = lint(b -> b.trustPolicyJson(append(TRUST_POLICY, object("""
                {"Sid":"Own","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root",\
                "arn:aws:iam::123456789012:role/inference"]},"Action":"sts:AssumeRole"}"""))));
        assertThat(report.findings()).isEmpty();
    }

    // --- AIK009 ForAllValues on the encryption context ----------------------------------------------------------

    static final String FOR_ALL_VALUES_WITHOUT_NULL_CHECK = "Condition ForAllValues on kms:EncryptionContextKeys"
            + " also matches a request with no encryption context at all; add {\"Null\": {\"kms:EncryptionContextKeys\":"
            + " \"false\"}} (or require a kms:EncryptionContext:<key>) to the statement; received:"
            + " ForAllValues:StringEquals on kms:EncryptionContextKeys without it";

    @Test
    void forAllValuesOnAnEncryptionContextKeyIsAnError() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Condition", object("""
                {"ForAllValues:StringEquals":{"kms:EncryptionContext:purpose":"ai-output",\
                "kms:EncryptionContextKeys":["purpose"]}}""")))));
        assertThat(report.findings()).containsExactly(error(LintRule.FOR_ALL_VALUES_ON_ENCRYPTION_CONTEXT,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                "Condition must not use ForAllValues with kms:EncryptionContext:<key>, which is single-valued (it"
                        + " also matches a request without that context); use StringEquals, and ForAllValues only"
                        + " with kms:EncryptionContextKeys; received: ForAllValues:StringEquals on"
                        + " kms:EncryptionContext:purpose"),
                error(LintRule.FOR_ALL_VALUES_WITHOUT_NULL_CHECK, PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                        FOR_ALL_VALUES_WITHOUT_NULL_CHECK));
    }

    // --- AIK016 ForAllValues without the Null check ------------------------------------------------------------

    @Test
    void forAllValuesOnEncryptionContextKeysWithoutTheNullCheckIsAnError() {
        var report = lint(b -> b.rolePolicyJson(edit(CONTEXT_KEYS_ROLE_POLICY, "UseKeyForAiData",
                s -> s.getAsJsonObject("Condition").remove("Null"))));
        assertThat(report.findings()).containsExactly(error(LintRule.FOR_ALL_VALUES_WITHOUT_NULL_CHECK,
                PolicyLint.ROLE_POLICY, "UseKeyForAiData", FOR_ALL_VALUES_WITHOUT_NULL_CHECK));
    }

    @Test
    void forAllValuesOnEncryptionContextKeysWithTheNullCheckAsRenderedIsClean() {
        assertThat(statement(CONTEXT_KEYS_ROLE_POLICY, "UseKeyForAiData").getAsJsonObject("Condition").keySet())
                .containsExactly("ForAllValues:StringEquals", "Null");
        var report = lint(b -> b.rolePolicyJson(CONTEXT_KEYS_ROLE_POLICY));
        assertThat(report.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Null\":{\"kms:EncryptionContextKeys\":\"true\"}}",
            "{\"Null\":{\"aws:PrincipalTag/team\":\"false\"}}",
            "{\"StringEqualsIfExists\":{\"kms:EncryptionContext:purpose\":\"ai-output\"}}",
            "{\"StringNotEquals\":{\"kms:EncryptionContext:purpose\":\"other\"}}"})
    void forAllValuesOnEncryptionContextKeysWithAGuardThatPassesWithoutContextIsAnError(String guard) {
        var report = lint(b -> b.rolePolicyJson(edit(CONTEXT_KEYS_ROLE_POLICY, "UseKeyForAiData", s -> {
            var condition = s.getAsJsonObject("Condition");
            condition.remove("Null");
            object(guard).entrySet().forEach(e -> condition.add(e.getKey(), e.getValue()));
        })));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK016");
    }

    @Test
    void forAllValuesOnEncryptionContextKeysInADenyStatementIsNotFlagged() {
        var report = lint(b -> b.rolePolicyJson(append(ROLE_POLICY, object("""
                {"Sid":"DenyOtherContexts","Effect":"Deny","Action":"kms:Decrypt","Resource":"*",\
                "Condition":{"ForAllValues:StringNotEquals":{"kms:EncryptionContextKeys":"purpose"}}}"""))));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void encryptionContextBoundAsAWSRecommendsIsClean() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.add("Condition", object("""
                {"StringEquals":{"kms:EncryptionContext:purpose":"ai-output"},\
                "ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["purpose"]}}""")))));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void forAllValuesOnAnEncryptionContextKeyIsAnErrorInTheKeyPolicyToo() {
        var report = lint(b -> b.keyPolicyJson(append(KEY_POLICY, object("""
                {"Sid":"Use","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/x"},\
                "Action":"kms:Decrypt","Resource":"*",\
                "Condition":{"forallvalues:StringLike":{"KMS:EncryptionContext:tenant":"a*"}}}"""))));
        assertThat(report.findings()).extracting(Finding::rule, Finding::document, Finding::statementSid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LintRule.FOR_ALL_VALUES_ON_ENCRYPTION_CONTEXT,
                        PolicyLint.KEY_POLICY, "Use"));
    }

    // --- AIK010 / AIK011 / AIK012 sizes -------------------------------------------------------------------------

    /** The document padded with spaces after its opening brace until it is {@code length} characters long. */
    static String paddedTo(String document, int length) {
        return "{" + " ".repeat(length - document.length()) + document.substring(1);
    }

    /** The document with an {@code Id} element whose value makes it {@code length} non-whitespace characters. */
    static String grownTo(String document, int length) {
        var tree = JsonParser.parseString(document).getAsJsonObject();
        tree.addProperty("Id", "");
        var base = GSON.toJson(tree).length();
        tree.addProperty("Id", "x".repeat(length - base));
        var grown = GSON.toJson(tree);
        assertThat(grown).hasSize(length).doesNotContainAnyWhitespaces();
        return grown;
    }

    @Test
    void keyPolicyOver32768BytesIsAnError() {
        var report = lint(b -> b.keyPolicyJson(paddedTo(KEY_POLICY, 32_769)));
        assertThat(report.findings()).containsExactly(error(LintRule.KEY_POLICY_TOO_LARGE, PolicyLint.KEY_POLICY,
                null, "Key policy must be at most 32768 bytes (UTF-8); received: 32769 bytes"));
        assertThat(lint(b -> b.keyPolicyJson(paddedTo(KEY_POLICY, 32_768))).findings()).isEmpty();
    }

    @Test
    void keyPolicySizeCountsUtf8BytesNotCharacters() {
        var tree = JsonParser.parseString(KEY_POLICY).getAsJsonObject();
        tree.addProperty("Id", "\u00e9".repeat(16_384)); // 2 bytes each
        var report = lint(b -> b.keyPolicyJson(GSON.toJson(tree)));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK010");
    }

    @Test
    void roleInlinePolicyOver10240CharactersIsAnError() {
        var report = lint(b -> b.rolePolicyJson(grownTo(ROLE_POLICY, 10_241)));
        assertThat(report.findings()).containsExactly(error(LintRule.ROLE_POLICY_TOO_LARGE, PolicyLint.ROLE_POLICY,
                null, "Role inline policy must be at most 10240 characters, whitespace excluded; received: 10241"
                        + " characters"));
        assertThat(lint(b -> b.rolePolicyJson(grownTo(ROLE_POLICY, 10_240))).findings()).isEmpty();
    }

    @Test
    void whitespaceDoesNotCountTowardsTheIamLimits() {
        var report = lint(b -> b.rolePolicyJson(paddedTo(ROLE_POLICY, 20_000))
                .trustPolicyJson(paddedTo(TRUST_POLICY, 5_000)));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void trustPolicyOver2048CharactersIsAnError() {
        var report = lint(b -> b.trustPolicyJson(grownTo(TRUST_POLICY, 2_049)));
        assertThat(report.findings()).containsExactly(error(LintRule.TRUST_POLICY_TOO_LARGE, PolicyLint.TRUST_POLICY,
                null, "Trust policy must be at most 2048 characters, whitespace excluded (the default IAM quota)"
                        + "; received: 2049 characters"));
        assertThat(lint(b -> b.trustPolicyJson(grownTo(TRUST_POLICY, 2_048))).findings()).isEmpty();
    }

    // --- AIK013 rotation ----------------------------------------------------------------------------------------

    @Test
    void rotationOffIsAWarning() {
        var report = lint(b -> b.rotationEnabled(false));
        assertThat(report.findings()).containsExactly(warning(LintRule.ROTATION_DISABLED, PolicyLint.KEY, null,
                "Automatic key rotation should be on; received: rotation disabled"));
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.findings().get(0)).hasToString("WARNING AIK013 [key] Automatic key rotation should be on;"
                + " received: rotation disabled (mirrors Security Hub KMS.4, checkov CKV_AWS_7, trivy AVD-AWS-0065;"
                + " related: CIS AWS Foundations Benchmark)");
    }

    // --- AIK000 malformed ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"Version\":\"2012-10-17\",}", "{Version:\"2012-10-17\"}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[]} trailing"})
    void documentThatIsNotAJsonObjectIsMalformed(String json) {
        var report = lint(b -> b.trustPolicyJson(json));
        assertThat(report.findings()).extracting(Finding::rule, Finding::document, Finding::statementSid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LintRule.MALFORMED_DOCUMENT,
                        PolicyLint.TRUST_POLICY, null));
    }

    @Test
    void documentWithoutStatementIsMalformed() {
        var report = lint(b -> b.rolePolicyJson("{\"Version\":\"2012-10-17\"}"));
        assertThat(report.findings()).containsExactly(error(LintRule.MALFORMED_DOCUMENT, PolicyLint.ROLE_POLICY, null,
                "Statement must be an object or an array of objects; received: no Statement"));
    }

    @Test
    void statementOutsideThePolicyGrammarIsMalformedNotGuessedAt() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> {
            s.addProperty("Effect", "allow");
            s.add("Resources", s.remove("Resource"));
        })));
        assertThat(report.findings()).containsExactly(
                error(LintRule.MALFORMED_DOCUMENT, PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                        "Statement may only have the elements Sid, Effect, Principal, NotPrincipal, Action,"
                                + " NotAction, Resource, NotResource, Condition; received: \"Resources\""),
                error(LintRule.MALFORMED_DOCUMENT, PolicyLint.ROLE_POLICY, "UseKeyForAiData",
                        "Effect must be \"Allow\" or \"Deny\"; received: \"allow\""));
    }

    @Test
    void statementWithoutSidIsNamedByItsPosition() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> {
            s.remove("Sid");
            s.add("Action", arrayWithNumber("kms:Decrypt", 7));
        })));
        assertThat(report.findings()).containsExactly(error(LintRule.MALFORMED_DOCUMENT, PolicyLint.ROLE_POLICY,
                "Statement[0]", "Action must be a string or an array of strings; received: [\"kms:Decrypt\",7]"));
    }

    @Test
    void statementWithoutSidIsNamedByItsPositionInTheDocumentEvenAfterAMalformedOneIsLeftOut() {
        var tree = JsonParser.parseString(KEY_POLICY).getAsJsonObject();
        var statements = new JsonArray();
        statements.add(object("{\"Effect\":\"allow\",\"Principal\":{\"AWS\":\"" + ROOT
                + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"));
        statements.addAll(tree.getAsJsonArray("Statement"));
        statements.add(object("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\"}"));
        tree.add("Statement", statements);
        assertThat(statements.size()).isEqualTo(3);

        var report = lint(b -> b.keyPolicyJson(GSON.toJson(tree)));

        assertThat(report.findings()).containsExactly(
                error(LintRule.MALFORMED_DOCUMENT, PolicyLint.KEY_POLICY, "Statement[0]",
                        "Effect must be \"Allow\" or \"Deny\"; received: \"allow\""),
                error(LintRule.KEY_POLICY_WILDCARD_PRINCIPAL, PolicyLint.KEY_POLICY, "Statement[2]",
                        "Principal must not be \"*\" unless a condition pins the caller's account or organization"
                                + " to a fixed value (aws:PrincipalAccount, aws:PrincipalOrgID, kms:CallerAccount,"
                                + " aws:SourceAccount, aws:SourceOrgID): any AWS account could use the key;"
                                + " received: \"*\" without a Condition"));
    }

    static JsonArray arrayWithNumber(String first, int second) {
        var array = array(first);
        array.add(second);
        return array;
    }

    @Test
    void singleStatementObjectIsReadLikeAnArrayOfOne() {
        var tree = JsonParser.parseString(ROLE_POLICY).getAsJsonObject();
        JsonElement only = tree.getAsJsonArray("Statement").get(0);
        only.getAsJsonObject().addProperty("Resource", "*");
        tree.add("Statement", only);
        var report = lint(b -> b.rolePolicyJson(GSON.toJson(tree)));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK002");
    }

    // --- report -------------------------------------------------------------------------------------------------

    @Test
    void findingReadsAsOneLineWithTheChecksItIsRelatedTo() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.addProperty("Resource", "*"))));
        assertThat(report.findings().get(0)).hasToString("ERROR AIK002 [rolePolicy/UseKeyForAiData] Resource must"
                + " be exactly the key ARN \"" + KEY_ARN + "\"; received: \"*\" (related: Security Hub KMS.2,"
                + " checkov CKV_AWS_289, checkov CKV_AWS_290, checkov CKV_AWS_355)");
    }

    @Test
    void findingOfARuleWithoutScannerChecksNamesNone() {
        var report = lint(b -> b.keyPolicyJson(editFirst(KEY_POLICY, s -> s.add("Condition",
                object("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")))));
        assertThat(report.findings().get(0).toString()).startsWith("ERROR AIK004 [keyPolicy] ")
                .endsWith("; received: no such statement among 1");
    }

    @Test
    void summaryListsEveryErrorOnePerLineAndLeavesWarningsOut() {
        var report = lint(b -> b.rotationEnabled(false)
                .rolePolicyJson(editFirst(ROLE_POLICY, s -> {
                    s.addProperty("Action", "kms:*");
                    s.addProperty("Resource", "*");
                }))
                .trustPolicyJson(editFirst(TRUST_POLICY, s -> s.addProperty("Principal", "*"))));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK006", "AIK001", "AIK002");
        assertThat(report.warnings()).extracting(f -> f.rule().id()).containsExactly("AIK013");
        assertThat(report.summary()).isEqualTo(String.join("\n",
                "Policy lint found 3 errors:",
                report.errors().get(0).toString(),
                report.errors().get(1).toString(),
                report.errors().get(2).toString()));
        assertThat(report.summary().lines()).hasSize(4);
    }

    @Test
    void summaryOfOneErrorSaysError() {
        var report = lint(b -> b.trustPolicyJson(editFirst(TRUST_POLICY, s -> s.addProperty("Principal", "*"))));
        assertThat(report.summary()).startsWith("Policy lint found 1 error:\nERROR AIK006 [trustPolicy/");
    }
}
