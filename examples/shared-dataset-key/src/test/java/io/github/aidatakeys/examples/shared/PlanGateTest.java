package io.github.aidatakeys.examples.shared;

import com.google.gson.JsonElement;
import io.github.aidatakeys.testing.PlanCommand;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.StackSettings;
import io.github.aidatakeys.testing.StackState;
import io.github.aidatakeys.testing.StateFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline plan as a gate before {@code pulumi up}, run against recorded states of this stack, as CI runs it
 * against {@code pulumi stack export}. The states in {@code src/test/resources/states} were written by
 * {@link StateFixtures} from an offline run of this program, then edited:
 * <ul>
 *   <li>{@code match.json}: as deployed; nothing changes;</li>
 *   <li>{@code description.json}: the key had an earlier description; an update in place;</li>
 *   <li>{@code replace.json}: the key was multi-Region; the program's single-Region key would replace it;</li>
 *   <li>{@code renamed.json}: the component was called {@code reviews-dataset}; renamed without an alias, the old key
 *       leaves the stack and a new one is created.</li>
 * </ul>
 * After a change to the program, write them again: {@code mvn test -Dtest=PlanGateTest -Dstates.update=true}.
 */
class PlanGateTest {
    static final Path STATES = Path.of("src/test/resources/states");
    static final String PROJECT = "shared-dataset-key";

    static PlanCommand.Result gate(String state, String... more) {
        var args = new ArrayList<>(List.of("--program", App.class.getName(), "--project", PROJECT, "--stack", "dev",
                "--stack-config", "Pulumi.dev.yaml", "--state", STATES.resolve(state + ".json").toString()));
        args.addAll(List.of(more));
        return PlanCommand.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}: exit {1}")
    @CsvSource(delimiter = '|', textBlock = """
            match       | 0 | Changes: 6 unchanged
            description | 0 | ~ description: "An earlier description of the key" => "Encrypts the product-reviews dataset, its readers' copies and its pipeline's logs"
            replace     | 1 | key dataset-product-reviews-key would be REPLACED (multiRegion true => false forces a new key)
            renamed     | 1 | key reviews-dataset-key would be DELETED from the stack
            """)
    void theGateStopsAChangeThatWouldLoseAccessToEncryptedData(String state, int exit, String says) {
        var run = gate(state);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(exit);
        assertThat(run.out()).contains(says);
        if (exit == 1) {
            assertThat(run.err()).startsWith("offline plan: blocked by the data-loss guard: ").contains(says);
        }
    }

    @ParameterizedTest
    @CsvSource({"replace", "renamed"})
    void theAllowFlagLetsAnIntendedChangeThrough(String state) {
        var run = gate(state, "--allow-key-replacement");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("ALLOWED by --allow-key-replacement");
    }

    @Test
    void theMatchingStateAnswersWithItsRecordedIds() throws IOException {
        var key = StackState.read(STATES.resolve("match.json")).resources().stream()
                .filter(r -> r.type().equals("aws:kms/key:Key")).findFirst().orElseThrow();
        assertThat(gate("match").out()).contains("_arn: " + key.output("arn"))
                .contains("Account 123456789012 (state), Region us-east-1 (state), partition aws (state)");
    }

    @Test
    @EnabledIfSystemProperty(named = "states.update", matches = "true")
    void writeStates() throws IOException {
        var config = StackSettings.read(Path.of("Pulumi.dev.yaml")).plainConfig();
        var run = OfflineStack.builder().projectName(PROJECT).config(config).build().run(App::stack);
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        var match = StateFixtures.exported(run, PROJECT, "dev");
        write("match", match);
        write("description", StateFixtures.withInput(match, "aws:kms/key:Key", "description",
                "An earlier description of the key"));
        write("replace", StateFixtures.withInput(match, "aws:kms/key:Key", "multiRegion", true));
        write("renamed", StateFixtures.renamed(match, "dataset-product-reviews", "reviews-dataset"));
    }

    static void write(String name, JsonElement state) throws IOException {
        StateFixtures.write(STATES.resolve(name + ".json"), state);
    }
}
