package io.github.aidatakeys;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    + "such as 'sagemaker.amazonaws.com' (ending in .amazonaws.com, .amazonaws.com.cn, .c2s.ic.gov "
                    + "or .sc2s.sgov.gov); received: \"" + service + "\"");
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
            fails(b -> b.allowedRoleArns(ROLE, ROLE.toUpperCase().replace("ARN:AWS:IAM", "arn:aws:iam")
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
                            + "<12-digit account id>:role/<name> or :user/<name>; received: "
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
        @ValueSource(strings = {"kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:CreateGrant",
                "kms:CreateKey", "kms:GenerateRandom", "kms:ListKeys", "kms:putkeypolicy"})
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
                    + "kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext, kms:DescribeKey; "
                    + "received: \"kms:Decypt\"");
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
            assertThat(KeyAccess.ENCRYPT_DECRYPT.actions()).containsExactly(KeyAction.values());
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
                    + "contain only printable ASCII without spaces; received: \"" + path + "\"");
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

    @Test
    void nullOptionalArgumentsRestoreTheDefaults() {
        assertThatCode(() -> valid().description((String) null).rotationPeriodInDays((Integer) null)
                .roleName((String) null).build()).doesNotThrowAnyException();
    }
}
