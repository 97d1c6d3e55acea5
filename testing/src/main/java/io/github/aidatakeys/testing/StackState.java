package io.github.aidatakeys.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import javax.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.github.aidatakeys.testing.OfflineResult.STACK_TYPE;

/**
 * A stack's recorded state, as {@code pulumi stack export} writes it (deployment version 3): every resource with
 * its URN, id, inputs, outputs, parent and dependencies. {@link OfflinePlan} plans against it, so that resources
 * the stack already holds answer with their recorded outputs and the plan says what would be created, updated,
 * replaced or deleted.
 *
 * <pre>{@code
 * // pulumi stack export --file state.json
 * StackState state = StackState.read(Path.of("state.json"));
 * state.resources().forEach(r -> System.out.println(r.urn()));
 * }</pre>
 *
 * <p>Secrets: an export made without {@code --show-secrets} holds secret values encrypted. They are read as
 * {@link Secret} values whose plaintext is unknown; the plan cannot compare them and says so.
 */
public final class StackState {
    /** The deployment version {@code pulumi stack export} writes, and the only one read. */
    public static final int DEPLOYMENT_VERSION = 3;
    // Pulumi marks a secret in state with this property and value; its plaintext (with --show-secrets) or its
    // ciphertext sits beside it. https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go
    private static final String SECRET_SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";
    private static final Pattern ARN = Pattern.compile("^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}):.+");

    private final String source;
    private final List<Resource> resources;
    private final Map<String, Resource> byUrn;

    private StackState(String source, List<Resource> resources) {
        this.source = source;
        this.resources = List.copyOf(resources);
        var index = new LinkedHashMap<String, Resource>();
        resources.forEach(r -> index.put(r.urn(), r));
        this.byUrn = Collections.unmodifiableMap(index);
    }

    /**
     * One resource of the state.
     *
     * @param urn            the resource's URN, {@code urn:pulumi:<stack>::<project>::<type chain>::<name>}
     * @param type           the type token, such as {@code aws:kms/key:Key}
     * @param name           the logical name (the URN's last part)
     * @param custom         {@code false} for component resources
     * @param id             the provider's id, or {@code null} (components)
     * @param parent         the parent's URN, or {@code null}
     * @param provider       the provider reference ({@code <provider urn>::<provider id>}), or {@code null}
     * @param inputs         the inputs the resource was last deployed with: strings, numbers (as {@code Double}),
     *                       booleans, lists, maps and {@link Secret}s
     * @param outputs        the outputs the provider returned, in the same form
     * @param dependencies   the URNs of the resources it depends on
     * @param retainOnDelete whether deleting it from the stack leaves it in the cloud
     * @param protect        whether Pulumi refuses to delete or replace it
     */
    public record Resource(
            String urn,
            String type,
            String name,
            boolean custom,
            @Nullable String id,
            @Nullable String parent,
            @Nullable String provider,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            List<String> dependencies,
            boolean retainOnDelete,
            boolean protect) {

        /**
         * An input as a string: the plaintext of a readable secret, {@code null} when absent or unreadable.
         *
         * @param key the input's name
         * @return the value as a string, or {@code null}
         */
        public @Nullable String input(String key) {
            return text(inputs.get(key));
        }

        /**
         * An output as a string: the plaintext of a readable secret, {@code null} when absent or unreadable.
         *
         * @param key the output's name
         * @return the value as a string, or {@code null}
         */
        public @Nullable String output(String key) {
            return text(outputs.get(key));
        }

        private static @Nullable String text(@Nullable Object value) {
            if (value instanceof Secret secret) {
                value = secret.plaintext();
            }
            if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
                return String.valueOf(d.longValue());
            }
            return value == null ? null : String.valueOf(value);
        }
    }

    /**
     * A value the state holds as a secret.
     *
     * @param plaintext the value, when the export was made with {@code --show-secrets}; {@code null} when only its
     *                  ciphertext was exported
     */
    public record Secret(@Nullable Object plaintext) {
        /**
         * Returns whether the plaintext was exported.
         *
         * @return whether the plaintext was exported
         */
        public boolean readable() {
            return plaintext != null;
        }

        /** Never shows the plaintext. */
        @Override
        public String toString() {
            return StackSettings.SECRET;
        }
    }

    /**
     * Reads a {@code pulumi stack export} file.
     *
     * @param file the file
     * @return the state
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a version-3 deployment export; the message names the file
     */
    public static StackState read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("state file " + file + " does not exist (write it with "
                    + "`pulumi stack export --file " + file + "`)", missing);
        }
        return parse(json, file.toString());
    }

    /**
     * Parses the text of a {@code pulumi stack export}.
     *
     * @param json   the exported text
     * @param source where it came from, for error messages
     * @return the state
     * @throws IllegalArgumentException if it is not a version-3 deployment export
     */
    public static StackState parse(String json, String source) {
        Objects.requireNonNull(json, "json");
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException notJson) {
            throw new IllegalArgumentException("state " + source + " is not JSON: " + notJson.getMessage(), notJson);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("state " + source + " must be the JSON object `pulumi stack export` "
                    + "writes; received " + kind(root));
        }
        var object = root.getAsJsonObject();
        var version = object.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != DEPLOYMENT_VERSION) {
            throw new IllegalArgumentException("state " + source + " must be a deployment of version "
                    + DEPLOYMENT_VERSION + " (`pulumi stack export`); received version " + version);
        }
        var deployment = object.get("deployment");
        if (deployment == null || !deployment.isJsonObject()) {
            throw new IllegalArgumentException("state " + source + " has no \"deployment\" object");
        }
        var list = deployment.getAsJsonObject().get("resources");
        var resources = new ArrayList<Resource>();
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                throw new IllegalArgumentException("state " + source + ": deployment.resources must be an array; "
                        + "received " + kind(list));
            }
            int index = 0;
            for (var element : list.getAsJsonArray()) {
                resources.add(resource(element, source, index++));
            }
        }
        return new StackState(source, resources);
    }

    private static Resource resource(JsonElement element, String source, int index) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("state " + source + ": deployment.resources[" + index
                    + "] must be an object; received " + kind(element));
        }
        var r = element.getAsJsonObject();
        var urn = string(r, "urn");
        var type = string(r, "type");
        if (urn == null || type == null || !urn.startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("state " + source + ": deployment.resources[" + index
                    + "] needs a \"urn\" (urn:pulumi:...) and a \"type\"; received urn " + urn + ", type " + type);
        }
        var dependencies = new ArrayList<String>();
        if (r.get("dependencies") instanceof JsonArray array) {
            array.forEach(d -> dependencies.add(d.getAsString()));
        }
        return new Resource(urn, type, Urns.name(urn), !r.has("custom") || r.get("custom").getAsBoolean(),
                string(r, "id"), string(r, "parent"), string(r, "provider"), map(r.get("inputs")),
                map(r.get("outputs")), List.copyOf(dependencies), bool(r, "retainOnDelete"), bool(r, "protect"));
    }

    /**
     * Returns where this state was read from.
     *
     * @return where this state was read from (a file name, or what {@link #parse} was given)
     */
    public String source() {
        return source;
    }

    /**
     * Returns every resource, in the order of the export.
     *
     * @return every resource, in the order of the export (which is dependency order)
     */
    public List<Resource> resources() {
        return resources;
    }

    /**
     * The resource with this URN.
     *
     * @param urn a URN
     * @return the resource, or empty
     */
    public Optional<Resource> resource(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }

    /**
     * The account the stack's resources live in, read from the ARNs the state records.
     *
     * @return the 12-digit account id, or empty when no recorded ARN names one
     */
    public Optional<String> account() {
        return arnPart(4, null);
    }

    /**
     * The Region of the stack's resources, read from the ARNs of its regional resources (KMS keys first).
     *
     * @return the Region, or empty when no recorded ARN names one
     */
    public Optional<String> region() {
        return arnPart(3, "kms").or(() -> arnPart(3, null));
    }

    /**
     * The partition of the stack's resources, read from the ARNs the state records.
     *
     * @return {@code aws}, {@code aws-cn} or {@code aws-us-gov}, or empty when no recorded ARN names one
     */
    public Optional<String> partition() {
        return arnPart(1, null);
    }

    private Optional<String> arnPart(int group, @Nullable String service) {
        for (var r : resources) {
            if (!r.custom() || !r.type().startsWith("aws:")) {
                continue;
            }
            var arn = r.output("arn");
            if (arn == null) {
                continue;
            }
            var m = ARN.matcher(arn);
            if (m.matches() && (service == null || service.equals(m.group(2))) && !m.group(group).isEmpty()) {
                return Optional.of(m.group(group));
            }
        }
        return Optional.empty();
    }

    /**
     * Writes what an offline run registered as a {@code pulumi stack export} would show it after
     * {@code pulumi up}: a starting point for test fixtures (run without preview, so that ids and ARNs are
     * known; then edit the file to describe the deployed stack). To keep fixtures small, outputs that repeat an
     * input and the stack's own outputs are left out: a plan reads a resource's outputs over its inputs anyway.
     *
     * <pre>{@code
     * var run = OfflineStack.builder().projectName("my-stack").build().run(App::stack);
     * Files.writeString(Path.of("src/test/resources/state.json"), StackState.export(run, "my-stack", "dev"));
     * }</pre>
     *
     * @param run     a finished run, not a preview
     * @param project the project name
     * @param stack   the stack name
     * @return the export, pretty-printed JSON
     */
    public static String export(OfflineResult run, String project, String stack) {
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create()
                .toJson(exportTree(run, project, stack)) + "\n";
    }

    /** What {@link #export} writes, as a JSON tree: a new one each call, free to edit. */
    static JsonObject exportTree(OfflineResult run, String project, String stack) {
        var gson = new GsonBuilder().disableHtmlEscaping().create();
        var resources = new JsonArray();
        var stackUrn = Urns.urn(stack, project, null, STACK_TYPE, project + "-" + stack);
        var stackResource = new JsonObject();
        stackResource.addProperty("urn", stackUrn);
        stackResource.addProperty("custom", false);
        stackResource.addProperty("type", STACK_TYPE);
        resources.add(stackResource);
        // In dependency order, as Pulumi writes its state: the same program always gives the same file.
        for (var r : PlanOrder.of(run)) {
            var o = new JsonObject();
            o.addProperty("urn", urnOf(r, run, project, stack));
            o.addProperty("custom", r.custom());
            if (r.custom()) {
                o.addProperty("id", idOf(r));
            }
            o.addProperty("type", r.type());
            var parent = r.parentName() == null || STACK_TYPE.equals(r.parentType()) ? stackUrn
                    : urnOf(run.resource(r.parentType(), r.parentName()), run, project, stack);
            o.addProperty("parent", parent);
            if (r.retainOnDelete()) {
                o.addProperty("retainOnDelete", true);
            }
            if (r.protect()) {
                o.addProperty("protect", true);
            }
            if (!r.inputs().isEmpty()) {
                o.add("inputs", gson.toJsonTree(new TreeMap<>(r.inputs())));
            }
            var outputs = new TreeMap<String, Object>();
            if (r.custom()) {
                r.state().forEach((k, v) -> {
                    if (!Objects.equals(r.inputs().get(k), v)) {
                        outputs.put(k, v);
                    }
                });
            }
            if (!outputs.isEmpty()) {
                o.add("outputs", gson.toJsonTree(outputs));
            }
            var dependencies = new JsonArray();
            for (var dependency : r.dependsOn()) {
                var split = dependency.indexOf("::");
                var target = run.resources().stream().filter(x -> x.type().equals(dependency.substring(0, split))
                        && x.name().equals(dependency.substring(split + 2))).findFirst();
                target.ifPresent(t -> dependencies.add(urnOf(t, run, project, stack)));
            }
            if (!dependencies.isEmpty()) {
                o.add("dependencies", dependencies);
            }
            resources.add(o);
        }
        var deployment = new JsonObject();
        var manifest = new JsonObject();
        manifest.addProperty("magic", "");
        manifest.addProperty("version", "");
        deployment.add("manifest", manifest);
        deployment.add("resources", resources);
        var root = new JsonObject();
        root.addProperty("version", DEPLOYMENT_VERSION);
        root.add("deployment", deployment);
        return root;
    }

    /** The id a provider would have returned: what the mocks answered, kept in the recorded state. */
    private static String idOf(RecordedResource r) {
        var state = r.state();
        return switch (r.type()) {
            case "aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey" -> String.valueOf(state.get("keyId"));
            case "aws:iam/rolePolicy:RolePolicy" -> state.get("role") + ":" + state.get("name");
            default -> String.valueOf(state.getOrDefault("name", r.name() + "-id"));
        };
    }

    private static String urnOf(RecordedResource r, OfflineResult run, String project, String stack) {
        return Urns.urn(stack, project, qualifiedParentType(r, run), r.type(), r.name());
    }

    private static @Nullable String qualifiedParentType(RecordedResource r, OfflineResult run) {
        if (r.parentName() == null || STACK_TYPE.equals(r.parentType())) {
            return null;
        }
        var parent = run.resource(r.parentType(), r.parentName());
        var above = qualifiedParentType(parent, run);
        return above == null ? parent.type() : above + "$" + parent.type();
    }

    private static @Nullable String string(JsonObject o, String key) {
        var v = o.get(key);
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }

    private static boolean bool(JsonObject o, String key) {
        var v = o.get(key);
        return v != null && v.isJsonPrimitive() && v.getAsBoolean();
    }

    private static Map<String, Object> map(@Nullable JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            return Map.of();
        }
        var out = new LinkedHashMap<String, Object>();
        element.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return Collections.unmodifiableMap(out);
    }

    /** JSON as plain Java values, the form the mocks see: numbers as Double, secrets as {@link Secret}. */
    static @Nullable Object value(@Nullable JsonElement element) {
        if (element == null || element instanceof JsonNull) {
            return null;
        }
        if (element instanceof JsonPrimitive p) {
            return p.isBoolean() ? (Object) p.getAsBoolean() : p.isNumber() ? (Object) p.getAsDouble() : p.getAsString();
        }
        if (element instanceof JsonArray array) {
            var list = new ArrayList<Object>();
            array.forEach(e -> list.add(value(e)));
            return Collections.unmodifiableList(list);
        }
        var object = element.getAsJsonObject();
        if (object.has(SECRET_SIG) && SECRET_SIG_VALUE.equals(string(object, SECRET_SIG))) {
            if (object.has("plaintext")) {
                return new Secret(value(JsonParser.parseString(object.get("plaintext").getAsString())));
            }
            return new Secret(object.has("value") ? value(object.get("value")) : null);
        }
        var map = new LinkedHashMap<String, Object>();
        object.entrySet().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        return Collections.unmodifiableMap(map);
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonPrimitive() ? "the value " + e : e.isJsonNull() ? "null" : "an object";
    }

    /** URNs as the Pulumi engine writes them. https://www.pulumi.com/docs/iac/concepts/resources/names/#urns */
    static final class Urns {
        private Urns() {
        }

        /** The stack itself is no part of its children's type chain. */
        static String urn(String stack, String project, @Nullable String parentQualifiedType, String type, String name) {
            return "urn:pulumi:" + stack + "::" + project + "::"
                    + (parentQualifiedType == null ? "" : parentQualifiedType + "$") + type + "::" + name;
        }

        static String name(String urn) {
            var parts = urn.split("::", 4);
            return parts.length < 4 ? urn : parts[3];
        }

        static String qualifiedType(String urn) {
            var parts = urn.split("::", 4);
            return parts.length < 4 ? "" : parts[2];
        }

        static String stack(String urn) {
            return urn.split("::", 2)[0].substring("urn:pulumi:".length());
        }

        static String project(String urn) {
            var parts = urn.split("::", 4);
            return parts.length < 2 ? "" : parts[1];
        }
    }
}
