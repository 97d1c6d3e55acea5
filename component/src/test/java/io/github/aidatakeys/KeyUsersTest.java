package io.github.aidatakeys;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import io.github.aidatakeys.support.Stacks;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.github.aidatakeys.support.Stacks.runForSageMaker;
import static io.github.aidatakeys.support.Json.parse;
import static io.github.aidatakeys.support.Json.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code keyUsers}, {@code keyServiceUsers} and {@code kms:CreateGrant}: each statement they add to the key policy
 * (and to the role policy) compared whole, and every bad value refused with the argument, the rule and the value.
 */
class KeyUsersTest {
    static final String KEY_ARN = Stacks.KEY_ARN;
    static final String INFERENCE = "arn:aws:iam::123456789012:role/ml/inference-reader";
    static final String PARTNER = "210987654321";
    static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline:*";

    static String keyPolicy(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args) {
        var result = runForSageMaker(args);
        assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
        return String.valueOf(result.outputs().get("keyPolicy"));
    }

    /** The key policy statements after the root delegation. */
    static List<Object> added(String keyPolicy) {
        var statements = parse(keyPolicy).getAsJsonObject().getAsJsonArray("Statement");
        assertThat(statements.get(0)).isEqualTo(Stacks.rootStatement());
        var out = new ArrayList<Object>();
        for (int i = 1; i < statements.size(); i++) {
            out.add(statements.get(i));
        }
        return out;
    }

    static List<Object> statements(String... json) {
        return Arrays.stream(json).map(j -> (Object) parse(j)).toList();
    }

    static void fails(UnaryOperator<EncryptedAiDataKeyArgs.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(EncryptedAiDataKeyArgs.builder().aliasName("k")
                .allowedServices(AwsService.SAGEMAKER)).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    static void failsAtDeployment(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args, String message) {
        Stacks.refusedAtDeployment(runForSageMaker(args), IllegalArgumentException.class, message);
    }

    // ------------------------------------------------------------------ rendered statements

    @Test
    void withoutKeyUsersTheKeyPolicyIsUnchanged() {
        assertThat(parse(keyPolicy(b -> b))).isEqualTo(parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + Stacks.rootStatement() + "]}"));
    }

    @Test
    void aRoleUserGetsOneStatementWithItsExplicitActionsOnThisKey() {
        var policy = keyPolicy(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY).build()));
        assertThat(added(policy)).containsExactlyElementsOf(statements("""
                {"Sid":"KeyUser123456789012InferenceReader","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:role/ml/inference-reader"},
                 "Action":["kms:Decrypt","kms:DescribeKey"],"Resource":"*"}"""));
    }

    @Test
    void anAccountUserIsItsRootAndItsConditionsBindOnlyTheCryptographicActions() {
        var policy = keyPolicy(b -> b.keyUsers(KeyUser.builder(PARTNER).access(KeyAccess.DECRYPT_ONLY)
                .encryptionContext(Map.of("dataset", "embeddings")).encryptionContextKeys("dataset")
                .viaServices(ViaService.S3).build()));
        assertThat(added(policy)).containsExactlyElementsOf(statements("""
                {"Sid":"KeyUserAccount210987654321","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"kms:Decrypt","Resource":"*",
                 "Condition":{"StringEquals":{"kms:EncryptionContext:dataset":"embeddings",
                                              "kms:ViaService":"s3.us-east-1.amazonaws.com",
                                              "kms:CallerAccount":"210987654321"},
                              "ForAllValues:StringEquals":{"kms:EncryptionContextKeys":"dataset"},
                              "Null":{"kms:EncryptionContextKeys":"false"}}}""", """
                {"Sid":"KeyUserAccount210987654321DescribeKey","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"kms:DescribeKey","Resource":"*"}"""));
    }

    @Test
    void attachedStorageGivesAKeyUserCreateGrantOnlyForAwsResourcesInAStatementOfItsOwn() {
        var policy = keyPolicy(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.ATTACHED_STORAGE)
                .viaServices(ViaService.SAGEMAKER).build()));
        assertThat(added(policy)).containsExactlyElementsOf(statements("""
                {"Sid":"KeyUser123456789012InferenceReader","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:role/ml/inference-reader"},
                 "Action":["kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo",
                           "kms:GenerateDataKeyWithoutPlaintext"],
                 "Resource":"*",
                 "Condition":{"StringEquals":{"kms:ViaService":"sagemaker.us-east-1.amazonaws.com",
                                              "kms:CallerAccount":"123456789012"}}}""", """
                {"Sid":"KeyUser123456789012InferenceReaderDescribeKey","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:role/ml/inference-reader"},
                 "Action":"kms:DescribeKey","Resource":"*"}""", """
                {"Sid":"KeyUser123456789012InferenceReaderAwsResourceGrants","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:role/ml/inference-reader"},
                 "Action":"kms:CreateGrant","Resource":"*",
                 "Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}"""));
    }

    @Test
    void cloudWatchLogsIsItsRegionalPrincipalBoundToTheLogGroupsContext() {
        var policy = keyPolicy(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, LOG_GROUP)));
        assertThat(added(policy)).containsExactlyElementsOf(statements("""
                {"Sid":"KeyServiceCloudWatchLogs","Effect":"Allow",
                 "Principal":{"Service":"logs.us-east-1.amazonaws.com"},
                 "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                           "kms:GenerateDataKeyWithoutPlaintext","kms:DescribeKey"],
                 "Resource":"*",
                 "Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":
                     "arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline:*"}}}"""));
    }

    @Test
    void bedrockIsBoundToThisAccountAndItsJobs() {
        var jobs = "arn:aws:bedrock:us-east-1:123456789012:evaluation-job/*";
        var policy = keyPolicy(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.BEDROCK, jobs)));
        assertThat(added(policy)).containsExactlyElementsOf(statements("""
                {"Sid":"KeyServiceBedrock","Effect":"Allow","Principal":{"Service":"bedrock.amazonaws.com"},
                 "Action":["kms:Decrypt","kms:GenerateDataKey","kms:DescribeKey"],"Resource":"*",
                 "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                              "ArnLike":{"aws:SourceArn":"arn:aws:bedrock:us-east-1:123456789012:evaluation-job/*"}}}"""));
    }

    @Test
    void inChinaTheLogsPrincipalHasTheChinaSuffix() {
        var result = runForSageMaker(new AwsMocks("123456789012", "cn-north-1", "aws-cn"), b -> b
                .keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                        "arn:aws-cn:logs:cn-north-1:123456789012:log-group:pipeline")));
        var policy = result.outputs().get("keyPolicy");
        assertThat(statement(policy, 0)).isEqualTo(parse(String.valueOf(Stacks.rootStatement())
                .replace("arn:aws:iam", "arn:aws-cn:iam")));
        assertThat(statement(policy, 1).getAsJsonObject().get("Principal"))
                .isEqualTo(parse("{\"Service\":\"logs.cn-north-1.amazonaws.com.cn\"}"));
    }

    @Test
    void keyUsersComeAfterTheAdministratorsAndServicesLast() {
        var admin = "arn:aws:iam::123456789012:role/key-admin";
        var policy = parse(keyPolicy(b -> b.keyAdministratorArns(admin)
                .keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, LOG_GROUP))
                .keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY).build())));
        var sids = new ArrayList<String>();
        policy.getAsJsonObject().getAsJsonArray("Statement")
                .forEach(s -> sids.add(s.getAsJsonObject().get("Sid").getAsString()));
        assertThat(sids).containsExactly("EnableIamPoliciesForAccount", "AllowKeyAdministration",
                "KeyUser123456789012InferenceReader", "KeyServiceCloudWatchLogs");
    }

    @Test
    void createGrantForTheDataRoleIsAlwaysBoundToAwsResources() {
        var policy = runForSageMaker(b -> b.keyActions(KeyAction.DECRYPT, KeyAction.DESCRIBE_KEY, KeyAction.CREATE_GRANT))
                .outputs().get("rolePolicy");
        assertThat(parse(policy)).isEqualTo(parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"UseKeyForAiData","Effect":"Allow","Action":["kms:Decrypt","kms:DescribeKey"],"Resource":"%s"},
                 {"Sid":"CreateGrantsForAwsResources","Effect":"Allow","Action":"kms:CreateGrant","Resource":"%s",
                  "Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}]}""".formatted(KEY_ARN, KEY_ARN)));
    }

    @Test
    void createGrantIsNotBoundToTheDataRolesEncryptionContextOrServices() {
        var policy = runForSageMaker(b -> b.keyAccess(KeyAccess.ATTACHED_STORAGE).viaServices(ViaService.SAGEMAKER)
                .encryptionContext(Map.of("dataset", "x"))).outputs().get("rolePolicy");
        assertThat(statement(policy, 2)).isEqualTo(parse("""
                {"Sid":"CreateGrantsForAwsResources","Effect":"Allow","Action":"kms:CreateGrant","Resource":"%s",
                 "Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}""".formatted(KEY_ARN)));
    }

    @Test
    void theDefaultAccessStillNeverGrantsCreateGrant() {
        assertThat(KeyAccess.ENCRYPT_DECRYPT.actions()).doesNotContain(KeyAction.CREATE_GRANT);
        assertThat(String.valueOf(runForSageMaker(b -> b).outputs().get("rolePolicy"))).doesNotContain("CreateGrant");
    }

    @Test
    void createGrantForAReplicatedKeyNamesEveryKeyOfTheSetAndReplicasCarryTheKeyUsers() {
        var result = Stacks.run(b -> Stacks.replicated().apply(b)
                .keyActions(KeyAction.DECRYPT, KeyAction.CREATE_GRANT)
                .keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY).build()));
        assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
        var grant = statement(result.outputs().get("rolePolicy"), 1).getAsJsonObject();
        assertThat(grant.get("Sid").getAsString()).isEqualTo("CreateGrantsForAwsResources");
        assertThat(grant.get("Condition")).isEqualTo(parse("{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}"));
        var resources = new ArrayList<String>();
        grant.getAsJsonArray("Resource").forEach(r -> resources.add(r.getAsString()));
        assertThat(resources).containsExactlyInAnyOrder(Stacks.PRIMARY_ARN, Stacks.EU_ARN, Stacks.AP_ARN);
        assertThat(result.resourcesOfType("aws:kms/replicaKey:ReplicaKey")).isNotEmpty().allSatisfy(replica ->
                assertThat(String.valueOf(replica.input("policy"))).contains("\"KeyUser123456789012InferenceReader\""));
    }

    // ------------------------------------------------------------------ bad input, refused by build()

    @Test
    void aWildcardPrincipalIsRefused() {
        fails(b -> b.keyUsers(KeyUser.builder("*").access(KeyAccess.DECRYPT_ONLY).build()),
                "keyUsers[0].principal must not be '*' (any AWS principal could use the key); received: \"*\"");
        fails(b -> b.keyUsers(KeyUser.builder("arn:aws:iam::123456789012:role/*").access(KeyAccess.DECRYPT_ONLY)
                .build()), "keyUsers[0].principal must not contain wildcards; received: "
                + "\"arn:aws:iam::123456789012:role/*\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "arn:aws:iam::123456789012:user/alice", "arn:aws:sts::123456789012:role/x",
            "inference"})
    void aPrincipalMustBeARoleOrAnAccount(String principal) {
        fails(b -> b.keyUsers(KeyUser.builder(principal).access(KeyAccess.DECRYPT_ONLY).build()),
                "keyUsers[0].principal must be an IAM role ARN of the form arn:<partition>:iam::<12-digit account id>"
                        + ":role/[<path>/]<name>, a 12-digit account id or arn:<partition>:iam::<account id>:root; "
                        + "received: \"" + principal + "\"");
    }

    @Test
    void aKeyUserMayNotManageTheKey() {
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).actions(List.of("kms:Decrypt", "kms:PutKeyPolicy")).build()),
                "keyUsers[0].actions[1] must not be a key-management or account-level action; a key user may only "
                        + "use the key (name administrators in keyAdministratorArns); received: \"kms:PutKeyPolicy\"");
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).actions(List.of("kms:*")).build()),
                "keyUsers[0].actions[0] must be an explicit action, not a wildcard; received: \"kms:*\"");
    }

    @Test
    void exactlyOneOfAccessAndActions() {
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).build()),
                "keyUsers[0] must give exactly one of access (a preset) and actions; received: neither");
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY).actions(KeyAction.DECRYPT)
                .build()), "keyUsers[0] must give exactly one of access (a preset) and actions; received: "
                + "access=DECRYPT_ONLY and actions=[\"kms:Decrypt\"]");
    }

    @Test
    void anUnknownPresetIsRefusedWithTheKnownOnes() {
        var fromAnotherLanguage = PropertyValueSerializer.deserialize(
                PropertyValue.of(Map.of(
                        "principal", PropertyValue.of(INFERENCE),
                        "access", PropertyValue.of("READ_ONLY"))),
                KeyUser.class);
        assertThat(fromAnotherLanguage.principal()).isEqualTo(INFERENCE);
        fails(b -> b.keyUsers(fromAnotherLanguage), "keyUsers[0].access must be one of ENCRYPT_DECRYPT, "
                + "DECRYPT_ONLY, ENCRYPT_ONLY, ATTACHED_STORAGE; received: \"READ_ONLY\"");
    }

    @Test
    void aPrincipalMayNotBeNamedTwiceAlsoByCaseOrAsAccountAndRoot() {
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY).build(),
                        KeyUser.builder("arn:aws:iam::123456789012:role/ml/Inference-Reader")
                                .access(KeyAccess.ENCRYPT_ONLY).build()),
                "keyUsers must not name a principal twice (compared ignoring case, an account id and its root ARN "
                        + "being the same), but [0] and [1] do; received: [\"" + INFERENCE + "\", \""
                        + "arn:aws:iam::123456789012:role/ml/Inference-Reader\"]");
        fails(b -> b.keyUsers(KeyUser.builder(PARTNER).access(KeyAccess.DECRYPT_ONLY).build(),
                        KeyUser.builder("arn:aws:iam::" + PARTNER + ":root").access(KeyAccess.DECRYPT_ONLY).build()),
                "keyUsers must not name a principal twice (compared ignoring case, an account id and its root ARN "
                        + "being the same), but [0] and [1] do; received: [\"210987654321\", "
                        + "\"arn:aws:iam::210987654321:root\"]");
    }

    @Test
    void conditionsWithoutACryptographicActionAreRefused() {
        assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.SAGEMAKER)
                .keyUsers(KeyUser.builder(INFERENCE).actions(KeyAction.DESCRIBE_KEY)
                        .encryptionContext(Map.of("dataset", "x")).build()).build())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("keyUsers[0] sets encryption-context or via-service conditions but grants no cryptographic "
                        + "action for them to bind; received: keyUsers[0].actions=[\"kms:DescribeKey\"]");
    }

    /**
     * kms:EncryptionContextKeys is compared with StringEquals: a required context key spelled otherwise than the
     * allowed one would deny every call of the user, so it is refused, as for the data role.
     */
    @Test
    void aKeyUsersContextKeyMustBeAllowedSpelledExactlyAlike() {
        assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.SAGEMAKER)
                .keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY)
                        .encryptionContext(Map.of("Dataset", "embeddings")).encryptionContextKeys("dataset").build())
                .build())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("keyUsers[0].encryptionContext requires the key \"Dataset\" that "
                        + "keyUsers[0].encryptionContextKeys does not allow; received: "
                        + "keyUsers[0].encryptionContextKeys=[\"dataset\"]");
    }

    @Test
    void aKeyUsersContextKeysMustNotDifferOnlyInCase() {
        var context = new LinkedHashMap<String, String>();
        context.put("dataset", "a");
        context.put("DATASET", "b");
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY).encryptionContext(context)
                        .build()),
                "keyUsers[0].encryptionContext must not hold keys that differ only in case, but \"dataset\" and "
                        + "\"DATASET\" do; received: {dataset=a, DATASET=b}");
    }

    @Test
    void aKeyUsersConditionsFollowTheDataRolesRules() {
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY)
                        .viaServices(List.of("s3.amazonaws.com")).build()),
                "keyUsers[0].viaServices[0] must be a service name such as 's3' or of the form "
                        + "<service>.<region>.amazonaws.com; received: \"s3.amazonaws.com\"");
        fails(b -> b.keyUsers(KeyUser.builder(INFERENCE).access(KeyAccess.DECRYPT_ONLY)
                        .encryptionContext(Map.of("", "x")).build()),
                "keyUsers[0].encryptionContext key must be 1 to 128 characters from A-Z, a-z, 0-9 and _.:/=+@-; "
                        + "received: \"\"");
    }

    @Test
    void aServiceUserNeedsAKnownServiceAndItsResources() {
        fails(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, List.of())),
                "keyServiceUsers[0].resourceArns must name at least one resource: a service principal is never given "
                        + "the key without a condition that pins it to its resources; received: []");
        fails(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, LOG_GROUP),
                        KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, LOG_GROUP.replace("pipeline", "eval"))),
                "keyServiceUsers must name each service at most once (list all its resources in one entry), but [0] "
                        + "and [1] are both CLOUDWATCH_LOGS; received: [\"CLOUDWATCH_LOGS\", \"CLOUDWATCH_LOGS\"]");
        var unknown = PropertyValueSerializer.deserialize(
                PropertyValue.of(Map.of(
                        "service", PropertyValue.of("S3"),
                        "resourceArns", PropertyValue.of(List.of(
                                PropertyValue.of(LOG_GROUP))))),
                KeyServiceUser.class);
        fails(b -> b.keyServiceUsers(unknown),
                "keyServiceUsers[0].service must be one of CLOUDWATCH_LOGS, BEDROCK; received: \"S3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "arn:aws:logs:us-east-1:*:log-group:x", "arn:aws:s3:us-east-1:123456789012:x",
            "arn:aws:logs:us-east-1:123456789012:destination:x", "arn:aws:logs:*:123456789012:log-group:x"})
    void aLogsResourceMustBeALogGroupArnWithoutWildcardAccountOrRegion(String arn) {
        fails(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, arn)),
                "keyServiceUsers[0].resourceArns[0] must be an ARN of the form arn:<partition>:logs:<region>:"
                        + "<12-digit account id>:log-group:<name> (wildcards only in the resource part); received: \""
                        + arn + "\"");
    }

    @Test
    void aServiceResourceMustNameMoreThanWildcards() {
        fails(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                        "arn:aws:logs:us-east-1:123456789012:log-group:*")),
                "keyServiceUsers[0].resourceArns[0] must name resources beyond wildcards (the service would be pinned "
                        + "to nothing); received: \"arn:aws:logs:us-east-1:123456789012:log-group:*\"");
    }

    @Test
    void theTypedFormsBuild() {
        assertThatCode(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.SAGEMAKER)
                .keyUsers(KeyUser.builder(INFERENCE).actions(KeyAction.DECRYPT, KeyAction.CREATE_GRANT).build())
                .keyServiceUsers(KeyServiceUser.of(KeyService.BEDROCK,
                        "arn:aws:bedrock:us-east-1:123456789012:evaluation-job/*"))
                .build()).doesNotThrowAnyException();
    }

    // ------------------------------------------------------------------ checks against the deployment

    @Test
    void aPrincipalOfAnotherPartitionFailsAndCreatesNothing() {
        failsAtDeployment(b -> b.keyUsers(KeyUser.builder("arn:aws-cn:iam::123456789012:role/x")
                        .access(KeyAccess.DECRYPT_ONLY).build()),
                "keyUsers[0].principal must be in the stack's partition aws (a key policy cannot name a principal of "
                        + "another partition); received: \"arn:aws-cn:iam::123456789012:role/x\"");
    }

    @Test
    void theStacksOwnAccountIsNotAKeyUser() {
        failsAtDeployment(b -> b.keyUsers(KeyUser.builder("123456789012")
                        .access(KeyAccess.DECRYPT_ONLY).build()),
                "keyUsers[0].principal must not be the stack's own account 123456789012: the key policy already lets "
                        + "its IAM policies grant use of the key; name the role instead; received: \"123456789012\"");
    }

    @Test
    void aServiceMayOnlyUseTheKeyForThisAccountsResourcesInThisRegion() {
        failsAtDeployment(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                        "arn:aws:logs:us-east-1:210987654321:log-group:theirs")),
                "keyServiceUsers[0].resourceArns[0] must be in the stack's partition, region and account (aws, "
                        + "us-east-1, 123456789012): the service is pinned to this account's resources; received: "
                        + "\"arn:aws:logs:us-east-1:210987654321:log-group:theirs\"");
        failsAtDeployment(b -> b.keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                        "arn:aws:logs:eu-west-1:123456789012:log-group:x")),
                "keyServiceUsers[0].resourceArns[0] must be in the stack's partition, region and account (aws, "
                        + "us-east-1, 123456789012): the service is pinned to this account's resources; received: "
                        + "\"arn:aws:logs:eu-west-1:123456789012:log-group:x\"");
    }

    @Test
    void tooManyKeyUsersFailBeforeDeployNamingTheUsersToGroup() {
        var users = new ArrayList<KeyUser>();
        for (int i = 0; i < 120; i++) {
            users.add(KeyUser.builder("arn:aws:iam::123456789012:role/readers/evaluation-reader-with-a-long-name-" + i)
                    .access(i % 2 == 0 ? KeyAccess.DECRYPT_ONLY : KeyAccess.ENCRYPT_ONLY)
                    .viaServices(ViaService.S3).build());
        }
        var result = runForSageMaker(b -> b.keyUsers(users));
        assertThat(result.failure()).get().satisfies(e -> assertThat(e)
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyUsers must keep the key policy within 32768 bytes (the KMS limit), but it "
                        + "would be ")
                .hasMessageContaining(" bytes; group the users that share access and conditions behind one role "
                        + "each, or name their account once and grant the use in that account's IAM: [0], [2], [4], ")
                .hasMessageContaining(" share DECRYPT_ONLY, via [s3]; [1], [3], [5], ")
                .hasMessageContaining(" share ENCRYPT_ONLY, via [s3]; received: 120 key users"));
        Stacks.noChildRegistered(result);
    }

    @Test
    void existingDocumentsDoNotChangeWithoutTheNewArguments() {
        var result = runForSageMaker(b -> b.keyAccess(KeyAccess.ENCRYPT_DECRYPT));
        assertThat(parse(result.outputs().get("rolePolicy"))).isEqualTo(parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"UseKeyForAiData","Effect":"Allow",
                 "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                   "kms:GenerateDataKeyWithoutPlaintext","kms:GenerateDataKeyPair",
                   "kms:GenerateDataKeyPairWithoutPlaintext","kms:DescribeKey"],"Resource":"%s"}]}"""
                .formatted(KEY_ARN)));
    }
}
