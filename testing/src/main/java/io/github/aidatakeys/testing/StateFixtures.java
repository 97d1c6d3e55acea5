package io.github.aidatakeys.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Recorded states for testing the plan's data-loss gate: a state exported from an offline run of the stack, then
 * edited the way a deployed stack differs from its program. Each edit returns a copy; the state given is unchanged.
 *
 * <pre>{@code
 * var run = OfflineStack.builder().projectName("my-stack").build().run(App::stack);
 * var deployed = StateFixtures.exported(run, "my-stack", "dev");
 * StateFixtures.write(states.resolve("match.json"), deployed);
 * StateFixtures.write(states.resolve("replace.json"),
 *         StateFixtures.withInput(deployed, "aws:kms/key:Key", "multiRegion", true));
 * StateFixtures.write(states.resolve("renamed.json"), StateFixtures.renamed(deployed, "ai-data", "ai-service"));
 * }</pre>
 * Then {@code OfflinePlan --state states/replace.json ...} must exit 1, naming the key.
 */
public final class StateFixtures {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private StateFixtures() {
    }

    /**
     * The state {@code pulumi stack export} would give after deploying the run: see {@link StackState#export}.
     *
     * @param run     an offline run of the stack (not a preview: values need to be known)
     * @param project the project name
     * @param stack   the stack name
     * @return the exported state, deployment version 3
     */
    public static JsonObject exported(OfflineResult run, String project, String stack) {
        return StackState.exportTree(run, project, stack);
    }

    /**
     * A copy of the state in which the first resource of a type had another input value when it was deployed.
     *
     * @param state a state, as from {@link #exported}
     * @param type  the resource type, such as {@code aws:kms/key:Key}
     * @param input the input's name, such as {@code description}
     * @param value the recorded value: a string, number, boolean, list or map
     * @return the edited copy
     * @throws IllegalArgumentException if the state holds no resource of that type
     */
    public static JsonObject withInput(JsonObject state, String type, String input, Object value) {
        var copy = state.deepCopy();
        first(copy, type).getAsJsonObject("inputs").add(input, PRETTY.toJsonTree(value));
        return copy;
    }

    /**
     * A copy of the state in which a component (and so each of its children) had another name: every URN, parent and
     * dependency whose resource name starts with {@code from} starts with {@code to} instead. Planned without an
     * alias, the resources of the old name leave the stack.
     *
     * @param state a state, as from {@link #exported}
     * @param from  the name (or name prefix) the program uses now
     * @param to    the name the state records
     * @return the edited copy
     */
    public static JsonObject renamed(JsonObject state, String from, String to) {
        var copy = state.deepCopy();
        for (var e : resources(copy)) {
            var r = e.getAsJsonObject();
            for (var field : List.of("urn", "parent")) {
                if (r.has(field)) {
                    r.addProperty(field, rename(r.get(field).getAsString(), from, to));
                }
            }
            if (r.has("dependencies")) {
                var renamed = new JsonArray();
                r.getAsJsonArray("dependencies").forEach(d -> renamed.add(rename(d.getAsString(), from, to)));
                r.add("dependencies", renamed);
            }
        }
        return copy;
    }

    /**
     * Writes a state as {@code pulumi stack export} does: indented JSON, ending with a new line.
     *
     * @param file  where to write it
     * @param state the state
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, JsonElement state) throws IOException {
        Files.writeString(file, PRETTY.toJson(state) + "\n", StandardCharsets.UTF_8);
    }

    private static JsonArray resources(JsonObject state) {
        return state.getAsJsonObject("deployment").getAsJsonArray("resources");
    }

    private static JsonObject first(JsonObject state, String type) {
        for (var r : resources(state)) {
            if (r.getAsJsonObject().get("type").getAsString().equals(type)) {
                return r.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("the state holds no resource of type " + type);
    }

    private static String rename(String urn, String from, String to) {
        var at = urn.lastIndexOf("::");
        var name = urn.substring(at + 2);
        return name.startsWith(from) ? urn.substring(0, at + 2) + to + name.substring(from.length()) : urn;
    }
}
