package io.github.aidatakeys.lint;

import org.junit.jupiter.api.Test;

import static io.github.aidatakeys.support.LintFixtures.KEY_POLICY;
import static io.github.aidatakeys.support.LintFixtures.append;
import static io.github.aidatakeys.support.LintFixtures.error;
import static io.github.aidatakeys.support.LintFixtures.lint;
import static io.github.aidatakeys.support.LintFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

/** AIK017 and AIK018: service principals and key users in the key policy. */
class KeyPolicyUsersLintTest {
    static final String LOGS = """
            {"Sid":"KeyServiceCloudWatchLogs","Effect":"Allow","Principal":{"Service":"logs.us-east-1.amazonaws.com"},
             "Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*"%s}""";

    static LintReport withStatement(String statement) {
        return lint(b -> b.keyPolicyJson(append(KEY_POLICY, object(statement))));
    }

    // --- AIK017 ---------------------------------------------------------------------------------------------------

    @Test
    void aServicePrincipalWithoutAConditionIsAnError() {
        assertThat(withStatement(LOGS.formatted("")).findings()).containsExactly(error(
                LintRule.KEY_POLICY_SERVICE_WITHOUT_CONDITION, PolicyLint.KEY_POLICY, "KeyServiceCloudWatchLogs",
                "Service principals must be pinned to this account's resources with an aws:SourceArn or a"
                        + " kms:EncryptionContext:<key> ARN condition of account 123456789012 (or such a pattern and"
                        + " aws:SourceAccount); received: \"logs.us-east-1.amazonaws.com\" without either"));
    }

    @Test
    void aServicePrincipalPinnedOnlyToTheAccountIsAnError() {
        var report = withStatement(LOGS.formatted(
                ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}"));
        assertThat(report.findings()).extracting(Finding::rule)
                .containsExactly(LintRule.KEY_POLICY_SERVICE_WITHOUT_CONDITION);
    }

    @Test
    void aServicePrincipalPinnedToAnotherAccountsLogGroupIsAnError() {
        var report = withStatement(LOGS.formatted(",\"Condition\":{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":"
                + "\"arn:aws:logs:us-east-1:210987654321:log-group:x\"}}"));
        assertThat(report.findings()).extracting(Finding::message).containsExactly(
                "Service principals must be pinned to this account's resources with an aws:SourceArn or a"
                        + " kms:EncryptionContext:<key> ARN condition of account 123456789012 (or such a pattern and"
                        + " aws:SourceAccount); received: \"logs.us-east-1.amazonaws.com\" bound to"
                        + " \"arn:aws:logs:us-east-1:210987654321:log-group:x\"");
    }

    @Test
    void theConditionsTheComponentRendersPass() {
        assertThat(withStatement(LOGS.formatted(",\"Condition\":{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":"
                + "\"arn:aws:logs:us-east-1:123456789012:log-group:/ml/*\"}}")).findings()).isEmpty();
        assertThat(withStatement("""
                {"Sid":"KeyServiceBedrock","Effect":"Allow","Principal":{"Service":"bedrock.amazonaws.com"},
                 "Action":"kms:Decrypt","Resource":"*",
                 "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                              "ArnLike":{"aws:SourceArn":"arn:aws:bedrock:us-east-1:*:evaluation-job/*"}}}""")
                .findings()).isEmpty();
    }

    @Test
    void anIfExistsConditionDoesNotPinAService() {
        var report = withStatement(LOGS.formatted(",\"Condition\":{\"ArnLikeIfExists\":{\"aws:SourceArn\":"
                + "\"arn:aws:bedrock:us-east-1:123456789012:x/*\"}}"));
        assertThat(report.findings()).extracting(Finding::rule)
                .containsExactly(LintRule.KEY_POLICY_SERVICE_WITHOUT_CONDITION);
    }

    // --- AIK018 ---------------------------------------------------------------------------------------------------

    @Test
    void aKeyUserThatCanAlsoManageTheKeyIsAnError() {
        var report = withStatement("""
                {"Sid":"KeyUserX","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                 "Action":["kms:Decrypt","kms:PutKeyPolicy"],"Resource":"*"}""");
        assertThat(report.findings()).containsExactly(error(LintRule.KEY_POLICY_USER_MANAGES_KEY,
                PolicyLint.KEY_POLICY, "KeyUserX", "Action must not let a principal that uses the key also manage it"
                        + " (name administrators in their own statement), and kms:CreateGrant only with the condition"
                        + " {\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}; received: \"kms:PutKeyPolicy\""));
    }

    @Test
    void createGrantWithoutGrantIsForAwsResourceIsAnErrorInTheKeyPolicyToo() {
        var report = withStatement("""
                {"Sid":"KeyUserX","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                 "Action":"kms:CreateGrant","Resource":"*"}""");
        assertThat(report.findings()).extracting(Finding::rule, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LintRule.KEY_POLICY_USER_MANAGES_KEY, "Action must not let a"
                        + " principal that uses the key also manage it (name administrators in their own statement),"
                        + " and kms:CreateGrant only with the condition {\"Bool\": {\"kms:GrantIsForAWSResource\":"
                        + " \"true\"}}; received: \"kms:CreateGrant\""));
        assertThat(withStatement("""
                {"Sid":"KeyUserX","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                 "Action":"kms:CreateGrant","Resource":"*",
                 "Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}""").findings()).isEmpty();
    }

    @Test
    void administratorsWhoManageButDoNotUseTheKeyPass() {
        assertThat(withStatement("""
                {"Sid":"AllowKeyAdministration","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:role/admin"},
                 "Action":["kms:DescribeKey","kms:PutKeyPolicy","kms:ListGrants","kms:RevokeGrant"],"Resource":"*"}""")
                .findings()).isEmpty();
    }
}
