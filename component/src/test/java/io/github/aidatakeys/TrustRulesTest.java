package io.github.aidatakeys;

import io.github.aidatakeys.lint.LintInput;
import io.github.aidatakeys.lint.LintRule;
import io.github.aidatakeys.lint.PolicyLint;
import io.github.aidatakeys.support.Stacks;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.github.aidatakeys.support.Json.parse;
import static io.github.aidatakeys.support.Json.statement;
import static io.github.aidatakeys.support.Stacks.runForSageMaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may assume the data role, and the inputs AWS refuses at deploy time or reads differently than meant: each
 * test is named after the rule it enforces.
 */
class TrustRulesTest {
    static final String GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    static final String EKS = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC123";
    static final String OTHER = "arn:aws:iam::123456789012:oidc-provider/ci.example.com";

    static EncryptedAiDataKeyArgs.Builder webIdentity(String provider, String... subjects) {
        return EncryptedAiDataKeyArgs.builder().aliasName("k").webIdentityProviderArn(provider)
                .webIdentitySubjects(subjects);
    }

    /** Mocks whose partition look-up reports the given DNS suffix. */
    static AwsMocks withDnsSuffix(String partition, String dnsSuffix) {
        return new AwsMocks("123456789012", "us-east-1", partition) {
            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return super.callAsync(args).thenApply(result -> {
                    if (!args.token.equals("aws:index/getPartition:getPartition")) {
                        return result;
                    }
                    var changed = new HashMap<>(result);
                    changed.put("dnsSuffix", dnsSuffix);
                    return changed;
                });
            }
        };
    }

    @Nested
    class WebIdentitySubjects {
        @ParameterizedTest
        @ValueSource(strings = {"repo:*", "repo:octo-org/*", "repo:octo-org/*:*", "repo:*/app:*",
                "repo:octo-org/app*:*", "repo:octo-org/ap?:*", "*:octo-org/app:*", "repo:octo-org",
                "octo-org/app"})
        void githubSubjectsMustSpellOutOwnerAndRepository(String subject) {
            assertThatThrownBy(() -> webIdentity(GITHUB, subject).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("webIdentitySubjects[0] must start with repo:<owner>/<repository> spelled out, "
                            + "wildcards only after it (such as repo:octo-org/octo-repo:ref:refs/heads/main or "
                            + "repo:octo-org/octo-repo:*): on GitHub's issuer anything less trusts repositories of "
                            + "other owners; received: \"" + subject + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"repo:octo-org/app:*", "repo:octo-org/app:ref:refs/heads/*",
                "repo:octo-org/app:environment:prod", "repo:octo-org/my.app_2:pull_request"})
        void githubSubjectsMayUseWildcardsBelowTheRepository(String subject) {
            assertThatCode(() -> webIdentity(GITHUB, subject).build()).doesNotThrowAnyException();
            assertThatCode(() -> webIdentity(GITHUB + "/octo-enterprise", subject).build())
                    .doesNotThrowAnyException();
        }

        @Test
        void githubEnterpriseIssuerFollowsTheSameRule() {
            assertThatThrownBy(() -> webIdentity(GITHUB + "/octo-enterprise", "repo:octo-org/*").build())
                    .hasMessageStartingWith("webIdentitySubjects[0] must start with repo:<owner>/<repository>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"system:serviceaccount:*:*", "system:serviceaccount:ml:*",
                "system:serviceaccount:*:inference", "system:serviceaccount:ml-*:inference",
                "system:serviceaccount:ml:inference-?", "system:serviceaccount:ml", "ml:inference"})
        void eksSubjectsMustSpellOutNamespaceAndServiceAccount(String subject) {
            assertThatThrownBy(() -> webIdentity(EKS, subject).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("webIdentitySubjects[0] must be system:serviceaccount:<namespace>:<service account> "
                            + "with both spelled out, no wildcards (a wildcard trusts every pod of the matching "
                            + "namespaces or service accounts of the cluster); received: \"" + subject + "\"");
        }

        @Test
        void eksSubjectsThatNameOneServiceAccountAreAccepted() {
            assertThatCode(() -> webIdentity(EKS, "system:serviceaccount:ml:inference",
                    "system:serviceaccount:kube-system:my.sa-1").build()).doesNotThrowAnyException();
        }

        @Test
        void otherIssuersAcceptPartialWildcardsWithALintWarning() {
            var result = runForSageMaker(b -> b.allowedServices(List.of()).webIdentityProviderArn(OTHER)
                    .webIdentitySubjects("project:ml:job:*", "project:ml:job:train"));
            assertThat(result.succeeded()).isTrue();
            assertThat((List<?>) result.outputs().get("lintFindings")).singleElement().hasToString(
                    "WARNING AIK014 [trustPolicy/TrustedWebIdentityAssumeRole] Web-identity subjects should name the "
                            + "identities they trust; a wildcard admits every subject it matches; received: "
                            + "\"project:ml:job:*\" on ci.example.com:sub");
            assertThat(result.logs()).anySatisfy(line -> assertThat(line).startsWith("WARNING").contains("AIK014"));
        }

        @Test
        void pinnedGithubSubjectsRaiseNoLintWarning() {
            var result = runForSageMaker(b -> b.allowedServices(List.of()).webIdentityProviderArn(GITHUB)
                    .webIdentitySubjects("repo:octo-org/app:ref:refs/heads/*"));
            assertThat(result.outputs().get("lintFindings")).isEqualTo(List.of());
        }

        @Test
        void theLintFlagsUnboundedWildcardSubjectsInAnyTrustPolicy() {
            var trust = """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"Federated":"%s"},"Action":"sts:AssumeRoleWithWebIdentity",
                     "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":
                       ["repo:octo-org/*","repo:octo-org/app:*"]}}}]}""".formatted(GITHUB);
            var report = PolicyLint.lint(LintInput.builder()
                    .keyPolicyJson("""
                            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}""")
                    .trustPolicyJson(trust)
                    .rolePolicyJson("""
                            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt",
                             "Resource":"arn:aws:kms:us-east-1:123456789012:key/k"}]}""")
                    .accountId("123456789012").partition("aws").rotationEnabled(true).build());
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(LintRule.TRUST_POLICY_WILDCARD_WEB_IDENTITY_SUBJECT);
                assertThat(f.message()).endsWith("received: \"repo:octo-org/*\" on "
                        + "token.actions.githubusercontent.com:sub");
            });
        }
    }

    @Nested
    class SourceArns {
        static final String TRAINING_JOBS = "arn:aws:sagemaker:us-east-1:123456789012:training-job/*";

        @Test
        void eachSourceArnConditionsOnlyTheServiceItBelongsTo() {
            var trust = runForSageMaker(b -> b.allowedServices(AwsService.LAMBDA, AwsService.SAGEMAKER)
                    .sourceArns(TRAINING_JOBS))
                    .outputs().get("trustPolicy");
            assertThat(parse(trust)).isEqualTo(parse("""
                    {"Version":"2012-10-17","Statement":[
                     {"Sid":"TrustedServicesAssumeRole","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},
                      "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}},
                     {"Sid":"TrustedSagemakerAssumeRole","Effect":"Allow",
                      "Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole",
                      "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                                   "ArnLike":{"aws:SourceArn":"%s"}}}]}""".formatted(TRAINING_JOBS)));
        }

        @Test
        void ecsTaskRolesTakeEcsSourceArns() {
            var cluster = "arn:aws:ecs:us-east-1:123456789012:*";
            var trust = runForSageMaker(b -> b.allowedServices(AwsService.ECS_TASKS).sourceArns(cluster))
                    .outputs().get("trustPolicy");
            assertThat(statement(trust, 0)).isEqualTo(parse("""
                    {"Sid":"TrustedEcsTasksAssumeRole","Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},
                     "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                     "ArnLike":{"aws:SourceArn":"%s"}}}""".formatted(cluster)));
        }

        @Test
        void aSourceArnOfNoAllowedServiceIsRefused() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.LAMBDA, AwsService.EC2).sourceArns(TRAINING_JOBS).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sourceArns[0] must belong, by its service segment, to an allowed service that "
                            + "gets aws:SourceArn ([\"lambda.amazonaws.com\"]), but 'sagemaker' is none of them; "
                            + "received: \"" + TRAINING_JOBS + "\"");
        }

        @Test
        void aSourceArnMustNameItsServiceLiterally() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.LAMBDA).sourceArns("arn:aws:*:us-east-1:123456789012:*").build())
                    .hasMessage("sourceArns[0] must name its service literally: the service segment decides which "
                            + "allowed service the ARN applies to; received: \"arn:aws:*:us-east-1:123456789012:*\"");
        }

        @Test
        void aSourceArnOfAnotherAccountIsRefusedBeforeAnythingIsCreated() {
            var arn = "arn:aws:sagemaker:us-east-1:210987654321:training-job/*";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.sourceArns(arn)), IllegalArgumentException.class,
                    "sourceArns[0] must be in the stack's account 123456789012 (the services assume the role only "
                            + "for resources of that account, aws:SourceAccount), not in account 210987654321; "
                            + "received: \"" + arn + "\"");
        }

        @Test
        void aSourceArnOfAnotherPartitionIsRefusedBeforeAnythingIsCreated() {
            var arn = "arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/*";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.sourceArns(arn)), IllegalArgumentException.class,
                    "sourceArns[0] must be in the stack's partition aws (IAM does not trust principals or policies "
                            + "of another partition), not in aws-cn; received: \"" + arn + "\"");
        }

        @Test
        void sourceArnsWithoutAnAccountStayBoundBySourceAccount() {
            var bucket = "arn:aws:s3:::training-data";
            var trust = runForSageMaker(b -> b.allowedServices("s3.amazonaws.com").sourceArns(bucket)).outputs()
                    .get("trustPolicy");
            assertThat(statement(trust, 0).getAsJsonObject().get("Condition")).isEqualTo(parse("""
                    {"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnLike":{"aws:SourceArn":"%s"}}"""
                    .formatted(bucket)));
        }
    }

    @Nested
    class Batch {
        @Test
        void batchJobsAssumeTheRoleAsEcsTasks() {
            assertThat(AwsService.BATCH.principal()).isEqualTo("ecs-tasks.amazonaws.com");
            var trust = runForSageMaker(b -> b.allowedServices(AwsService.BATCH)).outputs().get("trustPolicy");
            assertThat(statement(trust, 0).getAsJsonObject().get("Principal"))
                    .isEqualTo(parse("{\"Service\":\"ecs-tasks.amazonaws.com\"}"));
            assertThat(trust.toString()).doesNotContain("batch.amazonaws.com");
        }

        @Test
        void batchAndEcsTasksTogetherListThePrincipalOnce() {
            var args = EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.BATCH, AwsService.ECS_TASKS).build();
            assertThat(KeySettings.valueNow(args.allowedServices().orElseThrow()))
                    .contains(List.of("ecs-tasks.amazonaws.com"));
        }
    }

    @Nested
    class Aik007Waiver {
        @Test
        void waivingAik007ForAServiceLeavesItsSourceConditionsOutAndKeepsTheOthers() {
            var result = runForSageMaker(b -> b.allowedServices(AwsService.SAGEMAKER, AwsService.BEDROCK)
                    .lintWaivers(Map.of("AIK007:bedrock.amazonaws.com", "this job type sends no aws:SourceAccount")));
            assertThat(parse(result.outputs().get("trustPolicy"))).isEqualTo(parse("""
                    {"Version":"2012-10-17","Statement":[
                     {"Sid":"TrustedServicesAssumeRole","Effect":"Allow",
                      "Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole",
                      "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}},
                     {"Sid":"TrustedServicesWithoutSourceConditionsAssumeRole","Effect":"Allow",
                      "Principal":{"Service":"bedrock.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
            assertThat((List<?>) result.outputs().get("lintFindings")).singleElement().satisfies(f ->
                    assertThat(f.toString()).startsWith("WARNING AIK007 [trustPolicy/"
                                    + "TrustedServicesWithoutSourceConditionsAssumeRole]")
                            .endsWith("; waived: bedrock.amazonaws.com: this job type sends no aws:SourceAccount"));
            assertThat(result.resource("aws:iam/role:Role", "ai-data-role").inputs().get("tags"))
                    .isEqualTo(Map.of("DataClassification", "confidential", "ManagedBy", "EncryptedAiDataKey",
                            "LintWaivers", "AIK007:bedrock.amazonaws.com"));
            assertThat(result.outputs().get("lintWaivers"))
                    .isEqualTo(Map.of("AIK007:bedrock.amazonaws.com", "this job type sends no aws:SourceAccount"));
        }

        @Test
        void aik007MustNameTheServiceItWaives() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.BEDROCK).lintWaivers(Map.of("AIK007", "why")).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lintWaivers key must name the service whose confused-deputy conditions it waives, "
                            + "as AIK007:<service principal> such as AIK007:bedrock.amazonaws.com (the conditions are "
                            + "then left out for that service only); received: \"AIK007\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AIK007:lambda.amazonaws.com", "AIK007:ec2.amazonaws.com"})
        void aik007MustNameAnAllowedServiceThatGetsSourceConditions(String key) {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices(AwsService.BEDROCK, AwsService.EC2).lintWaivers(Map.of(key, "why")).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lintWaivers key must name, after AIK007:, a service of allowedServices that would "
                            + "get aws:SourceAccount (EC2 and EKS Pod Identity never do); received: \"" + key + "\"");
        }

        @Test
        void onlyAik007TakesAService() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .lintWaivers(Map.of("AIK013:ec2.amazonaws.com", "why")).build())
                    .hasMessage("lintWaivers key may name a service only for AIK007; "
                            + "received: \"AIK013:ec2.amazonaws.com\"");
        }
    }

    @Nested
    class Partitions {
        @Test
        void principalsOfAnotherPartitionAreRefusedBeforeAnythingIsCreated() {
            var role = "arn:aws-cn:iam::123456789012:role/inference";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.allowedRoleArns(role)), IllegalArgumentException.class,
                    "allowedRoleArns[0] must be in the stack's partition aws (IAM does not trust principals or "
                            + "policies of another partition), not in aws-cn; received: \"" + role + "\"");
            var admin = "arn:aws-us-gov:iam::123456789012:role/kms-admins";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.keyAdministratorArns(admin)),
                    IllegalArgumentException.class,
                    "keyAdministratorArns[0] must be in the stack's partition aws (IAM does not trust principals or "
                            + "policies of another partition), not in aws-us-gov; received: \"" + admin + "\"");
            var boundary = "arn:aws-cn:iam::aws:policy/PowerUserAccess";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.rolePermissionsBoundary(boundary)),
                    IllegalArgumentException.class, "rolePermissionsBoundary must be in the stack's partition aws "
                            + "(IAM does not trust principals or policies of another partition), not in aws-cn; "
                            + "received: \"" + boundary + "\"");
            var provider = "arn:aws-cn:iam::123456789012:oidc-provider/ci.example.com";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.webIdentityProviderArn(provider)
                            .webIdentitySubjects("ci:x")),
                    IllegalArgumentException.class, "webIdentityProviderArn must be in the stack's partition aws "
                            + "(IAM does not trust principals or policies of another partition), not in aws-cn; "
                            + "received: \"" + provider + "\"");
        }

        @Test
        void anOidcProviderOfAnotherAccountIsRefusedBeforeAnythingIsCreated() {
            var provider = "arn:aws:iam::210987654321:oidc-provider/ci.example.com";
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.webIdentityProviderArn(provider)
                            .webIdentitySubjects("ci:x")),
                    IllegalArgumentException.class, "webIdentityProviderArn must be an OIDC provider of the stack's "
                            + "account 123456789012 (the role's account), not of account 210987654321; received: \""
                            + provider + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"aws-iso", "aws-iso-b", "aws-eusc"})
        void partitionsTheComponentCannotRenderAreRefusedBeforeAnythingIsCreated(String partition) {
            Stacks.refusedAtDeployment(runForSageMaker(new AwsMocks("123456789012", "us-east-1", partition),
                            b -> b.viaServices("s3")), IllegalStateException.class,
                    "the stack deploys into partition " + partition + ", which the component does not render: it "
                            + "supports aws, aws-cn, aws-us-gov, whose service principals and endpoint names AWS "
                            + "documents publicly; received: partition=" + partition);
        }

        @Test
        void viaServiceNamesUseTheDnsSuffixThePartitionLookUpReports() {
            var policy = runForSageMaker(withDnsSuffix("aws-us-gov", "amazonaws.example"), b -> b.viaServices("s3"))
                    .outputs().get("rolePolicy");
            assertThat(statement(policy, 0).getAsJsonObject().getAsJsonObject("Condition")
                    .getAsJsonObject("StringEquals").get("kms:ViaService").getAsString())
                    .isEqualTo("s3.us-east-1.amazonaws.example");
        }

        @Test
        void aFullViaServiceNameOfAnotherPartitionIsRefused() {
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.viaServices("s3.cn-north-1.amazonaws.com.cn")),
                    IllegalArgumentException.class, "viaServices[0] must end in the partition's DNS suffix "
                            + ".amazonaws.com (partition aws); received: \"s3.cn-north-1.amazonaws.com.cn\"");
        }

        @Test
        void aChinaServicePrincipalOutsideChinaIsRefused() {
            Stacks.refusedAtDeployment(runForSageMaker(b -> b.allowedServices("sagemaker.amazonaws.com.cn")),
                    IllegalArgumentException.class, "allowedServices[0] ends in .amazonaws.com.cn, which names a "
                            + "service principal of the aws-cn partition, but the stack deploys into partition aws; "
                            + "received: \"sagemaker.amazonaws.com.cn\"");
        }

        @Test
        void isoServicePrincipalsAreRefusedAtConstruction() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedServices("ec2.c2s.ic.gov").build())
                    .hasMessage("allowedServices[0] must be a lower-case AWS service principal such as "
                            + "'sagemaker.amazonaws.com' (ending in .amazonaws.com, or .amazonaws.com.cn in China); "
                            + "received: \"ec2.c2s.ic.gov\"");
        }
    }

    @Nested
    class Tags {
        @ParameterizedTest
        @ValueSource(strings = {"managedby", "MANAGEDBY", "dataclassification"})
        void tagKeysEqualToADefaultButForCaseAreRefused(String key) {
            var expected = key.equalsIgnoreCase("ManagedBy") ? "ManagedBy" : "DataClassification";
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .tags(Map.of(key, "x")).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tags key must not differ from the default tag '" + expected + "' only in case (IAM "
                            + "refuses tag keys that are equal but for case); spell it '" + expected + "' to replace "
                            + "the default; received: \"" + key + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"team#1", "cost,center", "a<b", "quote\"d"})
        void tagKeysOutsideIamsCharacterSetAreRefused(String key) {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .tags(Map.of(key, "x")).build())
                    .hasMessage("tags key may contain only Unicode letters, digits and spaces, and _ . : / = + - @ "
                            + "(IAM's tag characters); received: \"" + key + "\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a;b", "50%", "x\ty", "<script>"})
        void tagValuesOutsideIamsCharacterSetAreRefused(String value) {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .tags(Map.of("team", value)).build())
                    .hasMessage("tags[team] may contain only Unicode letters, digits and spaces, and _ . : / = + - @ "
                            + "(IAM's tag characters); received: \"" + value + "\"");
        }

        @Test
        void tagsInIamsCharacterSetAreAccepted() {
            assertThatCode(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .tags(Map.of("Équipe 1", "données/ML=oui", "team:owner", "ml@example.com", "empty", "")).build())
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"LintWaivers", "lintwaivers"})
        void theLintWaiversTagIsReservedForTheComponent(String key) {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .tags(Map.of(key, "AIK008")).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tags key must not be 'LintWaivers' in any case: the component writes that tag "
                            + "itself, with the ids of the waived lint rules (set them through lintWaivers); "
                            + "received: \"" + key + "\"");
        }
    }

    @Test
    void encryptionContextKeysAreComparedExactly() {
        assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                .encryptionContext(Map.of("Dataset", "chats")).encryptionContextKeys("dataset").build())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("encryptionContext requires the key \"Dataset\" that encryptionContextKeys does not "
                        + "allow; received: encryptionContextKeys=[\"dataset\"]");
    }

    @Nested
    class IamPaths {
        @ParameterizedTest
        @ValueSource(strings = {"arn:aws:iam::123456789012:role/team!a/x", "arn:aws:iam::123456789012:role/a~b/c%d/x",
                "arn:aws:iam::123456789012:role/service-role/x"})
        void roleArnsAcceptEveryPathIamAllows(String arn) {
            assertThatCode(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedRoleArns(arn)
                    .keyAdministratorArns(arn.replace(":role/", ":user/")).build()).doesNotThrowAnyException();
        }

        @Test
        void policyArnsAcceptEveryPathIamAllows() {
            assertThatCode(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .rolePermissionsBoundary("arn:aws:iam::123456789012:policy/team#1/[boundaries]/ml").build())
                    .doesNotThrowAnyException();
        }

        @Test
        void pathsInArnsMayBeAtMost512Characters() {
            var longest = "arn:aws:iam::123456789012:role/" + "p".repeat(510) + "/x";
            assertThatCode(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedRoleArns(longest).build())
                    .doesNotThrowAnyException();
            var tooLong = "arn:aws:iam::123456789012:role/" + "p".repeat(511) + "/x";
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedRoleArns(tooLong).build())
                    .hasMessageStartingWith("allowedRoleArns[0] must have an IAM path of at most 512 characters; ");
        }

        @Test
        void rolePathMustNotContainAnAsterisk() {
            assertThatThrownBy(() -> EncryptedAiDataKeyArgs.builder().aliasName("k").allowedServices(AwsService.EC2)
                    .rolePath("/a*/").build())
                    .hasMessage("rolePath must start and end with '/', be at most 512 characters and contain only "
                            + "printable ASCII without spaces or '*'; received: \"/a*/\"");
        }
    }
}
