package io.github.aidatakeys.lint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/lint-rules.md documents every rule as the code defines it. */
class LintRulesDocTest {
    static final Path DOC = Path.of("..", "docs", "lint-rules.md");

    @Test
    void everyRuleHasARowWithItsIdTitleSeverityScannerChecksAndWaivability() throws IOException {
        var rows = Files.readAllLines(DOC).stream().filter(line -> line.startsWith("| AIK")).toList();
        var rules = List.of(LintRule.values()); // the page lists them in declaration order
        assertThat(rows).hasSize(rules.size());
        for (int i = 0; i < rows.size(); i++) {
            var rule = rules.get(i);
            var cells = rows.get(i).split(" \\| ", -1);
            assertThat(cells[0]).isEqualTo("| " + rule.id());
            assertThat(cells[1]).isEqualTo(rule.title());
            assertThat(cells[2]).isEqualTo(rule.defaultSeverity().name());
            assertThat(cells[3]).as(rule.id() + " mirrors").isEqualTo(listed(rule.mirrors()));
            assertThat(cells[4]).as(rule.id() + " related").isEqualTo(listed(rule.related()));
            assertThat(cells[cells.length - 1]).startsWith(rule.waivable() ? "Yes" : "No");
        }
    }

    static String listed(java.util.List<String> checks) {
        return checks.isEmpty() ? "none" : String.join(", ", checks);
    }

    @Test
    void servicesExemptFromTheSourceConditionAreListed() throws IOException {
        var doc = Files.readString(DOC);
        assertThat(PolicyLint.SERVICES_WITHOUT_SOURCE_CONTEXT).allSatisfy(s -> assertThat(doc).contains("`" + s + "`"));
    }
}
