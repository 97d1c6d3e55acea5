package io.github.aidatakeys;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every rule the arguments enforce, checked by the builder without the Pulumi engine. Each message names the
 * argument, the rule and the value received.
 */
class EncryptedAiDataKeyArgsTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/inference";

    static EncryptedAiDataKeyArgs.Builder valid() {
        return EncryptedAiDataKeyArgs.builder().aliasName("alias/ai-data").allowedServices(AwsService.EC2);
    }

    static void fails(UnaryOperator<EncryptedAiDataKeyArgs.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void minimalArgumentsBuild() {
        assertThatCode(() -> valid().build()).doesNotThrowAnyException();
    }

    @Nested
    @DisplayName("aliasName")
    class AliasName {
        @Test
        void isRequired() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().allowedServices(AwsService.EC2).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("aliasName is required; received: null");
        }

        @Test
        void mustNotBeEmpty() {
            fails(b -> b.aliasName(""), "aliasName must name an alias after the 'alias/' prefix; received: \"\"");
        }

        @Test
        void mustNotBeOnlyThePrefix() {
            fails(b -> b.aliasName("alias/"),
                    "aliasName must name an alias after the 'alias/' prefix; received: \"alias/\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"alias/aws/s3", "ALIAS/AWS/x", "alias/AWS/kms", "aws/bedrock"})
        void mustNotUseTheAwsReservedPrefixInAnyCase(String name) {
            fails(b -> b.aliasName(name), "aliasName must not start with 'alias/aws/' in any case "
                    + "(reserved for AWS managed keys); received: \"" + name + "\"");
        }

        @Test
        void mustSpellThePrefixInLowerCase() {
            fails(b -> b.aliasName("Alias/ai-data"),
                    "aliasName must spell the 'alias/' prefix in lower case; received: \"Alias/ai-data\"");
        }

        @Test
        void bareNameGetsThePrefix() {
            assertThatCode(() -> valid().aliasName("ai-data").build()).doesNotThrowAnyException();
        }

        @Test
        void mustBeAtMost256CharactersWithThePrefix() {
            var name = "alias/" + "a".repeat(251);
            fails(b -> b.aliasName(name), "aliasName must be at most 256 characters including the 'alias/' "
                    + "prefix; received: \"" + name.substring(0, 80) + "...\" (257 characters)");
            assertThatCode(() -> valid().aliasName("alias/" + "a".repeat(250)).build()).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"alias/ai data", "alias/ai.data", "alias/ai:data", "alias/é"})
        void allowsOnlyLettersDigitsSlashUnderscoreAndHyphen(String name) {
            fails(b -> b.aliasName(name),
                    "aliasName may contain only letters, digits, '/', '_' and '-'; received: \"" + name + "\"");
        }
    }

    @Nested
    @DisplayName("rotation")
    class Rotation {
        @ParameterizedTest
        @ValueSource(ints = {0, 89, 2561, -1})
        void periodMustBeBetween90And2560Days(int days) {
            fails(b -> b.rotationPeriodInDays(days),
                    "rotationPeriodInDays must be between 90 and 2560 days; received: " + days);
        }

        @ParameterizedTest
        @ValueSource(ints = {90, 365, 2560})
        void periodAcceptsTheBounds(int days) {
            assertThatCode(() -> valid().rotationPeriodInDays(days).build()).doesNotThrowAnyException();
        }

        @Test
        void periodSetWhileRotationIsOffIsAConflict() {
            assertThatThrownBy(() -> valid().enableKeyRotation(false).rotationPeriodInDays(400).build())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("rotationPeriodInDays is set while enableKeyRotation is false; turn rotation on "
                            + "or leave the period unset; received: rotationPeriodInDays=400, enableKeyRotation=false");
        }
    }

    @Nested
    @DisplayName("deletionWindowInDays")
    class DeletionWindow {
        @ParameterizedTest
        @ValueSource(ints = {0, 6, 31, 365})
        void mustBeBetween7And30Days(int days) {
            fails(b -> b.deletionWindowInDays(days),
                    "deletionWindowInDays must be between 7 and 30 days; received: " + days);
        }

        @ParameterizedTest
        @ValueSource(ints = {7, 30})
        void acceptsTheBounds(int days) {
            assertThatCode(() -> valid().deletionWindowInDays(days).build()).doesNotThrowAnyException();
        }
    }

    @Test
    void descriptionMustBeAtMost8192Characters() {
        var text = "d".repeat(8193);
        fails(b -> b.description(text), "description must be at most 8192 characters; received: \""
                + "d".repeat(80) + "...\" (8193 characters)");
    }

    @Nested
    @DisplayName("principals")
    class Principals {
        @Test
        void atLeastOnePrincipalIsRequired() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("a").build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("allowedServices, allowedAccountIds, allowedRoleArns and webIdentityProviderArn must "
                            + "name at least one principal that may assume the data role; received: none");
        }

        @Test
        void emptyListsNameNoPrincipal() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("a")
                    .allowedServices(List.of()).allowedRoleArns(List.of()).build())
                    .hasMessageEndingWith("received: none");
        }

        @Test
        void serviceMustNotBeAWildcard() {
            fails(b -> b.allowedServices("*"),
                    "allowedServices[0] must not be '*' (anyone could assume the role); received: \"*\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ec2", "ec2.amazonaws.org", "EC2.amazonaws.com", "ec2.amazonaws.com ", ".amazonaws.com"})
        void serviceMustBeALowerCaseAwsServicePrincipal(String service) {
            fails(b -> b.allowedServices(service), "allowedServices[0] must be a lower-case AWS service principal "
                    + "such as 'sagemaker.amazonaws.com' (ending in .amazonaws.com, or .amazonaws.com.cn in China); "
                    + "received: \"" + service + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ec2.amazonaws.com.cn", "sagemaker.amazonaws.com", "ecs-tasks.amazonaws.com"})
        void serviceAcceptsCommercialAndChinaForms(String service) {
            assertThatCode(() -> valid().allowedServices(service).build()).doesNotThrowAnyException();
        }

        @Test
        void servicesMustNotRepeat() {
            fails(b -> b.allowedServices("ec2.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com"),
                    "allowedServices must not contain duplicates (compared ignoring case), but [0] and [2] are the "
                            + "same; received: [\"ec2.amazonaws.com\", \"lambda.amazonaws.com\", \"ec2.amazonaws.com\"]");
        }

        @Test
        void serviceListMustNotHoldNull() {
            fails(b -> b.allowedServices(Arrays.asList("ec2.amazonaws.com", null)),
                    "allowedServices[1] must not be null; received: null");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234", "1234567890123", "12345678901a", "arn:aws:iam::123456789012:root"})
        void accountIdMustBe12Digits(String account) {
            fails(b -> b.allowedAccountIds(account),
                    "allowedAccountIds[0] must be a 12-digit AWS account id; received: \"" + account + "\"");
        }

        @Test
        void accountIdMustNotBeAWildcard() {
            fails(b -> b.allowedAccountIds("*"),
                    "allowedAccountIds[0] must not be '*' (anyone could assume the role); received: \"*\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "arn:aws:iam::12345678901:role/x",          // 11-digit account
                "arn:aws:iam::123456789012:role/",          // empty name
                "arn:awz:iam::123456789012:role/x",         // unknown partition
                "arn:aws:s3:::123456789012:role/x",         // wrong service
                "arn:aws:iam::123456789012:user/x",         // not a role
                "arn:aws:iam:us-east-1:123456789012:role/x", // IAM ARNs have no region
                "role/x"})
        void roleArnMustBeAnIamRoleArn(String arn) {
            fails(b -> b.allowedRoleArns(arn), "allowedRoleArns[0] must be an IAM role ARN of the form "
                    + "arn:<partition>:iam::<12-digit account id>:role/[<path>/]<name>; received: \"" + arn + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/ai-?"})
        void roleArnMustNotHoldWildcards(String arn) {
            fails(b -> b.allowedRoleArns(arn),
                    "allowedRoleArns[0] must not contain wildcards; received: \"" + arn + "\"");
        }

        @Test
        void roleArnsMustNotRepeatIgnoringCase() {
            fails(b -> b.allowedRoleArns(ROLE, ROLE.toUpperCase(Locale.ROOT).replace("ARN:AWS:IAM", "arn:aws:iam")
                            .replace(":ROLE/", ":role/")),
                    "allowedRoleArns must not contain duplicates (compared ignoring case), but [0] and [1] are the "
                            + "same; received: [\"" + ROLE + "\", \"arn:aws:iam::123456789012:role/INFERENCE\"]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"arn:aws-cn:iam::123456789012:role/x", "arn:aws-us-gov:iam::123456789012:role/a/b/c"})
        void roleArnAcceptsOtherPartitionsAndPaths(String arn) {
            assertThatCode(() -> valid().allowedRoleArns(arn).build()).doesNotThrowAnyException();
        }

        @Test
        void keyAdministratorMustBeARoleOrUserArn() {
            fails(b -> b.keyAdministratorArns("arn:aws:iam::123456789012:group/admins"),
                    "keyAdministratorArns[0] must be an IAM role or user ARN of the form arn:<partition>:iam::"
                            + "<12-digit account id>:role/[<path>/]<name> or :user/[<path>/]<name>; received: "
                            + "\"arn:aws:iam::123456789012:group/admins\"");
        }

        @Test
        void keyAdministratorMustNotBeAWildcard() {
            fails(b -> b.keyAdministratorArns("*"),
                    "keyAdministratorArns[0] must not be '*' (anyone could assume the role); received: \"*\"");
        }
    }

    @Nested
    @DisplayName("keyActions")
    class KeyActions {
        @Test
        void mustNameAtLeastOneAction() {
            fails(b -> b.keyActions(List.of()), "keyActions must name at least one action; received: []");
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "kms:*", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:Decrypt?"})
        void mustNotBeAWildcard(String action) {
            fails(b -> b.keyActions(action),
                    "keyActions[0] must be an explicit action, not a wildcard; received: \"" + action + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"s3:GetObject", "Decrypt", "iam:PassRole"})
        void mustBeAKmsAction(String action) {
            fails(b -> b.keyActions(action),
                    "keyActions[0] must be a KMS action (kms:<Action>); received: \"" + action + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:ListGrants",
                "kms:RevokeGrant", "kms:CreateKey", "kms:GenerateRandom", "kms:ListKeys", "kms:putkeypolicy"})
        void mustNotBeAKeyManagementOrAccountLevelAction(String action) {
            fails(b -> b.keyActions(action), "keyActions[0] must not be a key-management or account-level action; "
                    + "the data role may only use the key; received: \"" + action + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"kms:Sign", "kms:Verify", "kms:GenerateMac", "kms:VerifyMac", "kms:GetPublicKey"})
        void mustBeValidForASymmetricKey(String action) {
            fails(b -> b.keyActions(action), "keyActions[0] must be valid for a symmetric ENCRYPT_DECRYPT key; "
                    + "received: \"" + action + "\"");
        }

        @Test
        void mustBeAKnownAction() {
            fails(b -> b.keyActions("kms:Decypt"), "keyActions[0] must be one of kms:Encrypt, kms:Decrypt, "
                    + "kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext, "
                    + "kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext, kms:DescribeKey, "
                    + "kms:CreateGrant; received: \"kms:Decypt\"");
        }

        @Test
        void mustNotRepeat() {
            fails(b -> b.keyActions("kms:Decrypt", "kms:decrypt"), "keyActions must not contain duplicates "
                    + "(compared ignoring case), but [0] and [1] are the same; received: [\"kms:Decrypt\", \"kms:decrypt\"]");
        }

        @Test
        void presetRequiresAValue() {
            assertThatThrownBy(() -> valid().keyAccess(null))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("keyAccess is required; received: null");
        }

        @Test
        void presetsExpandToExplicitActions() {
            assertThat(KeyAccess.DECRYPT_ONLY.actions()).containsExactly(KeyAction.DECRYPT, KeyAction.DESCRIBE_KEY);
            assertThat(KeyAccess.ENCRYPT_ONLY.actions()).doesNotContain(KeyAction.DECRYPT,
                    KeyAction.RE_ENCRYPT_FROM, KeyAction.GENERATE_DATA_KEY_PAIR);
            assertThat(KeyAccess.ENCRYPT_DECRYPT.actions()).containsExactly(KeyAction.ENCRYPT, KeyAction.DECRYPT,
                    KeyAction.RE_ENCRYPT_FROM, KeyAction.RE_ENCRYPT_TO, KeyAction.GENERATE_DATA_KEY,
                    KeyAction.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, KeyAction.GENERATE_DATA_KEY_PAIR,
                    KeyAction.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, KeyAction.DESCRIBE_KEY);
            assertThat(KeyAccess.ATTACHED_STORAGE.actions()).containsExactly(KeyAction.DECRYPT,
                    KeyAction.RE_ENCRYPT_FROM, KeyAction.RE_ENCRYPT_TO, KeyAction.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT,
                    KeyAction.DESCRIBE_KEY, KeyAction.CREATE_GRANT);
        }

        @Test
        void actionNamesAreCaseInsensitive() {
            assertThat(KeyAction.fromActionName("KMS:DECRYPT")).contains(KeyAction.DECRYPT);
            assertThat(KeyAction.fromActionName("kms:Decypt")).isEmpty();
        }
    }

    @Nested
    @DisplayName("role")
    class RoleSettings {
        @ParameterizedTest
        @ValueSource(strings = {"", "has space", "slash/name",
                "x12345678901234567890123456789012345678901234567890123456789012345"})
        void nameMustBe1To64AllowedCharacters(String name) {
            fails(b -> b.roleName(name), "roleName must be 1 to 64 characters from A-Z, a-z, 0-9 and +=,.@_-; "
                    + "received: \"" + name + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ai", "no-trailing", "/no-trailing", "/has space/", "//x"})
        void pathMustStartAndEndWithSlash(String path) {
            fails(b -> b.rolePath(path), "rolePath must start and end with '/', be at most 512 characters and "
                    + "contain only printable ASCII without spaces or '*'; received: \"" + path + "\"");
        }

        @Test
        void pathMustBeAtMost512Characters() {
            var path = "/" + "p".repeat(511) + "/";
            assertThatThrownBy(() -> valid().rolePath(path).build())
                    .hasMessageStartingWith("rolePath must start and end with '/', be at most 512 characters")
                    .hasMessageEndingWith("(513 characters)");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 3599, 43201})
        void maxSessionDurationMustBeBetween3600And43200Seconds(int seconds) {
            fails(b -> b.roleMaxSessionDuration(seconds),
                    "roleMaxSessionDuration must be between 3600 and 43200 seconds; received: " + seconds);
        }

        @Test
        void permissionsBoundaryMustBeAManagedPolicyArn() {
            fails(b -> b.rolePermissionsBoundary("arn:aws:iam::123456789012:role/x"),
                    "rolePermissionsBoundary must be an IAM managed policy ARN of the form arn:<partition>:iam::"
                            + "<12-digit account id or aws>:policy/[<path>/]<name>; received: "
                            + "\"arn:aws:iam::123456789012:role/x\"");
        }

        @Test
        void awsManagedPolicyIsAcceptedAsBoundary() {
            assertThatCode(() -> valid().rolePermissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess").build())
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("encryption context")
    class EncryptionContext {
        @Test
        void keyMustNotBeEmpty() {
            fails(b -> b.encryptionContext(Map.of("", "x")), "encryptionContext key must be 1 to 128 characters "
                    + "from A-Z, a-z, 0-9 and _.:/=+@-; received: \"\"");
        }

        @Test
        void keyMustUseAllowedCharacters() {
            fails(b -> b.encryptionContext(Map.of("data set", "x")), "encryptionContext key must be 1 to 128 "
                    + "characters from A-Z, a-z, 0-9 and _.:/=+@-; received: \"data set\"");
        }

        @Test
        void keysMustNotDifferOnlyInCase() {
            var context = new java.util.LinkedHashMap<String, String>();
            context.put("dataset", "a");
            context.put("DataSet", "b");
            fails(b -> b.encryptionContext(context), "encryptionContext must not hold keys that differ only in "
                    + "case, but \"dataset\" and \"DataSet\" do; received: {dataset=a, DataSet=b}");
        }

        @Test
        void valueMustNotBeEmpty() {
            fails(b -> b.encryptionContext(Map.of("dataset", "")),
                    "encryptionContext[dataset] must be 1 to 256 characters; received: \"\"");
        }

        @Test
        void pinnedKeysMustNotRepeatIgnoringCase() {
            fails(b -> b.encryptionContextKeys("dataset", "DATASET"), "encryptionContextKeys must not contain "
                    + "duplicates (compared ignoring case), but [0] and [1] are the same; received: "
                    + "[\"dataset\", \"DATASET\"]");
        }

        @Test
        void requiredKeyMustBeAmongThePinnedKeys() {
            assertThatThrownBy(() -> valid().encryptionContext(Map.of("purpose", "training"))
                    .encryptionContextKeys("dataset").build())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("encryptionContext requires the key \"purpose\" that encryptionContextKeys does not "
                            + "allow; received: encryptionContextKeys=[\"dataset\"]");
        }
    }

    @Nested
    @DisplayName("viaServices")
    class ViaServices {
        @ParameterizedTest
        @ValueSource(strings = {"S3", "s3.amazonaws.com", "s3.us-east-1.amazonaws.org", "*", "s3.useast1.amazonaws.com"})
        void mustBeAServiceNameOrServiceRegionAmazonawsCom(String value) {
            fails(b -> b.viaServices(value), "viaServices[0] must be a service name such as 's3' or of the form "
                    + "<service>.<region>.amazonaws.com; received: \"" + value + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"s3", "s3.eu-west-1.amazonaws.com", "s3.cn-north-1.amazonaws.com.cn",
                "sagemaker.us-gov-west-1.amazonaws.com"})
        void acceptsShortAndFullForms(String value) {
            assertThatCode(() -> valid().viaServices(value).build()).doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("trust hardening")
    class TrustHardening {
        @ParameterizedTest
        @ValueSource(strings = {"x", "has space", "quote\"d"})
        void externalIdMustBe2To1224AllowedCharacters(String id) {
            fails(b -> b.allowedAccountIds("210987654321").externalId(id), "externalId must be 2 to 1224 "
                    + "characters from A-Z, a-z, 0-9 and +=,.@:/_-; received: \"" + id + "\"");
        }

        @Test
        void externalIdMayNotBeLongerThan1224Characters() {
            assertThatThrownBy(() -> valid().allowedAccountIds("210987654321").externalId("e".repeat(1225)).build())
                    .hasMessageEndingWith("(1225 characters)");
            assertThatCode(() -> valid().allowedAccountIds("210987654321").externalId("e".repeat(1224)).build())
                    .doesNotThrowAnyException();
        }

        @Test
        void externalIdAndItsWaiverConflict() {
            assertThatThrownBy(() -> valid().allowedAccountIds("210987654321").externalId("abc")
                    .crossAccountWithoutExternalId(true).build())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("externalId is set while crossAccountWithoutExternalId is true; keep one; "
                            + "received: externalId=\"abc\", crossAccountWithoutExternalId=true");
        }

        @Test
        void externalIdWithoutAnAwsPrincipalIsAConflict() {
            assertThatThrownBy(() -> valid().externalId("abc").build())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("externalId is set but neither allowedAccountIds nor allowedRoleArns names a principal "
                            + "that would present it; received: externalId=\"abc\"");
        }

        @Test
        void sourceArnsNeedAServiceThatSupportsThem() {
            assertThatThrownBy(() -> valid().sourceArns("arn:aws:ec2:us-east-1:123456789012:instance/*").build())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("sourceArns is set but no allowed service gets an aws:SourceArn condition (EC2 and "
                            + "EKS Pod Identity do not send it; a service waived with AIK007:<service> gets none); "
                            + "received: allowedServices=[\"ec2.amazonaws.com\"]");
        }

        @Test
        void sourceArnMustBeAnArnPattern() {
            fails(b -> b.allowedServices(AwsService.SAGEMAKER).sourceArns("training-job/*"), "sourceArns[0] must be "
                    + "an ARN pattern of the form arn:<partition>:<service>:<region>:<12-digit account id>:<resource> "
                    + "(wildcards allowed); received: \"training-job/*\"");
        }

        @Test
        void webIdentityProviderMustBeAnOidcProviderArn() {
            fails(b -> b.webIdentityProviderArn("arn:aws:iam::123456789012:saml-provider/x").webIdentitySubjects("s"),
                    "webIdentityProviderArn must be an IAM OIDC provider ARN of the form arn:<partition>:iam::"
                            + "<12-digit account id>:oidc-provider/<issuer host and path>; received: "
                            + "\"arn:aws:iam::123456789012:saml-provider/x\"");
        }

        @Test
        void webIdentityProviderNeedsSubjects() {
            fails(b -> b.webIdentityProviderArn("arn:aws:iam::123456789012:oidc-provider/token.actions.example.com"),
                    "webIdentitySubjects must name at least one token subject when webIdentityProviderArn is set "
                            + "(any subject of the provider could assume the role otherwise); received: []");
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "**", "?*", ":*", "*/*:*"})
        void webIdentitySubjectMustHaveALiteralPart(String subject) {
            fails(b -> b.webIdentityProviderArn("arn:aws:iam::123456789012:oidc-provider/token.actions.example.com")
                    .webIdentitySubjects(subject), "webIdentitySubjects[0] must have a literal part, not only "
                    + "wildcards and separators (every identity the provider issues tokens for could assume the role); "
                    + "received: \"" + subject + "\"");
        }

        @Test
        void webIdentitySubjectsWithoutProviderIsAConflict() {
            assertThatThrownBy(() -> valid().webIdentitySubjects("repo:org/app:ref:refs/heads/main").build())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("webIdentitySubjects is set without webIdentityProviderArn; received: "
                            + "webIdentitySubjects=[\"repo:org/app:ref:refs/heads/main\"]");
        }
    }

    @Nested
    @DisplayName("tags")
    class Tags {
        @Test
        void atMost50TagsIncludingTheDefaults() {
            var tags = new java.util.HashMap<String, String>();
            for (int i = 0; i < 49; i++) {
                tags.put("t" + i, "v");
            }
            fails(b -> b.tags(tags), "tags must hold at most 50 tags including the 2 defaults; received: 51 tags");
        }

        @Test
        void theLintWaiversTagCountsTowardsTheLimit() {
            var tags = new java.util.HashMap<String, String>();
            for (int i = 0; i < 48; i++) {
                tags.put("t" + i, "v");
            }
            assertThatCode(() -> valid().tags(tags).build()).doesNotThrowAnyException();
            fails(b -> b.tags(tags).enableKeyRotation(false).lintWaivers(Map.of("AIK013", "re-encrypted yearly")),
                    "tags must hold at most 50 tags including the 2 defaults and the LintWaivers tag; "
                            + "received: 51 tags");
        }

        @Test
        void keyMustBeAtMost128Characters() {
            var key = "k".repeat(129);
            assertThatThrownBy(() -> valid().tags(Map.of(key, "v")).build())
                    .hasMessageStartingWith("tags key must be 1 to 128 characters; received: \"kkkk");
        }

        @Test
        void valueMustBeAtMost256Characters() {
            assertThatThrownBy(() -> valid().tags(Map.of("team", "v".repeat(257))).build())
                    .hasMessageStartingWith("tags[team] must be at most 256 characters; received: \"vvv")
                    .hasMessageEndingWith("(257 characters)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"aws:team", "AWS:cost"})
        void keyMustNotUseTheAwsPrefix(String key) {
            fails(b -> b.tags(Map.of(key, "v")),
                    "tags key must not start with 'aws:' (reserved for AWS); received: \"" + key + "\"");
        }
    }

    @Test
    void lintWaiverNeedsAReason() {
        fails(b -> b.lintWaivers(Map.of("AIK001", " ")),
                "lintWaivers[AIK001] must give the reason for the waiver; received: \" \"");
    }

    /** Each argument is checked on its own as soon as it is known, whatever the others. */
    @Nested
    @DisplayName("validation per argument")
    class PerArgument {
        static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> knownBadArguments() {
            return java.util.stream.Stream.<UnaryOperator<EncryptedAiDataKeyArgs.Builder>>of(
                    b -> b.aliasName("alias/aws/x"),
                    b -> b.aliasName((String) null),
                    b -> b.deletionWindowInDays(3),
                    b -> b.rotationPeriodInDays(89),
                    b -> b.externalId("x"),
                    b -> b.allowedRoleArns("*"),
                    b -> b.keyActions("kms:*"),
                    b -> b.tags(Map.of("aws:team", "ml")),
                    b -> b.encryptionContext(Map.of("dataset", "")),
                    b -> b.lintWaivers(Map.of("AIK001", "because")))
                    .map(org.junit.jupiter.params.provider.Arguments::of);
        }

        /** An argument the bad ones do not touch, given as an output not known yet (as a resource's output is). */
        private static EncryptedAiDataKeyArgs.Builder withUnresolvedOutput(EncryptedAiDataKeyArgs.Builder b) {
            return b.rolePath(com.pulumi.core.Output.of(new java.util.concurrent.CompletableFuture<String>()));
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.MethodSource("knownBadArguments")
        void aKnownBadArgumentIsRefusedAtOnceEvenWhileAnotherIsAnUnresolvedOutput(
                UnaryOperator<EncryptedAiDataKeyArgs.Builder> bad) {
            var expected = catchThrowable(() -> bad.apply(valid()).build());
            assertThat(expected).isExactlyInstanceOf(IllegalArgumentException.class);

            assertThatThrownBy(() -> withUnresolvedOutput(bad.apply(valid())).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected.getMessage());
        }

        @Test
        void rulesThatRelateArgumentsWaitUntilAllAreKnown() {
            // The conflict is caught once every argument resolves (EncryptedAiDataKeyTest checks that it is).
            assertThatCode(() -> withUnresolvedOutput(valid().enableKeyRotation(false).rotationPeriodInDays(180))
                    .build()).doesNotThrowAnyException();
            assertThatThrownBy(() -> valid().enableKeyRotation(false).rotationPeriodInDays(180).build())
                    .isExactlyInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void nullOptionalArgumentsRestoreTheDefaults() {
        var args = valid().description("set first").rotationPeriodInDays(180).roleName("set-first")
                .description((String) null).rotationPeriodInDays((Integer) null).roleName((String) null).build();

        // Unset, as if never given: the documented defaults apply (the component's description, 365 days, a
        // name Pulumi generates). A null that left the earlier value in place would show here.
        assertThat(args.description()).isEmpty();
        assertThat(args.rotationPeriodInDays()).isEmpty();
        assertThat(args.roleName()).isEmpty();
    }
}
