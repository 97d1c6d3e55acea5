package io.github.aidatakeys;

import io.github.aidatakeys.internal.KmsAction;
import io.github.aidatakeys.internal.KmsAction.Grantee;
import io.github.aidatakeys.internal.KmsAction.Kind;
import io.github.aidatakeys.internal.Rules;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyAction}, the argument checks, the key administrators' statement and the lint all read one table of KMS
 * actions ({@link KmsAction}): what the API offers is what the table grants to key users, and the table keeps the
 * security invariants every reader relies on.
 */
class KmsActionTableTest {

    @Test
    void keyActionOffersExactlyTheActionsTheTableGrantsToKeyUsersInTheTablesOrder() {
        assertThat(Arrays.stream(KeyAction.values()).map(KeyAction::actionName))
                .containsExactlyElementsOf(KmsAction.grantedTo(Grantee.KEY_USERS).stream()
                        .map(KmsAction::actionName).toList());
        for (var keyAction : KeyAction.values()) {
            var entry = KmsAction.fromActionName(keyAction.actionName()).orElseThrow();
            assertThat(keyAction.name()).isEqualTo(entry.name());
            assertThat(keyAction.isCryptographic()).as("%s", keyAction).isEqualTo(entry.isCryptographic());
        }
    }

    @Test
    void theCryptographicActionsAreTheKeyUsersActionsButDescribeKeyAndCreateGrant() {
        assertThat(Arrays.stream(KmsAction.values()).filter(KmsAction::isCryptographic))
                .containsExactlyElementsOf(KmsAction.grantedTo(Grantee.KEY_USERS).stream()
                        .filter(a -> a != KmsAction.DESCRIBE_KEY && a != KmsAction.CREATE_GRANT).toList());
        assertThat(Arrays.stream(KeyAction.values()).filter(a -> !a.isCryptographic()))
                .containsExactly(KeyAction.DESCRIBE_KEY, KeyAction.CREATE_GRANT);
    }

    @Test
    void keyUsersGetNoManagementActionButCreateGrantAndNoActionOutsideSymmetricKeys() {
        assertThat(KmsAction.grantedTo(Grantee.KEY_USERS))
                .filteredOn(a -> a.kind() == Kind.MANAGEMENT || a.kind() == Kind.NON_SYMMETRIC)
                .containsExactly(KmsAction.CREATE_GRANT);
    }

    @Test
    void keyAdministratorsGetNoCryptographicActionAndNoCreateGrantInAlphabeticalOrder() {
        var administrators = KmsAction.grantedTo(Grantee.KEY_ADMINISTRATORS);
        assertThat(administrators).noneMatch(KmsAction::isCryptographic).doesNotContain(KmsAction.CREATE_GRANT)
                .contains(KmsAction.PUT_KEY_POLICY, KmsAction.SCHEDULE_KEY_DELETION, KmsAction.DESCRIBE_KEY);
        assertThat(KmsAction.keyAdministratorActionNames())
                .containsExactlyInAnyOrderElementsOf(administrators.stream().map(KmsAction::actionName).toList())
                .isSorted();
    }

    @Test
    void theArgumentChecksRefuseTheTablesManagementAndNonSymmetricActionsIgnoringCase() {
        assertThat(Rules.MANAGEMENT_ACTIONS).hasSize((int) Arrays.stream(KmsAction.values())
                        .filter(a -> a.kind() == Kind.MANAGEMENT).count())
                .contains("kms:putkeypolicy", "kms:creategrant", "kms:replicatekey", "kms:updateprimaryregion")
                .allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)));
        assertThat(Rules.NON_SYMMETRIC_ACTIONS).containsExactlyInAnyOrder("kms:sign", "kms:verify",
                "kms:generatemac", "kms:verifymac", "kms:getpublickey", "kms:derivesharedsecret");
        assertThat(Rules.MANAGEMENT_ACTIONS).doesNotContainAnyElementsOf(Rules.NON_SYMMETRIC_ACTIONS)
                .doesNotContain("kms:decrypt", "kms:describekey");
    }

    @Test
    void actionNamesAreLookedUpIgnoringCase() {
        assertThat(KmsAction.fromActionName("KMS:PUTKEYPOLICY")).contains(KmsAction.PUT_KEY_POLICY);
        assertThat(KmsAction.fromActionName("kms:decrypt")).contains(KmsAction.DECRYPT);
        assertThat(KmsAction.fromActionName("kms:Decypt")).isEmpty();
        assertThat(KmsAction.fromActionName("kms:*")).isEmpty();
        assertThat(KmsAction.fromActionName(null)).isEmpty();
    }
}
