package io.github.aidatakeys;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random alias names, ARNs, principals and day counts either build or fail with IllegalArgumentException whose
 * message names the argument: never another exception, never a silent acceptance of an invalid value.
 */
class ArgumentPropertiesTest {
    static EncryptedAiDataKeyArgs.Builder valid() {
        return EncryptedAiDataKeyArgs.builder().aliasName("alias/ai-data").allowedServices(AwsService.EC2);
    }

    static void buildsOrNames(String argument, UnaryOperator<EncryptedAiDataKeyArgs.Builder> change) {
        try {
            change.apply(valid()).build();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith(argument).contains("; received: ");
        }
    }

    @Property
    void anyAliasNameBuildsOrFailsNamingAliasName(@ForAll("aliasLike") String name) {
        buildsOrNames("aliasName", b -> b.aliasName(name));
    }

    @Property
    void anyAcceptedAliasIsValidForAws(@ForAll("aliasLike") String name) {
        try {
            valid().aliasName(name).build();
        } catch (IllegalArgumentException e) {
            return;
        }
        var full = name.startsWith("alias/") ? name : "alias/" + name;
        assertThat(full).matches("alias/[A-Za-z0-9/_-]+").hasSizeLessThanOrEqualTo(256);
        assertThat(full.toLowerCase()).doesNotStartWith("alias/aws/");
    }

    @Property
    void anyRoleArnBuildsOrFailsNamingTheElement(@ForAll("arnLike") String arn) {
        buildsOrNames("allowedRoleArns[0]", b -> b.allowedRoleArns(arn));
    }

    @Property
    void anyAcceptedRoleArnHasATwelveDigitAccountAndNoWildcard(@ForAll("arnLike") String arn) {
        try {
            valid().allowedRoleArns(arn).build();
        } catch (IllegalArgumentException e) {
            return;
        }
        assertThat(arn).matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+").doesNotContain("*", "?");
    }

    @Property
    void anyServicePrincipalBuildsOrFailsNamingTheElement(@ForAll("serviceLike") String service) {
        buildsOrNames("allowedServices[0]", b -> b.allowedServices(service));
    }

    @Property
    void anyRotationPeriodBuildsExactlyWhenWithinBounds(@ForAll @IntRange(min = -10, max = 3000) int days) {
        var inRange = days >= 90 && days <= 2560;
        try {
            valid().rotationPeriodInDays(days).build();
            assertThat(inRange).isTrue();
        } catch (IllegalArgumentException e) {
            assertThat(inRange).isFalse();
            assertThat(e).hasMessage("rotationPeriodInDays must be between 90 and 2560 days; received: " + days);
        }
    }

    @Property
    void anyDeletionWindowBuildsExactlyWhenWithinBounds(@ForAll @IntRange(min = -5, max = 60) int days) {
        var inRange = days >= 7 && days <= 30;
        try {
            valid().deletionWindowInDays(days).build();
            assertThat(inRange).isTrue();
        } catch (IllegalArgumentException e) {
            assertThat(inRange).isFalse();
            assertThat(e).hasMessage("deletionWindowInDays must be between 7 and 30 days; received: " + days);
        }
    }

    @Property
    void anyActionNameBuildsOrFailsNamingTheElement(@ForAll("actionLike") String action) {
        buildsOrNames("keyActions[0]", b -> b.keyActions(action));
    }

    @Provide
    Arbitrary<String> aliasLike() {
        var tail = Arbitraries.strings().withChars("abcXYZ019/_-.: *éAWSaws").ofMinLength(0).ofMaxLength(300);
        var prefix = Arbitraries.of("", "alias/", "ALIAS/", "alias/aws/", "aws/", "Alias/AWS/");
        return net.jqwik.api.Combinators.combine(prefix, tail).as(String::concat);
    }

    @Provide
    Arbitrary<String> arnLike() {
        var partition = Arbitraries.of("aws", "aws-cn", "aws-us-gov", "awz", "", "*");
        var service = Arbitraries.of("iam", "s3", "IAM", "");
        var region = Arbitraries.of("", "us-east-1");
        var account = Arbitraries.strings().withChars("0123456789a*").ofMinLength(0).ofMaxLength(14);
        var resource = Arbitraries.of("role/", "user/", "role/path/", "", "root");
        var name = Arbitraries.strings().withChars("abAB09+=,.@_-/* ?").ofMinLength(0).ofMaxLength(70);
        return net.jqwik.api.Combinators.combine(partition, service, region, account, resource, name)
                .as((p, s, r, a, res, n) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res + n);
    }

    @Provide
    Arbitrary<String> serviceLike() {
        var host = Arbitraries.strings().withChars("abcxyz09-.*A ").ofMinLength(0).ofMaxLength(20);
        var suffix = Arbitraries.of(".amazonaws.com", ".amazonaws.com.cn", ".amazonaws.org", "", ".c2s.ic.gov");
        return net.jqwik.api.Combinators.combine(host, suffix).as(String::concat);
    }

    @Provide
    Arbitrary<String> actionLike() {
        var prefix = Arbitraries.of("kms:", "KMS:", "s3:", "", "kms");
        var name = Arbitraries.of("Encrypt", "Decrypt", "decrypt", "Decypt", "*", "GenerateDataKey*", "Sign",
                "PutKeyPolicy", "CreateGrant", "DescribeKey", "ReEncryptFrom", "");
        return net.jqwik.api.Combinators.combine(prefix, name).as(String::concat);
    }
}
