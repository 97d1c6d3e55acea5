package io.github.aidatakeys.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the plan words a changed input. */
class ChangeTextTest {
    private static final String BEFORE = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    private static final String AFTER = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\"}]}";

    private static String changed(String type, String input) {
        var change = new ResourceChange(ResourceChange.Kind.UPDATE, "urn:pulumi:dev::p::" + type + "::r", type, "r",
                null, List.of(new ResourceChange.Property(input, BEFORE, AFTER, false)), false);
        var out = new StringBuilder();
        ChangeText.properties(change, out);
        return out.toString();
    }

    /** The documents of the key, the role and its policy are printed whole under "Policy documents". */
    @Test
    void aChangedDocumentOfTheComponentPointsToThePolicyDocuments() {
        assertThat(changed("aws:iam/rolePolicy:RolePolicy", "policy"))
                .isEqualTo("      ~ policy: document changed (the new one is under Policy documents)\n");
        assertThat(changed("aws:iam/role:Role", "assumeRolePolicy"))
                .isEqualTo("      ~ assumeRolePolicy: document changed (the new one is under Policy documents)\n");
    }

    /** A policy of another resource is not among the printed documents: the change itself is shown. */
    @Test
    void aChangedPolicyOfAnotherResourceIsShownWhereItChanged() {
        assertThat(changed("aws:s3/bucketPolicy:BucketPolicy", "policy"))
                .startsWith("      ~ policy: \"{")
                .contains(" => ")
                .doesNotContain("Policy documents");
    }
}
