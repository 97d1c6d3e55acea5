package io.github.aidatakeys;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Random alias names, ARNs, principals and actions either build, and then are valid for AWS, or fail with an
 * IllegalArgumentException whose message names the argument: never another exception, never a silent acceptance of
 * an invalid value. Each property also checks that its generator produced both outcomes, so that neither branch
 * passes unexercised.
 */
class ArgumentPropertiesTest {
    /** The actions KMS documents for a symmetric encryption key's data role, as a list of its own. */
    static final Set<String> SYMMETRIC_DATA_ACTIONS = Set.of("kms:encrypt", "kms:decrypt", "kms:reencryptfrom",
            "kms:reencryptto", "kms:generatedatakey", "kms:generatedatakeywithoutplaintext", "kms:generatedatakeypair",
            "kms:generatedatakeypairwithoutplaintext", "kms:describekey");

    static EncryptedAiDataKeyArgs.Builder valid() {
        return EncryptedAiDataKeyArgs.builder().aliasName("alias/ai-data").allowedServices(AwsService.EC2);
    }

    /**
     * Builds with one argument changed. When the build succeeds, {@code acceptedMeans} asserts what AWS requires of
     * the value; when it fails, the message must name the argument and the value received.
     */
    static void buildsOrNames(String argument, UnaryOperator<EncryptedAiDataKeyArgs.Builder> change,
                              Runnable acceptedMeans) {
        var outcome = Statistics.label(argument);
        outcome.coverage(coverage -> {
            coverage.check("built").count((Integer n) -> n > 0);
            coverage.check("refused").count((Integer n) -> n > 0);
        });
        try {
            change.apply(valid()).build();
        } catch (IllegalArgumentException e) {
            outcome.collect("refused");
            assertThat(e.getMessage()).startsWith(argument).contains("; received: ");
            return;
        }
        outcome.collect("built");
        acceptedMeans.run();
    }

    @Property
    void anAliasNameBuildsExactlyWhenAwsAcceptsIt(@ForAll("aliasLike") String name) {
        // A name that starts with alias/ in any case carries the prefix (which must then be lower case, as AWS
        // requires); any other name gets it.
        var full = name.toLowerCase(Locale.ROOT).startsWith("alias/") ? name : "alias/" + name;
        // AWS: alias/ then 1..250 of [A-Za-z0-9/_-], never alias/aws/ (reserved for AWS managed keys).
        var validForAws = full.matches("alias/[A-Za-z0-9/_-]+") && full.length() <= 256
                && !full.toLowerCase(Locale.ROOT).startsWith("alias/aws/");
        buildsOrNames("aliasName", b -> b.aliasName(name),
                () -> assertThat(validForAws).as("accepted %s", full).isTrue());
        if (validForAws) {
            assertThatCode(() -> valid().aliasName(name).build()).as("refused %s", full).doesNotThrowAnyException();
        }
    }

    @Property
    void anAcceptedRoleArnHasATwelveDigitAccountAndNoWildcard(@ForAll("arnLike") String arn) {
        buildsOrNames("allowedRoleArns[0]", b -> b.allowedRoleArns(arn),
                () -> assertThat(arn).matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+").doesNotContain("*", "?"));
    }

    @Property
    void anAcceptedServicePrincipalIsAnAwsServiceHost(@ForAll("serviceLike") String service) {
        buildsOrNames("allowedServices[0]", b -> b.allowedServices(service),
                () -> assertThat(service).matches("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?")
                        .doesNotContain("*", " ", ".."));
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

    /** kms:CreateGrant is accepted too: it is always rendered bound to kms:GrantIsForAWSResource. */
    @Property
    void anAcceptedActionIsADataActionOfASymmetricKeyOrABoundCreateGrant(@ForAll("actionLike") String action) {
        buildsOrNames("keyActions[0]", b -> b.keyActions(action),
                () -> assertThat(action.toLowerCase(Locale.ROOT)).isIn(union(SYMMETRIC_DATA_ACTIONS,
                        "kms:creategrant")));
    }

    private static Set<String> union(Set<String> values, String more) {
        var all = new java.util.HashSet<>(values);
        all.add(more);
        return all;
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
        var fuzzed = net.jqwik.api.Combinators.combine(partition, service, region, account, resource, name)
                .as((p, s, r, a, res, n) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res + n);
        var wellFormed = net.jqwik.api.Combinators.combine(Arbitraries.of("aws", "aws-cn", "aws-us-gov"),
                        Arbitraries.strings().numeric().ofLength(12),
                        Arbitraries.strings().withChars("abAB09+=,.@_-").ofMinLength(1).ofMaxLength(64))
                .as((p, a, n) -> "arn:" + p + ":iam::" + a + ":role/" + n);
        return Arbitraries.oneOf(fuzzed, wellFormed);
    }

    @Provide
    Arbitrary<String> serviceLike() {
        var host = Arbitraries.strings().withChars("abcxyz09-.*A ").ofMinLength(0).ofMaxLength(20);
        var suffix = Arbitraries.of(".amazonaws.com", ".amazonaws.com.cn", ".amazonaws.org", "", ".c2s.ic.gov",
                ".sc2s.sgov.gov");
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
