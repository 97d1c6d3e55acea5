package io.github.aidatakeys.lint;

import io.github.aidatakeys.support.LintFixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.github.aidatakeys.support.LintFixtures.defaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lint's input and its rules: what is required, and the ids that must never change. */
class LintInputTest {
    @Test
    void documentsAreRequired() {
        assertThatThrownBy(() -> defaults().keyPolicyJson(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyPolicyJson is required; received: null");
        assertThatThrownBy(() -> defaults().trustPolicyJson(null).build())
                .hasMessage("trustPolicyJson is required; received: null");
        assertThatThrownBy(() -> defaults().rolePolicyJson(null).build())
                .hasMessage("rolePolicyJson is required; received: null");
    }

    @Test
    void rotationSettingIsRequired() {
        var builder = LintInput.builder().keyPolicyJson("{}").trustPolicyJson("{}").rolePolicyJson("{}")
                .accountId(LintFixtures.ACCOUNT).partition("aws");
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rotationEnabled is required; received: null");
    }

    @Test
    void accountIdMustBeTwelveDigits() {
        assertThatThrownBy(() -> defaults().accountId("12345678901").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accountId must be a 12-digit AWS account id; received: \"12345678901\"");
    }

    @Test
    void partitionMustBeAPartitionName() {
        assertThatThrownBy(() -> defaults().partition("arn:aws").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partition must be an AWS partition such as 'aws', 'aws-cn' or 'aws-us-gov'; received:"
                        + " \"arn:aws\"");
    }

    @Test
    void nullWaiverIsRejectedByPosition() {
        assertThatThrownBy(() -> defaults().waivers((Waiver) null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("waivers[0] must not be null; received: null");
    }

    @Test
    void lintNeedsAnInput() {
        assertThatThrownBy(() -> PolicyLint.lint(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input is required; received: null");
    }

    @Test
    void ruleIdsAreStableAndInOrder() {
        assertThat(Arrays.stream(LintRule.values()).map(LintRule::id)).containsExactly(
                "AIK000", "AIK001", "AIK002", "AIK003", "AIK004", "AIK005", "AIK006", "AIK007", "AIK008", "AIK009",
                "AIK010", "AIK011", "AIK012", "AIK013", "AIK014", "AIK015", "AIK016", "AIK017", "AIK018");
        assertThat(LintRule.values()).allSatisfy(rule -> assertThat(rule.title()).isNotBlank());
    }

    @Test
    void ruleIsFoundByItsIdIgnoringCase() {
        assertThat(LintRule.fromId("aik008")).contains(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID);
        assertThat(LintRule.fromId("AIK999")).isEmpty();
        assertThat(LintRule.fromId(null)).isEmpty();
    }

    @Test
    void onlyRulesThatDependOnTheStackCanBeWaived() {
        assertThat(Arrays.stream(LintRule.values()).filter(LintRule::waivable)).containsExactly(
                LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE, LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID,
                LintRule.TRUST_POLICY_TOO_LARGE, LintRule.ROTATION_DISABLED,
                LintRule.TRUST_POLICY_WILDCARD_WEB_IDENTITY_SUBJECT);
    }
}
