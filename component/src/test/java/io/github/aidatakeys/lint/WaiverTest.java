package io.github.aidatakeys.lint;

import io.github.aidatakeys.support.LintFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.aidatakeys.support.LintFixtures.CROSS_ACCOUNT_TRUST_POLICY;
import static io.github.aidatakeys.support.LintFixtures.edit;
import static io.github.aidatakeys.support.LintFixtures.lint;
import static io.github.aidatakeys.support.LintFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waivers: a waived rule blocks nothing, and stays visible with its reason. */
class WaiverTest {
    static final String REASON = "210987654321 is our own CI account";
    static final Waiver CROSS_ACCOUNT = new Waiver(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID, REASON);

    static String crossAccountTrust() {
        return edit(CROSS_ACCOUNT_TRUST_POLICY, "TrustedAwsPrincipalsAssumeRole", s -> {
            s.remove("Condition");
            s.add("Principal", object("{\"AWS\":\"arn:aws:iam::210987654321:role/ci\"}"));
        });
    }

    @Test
    void waivedRuleIsNoErrorAndIsReportedAsWaived() {
        var report = lint(b -> b.trustPolicyJson(crossAccountTrust()).waivers(CROSS_ACCOUNT));
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.errors()).isEmpty();
        assertThat(report.summary()).isEqualTo("Policy lint found no errors");
        assertThat(report.waived()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.statementSid()).isEqualTo("TrustedAwsPrincipalsAssumeRole");
            assertThat(f.waived()).isTrue();
            assertThat(f.waiver()).isEqualTo(CROSS_ACCOUNT);
            assertThat(f).hasToString("ERROR AIK008 [trustPolicy/TrustedAwsPrincipalsAssumeRole] Principals of"
                    + " another account must be bound with an sts:ExternalId condition that must match a fixed value;"
                    + " received: \"arn:aws:iam::210987654321:role/ci\" without a Condition (related: checkov"
                    + " CKV_AWS_61); waived: " + REASON);
        });
        assertThat(report.findings()).containsExactlyElementsOf(report.waived());
    }

    @Test
    void unwaivedCrossAccountTrustIsAnError() {
        var report = lint(b -> b.trustPolicyJson(crossAccountTrust()));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK008");
        assertThat(report.waived()).isEmpty();
    }

    @Test
    void waivedWarningIsNoLongerAWarning() {
        var report = lint(b -> b.rotationEnabled(false)
                .waivers(new Waiver(LintRule.ROTATION_DISABLED, "data re-encrypted under a new key every month")));
        assertThat(report.warnings()).isEmpty();
        assertThat(report.waived()).extracting(f -> f.rule().id()).containsExactly("AIK013");
    }

    @Test
    void waiverOfARuleThatFindsNothingChangesNothing() {
        var report = lint(b -> b.waivers(CROSS_ACCOUNT));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void waiverCoversOnlyItsOwnRule() {
        var report = lint(b -> b.trustPolicyJson(crossAccountTrust()).rotationEnabled(false)
                .waivers(new Waiver(LintRule.ROTATION_DISABLED, "rotated by an external process")));
        assertThat(report.errors()).extracting(f -> f.rule().id()).containsExactly("AIK008");
        assertThat(report.waived()).extracting(f -> f.rule().id()).containsExactly("AIK013");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void waiverWithBlankReasonIsRejected(String reason) {
        assertThatThrownBy(() -> new Waiver(LintRule.ROTATION_DISABLED, reason))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must say why the rule does not apply to this stack (not blank); received: \""
                        + reason + "\"");
    }

    @Test
    void waiverWithoutReasonIsRejected() {
        assertThatThrownBy(() -> new Waiver(LintRule.ROTATION_DISABLED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason is required; received: null");
    }

    @Test
    void waiverWithoutRuleIsRejected() {
        assertThatThrownBy(() -> new Waiver(null, REASON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule is required; received: null");
    }

    @Test
    void waiverOfAnInvariantIsRejected() {
        assertThatThrownBy(() -> new Waiver(LintRule.ROLE_POLICY_WILDCARD_ACTION, REASON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule must be a rule that can be waived (AIK007, AIK008, AIK012, AIK013, AIK014); the"
                        + " others are invariants of the component; received: AIK001");
    }

    @Test
    void twoWaiversOfOneRuleAreRejected() {
        assertThatThrownBy(() -> LintFixtures.defaults()
                .waivers(CROSS_ACCOUNT, new Waiver(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID, "again"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("waivers must waive each rule at most once, but [0] and [1] both waive; received: AIK008");
    }
}
