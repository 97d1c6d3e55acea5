package io.github.aidatakeys.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.test.Mocks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

import static io.github.aidatakeys.testing.OfflineResult.STACK_TYPE;
import static io.github.aidatakeys.testing.StackSettings.SECRET;

/**
 * The offline plan of a stack: what {@code pulumi preview} would show, and more, computed with no cloud and no
 * Pulumi CLI. It runs the stack program under the SDK's mock engine in preview mode and prints every resource
 * (type, name, parent, inputs, the options that matter), the rendered policy documents, who may do what with each
 * key, the policy-lint findings and the stack outputs. Values AWS computes at deploy time are shown as
 * {@value OfflineStack#UNKNOWN}, never invented.
 *
 * <p>From the command line (the stack's classes and this library on the class path):
 * <pre>{@code
 * java io.github.aidatakeys.testing.OfflinePlan --program com.example.App --project my-stack \
 *      --stack dev --stack-config Pulumi.dev.yaml [--format text|json|mermaid] \
 *      [--state state.json [--allow-key-replacement]] [--account ID] [--region REGION] [--partition PARTITION]
 * }</pre>
 * {@code --program} names a class with a {@code public static void stack(Context)} method. Without
 * {@code --project}, the project name is read from the {@code Pulumi.yaml} beside the stack settings file (or in
 * the current folder). The stack settings are read as the Pulumi CLI reads them (see {@link StackSettings}):
 * nested values reach the program as JSON, and a {@code secure:} value, which cannot be decrypted offline, reads
 * as {@value StackSettings#SECRET} and stays secret. The exit code is 0 when the program ran, 1 when it failed (a
 * lint error or a bad argument), 2 for bad command-line arguments or a settings file that is missing (the message
 * names it) or not valid.
 *
 * <p>With {@code --state} (a {@code pulumi stack export}, see {@link StackState}) the plan is made against the
 * deployed stack: each resource shows as created, imported, updated, replaced, deleted or unchanged (see
 * {@link ResourceChange}), and the data-loss guard exits 1, naming the resource, when a change would replace or
 * delete a KMS key, point an existing alias at another key, or leave a role without access to a key it could use;
 * {@code --allow-key-replacement} lets such a change through (exit 0, the findings still printed). The account,
 * Region and partition come from the flags, else the state's ARNs, else {@code aws:region} (see
 * {@link PlanEnvironment}). Resources are listed in dependency order.
 *
 * <p>From a test:
 * <pre>{@code
 * OfflinePlan plan = OfflinePlan.of(OfflinePlan.preview("my-stack", "dev", Map.of()).run(App::stack), "my-stack", "dev");
 * System.out.println(plan.text());
 *
 * OfflinePlan gate = OfflinePlan.plan(App::stack, PlanOptions.builder().project("my-stack")
 *         .state(StackState.read(Path.of("state.json"))).build());
 * assertThat(gate.exitCode()).as(gate.text()).isZero();
 * }</pre>
 */
public final class OfflinePlan {
    private static final String KEY = "aws:kms/key:Key";
    private static final String ALIAS = "aws:kms/alias:Alias";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    private final OfflineResult result;
    /**
     * The run as the plan shows it: every secret input and output reads {@value StackSettings#SECRET}, as in the
     * Pulumi CLI.
     */
    private final OfflineResult shown;
    private final String project;
    private final String stack;
    private final List<RecordedResource> ordered;
    private final @Nullable PlanEnvironment environment;
    private final @Nullable String stateSource;
    private final @Nullable List<ResourceChange> changes;
    private final List<String> guard;
    private final boolean allowKeyReplacement;

    private OfflinePlan(OfflineResult result, String project, String stack, @Nullable PlanEnvironment environment,
                        @Nullable StateMocks state, boolean allowKeyReplacement) {
        this.result = result;
        this.shown = hideSecrets(result);
        this.project = project;
        this.stack = stack;
        this.ordered = PlanOrder.of(shown);
        this.environment = environment;
        this.stateSource = state == null ? null : state.state().source();
        // Changes are computed from the real values (a secret is compared with its recorded plaintext); only what
        // is shown hides them.
        this.changes = state == null ? null : state.changes(PlanOrder.of(result));
        this.guard = state == null ? List.of() : DataLossGuard.findings(changes, result, state);
        this.allowKeyReplacement = allowKeyReplacement;
    }

    /**
     * A plan of a finished offline run.
     *
     * @param result  what the program registered, from a preview run
     * @param project the project name
     * @param stack   the stack name
     * @return the plan
     */
    public static OfflinePlan of(OfflineResult result, String project, String stack) {
        return new OfflinePlan(result, project, stack, null, null, false);
    }

    /**
     * Plans a stack program: against its recorded state when the options hold one (each resource then shows as
     * created, updated, replaced, deleted or unchanged, and the data-loss guard runs), else as a new stack.
     *
     * @param program the stack program, usually {@code App::stack}
     * @param options project, stack, settings, state and environment
     * @return the plan; {@link #exitCode()} says whether it may proceed
     */
    public static OfflinePlan plan(Consumer<Context> program, PlanOptions options) {
        var environment = options.environment();
        var fresh = previewMocks(environment);
        var state = options.state() == null ? null
                : new StateMocks(options.state(), fresh, options.project(), options.stack());
        var result = previewStack(options.project(), options.stack(), options.config(), options.secretConfig(),
                state == null ? fresh : state).run(program);
        return new OfflinePlan(result, options.project(), options.stack(), environment, state,
                options.allowKeyReplacement());
    }

    /**
     * An offline stack set up as a preview of a new stack: {@link AwsMocks#forPreview()} and preview mode.
     *
     * @param project the project name
     * @param stack   the stack name
     * @param config  stack configuration
     * @return the offline stack, ready to run
     */
    public static OfflineStack preview(String project, String stack, Map<String, String> config) {
        // The region the stack is configured for decides region-specific values such as kms:ViaService.
        var environment = PlanEnvironment.resolve(null, null, null, null, config);
        return previewStack(project, stack, config, Map.of(), previewMocks(environment));
    }

    /** Mocks for a new stack in the environment, computed values unknown as in a preview. */
    private static AwsMocks previewMocks(PlanEnvironment environment) {
        return new AwsMocks(environment.account(), environment.region(), environment.partition()).forPreview();
    }

    private static OfflineStack previewStack(String project, String stack, Map<String, String> config,
                                             Map<String, String> secretConfig, Mocks mocks) {
        return OfflineStack.builder().projectName(project).stackName(stack).config(config).secretConfig(secretConfig)
                .preview(true).mocks(mocks).build();
    }

    /**
     * What {@code OfflinePlan} exits with: 0 when the plan may proceed; 1 when the program failed, or when the
     * data-loss guard found a change that would lose access to encrypted data and it was not allowed.
     *
     * @return 0 or 1
     */
    public int exitCode() {
        return !succeeded() || blocked() ? 1 : 0;
    }

    /** Whether the data-loss guard stops the plan: it found something and that was not allowed. */
    private boolean blocked() {
        return !guard.isEmpty() && !allowKeyReplacement;
    }

    /**
     * What the plan would do to each resource, when it was made against a stack's state: the program's resources
     * in dependency order, then the deletions.
     *
     * @return the changes, or empty for a plan of a new stack
     */
    public Optional<List<ResourceChange>> changes() {
        return Optional.ofNullable(changes);
    }

    /**
     * The data-loss guard's findings: each names a key replaced or deleted, an alias moved to another key, or a
     * role cut off from a key it could use. Always empty for a plan of a new stack.
     *
     * @return the findings, one sentence each
     */
    public List<String> guardFindings() {
        return guard;
    }

    /**
     * The account, Region and partition the plan ran in.
     *
     * @return the environment, or empty for a plan made with {@link #of}
     */
    public Optional<PlanEnvironment> environment() {
        return Optional.ofNullable(environment);
    }

    /**
     * Returns whether the program ran without error: no lint error, no bad argument.
     *
     * @return whether the program ran without error: no lint error, no bad argument
     */
    public boolean succeeded() {
        return result.succeeded();
    }

    /**
     * Returns the run this plan describes.
     *
     * @return the run this plan describes
     */
    public OfflineResult result() {
        return result;
    }

    /**
     * One line for each grant of key use: which role, assumable by whom, may do what, on which key, under which
     * conditions.
     *
     * @return the access summary, one sentence per role policy statement
     */
    public List<String> accessSummary() {
        var lines = new ArrayList<String>();
        for (var policy : ofType(ROLE_POLICY)) {
            var role = sibling(ROLE, policy.parentName()).orElse(null);
            var roleName = role == null ? policy.input("role") : role.name();
            var keyName = sibling(KEY, policy.parentName()).map(k -> "key " + k.name()).orElse("the key");
            var alias = sibling(ALIAS, policy.parentName()).map(a -> a.input("name")).orElse(null);
            if (role != null) {
                lines.add("role " + roleName + " may be assumed by " + principals(role.input("assumeRolePolicy")));
            }
            var document = parse(policy.input("policy"));
            if (document == null) {
                lines.add("role " + roleName + ": policy " + (SECRET.equals(policy.input("policy")) ? SECRET
                        : OfflineStack.UNKNOWN));
                continue;
            }
            for (var s : document.getAsJsonObject().getAsJsonArray("Statement")) {
                var statement = s.getAsJsonObject();
                var sentence = new StringBuilder("role " + roleName + " may " + String.join(", ",
                        strings(statement.get("Action"))) + " on " + keyName + (alias == null ? "" : " (" + alias + ")"));
                if (statement.has("Condition")) {
                    sentence.append(" only ").append(conditions(statement.getAsJsonObject("Condition")));
                }
                lines.add(sentence.toString());
            }
        }
        for (var key : ofType(KEY)) {
            var alias = sibling(ALIAS, key.parentName()).map(a -> a.input("name")).orElse(null);
            for (var grant : keyPolicyGrants(key)) {
                lines.add("key policy of " + key.name() + (alias == null ? "" : " (" + alias + ")") + " lets "
                        + grant.who() + " " + String.join(", ", grant.actions())
                        + (grant.conditions().isEmpty() ? "" : " only " + grant.conditions()));
            }
        }
        return lines;
    }

    /** The resources of one type, in plan order. */
    private List<RecordedResource> ofType(String type) {
        return ordered.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The first resource of a type, in plan order, with the given parent; none for a resource without parent. */
    private Optional<RecordedResource> sibling(String type, @Nullable String parentName) {
        return parentName == null ? Optional.empty()
                : ofType(type).stream().filter(r -> parentName.equals(r.parentName())).findFirst();
    }

    /** Who the key policy lets use or manage the key besides the account root (which delegates to IAM). */
    private record KeyPolicyGrant(String who, List<String> actions, String conditions) {
    }

    private static List<KeyPolicyGrant> keyPolicyGrants(RecordedResource key) {
        var grants = new ArrayList<KeyPolicyGrant>();
        var document = parse(key.input("policy"));
        if (document == null) {
            return grants;
        }
        for (var s : document.getAsJsonObject().getAsJsonArray("Statement")) {
            var statement = s.getAsJsonObject();
            var actions = strings(statement.get("Action"));
            if (!statement.has("Principal") || actions.contains("kms:*")) {
                continue; // the root delegation: IAM policies of the account decide, as for the data role
            }
            grants.add(new KeyPolicyGrant(who(statement.get("Principal")), actions,
                    statement.has("Condition") ? conditions(statement.getAsJsonObject("Condition")) : ""));
        }
        return grants;
    }

    /**
     * Returns the plan as text, for people.
     *
     * @return the plan as text, for people
     */
    public String text() {
        var out = new StringBuilder();
        out.append("Offline plan of project ").append(project).append(", stack ").append(stack)
                .append(" (no cloud: values AWS computes at deploy time show as ").append(OfflineStack.UNKNOWN)
                .append(")\n");
        if (environment != null) {
            out.append("Account ").append(environment.account()).append(" (").append(environment.accountSource())
                    .append("), Region ").append(environment.region()).append(" (").append(environment.regionSource())
                    .append("), partition ").append(environment.partition()).append(" (")
                    .append(environment.partitionSource()).append(")\n");
        }
        if (stateSource != null) {
            out.append("Against the state in ").append(stateSource).append('\n');
        }
        out.append('\n');
        var resources = sorted();
        var changeOf = changes == null ? Map.<String, ResourceChange>of() : PlanOrder.byKey(changes);
        if (changes == null) {
            out.append("Resources to create: ").append(resources.size());
            var imported = resources.stream().filter(r -> r.importId() != null).count();
            if (imported > 0) {
                out.append(" (").append(imported).append(" of them imported: existing resources adopted, not created)");
            }
            out.append('\n');
        } else {
            out.append("Changes: ").append(ChangeText.summary(changes)).append('\n');
        }
        for (var r : resources) {
            var change = changeOf.get(r.type() + "::" + r.name());
            out.append("  ").append(change == null ? "+" : String.format("%-2s", change.kind().symbol()))
                    .append(changes == null ? " " : "  ").append(r.type()).append("  ").append(r.name());
            if (r.parentName() != null && !STACK_TYPE.equals(r.parentType())) {
                out.append("  (parent: ").append(r.parentName()).append(')');
            }
            var flags = new ArrayList<String>();
            if (r.retainOnDelete()) {
                flags.add("retainOnDelete");
            }
            if (r.protect()) {
                flags.add("protect");
            }
            if (!r.aliases().isEmpty()) {
                flags.add("aliases: " + r.aliases().size());
            }
            if (r.importId() != null) {
                flags.add("import: " + r.importId());
            }
            if (r.provider() != null) {
                flags.add("provider: " + r.provider());
            }
            if (!flags.isEmpty()) {
                out.append("  [").append(String.join(", ", flags)).append(']');
            }
            if (change != null) {
                out.append("  ").append(change.kind().word());
            }
            out.append('\n');
            if (change != null && change.kind() != ResourceChange.Kind.CREATE
                    && change.kind() != ResourceChange.Kind.IMPORT) {
                ChangeText.properties(change, out);
                continue;
            }
            new TreeMap<>(r.inputs()).forEach((k, v) -> {
                if (!isDocument(r.type(), k)) {
                    out.append("      ").append(k).append(": ").append(display(v)).append('\n');
                }
            });
        }
        if (changes != null) {
            ChangeText.deletions(changes, out);
        }
        out.append("\nPolicy documents\n");
        documents().forEach((title, json) -> {
            out.append("  ").append(title).append(":\n");
            for (var line : pretty(json).lines().toList()) {
                out.append("    ").append(line).append('\n');
            }
        });
        out.append("\nAccess\n");
        accessSummary().forEach(line -> out.append("  - ").append(line).append('\n'));
        out.append("\nPolicy lint\n");
        var lint = lintLines();
        if (lint.isEmpty()) {
            out.append("  no findings\n");
        }
        lint.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nOutputs\n");
        shown.outputs().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        if (changes != null) {
            ChangeText.guard(guard, allowKeyReplacement, out);
        }
        if (!result.succeeded()) {
            out.append("\nThe program failed: ")
                    .append(result.failure().map(Throwable::getMessage).orElse(String.join("; ", result.errors())))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Returns the plan as JSON, for CI.
     *
     * @return the plan as JSON, for CI
     */
    public String json() {
        var root = new JsonObject();
        root.addProperty("project", project);
        root.addProperty("stack", stack);
        root.addProperty("succeeded", result.succeeded());
        root.addProperty("exitCode", exitCode());
        var resources = new JsonArray();
        var gson = new GsonBuilder().disableHtmlEscaping().create();
        if (environment != null) {
            root.add("environment", gson.toJsonTree(environment));
        }
        var changeOf = changes == null ? Map.<String, ResourceChange>of() : PlanOrder.byKey(changes);
        for (var r : sorted()) {
            var o = new JsonObject();
            var change = changeOf.get(r.type() + "::" + r.name());
            if (change != null) {
                ChangeText.json(change, o);
            }
            o.addProperty("type", r.type());
            o.addProperty("name", r.name());
            o.addProperty("parent", r.parentName());
            o.addProperty("retainOnDelete", r.retainOnDelete());
            o.addProperty("protect", r.protect());
            if (r.importId() != null) {
                o.addProperty("importId", r.importId());
            }
            o.add("inputs", gson.toJsonTree(new TreeMap<>(r.inputs())));
            o.add("dependsOn", gson.toJsonTree(r.dependsOn()));
            resources.add(o);
        }
        if (changes != null) {
            changes.stream().filter(c -> c.kind() == ResourceChange.Kind.DELETE).forEach(c -> {
                var o = new JsonObject();
                ChangeText.json(c, o);
                o.addProperty("type", c.type());
                o.addProperty("name", c.name());
                resources.add(o);
            });
            var findings = new JsonObject();
            findings.add("findings", gson.toJsonTree(guard));
            findings.addProperty("allowKeyReplacement", allowKeyReplacement);
            findings.addProperty("blocks", blocked());
            root.add("guard", findings);
        }
        root.add("resources", resources);
        var documents = new JsonObject();
        documents().forEach((title, json) -> {
            var parsed = parse(json);
            documents.add(title, parsed == null ? gson.toJsonTree(json) : parsed);
        });
        root.add("policies", documents);
        root.add("access", gson.toJsonTree(accessSummary()));
        root.add("lint", gson.toJsonTree(lintLines()));
        root.add("outputs", gson.toJsonTree(shown.outputs()));
        result.failure().ifPresent(f -> root.addProperty("error", f.getMessage()));
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }

    /**
     * Returns a Mermaid flowchart of the resources, who may assume each role and what it may do with each key.
     *
     * @return a Mermaid flowchart of the resources, who may assume each role and what it may do with each key
     */
    public String mermaid() {
        var out = new StringBuilder("flowchart LR\n");
        var ids = new LinkedHashMap<String, String>();
        for (var r : sorted()) {
            var id = "r" + ids.size();
            ids.put(r.type() + "::" + r.name(), id);
        }
        for (var r : sorted()) {
            var id = ids.get(r.type() + "::" + r.name());
            if (id == null || !r.custom()) {
                continue;
            }
            out.append("    ").append(id).append("[\"").append(r.name()).append("<br/><small>").append(r.type())
                    .append("</small>\"]\n");
        }

        for (var component : sorted()) {
            if (component.custom()) {
                continue;
            }
            out.append("    subgraph ").append(ids.get(component.type() + "::" + component.name()))
                    .append("[\"").append(component.name()).append("\"]\n");
            for (var child : sorted()) {
                if (component.name().equals(child.parentName()) && child.custom()) {
                    out.append("        ").append(ids.get(child.type() + "::" + child.name())).append('\n');
                }
            }
            out.append("    end\n");
        }
        for (var r : sorted()) {
            var id = ids.get(r.type() + "::" + r.name());
            for (var dependency : r.dependsOn()) {
                var target = ids.get(dependency);
                if (id != null && target != null) {
                    out.append("    ").append(target).append(" --> ").append(id).append('\n');
                }
            }
        }
        int principal = 0;
        for (var role : sorted().stream().filter(r -> r.type().equals(ROLE)).toList()) {
            var roleId = ids.get(ROLE + "::" + role.name());
            var p = "p" + principal++;
            out.append("    ").append(p).append("([\"").append(principals(role.input("assumeRolePolicy")))
                    .append("\"]) -. assumes .-> ").append(roleId).append('\n');
            for (var key : sorted().stream().filter(r -> r.type().equals(KEY)).toList()) {
                if (key.parentName() != null && key.parentName().equals(role.parentName())) {
                    var policy = sibling(ROLE_POLICY, role.parentName());
                    var actions = policy.map(x -> parse(x.input("policy"))).map(OfflinePlan::actions).orElse("uses");
                    out.append("    ").append(roleId).append(" == \"").append(actions).append("\" ==> ")
                            .append(ids.get(KEY + "::" + key.name())).append('\n');
                }
            }
        }
        if (changes != null) {
            ChangeText.mermaid(changes, ids, out);
        }
        int user = 0;
        for (var key : sorted().stream().filter(r -> r.type().equals(KEY)).toList()) {
            for (var grant : keyPolicyGrants(key)) {
                var u = "u" + user++;
                out.append("    ").append(u).append("([\"").append(mermaidText(grant.who())).append("\"]) == \"")
                        .append(mermaidText(grant.actions().stream().map(a -> a.replace("kms:", ""))
                                .collect(Collectors.joining(", "))
                                + (grant.conditions().isEmpty() ? "" : " only " + grant.conditions())))
                        .append("\" ==> ").append(ids.get(KEY + "::" + key.name())).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The run with every secret value replaced by {@value StackSettings#SECRET}: secret inputs of each resource (and
     * the policies derived from them), and secret stack outputs. A plan is printed in CI logs; a secret must not be.
     */
    private static OfflineResult hideSecrets(OfflineResult run) {
        var resources = run.resources().stream().map(r -> r.secretInputs().isEmpty() ? r
                : new RecordedResource(r.type(), r.name(), r.parentType(), r.parentName(), r.custom(),
                        hide(r.inputs(), r.secretInputs()), hide(r.state(), r.secretInputs()), r.provider(),
                        r.retainOnDelete(), r.protect(), r.aliases(), r.dependsOn(), r.importId(), r.secretInputs()))
                .toList();
        return new OfflineResult(resources, hide(run.outputs(), run.secretOutputs()), run.errors(), run.exceptions(),
                run.logs(), run.exitCode(), run.secretOutputs());
    }

    private static Map<String, Object> hide(Map<String, Object> values, Set<String> secret) {
        var hidden = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> hidden.put(k, secret.contains(k) && v != null ? SECRET : v));
        return hidden;
    }

    /** Mermaid labels are quoted: a double quote inside one would end it. */
    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;");
    }

    /** In dependency order, by name where the order is free: see {@link PlanOrder}. */
    private List<RecordedResource> sorted() {
        return ordered;
    }

    /** Numbers travel as doubles in the Pulumi protocol: 30.0 days reads better as 30. */
    private static Object display(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return value;
    }

    private Map<String, String> documents() {
        var documents = new LinkedHashMap<String, String>();
        sorted().stream().filter(r -> r.type().equals(KEY))
                .forEach(r -> documents.put("key policy of " + r.name(), r.input("policy")));
        sorted().stream().filter(r -> r.type().equals(ROLE))
                .forEach(r -> documents.put("trust policy of " + r.name(), r.input("assumeRolePolicy")));
        sorted().stream().filter(r -> r.type().equals(ROLE_POLICY))
                .forEach(r -> documents.put("inline policy " + r.name(), r.input("policy")));
        return documents;
    }

    private List<String> lintLines() {
        var lines = new ArrayList<String>();
        for (var log : result.logs()) {
            if (log.startsWith("WARNING ") && log.contains(" AIK")) {
                lines.add(log.substring("WARNING ".length()).replaceFirst("^warning: ", ""));
            }
        }
        result.failure().ifPresent(f -> {
            if (f.getMessage() != null && f.getMessage().contains("AIK")) {
                for (var line : f.getMessage().lines().toList()) {
                    if (line.contains("AIK")) {
                        lines.add(line.trim());
                    }
                }
            }
        });
        return lines;
    }

    static boolean isDocument(String type, String input) {
        return (type.equals(KEY) && input.equals("policy")) || (type.equals(ROLE) && input.equals("assumeRolePolicy"))
                || (type.equals(ROLE_POLICY) && input.equals("policy"));
    }

    /** A policy document as JSON, or {@code null} when it is absent, unknown, secret or not JSON. */
    static @Nullable JsonElement parse(@Nullable String json) {
        if (json == null || json.equals(OfflineStack.UNKNOWN) || json.equals(SECRET)) {
            return null;
        }
        try {
            return JsonParser.parseString(json);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String pretty(String json) {
        var parsed = parse(json);
        return parsed == null ? String.valueOf(json)
                : new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(parsed);
    }

    /** The strings of a policy element that holds one string or an array of them; none for an absent one. */
    static List<String> strings(@Nullable JsonElement element) {
        var values = new ArrayList<String>();
        if (element == null || element.isJsonNull()) {
            return values;
        }
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }

    private static String principals(String trustPolicy) {
        var document = parse(trustPolicy);
        if (document == null) {
            return SECRET.equals(trustPolicy) ? SECRET : OfflineStack.UNKNOWN;
        }
        var parts = new ArrayList<String>();
        for (var s : document.getAsJsonObject().getAsJsonArray("Statement")) {
            var statement = s.getAsJsonObject();
            if (!statement.has("Principal")) {
                continue;
            }
            var part = who(statement.get("Principal"));
            if (statement.has("Condition")) {
                part += " " + conditions(statement.getAsJsonObject("Condition"));
            }
            parts.add(part);
        }
        return String.join("; ", parts);
    }

    /** A Principal element for people: {@code "*"} as it is, else each principal after its kind. */
    private static String who(JsonElement principal) {
        if (principal.isJsonPrimitive()) {
            return principal.getAsString();
        }
        var who = new ArrayList<String>();
        principal.getAsJsonObject().entrySet()
                .forEach(e -> strings(e.getValue()).forEach(v -> who.add(e.getKey() + " " + v)));
        return String.join(", ", who);
    }

    private static String conditions(JsonObject condition) {
        var parts = new ArrayList<String>();
        for (var operator : condition.entrySet()) {
            for (var key : operator.getValue().getAsJsonObject().entrySet()) {
                var values = String.join(" or ", strings(key.getValue()));
                var name = key.getKey();
                if (name.startsWith("kms:EncryptionContext:")) {
                    parts.add("with encryption context " + name.substring("kms:EncryptionContext:".length()) + "="
                            + values);
                } else if (name.equals("kms:EncryptionContextKeys")) {
                    parts.add(operator.getKey().equals("Null") ? "with an encryption context"
                            : "with encryption context keys among " + values);
                } else if (name.equals("kms:ViaService")) {
                    parts.add("via " + values);
                } else if (name.equals("kms:GrantIsForAWSResource")) {
                    parts.add("for grants AWS services create for AWS resources");

                } else {
                    parts.add("when " + name + " " + operator.getKey() + " " + values);
                }
            }
        }
        return String.join(", ", parts);
    }

    private static String actions(JsonElement document) {
        if (document == null) {
            return "uses";
        }
        var actions = new ArrayList<String>();
        for (var s : document.getAsJsonObject().getAsJsonArray("Statement")) {
            strings(s.getAsJsonObject().get("Action")).forEach(a -> actions.add(a.replace("kms:", "")));
        }
        return String.join(", ", actions);
    }

    /**
     * Prints the offline plan of a stack program. See the class description for the arguments.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns its exit code instead of exiting.
     *
     * @param args the command-line arguments
     * @param out  where the plan goes
     * @param err  where usage errors go
     * @return 0 when the plan may proceed, 1 when the program failed or the data-loss guard blocks it, 2 for bad
     *         arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String program = null;
        String project = null;
        var stackName = "dev";
        var format = "text";
        Path settingsFile = null;
        var config = new LinkedHashMap<String, String>();
        var secretConfig = new LinkedHashMap<String, String>();
        var options = PlanOptions.builder();
        PlanOptions planOptions;
        try {
            args = splitEquals(args);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--state" -> {
                        // An empty value (the plan profile's default) means: plan a new stack.
                        var file = value(args, ++i, "--state");
                        options.state(file.isBlank() ? null : StackState.read(Path.of(file)));
                    }
                    case "--allow-key-replacement" -> {
                        var next = i + 1 < args.length ? args[i + 1] : "";
                        options.allowKeyReplacement(!next.equals("false"));
                        if (next.equals("true") || next.equals("false")) {
                            i++;
                        }
                    }
                    case "--account" -> options.account(blankToNull(value(args, ++i, "--account")));
                    case "--region" -> options.region(blankToNull(value(args, ++i, "--region")));
                    case "--partition" -> options.partition(blankToNull(value(args, ++i, "--partition")));
                    case "--program" -> program = value(args, ++i, "--program");
                    case "--project" -> project = value(args, ++i, "--project");
                    case "--stack" -> stackName = value(args, ++i, "--stack");
                    case "--stack-config" -> settingsFile = Path.of(value(args, ++i, "--stack-config"));
                    case "--config" -> {
                        var pair = value(args, ++i, "--config").split("=", 2);
                        config.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                    case "--format" -> {
                        format = value(args, ++i, "--format");
                        if (!List.of("text", "json", "mermaid").contains(format)) {
                            throw new IllegalArgumentException("--format must be text, json or mermaid");
                        }
                    }
                    case "--json" -> format = "json";
                    case "--mermaid" -> format = "mermaid";
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (program == null) {
                throw new IllegalArgumentException("--program is required");
            }
            if (settingsFile != null) {
                var settings = StackSettings.read(settingsFile);
                // --config given on the command line wins over the file, as `pulumi config set` would.
                settings.plainConfig().forEach(config::putIfAbsent);
                settings.secretConfig().forEach((k, v) -> {
                    if (!config.containsKey(k)) {
                        secretConfig.put(k, v);
                    }
                });
            }
            if (project == null) {
                // As the Pulumi CLI does: the project file sits beside the stack settings (or in the current folder).
                var dir = settingsFile == null ? null : settingsFile.toAbsolutePath().getParent();
                project = StackSettings.projectName((dir == null ? Path.of("") : dir).resolve("Pulumi.yaml"));
            }
            planOptions = options.project(project).stack(stackName).config(config).secretConfig(secretConfig).build();
            // A bad --account, --region or --partition is a usage error (exit 2), found before the program runs.
            planOptions.environment();
        } catch (NoSuchFileException e) {
            err.println("offline plan: " + e.getFile() + " does not exist"
                    + (e.getFile().endsWith("Pulumi.yaml") ? " (give the project name with --project)" : ""));
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("offline plan: " + e.getMessage());
            err.println("usage: OfflinePlan --program <class with static stack(Context)> [--project NAME] "
                    + "[--stack NAME] [--stack-config Pulumi.<stack>.yaml] [--config key=value]... "
                    + "[--format text|json|mermaid] [--state <pulumi stack export file>] [--allow-key-replacement] "
                    + "[--account ID] [--region REGION] [--partition aws|aws-cn|aws-us-gov]");
            return 2;
        }
        Consumer<Context> stack;
        try {
            stack = stackMethod(program);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            err.println("offline plan: " + program + " has no public static void stack(com.pulumi.Context): " + e);
            return 2;
        }
        var plan = plan(stack, planOptions);
        out.print(switch (format) {
            case "json" -> plan.json() + "\n";
            case "mermaid" -> plan.mermaid();
            default -> plan.text();
        });
        out.flush();
        if (plan.succeeded() && plan.blocked()) {
            err.println("offline plan: blocked by the data-loss guard: " + String.join("; ", plan.guardFindings()));
        }
        return plan.exitCode();
    }

    /** {@code --flag=value} is {@code --flag value}: Maven passes a property as one argument that way. */
    private static String[] splitEquals(String[] args) {
        var split = new ArrayList<String>();
        for (var arg : args) {
            var eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2 && !arg.startsWith("--config")) {
                split.add(arg.substring(0, eq));
                split.add(arg.substring(eq + 1));
            } else {
                split.add(arg);
            }
        }
        return split.toArray(String[]::new);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static Consumer<Context> stackMethod(String className) throws ReflectiveOperationException {
        Method method = Class.forName(className).getMethod("stack", Context.class);
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("stack(Context) must be static");
        }
        return ctx -> {
            try {
                method.invoke(null, ctx);
            } catch (ReflectiveOperationException e) {
                var cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                throw cause;
            }
        };
    }
}
