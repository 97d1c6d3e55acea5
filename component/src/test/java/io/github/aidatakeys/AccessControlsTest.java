package io.github.aidatakeys;

import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.aidatakeys.support.Stacks;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.aidatakeys.support.Json.parse;
import static io.github.aidatakeys.support.Json.statement;
import static io.github.aidatakeys.support.Stacks.runForSageMaker;
import static io.github.aidatakeys.support.Stacks.KEY_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access controls: encryption context, via-service, confused-deputy and cross-account conditions. */
class AccessControlsTest {

    static Map<String, String> context(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void encryptionContextBindsEveryCryptographicActionButNotDescribeKey() {
        var policy = runForSageMaker(b -> b
                .encryptionContext(context("dataset", "customer-chats", "purpose", "training")))
                .outputs().get("rolePolicy");
        assertThat(parse(policy)).isEqualTo(parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"UseKeyForAiData","Effect":"Allow",
                  "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                    "kms:GenerateDataKeyWithoutPlaintext","kms:GenerateDataKeyPair",
                    "kms:GenerateDataKeyPairWithoutPlaintext"],
                  "Resource":"%s",
                  "Condition":{"StringEquals":{"kms:EncryptionContext:dataset":"customer-chats",
                                               "kms:EncryptionContext:purpose":"training"}}},
                 {"Sid":"DescribeKey","Effect":"Allow","Action":"kms:DescribeKey","Resource":"%s"}]}"""
                .formatted(KEY_ARN, KEY_ARN)));
    }

    @Test
    void pinnedContextKeysUseForAllValuesWithANullCheckSoCallsWithoutContextAreRefused() {
        var policy = runForSageMaker(b -> b.encryptionContextKeys("dataset", "purpose")).outputs().get("rolePolicy");
        assertThat(statement(policy, 0).getAsJsonObject().get("Condition")).isEqualTo(parse("""
                {"ForAllValues:StringEquals":{"kms:EncryptionContextKeys":["dataset","purpose"]},
                 "Null":{"kms:EncryptionContextKeys":"false"}}"""));
    }

    @Test
    void forAllValuesIsNeverUsedOnSingleValuedContextKeys() {
        var policy = runForSageMaker(b -> b.encryptionContext(context("dataset", "x")).encryptionContextKeys("dataset"))
                .outputs().get("rolePolicy");
        var condition = statement(policy, 0).getAsJsonObject().getAsJsonObject("Condition");
        assertThat(condition.getAsJsonObject("ForAllValues:StringEquals").keySet())
                .containsExactly("kms:EncryptionContextKeys");
        assertThat(condition.getAsJsonObject("StringEquals").keySet()).containsExactly("kms:EncryptionContext:dataset");
    }

    @Test
    void viaServicesRenderForTheStacksRegionWithTheCallerAccount() {
        var mocks = new AwsMocks("123456789012", "eu-west-1", "aws");
        var policy = runForSageMaker(mocks, b -> b.viaServices(ViaService.S3, ViaService.SAGEMAKER)).outputs()
                .get("rolePolicy");
        assertThat(statement(policy, 0).getAsJsonObject().get("Condition")).isEqualTo(parse("""
                {"StringEquals":{"kms:ViaService":["s3.eu-west-1.amazonaws.com","sagemaker.eu-west-1.amazonaws.com"],
                                 "kms:CallerAccount":"123456789012"}}"""));
        assertThat(statement(policy, 1).getAsJsonObject().has("Condition")).isFalse();
    }

    @Test
    void viaServicesInChinaUseTheChinaDomain() {
        var mocks = new AwsMocks("123456789012", "cn-north-1", "aws-cn");
        var policy = runForSageMaker(mocks, b -> b.allowedServices("sagemaker.amazonaws.com.cn").viaServices("s3"))
                .outputs().get("rolePolicy");
        assertThat(statement(policy, 0).getAsJsonObject().getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").get("kms:ViaService").getAsString())
                .isEqualTo("s3.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void servicePrincipalsGetSourceAccountAndOptionalSourceArnPatterns() {
        var pattern = "arn:aws:sagemaker:us-east-1:123456789012:training-job/*";
        var trust = runForSageMaker(b -> b.sourceArns(pattern)).outputs().get("trustPolicy");
        assertThat(statement(trust, 0)).isEqualTo(parse("""
                {"Sid":"TrustedSagemakerAssumeRole","Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},
                 "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                 "ArnLike":{"aws:SourceArn":"%s"}}}""".formatted(pattern)));
    }

    @Test
    void ec2IsTrustedWithoutConfusedDeputyConditionsBecauseItSendsNone() {
        var trust = runForSageMaker(b -> b.allowedServices(AwsService.EC2, AwsService.BEDROCK)).outputs()
                .get("trustPolicy");
        assertThat(statement(trust, 0).getAsJsonObject().get("Principal"))
                .isEqualTo(parse("{\"Service\":\"bedrock.amazonaws.com\"}"));
        assertThat(statement(trust, 1)).isEqualTo(parse("""
                {"Sid":"TrustedInstanceServicesAssumeRole","Effect":"Allow",
                 "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}"""));
    }

    @Test
    void eksPodIdentityMayAlsoTagTheSession() {
        var trust = runForSageMaker(b -> b.allowedServices(AwsService.EKS_POD_IDENTITY)).outputs().get("trustPolicy");
        assertThat(parse(trust).getAsJsonObject().getAsJsonArray("Statement")).containsExactly(parse("""
                {"Sid":"EksPodIdentityAssumeRole","Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},
                 "Action":["sts:AssumeRole","sts:TagSession"]}"""));
    }

    @Test
    void webIdentityPrincipalsRequireAudienceAndSubject() {
        var provider = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC123";
        var trust = runForSageMaker(b -> b.allowedServices(java.util.List.of()).webIdentityProviderArn(provider)
                .webIdentitySubjects("system:serviceaccount:ml:inference")).outputs().get("trustPolicy");
        assertThat(statement(trust, 0)).isEqualTo(parse("""
                {"Sid":"TrustedWebIdentityAssumeRole","Effect":"Allow","Principal":{"Federated":"%s"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringEquals":{"oidc.eks.us-east-1.amazonaws.com/id/ABC123:aud":"sts.amazonaws.com"},
                              "StringLike":{"oidc.eks.us-east-1.amazonaws.com/id/ABC123:sub":
                                              "system:serviceaccount:ml:inference"}}}""".formatted(provider)));
    }

    @Test
    void anotherAccountWithoutExternalIdFailsAndCreatesNoResource() {
        var result = runForSageMaker(b -> b.allowedAccountIds("210987654321"));
        assertThat(result.failure()).get().satisfies(e -> assertThat(e)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("allowedAccountIds[0] is in account 210987654321, not the stack's account 123456789012, "
                        + "so it must present an sts:ExternalId: set externalId, or set crossAccountWithoutExternalId "
                        + "to true for an account you control; received: externalId=null"));
        Stacks.noChildRegistered(result);
    }

    @Test
    void anotherAccountsRoleWithoutExternalIdFailsToo() {
        var result = runForSageMaker(b -> b.allowedRoleArns("arn:aws:iam::210987654321:role/inference"));
        assertThat(result.failure()).get().satisfies(e -> assertThat(e)
                .hasMessageStartingWith("allowedRoleArns[0] is in account 210987654321"));
    }

    @Test
    void externalIdIsRequiredOfCrossAccountPrincipals() {
        var trust = runForSageMaker(b -> b.allowedAccountIds("210987654321").externalId("inference-partner-7f3a"))
                .outputs().get("trustPolicy");
        assertThat(statement(trust, 1)).isEqualTo(parse("""
                {"Sid":"TrustedAwsPrincipalsAssumeRole","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole",
                 "Condition":{"StringEquals":{"sts:ExternalId":"inference-partner-7f3a"}}}"""));
    }

    @Test
    void crossAccountWithoutExternalIdCanBeWaivedExplicitlyAndTheWaiverIsExported() {
        var result = runForSageMaker(b -> b.allowedAccountIds("210987654321").crossAccountWithoutExternalId(true));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.outputs().get("lintWaivers"))
                .isEqualTo(Map.of("AIK008", "crossAccountWithoutExternalId is true"));
        assertThat(statement(result.outputs().get("trustPolicy"), 1).getAsJsonObject().has("Condition")).isFalse();
    }

    @Test
    void sameAccountPrincipalsNeedNoExternalId() {
        assertThat(runForSageMaker(b -> b.allowedRoleArns("arn:aws:iam::123456789012:role/app")).succeeded()).isTrue();
    }

    @Test
    void multiRegionIsOffByDefaultAndCanBeTurnedOn() {
        assertThat(runForSageMaker(b -> b).resource("aws:kms/key:Key", "ai-data-key").inputs())
                .containsEntry("multiRegion", false);
        assertThat(runForSageMaker(b -> b.multiRegion(true)).resource("aws:kms/key:Key", "ai-data-key").inputs())
                .containsEntry("multiRegion", true);
    }

    @Test
    void tagsMergeOverTheDataClassificationDefaultsOnKeyAndRole() {
        var result = runForSageMaker(b -> b.tags(Map.of("team", "ml", "DataClassification", "restricted")));
        var expected = Map.of("team", "ml", "DataClassification", "restricted", "ManagedBy", "EncryptedAiDataKey");
        assertThat(result.resource("aws:kms/key:Key", "ai-data-key").inputs().get("tags")).isEqualTo(expected);
        assertThat(result.resource("aws:iam/role:Role", "ai-data-role").inputs().get("tags")).isEqualTo(expected);
    }

    @Test
    void defaultTagsClassifyTheData() {
        assertThat(runForSageMaker(b -> b).resource("aws:kms/key:Key", "ai-data-key").inputs().get("tags"))
                .isEqualTo(Map.of("DataClassification", "confidential", "ManagedBy", "EncryptedAiDataKey"));
    }

    @Test
    void migrationFromTheOriginalProgramAliasesEachChildToItsTopLevelName() {
        var result = OfflineStack.builder().build().run(ctx -> new EncryptedAiDataKey("ai-data",
                EncryptedAiDataKeyArgs.builder().aliasName("alias/aiDataKey").allowedServices(AwsService.EC2)
                        .migrateFrom(LegacyResources.originalProgram()).build(), null));
        var expected = Map.of(
                "ai-data-key", "urn:pulumi:dev::project::aws:kms/key:Key::aiDataKmsKey",
                "ai-data-alias", "urn:pulumi:dev::project::aws:kms/alias:Alias::aiDataKmsKeyAlias",
                "ai-data-role", "urn:pulumi:dev::project::aws:iam/role:Role::aiServiceRole",
                "ai-data-policy", "urn:pulumi:dev::project::aws:iam/rolePolicy:RolePolicy::aiServiceKmsPolicy");
        expected.forEach((child, formerUrn) -> {
            var resource = result.resources().stream().filter(r -> r.name().equals(child)).findFirst().orElseThrow();
            assertThat(resource.aliases()).singleElement().satisfies(alias ->
                    assertThat(((Alias) OfflineStack.valueOf(alias)).getUrn()).contains(formerUrn));
        });
        assertThat(result.resource("aws:kms/key:Key", "ai-data-key").retainOnDelete()).isTrue();
    }

    @Test
    void withoutMigrationChildrenCarryNoAliases() {
        assertThat(runForSageMaker(b -> b).resources()).allSatisfy(r -> assertThat(r.aliases()).isEmpty());
    }

    @Test
    void aRenamedComponentKeepsItsOldNameAsAnAlias() {
        var result = OfflineStack.builder().build().run(ctx -> new EncryptedAiDataKey("ai-data-renamed",
                EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.SAGEMAKER).build(),
                ComponentResourceOptions.builder().aliases(Alias.builder().name("ai-data").build()).build()));
        var component = result.resource(EncryptedAiDataKey.TYPE, "ai-data-renamed");
        assertThat(component.aliases()).singleElement().satisfies(alias ->
                assertThat(((Alias) OfflineStack.valueOf(alias)).getName().map(OfflineStack::valueOf))
                        .contains("ai-data"));
        // Pulumi derives each child's former URN from its parent's alias: the children need no aliases of their own.
        assertThat(result.resource("aws:kms/key:Key", "ai-data-renamed-key").parentName()).isEqualTo("ai-data-renamed");
    }

    @Test
    void defaultsPassTheLintWithoutFindings() {
        var result = runForSageMaker(b -> b);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.outputs().get("lintFindings")).isEqualTo(java.util.List.of());
    }

    @Test
    void rotationOffIsALintWarningInTheLogAndTheOutput() {
        var result = runForSageMaker(b -> b.enableKeyRotation(false));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.logs()).anySatisfy(line -> assertThat(line).startsWith("WARNING").contains("AIK013"));
        assertThat((java.util.List<?>) result.outputs().get("lintFindings")).singleElement()
                .satisfies(f -> assertThat(f.toString()).startsWith("WARNING AIK013"));
    }

    @Test
    void aLintErrorFailsConstructionListingEveryFindingAndCreatesNothing() {
        var roles = new java.util.ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            roles.add("arn:aws:iam::123456789012:role/inference-service-with-a-long-name-" + i);
        }
        var result = runForSageMaker(b -> b.allowedRoleArns(roles));
        assertThat(result.failure()).get().satisfies(e -> assertThat(e)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Policy lint found 1 error")
                .hasMessageContaining("AIK012"));
        Stacks.noChildRegistered(result);
    }

    @Test
    void aWaivedRuleIsExportedAndTaggedOnTheKey() {
        var result = runForSageMaker(b -> b.enableKeyRotation(false)
                .lintWaivers(Map.of("AIK013", "data is re-encrypted under a new key every 90 days")));
        assertThat(result.outputs().get("lintWaivers"))
                .isEqualTo(Map.of("AIK013", "data is re-encrypted under a new key every 90 days"));
        assertThat(result.resource("aws:kms/key:Key", "ai-data-key").inputs().get("tags"))
                .isEqualTo(Map.of("DataClassification", "confidential", "ManagedBy", "EncryptedAiDataKey",
                        "LintWaivers", "AIK013"));
        assertThat(result.logs()).noneSatisfy(line -> assertThat(line).startsWith("WARNING").contains("AIK013"));
    }

    @Test
    void waivingAnUnknownRuleIsRefused() {
        assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                .lintWaivers(Map.of("AIK999", "why")).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("lintWaivers key must be a policy-lint rule id such as AIK008 (see docs/lint-rules.md); "
                        + "received: \"AIK999\"");
    }

    @Test
    void invariantsCannotBeWaived() {
        assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                .lintWaivers(Map.of("AIK002", "I know better")).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lintWaivers key must name a rule that can be waived (")
                .hasMessageEndingWith("); the others are invariants; received: \"AIK002\"");
    }

    @Test
    void aLintWaiverOfAik008AllowsAnotherAccountWithoutExternalId() {
        var result = runForSageMaker(b -> b.allowedAccountIds("210987654321")
                .lintWaivers(Map.of("AIK008", "our own sandbox account")));
        assertThat(result.succeeded()).isTrue();
        assertThat((java.util.List<?>) result.outputs().get("lintFindings")).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("AIK008").contains("waived: our own sandbox account"));
    }

    @Test
    void legacyNamesMustAllBeGiven() {
        assertThatThrownBy(() -> new LegacyResources("k", " ", "r", "p"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("migrateFrom.alias must name the resource in the existing stack; received: \" \"");
    }
}
