package io.github.aidatakeys.lint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the lint, on the component's default documents and on documents crafted to break it. */
class PolicyLintTest {
    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0";
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** What the component renders by default: the root statement only. */
    static final String KEY_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"EnableIamPoliciesForAccount","Effect":"Allow",\
            "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}""";
    /** What the component renders for {@code allowedServices(AwsService.EC2)}. */
    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"TrustedServicesAssumeRole","Effect":"Allow",\
            "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    /** What the component renders by default: nine explicit actions on the key ARN. */
    static final String ROLE_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"UseKeyForAiData","Effect":"Allow",\
            "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",\
            "kms:GenerateDataKeyWithoutPlaintext","kms:GenerateDataKeyPair",\
            "kms:GenerateDataKeyPairWithoutPlaintext","kms:DescribeKey"],\
            "Resource":"arn:aws:kms:us-east-1:123456789012:key/5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0"}]}""";

    static LintInput.Builder defaults() {
        return LintInput.builder()
                .keyPolicyJson(KEY_POLICY)
                .trustPolicyJson(TRUST_POLICY)
                .rolePolicyJson(ROLE_POLICY)
                .keyArn(KEY_ARN)
                .accountId(ACCOUNT)
                .partition("aws")
                .rotationEnabled(true);
    }

    static LintReport lint(UnaryOperator<LintInput.Builder> change) {
        return PolicyLint.lint(change.apply(defaults()).build());
    }

    /** The document with its first statement changed, rendered through Gson. */
    static String editFirst(String document, Consumer<JsonObject> change) {
        var tree = JsonParser.parseString(document).getAsJsonObject();
        change.accept(tree.getAsJsonArray("Statement").get(0).getAsJsonObject());
        return GSON.toJson(tree);
    }

    /** The document with one more statement. */
    static String append(String document, JsonObject statement) {
        var tree = JsonParser.parseString(document).getAsJsonObject();
        tree.getAsJsonArray("Statement").add(statement);
        return GSON.toJson(tree);
    }

    static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static JsonArray array(String... values) {
        var array = new JsonArray();
        for (var value : values) {
            array.add(value);
        }
        return array;
    }

    static Finding error(LintRule rule, String document, String sid, String message) {
        return new Finding(rule, Severity.ERROR, document, sid, message, null);
    }

    static Finding warning(LintRule rule, String document, String sid, String message) {
        return new Finding(rule, Severity.WARNING, document, sid, message, null);
    }

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
        var report = lint(b -> b.partition("aws-cn").accountId(ACCOUNT)
                .keyPolicyJson(editFirst(KEY_POLICY, s -> s.add("Principal",
                        object("{\"AWS\":\"arn:aws-cn:iam::123456789012:root\"}"))))
                .trustPolicyJson(editFirst(TRUST_POLICY, s -> s.add("Principal",
                        object("{\"Service\":\"ec2.amazonaws.com.cn\"}"))))
                .keyArn(null));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void componentDocumentsWithEveryOptionSetHaveNoFindings() {
        var report = lint(b -> b
                .keyPolicyJson(append(KEY_POLICY, object("""
                        {"Sid":"AllowKeyAdministration","Effect":"Allow",\
                        "Principal":{"AWS":"arn:aws:iam::123456789012:role/platform-admin"},\
                        "Action":["kms:CancelKeyDeletion","kms:PutKeyPolicy","kms:ScheduleKeyDeletion"],\
                        "Resource":"*"}""")))
                .trustPolicyJson("""
                        {"Version":"2012-10-17","Statement":[\
                        {"Sid":"TrustedServicesAssumeRole","Effect":"Allow",\
                        "Principal":{"Service":["sagemaker.amazonaws.com","bedrock.amazonaws.com"]},\
                        "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},\
                        "ArnLike":{"aws:SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:*"}}},\
                        {"Sid":"TrustedInstanceServicesAssumeRole","Effect":"Allow",\
                        "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},\
                        {"Sid":"EksPodIdentityAssumeRole","Effect":"Allow",\
                        "Principal":{"Service":"pods.eks.amazonaws.com"},\
                        "Action":["sts:AssumeRole","sts:TagSession"]},\
                        {"Sid":"TrustedAwsPrincipalsAssumeRole","Effect":"Allow",\
                        "Principal":{"AWS":["arn:aws:iam::210987654321:root","arn:aws:iam::123456789012:role/x"]},\
                        "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"partner-7f3a"}}},\
                        {"Sid":"TrustedWebIdentityAssumeRole","Effect":"Allow",\
                        "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},\
                        "Action":"sts:AssumeRoleWithWebIdentity","Condition":{\
                        "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},\
                        "StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/repo:*"}}}]}""")
                .rolePolicyJson("""
                        {"Version":"2012-10-17","Statement":[{"Sid":"UseKeyForAiData","Effect":"Allow",\
                        "Action":["kms:Encrypt","kms:Decrypt","kms:GenerateDataKey"],\
                        "Resource":"arn:aws:kms:us-east-1:123456789012:key/5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0",\
                        "Condition":{"StringEquals":{"kms:EncryptionContext:purpose":"ai-output",\
                        "kms:ViaService":"s3.us-east-1.amazonaws.com","kms:CallerAccount":"123456789012"},\
                        "ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["purpose"]},\
                        "Null":{"kms:EncryptionContextKeys":"false"}}},\
                        {"Sid":"DescribeKey","Effect":"Allow","Action":"kms:DescribeKey",\
                        "Resource":"arn:aws:kms:us-east-1:123456789012:key/5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0"}]}\
                        """));
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
            "arn:aws:kms:us-east-1:123456789012:alias/aiDataKey", "5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0",
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
        var replica = "arn:aws:kms:eu-west-1:123456789012:key/5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0";
        var other = "arn:aws:kms:ap-southeast-2:123456789012:key/5f7b4a29-a59f-3ec8-ab7d-4bacf7e9c8e0";
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

    // --- AIK005 / AIK006 wildcard principal ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "{\"AWS\":\"*\"}", "{\"AWS\":[\"arn:aws:iam::123456789012:role/x\",\"*\"]}"})
    void keyPolicyWithWildcardPrincipalWithoutConditionIsAnError(String principal) {
        var statement = object("""
                {"Sid":"Anyone","Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}""");
        statement.add("Principal", JsonParser.parseString(principal));
        var report = lint(b -> b.keyPolicyJson(append(KEY_POLICY, statement)));
        assertThat(report.findings()).containsExactly(error(LintRule.KEY_POLICY_WILDCARD_PRINCIPAL,
                PolicyLint.KEY_POLICY, "Anyone",
                "Principal must not be \"*\" without a Condition: any AWS account could use the key; received: "
                        + principal));
    }

    @Test
    void keyPolicyWithWildcardPrincipalUnderAConditionIsAllowed() {
        var report = lint(b -> b.keyPolicyJson(append(KEY_POLICY, object("""
                {"Sid":"OrganizationOnly","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt",\
                "Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}"""))));
        assertThat(report.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "{\"AWS\":\"*\"}"})
    void trustPolicyWithWildcardPrincipalIsAnError(String principal) {
        var report = lint(b -> b.trustPolicyJson(editFirst(TRUST_POLICY, s -> {
            s.add("Principal", JsonParser.parseString(principal));
            s.add("Condition", object("{\"StringEquals\":{\"sts:ExternalId\":\"abc\"}}"));
        })));
        assertThat(report.findings()).containsExactly(error(LintRule.TRUST_POLICY_WILDCARD_PRINCIPAL,
                PolicyLint.TRUST_POLICY, "TrustedServicesAssumeRole",
                "Principal must not be \"*\": anyone in any AWS account could assume the role; received: "
                        + principal));
    }

    // --- AIK007 confused deputy ---------------------------------------------------------------------------------

    @Test
    void trustedServiceWithoutSourceAccountIsAWarning() {
        var report = lint(b -> b.trustPolicyJson(editFirst(TRUST_POLICY, s -> s.add("Principal",
                object("{\"Service\":[\"ec2.amazonaws.com\",\"sagemaker.amazonaws.com\"]}")))));
        assertThat(report.findings()).containsExactly(warning(LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE,
                PolicyLint.TRUST_POLICY, "TrustedServicesAssumeRole",
                "Service principals should be bound to this account with an aws:SourceAccount or aws:SourceArn"
                        + " condition (confused deputy); received: \"sagemaker.amazonaws.com\" without either"));
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
            "{\"ArnLike\":{\"AWS:SOURCEARN\":\"arn:aws:sagemaker:us-east-1:123456789012:*\"}}"})
    void trustedServiceWithSourceAccountOrSourceArnIsClean(String condition) {
        var report = lint(b -> b.trustPolicyJson(editFirst(TRUST_POLICY, s -> {
            s.add("Principal", object("{\"Service\":\"sagemaker.amazonaws.com\"}"));
            s.add("Condition", object(condition));
        })));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void trustedServiceSourceConditionThatPassesWhenAbsentDoesNotCount() {
        var report = lint(b -> b.trustPolicyJson(editFirst(TRUST_POLICY, s -> {
            s.add("Principal", object("{\"Service\":\"lambda.amazonaws.com\"}"));
            s.add("Condition", object("{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"123456789012\"}}"));
        })));
        assertThat(report.warnings()).extracting(f -> f.rule().id()).containsExactly("AIK007");
    }

    // --- AIK008 cross-account -----------------------------------------------------------------------------------

    @Test
    void anotherAccountTrustedWithoutExternalIdIsAnError() {
        var report = lint(b -> b.trustPolicyJson(append(TRUST_POLICY, object("""
                {"Sid":"TrustedAwsPrincipalsAssumeRole","Effect":"Allow","Principal":{"AWS":[\
                "arn:aws:iam::123456789012:role/inference","arn:aws:iam::210987654321:root","345678901234"]},\
                "Action":"sts:AssumeRole"}"""))));
        assertThat(report.findings()).containsExactly(error(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID,
                PolicyLint.TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole",
                "Principals of another account must be bound with an sts:ExternalId condition; received: "
                        + "[\"arn:aws:iam::210987654321:root\", \"345678901234\"] without one"));
    }

    @Test
    void anotherAccountTrustedWithExternalIdIsClean() {
        var report = lint(b -> b.trustPolicyJson(append(TRUST_POLICY, object("""
                {"Sid":"TrustedAwsPrincipalsAssumeRole","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::210987654321:role/partner"},"Action":"sts:AssumeRole",\
                "Condition":{"StringEquals":{"sts:ExternalId":"partner-7f3a"}}}"""))));
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
                        + " kms:EncryptionContext:purpose"));
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
                + " received: rotation disabled (mirrors Security Hub KMS.4, CIS AWS Foundations, checkov CKV_AWS_7)");
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
            s.add("Action", array("kms:Decrypt", 7));
        })));
        assertThat(report.findings()).containsExactly(error(LintRule.MALFORMED_DOCUMENT, PolicyLint.ROLE_POLICY,
                "Statement[0]", "Action must be a string or an array of strings; received: [\"kms:Decrypt\",7]"));
    }

    static JsonArray array(String first, int second) {
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
    void findingReadsAsOneLineWithTheChecksItMirrors() {
        var report = lint(b -> b.rolePolicyJson(editFirst(ROLE_POLICY, s -> s.addProperty("Resource", "*"))));
        assertThat(report.findings().get(0)).hasToString("ERROR AIK002 [rolePolicy/UseKeyForAiData] Resource must"
                + " be exactly the key ARN \"" + KEY_ARN + "\"; received: \"*\" (mirrors Security Hub KMS.1,"
                + " Security Hub KMS.2, checkov CKV_AWS_355, trivy AVD-AWS-0057)");
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
