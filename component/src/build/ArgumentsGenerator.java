import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the component's argument classes from their declaration ({@code src/main/arguments/*.json}).
 *
 * <p>Run by the build (generate-sources) with the JDK's source launcher:
 * {@code java -cp <gson> src/build/ArgumentsGenerator.java <declaration> <output directory>}. It writes:
 * <ul>
 *   <li>the public Args class: {@code @Import}/{@code @Doc} fields, getters, a builder with an {@code Output} and a
 *       plain setter per argument (and a varargs one for lists), the declared typed forms, and {@code build()},
 *       which returns a copy that the builder can no longer change;</li>
 *   <li>{@code Argument}: package-private, one constant per {@code Output} argument with its getter, its own rule
 *       and the derived values it flows into (what validation and secrecy read);</li>
 *   <li>{@code CheckedArguments}: the typed values after each argument's own rule;</li>
 *   <li>{@code ArgumentDefaults}: the declared defaults;</li>
 *   <li>{@code internal/Limits}: the declared limits, each with its source, that the rules check against.</li>
 * </ul>
 * Every number in a documented range comes from a limit ({@code {NAME}} in the text), and every documented default
 * from the declared default, so documentation and checks cannot drift apart. A declaration the generator does not
 * understand fails the build with the argument's name.
 */
public final class ArgumentsGenerator {
    private static final String INDENT = "    ";
    private static final int WIDTH = 116;

    private final JsonObject root;
    private final String pkg;
    private final String cls;
    private final Map<String, Long> limits = new LinkedHashMap<>();
    private final Map<String, String> limitSources = new LinkedHashMap<>();
    private final List<Arg> args = new ArrayList<>();
    private final String declarationPath;

    public static void main(String[] argv) throws IOException {
        if (argv.length != 2) {
            throw new IllegalArgumentException("usage: ArgumentsGenerator <declaration.json> <output directory>");
        }
        var declaration = Path.of(argv[0]);
        var out = Path.of(argv[1]);
        var json = JsonParser.parseString(Files.readString(declaration, StandardCharsets.UTF_8)).getAsJsonObject();
        new ArgumentsGenerator(json, "src/main/arguments/" + declaration.getFileName()).writeAll(out);
    }

    /** One declared argument. */
    private static final class Arg {
        String name;
        String type;
        boolean plain;
        boolean required;
        String checked;
        String description;
        JsonElement defaultValue;
        String defaultDoc;
        String range;
        JsonObject rule;
        List<String> flowsInto = new ArrayList<>();
        boolean replacesKey;
        String javadoc;
        JsonArray forms;
        String note;

        boolean isList() {
            return type.startsWith("List<");
        }

        boolean isMap() {
            return type.startsWith("Map<");
        }

        String element() {
            return type.substring("List<".length(), type.length() - 1);
        }

        String constant() {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }

        String checkedType() {
            return checked != null ? checked : type;
        }
    }

    private ArgumentsGenerator(JsonObject root, String declarationPath) {
        this.root = root;
        this.declarationPath = declarationPath;
        this.pkg = root.get("package").getAsString();
        this.cls = root.get("class").getAsString();
        for (var e : root.getAsJsonObject("limits").entrySet()) {
            var limit = e.getValue().getAsJsonObject();
            limits.put(e.getKey(), limit.get("value").getAsLong());
            limitSources.put(e.getKey(), limit.get("source").getAsString());
        }
        var names = new LinkedHashSet<String>();
        for (var element : root.getAsJsonArray("arguments")) {
            var o = element.getAsJsonObject();
            var a = new Arg();
            a.name = string(o, "name", null);
            if (!names.add(a.name)) {
                throw fail(a.name, "is declared twice");
            }
            a.type = string(o, "type", a.name);
            var input = o.has("input") ? o.get("input").getAsString() : "output";
            if (!input.equals("plain") && !input.equals("output")) {
                throw fail(a.name, "has \"input\": \"" + input + "\"; it is \"output\" (the default) or \"plain\"");
            }
            a.plain = input.equals("plain");
            a.required = o.has("required") && o.get("required").getAsBoolean();
            a.checked = o.has("checked") ? o.get("checked").getAsString() : null;
            a.description = text(o.get("description"));
            a.defaultValue = o.get("default");
            a.defaultDoc = o.has("defaultDoc") ? text(o.get("defaultDoc")) : null;
            a.range = o.has("range") ? text(o.get("range")) : null;
            a.rule = o.has("rule") ? o.getAsJsonObject("rule") : null;
            if (o.has("flowsInto")) {
                o.getAsJsonArray("flowsInto").forEach(f -> a.flowsInto.add(f.getAsString()));
            }
            a.replacesKey = o.has("replacesKey") && o.get("replacesKey").getAsBoolean();
            a.javadoc = o.has("javadoc") ? text(o.get("javadoc")) : null;
            a.forms = o.has("forms") ? o.getAsJsonArray("forms") : new JsonArray();
            a.note = o.has("note") ? text(o.get("note")) : null;
            validate(a);
            args.add(a);
        }
    }

    private void validate(Arg a) {
        if (!a.name.matches("[a-z][A-Za-z0-9]*")) {
            throw fail(a.name, "must be a lowerCamelCase name");
        }
        if (a.description == null || a.description.isBlank()) {
            throw fail(a.name, "needs a description");
        }
        if (a.required && (a.defaultValue != null || a.defaultDoc != null)) {
            throw fail(a.name, "is required and so has no default");
        }
        if (!a.required && a.defaultValue == null && a.defaultDoc == null) {
            throw fail(a.name, "needs a default (\"default\": a value, or \"defaultDoc\": what applies when it is not "
                    + "given)");
        }
        if (a.defaultValue != null && a.defaultDoc != null && !a.defaultDoc.contains("`" + literalText(a) + "`")) {
            throw fail(a.name, "documents its default as \"" + a.defaultDoc + "\", which does not show the declared "
                    + "default `" + literalText(a) + "`");
        }
        if (a.plain && (a.rule != null || !a.flowsInto.isEmpty())) {
            throw fail(a.name, "is a plain input: its rule lives where it is read, and it flows into no policy");
        }
        if (!a.plain && a.flowsInto.isEmpty()) {
            throw fail(a.name, "must say which derived values it flows into (\"flowsInto\"): secrecy follows them");
        }
        if (a.rule != null && a.rule.has("between") && a.range != null) {
            throw fail(a.name, "has a \"between\" rule, which writes its range itself: drop \"range\"");
        }
        range(a);
    }

    // ---------------------------------------------------------------------------------------------------- output

    private void writeAll(Path out) throws IOException {
        var dir = out.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir.resolve("internal"));
        write(dir.resolve(cls + ".java"), argsClass());
        write(dir.resolve("Argument.java"), argumentEnum());
        write(dir.resolve("CheckedArguments.java"), checkedRecord());
        write(dir.resolve("ArgumentDefaults.java"), defaultsClass());
        write(dir.resolve("internal/Limits.java"), limitsClass());
    }

    private static void write(Path file, String text) throws IOException {
        // Unchanged files keep their time stamp, so an unchanged declaration recompiles nothing.
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String header() {
        return "// Generated from " + declarationPath + " by src/build/ArgumentsGenerator.java: edit the declaration,\n"
                + "// not this file (docs/contributing.md, \"Adding an argument\").\n";
    }

    private String argsClass() {
        var b = new StringBuilder(header());
        b.append("package ").append(pkg).append(";\n\n");
        var imports = new TreeSet<>(List.of("com.pulumi.core.Output", "com.pulumi.core.annotations.Import",
                "com.pulumi.resources.ResourceArgs", pkg + ".internal.Doc", "java.util.List", "java.util.Optional",
                "javax.annotation.Nullable", "java.util.Arrays", "java.util.Map"));
        imports.forEach(i -> b.append("import ").append(i).append(";\n"));
        b.append("\n");
        b.append(javadoc("", lines(root.get("javadoc"))));
        b.append("public final class ").append(cls).append(" extends ResourceArgs {\n");
        for (var a : args) {
            b.append(INDENT).append("@Import(name = \"").append(a.name).append('"')
                    .append(a.required ? ", required = true" : "").append(")\n");
            b.append(INDENT).append("@Doc(description = ").append(javaString(a.description, 2));
            var defaultDoc = defaultDoc(a);
            if (!defaultDoc.isEmpty()) {
                b.append(",\n").append(INDENT).append(INDENT).append("defaultValue = ")
                        .append(javaString(defaultDoc, 3));
            }
            var range = range(a);
            if (!range.isEmpty()) {
                b.append(",\n").append(INDENT).append(INDENT).append("range = ").append(javaString(range, 3));
            }
            if (a.replacesKey) {
                b.append(",\n").append(INDENT).append(INDENT).append("replacesKey = true");
            }
            b.append(")\n");
            b.append(INDENT).append("private @Nullable ").append(fieldType(a)).append(' ').append(a.name)
                    .append(";\n\n");
        }
        b.append(INDENT)
                .append("/** For the Pulumi runtime, which fills the fields by reflection. Use {@link #builder()}. */\n");
        b.append(INDENT).append("private ").append(cls).append("() {\n").append(INDENT).append("}\n\n");
        for (var a : args) {
            if (a.required) {
                b.append(method(INDENT, docBody(a) + "\n\n@return the value set on the builder (never null in "
                                + "arguments returned by {@link Builder#build()})",
                        "public " + fieldType(a) + " " + a.name + "()", "return this." + a.name + ";"));
            } else {
                b.append(method(INDENT, docBody(a) + "\n\n@return the value set on the builder, or empty when the "
                                + "default applies",
                        "public Optional<" + fieldType(a) + "> " + a.name + "()",
                        "return Optional.ofNullable(this." + a.name + ");"));
            }
        }
        b.append(method(INDENT, "Starts a builder.\n\n@return a new builder with every default",
                "public static Builder builder()", "return new Builder(new " + cls + "());"));
        b.append(method(INDENT, "Starts a builder holding the values of existing arguments, which it does not change."
                        + "\n\n@param defaults arguments to copy\n@return a new builder",
                "public static Builder builder(" + cls + " defaults)", "return new Builder(defaults.copy());"));
        var copy = new ArrayList<String>();
        copy.add("var copy = new " + cls + "();");
        args.forEach(a -> copy.add("copy." + a.name + " = this." + a.name + ";"));
        copy.add("return copy;");
        b.append(method(INDENT, null, "private " + cls + " copy()", copy.toArray(String[]::new)));
        b.append(builderClass());
        b.append("}\n");
        return b.toString();
    }

    private String builderClass() {
        var b = new StringBuilder();
        var in = INDENT + INDENT;
        b.append(javadoc(INDENT, "Builds {@link " + cls + "}. Not thread-safe; {@link #build()} may be called more "
                + "than once, and each result stays as it was built."));
        b.append(INDENT).append("public static final class Builder {\n");
        b.append(in).append("private final ").append(cls).append(" $;\n\n");
        b.append(method(in, null, "private Builder(" + cls + " start)", "this.$ = start;"));
        for (var a : args) {
            var body = docBody(a);
            if (a.plain) {
                b.append(method(in, body + "\n\n@param value the value; {@code null} restores the default"
                                + "\n@return this builder",
                        "public Builder " + a.name + "(@Nullable " + a.type + " value)",
                        "$." + a.name + " = " + copied(a, "value") + ";", "return this;"));
            } else {
                b.append(method(in, body + "\n\n@param value the value, or an {@code Output} of it; validated when "
                                + "it is known\n@return this builder",
                        "public Builder " + a.name + "(@Nullable " + fieldType(a) + " value)",
                        "$." + a.name + " = value;", "return this;"));
                b.append(method(in, body + "\n\n@param value the value; {@code null} "
                                + (a.required ? "unsets it ({@link #build()} then fails)" : "restores the default")
                                + "\n@return this builder",
                        "public Builder " + a.name + "(@Nullable " + a.type + " value)",
                        "return " + a.name + "(value == null ? null : Output.of(" + copied(a, "value") + "));"));
            }
            if (a.isList()) {
                b.append(method(in, "Varargs form of {@link #" + a.name + "(List)}.\n\n@param values the values"
                                + "\n@return this builder",
                        "public Builder " + a.name + "(" + a.element() + "... values)",
                        "return " + a.name + "(Arrays.asList(values));"));
            }
            for (var f : a.forms) {
                var form = f.getAsJsonObject();
                var name = form.has("method") ? form.get("method").getAsString() : a.name;
                b.append(javadoc(in, lines(form.get("javadoc"))));
                b.append(method(in, null, "public Builder " + name + "(" + form.get("params").getAsString() + ")",
                        "return " + a.name + "(" + form.get("value").getAsString() + ");"));
            }
        }
        b.append(method(in, "Checks every argument that is already known and returns the arguments: a copy that "
                        + "later calls on this builder do not change.\n\n@return the arguments\n"
                        + "@throws IllegalArgumentException if a value breaks a rule, naming the argument, the rule and "
                        + "the value\n@throws IllegalStateException if two arguments conflict",
                "public " + cls + " build()",
                "var built = $.copy();", "KeySettings.checkBuilt(\"\", built);", "return built;"));
        b.setLength(b.length() - 1);
        b.append(INDENT).append("}\n");
        return b.toString();
    }

    /** A method: its Javadoc (none when {@code null}), its signature and its body, then an empty line. */
    private static String method(String indent, String doc, String signature, String... body) {
        var b = new StringBuilder(doc == null ? "" : javadoc(indent, doc));
        b.append(indent).append(signature).append(" {\n");
        for (var line : body) {
            b.append(indent).append(INDENT).append(line).append('\n');
        }
        return b.append(indent).append("}\n\n").toString();
    }

    /** A plain list or map stored as an unmodifiable copy, so that the caller's later changes do not reach it. */
    private static String copied(Arg a, String name) {
        return a.isList() || a.isMap() ? "Values.copy(" + name + ")" : name;
    }

    private String argumentEnum() {
        var b = new StringBuilder(header());
        b.append("package ").append(pkg).append(";\n\n");
        b.append("import com.pulumi.core.Output;\n");
        b.append("import ").append(pkg).append(".KeySettings.Derived;\n");
        b.append("import ").append(pkg).append(".internal.Limits;\n");
        b.append("import ").append(pkg).append(".internal.Rules;\n\n");
        b.append("import java.util.Arrays;\nimport java.util.Collections;\nimport java.util.EnumSet;\n")
                .append("import java.util.Optional;\nimport java.util.Set;\nimport java.util.function.BiFunction;\n")
                .append("import java.util.function.Function;\nimport javax.annotation.Nullable;\n\n");
        b.append(javadoc("", "Every argument of {@link " + cls + "} given as an {@code Output}: where it comes from, "
                + "the rule it must pass on its own (checked as soon as its value is known, whatever the other "
                + "arguments), and the {@link Derived} values it flows into (secret when it is given as a secret). "
                + "Rules that relate several arguments are in {@link KeySettings}: they run once all are known."));
        b.append("enum Argument {\n");
        var outputs = args.stream().filter(a -> !a.plain).toList();
        for (int i = 0; i < outputs.size(); i++) {
            var a = outputs.get(i);
            if (a.note != null) {
                b.append(INDENT).append("// ").append(a.note).append("\n");
            }
            var getter = a.required ? "args -> Optional.ofNullable(args." + a.name + "())" : cls + "::" + a.name;
            b.append(INDENT).append(a.constant()).append("(\"").append(a.name).append("\", ").append(getter)
                    .append(",\n").append(INDENT).append(INDENT).append(ruleExpression(a));
            for (var d : a.flowsInto) {
                b.append(", Derived.").append(d);
            }
            b.append(i == outputs.size() - 1 ? ");\n\n" : "),\n");
        }
        b.append("""
                    final String argument;
                    // Method references and stateless lambdas, and an unmodifiable EnumSet: immutable, though their
                    // declared types cannot say so.
                    @SuppressWarnings("ImmutableEnumChecker")
                    final Function<%1$s, Optional<? extends Output<?>>> getter;
                    @SuppressWarnings("ImmutableEnumChecker")
                    final BiFunction<String, Object, Object> rule;
                    @SuppressWarnings("ImmutableEnumChecker")
                    final Set<Derived> flowsInto;

                    Argument(String argument, Function<%1$s, Optional<? extends Output<?>>> getter,
                             BiFunction<String, Object, Object> rule, Derived... flowsInto) {
                        this.argument = argument;
                        this.getter = getter;
                        this.rule = rule;
                        this.flowsInto = Collections.unmodifiableSet(
                                Derived.withLint(EnumSet.copyOf(Arrays.asList(flowsInto))));
                    }

                    /**
                     * The argument's own rule: the checked value, defaults not yet applied (null when not given).
                     *
                     * @param value the value as given, or null
                     * @return the checked value, or null
                     */
                    @Nullable
                    Object check(@Nullable Object value) {
                        return rule.apply(argument, value);
                    }
                """.formatted(cls));
        b.append("}\n");
        return b.toString();
    }

    private String ruleExpression(Arg a) {
        if (a.rule == null) {
            return "ArgumentRules::any";
        }
        var r = a.rule;
        if (r.has("required")) {
            return "ArgumentRules.required(" + r.get("required").getAsString() + ")";
        }
        if (r.has("string")) {
            return "ArgumentRules.string(" + r.get("string").getAsString() + ")";
        }
        if (r.has("each")) {
            return "ArgumentRules.list(" + r.get("each").getAsString() + ")";
        }
        if (r.has("entries")) {
            var e = r.getAsJsonArray("entries");
            return "ArgumentRules.map(" + e.get(0).getAsString() + ", " + e.get(1).getAsString() + ")";
        }
        if (r.has("between")) {
            var e = r.getAsJsonArray("between");
            return "ArgumentRules.between(Limits." + e.get(0).getAsString() + ", Limits." + e.get(1).getAsString()
                    + ", \"" + r.get("unit").getAsString() + "\")";
        }
        if (r.has("custom")) {
            return r.get("custom").getAsString();
        }
        throw fail(a.name, "has a rule the generator does not know: " + r + " (required, string, each, entries, "
                + "between or custom)");
    }

    private String checkedRecord() {
        var b = new StringBuilder(header());
        b.append("package ").append(pkg).append(";\n\n");
        b.append("import java.util.List;\nimport java.util.Map;\nimport java.util.Set;\n")
                .append("import javax.annotation.Nullable;\n\n");
        b.append(javadoc("", "The {@code Output} arguments after each one's own rule, typed: {@code null} (or empty) "
                + "where an argument was not given, so that {@link KeySettings} can tell a default from a given value. "
                + "Also which arguments were given as secrets, and every value inside them."));
        b.append("record CheckedArguments(\n");
        for (var a : args) {
            if (a.plain) {
                continue;
            }
            b.append(INDENT).append(INDENT).append(a.required ? "" : "@Nullable ").append(a.checkedType()).append(' ')
                    .append(a.name).append(",\n");
        }
        b.append(INDENT).append(INDENT).append("Set<Argument> secret,\n");
        b.append(INDENT).append(INDENT).append("Set<Object> secretValues) {\n\n");
        b.append(javadoc(INDENT, "Reads the checked values, each as the type its rule returns.\n\n"
                + "@param values each argument's checked value\n@param secret the arguments given as secrets\n"
                + "@param secretValues every value inside them\n@return the typed values"));
        b.append(INDENT)
                .append("// Each rule returns its argument's declared checked type: the one place that says so.\n");
        b.append(INDENT).append("@SuppressWarnings(\"unchecked\")\n");
        b.append(INDENT).append("static CheckedArguments of(Map<Argument, Object> values, Set<Argument> secret, "
                + "Set<Object> secretValues) {\n");
        b.append(INDENT).append(INDENT).append("return new CheckedArguments(\n");
        for (var a : args) {
            if (a.plain) {
                continue;
            }
            b.append(INDENT).append(INDENT).append(INDENT).append(INDENT).append('(').append(a.checkedType())
                    .append(") values.get(Argument.").append(a.constant()).append("),\n");
        }
        b.append(INDENT).append(INDENT).append(INDENT).append(INDENT).append("secret, secretValues);\n")
                .append(INDENT).append("}\n");
        for (var a : args) {
            if (a.plain || a.required) {
                continue;
            }
            String accessor;
            String fallback;
            if (a.defaultValue != null) {
                accessor = "OrDefault";
                fallback = "ArgumentDefaults." + a.constant();
            } else if (a.isList() || a.isMap()) {
                // "Empty", not "default": a documented default such as keyActions' preset is applied where it is used.
                accessor = "OrEmpty";
                fallback = a.isList() ? "List.of()" : "Map.of()";
            } else {
                continue;
            }
            b.append("\n").append(javadoc(INDENT, "Returns {@code " + a.name + "}, or "
                    + (a.defaultValue != null ? "its default" : "an empty one") + " when not given.\n\n@return the value"));
            b.append(INDENT).append(a.checkedType()).append(' ').append(a.name).append(accessor).append("() {\n")
                    .append(INDENT).append(INDENT).append("return ").append(a.name).append(" == null ? ")
                    .append(fallback).append(" : ").append(a.name).append(";\n").append(INDENT).append("}\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private String defaultsClass() {
        var b = new StringBuilder(header());
        b.append("package ").append(pkg).append(";\n\n");
        b.append(javadoc("", "The declared defaults of {@link " + cls + "}: what applies when an argument is not "
                + "given. The documentation of each argument is written from the same value."));
        b.append("final class ArgumentDefaults {\n");
        b.append(INDENT).append("private ArgumentDefaults() {\n").append(INDENT).append("}\n");
        for (var a : args) {
            if (a.defaultValue == null) {
                continue;
            }
            b.append("\n").append(javadoc(INDENT, "The default of {@code " + a.name + "}."));
            b.append(INDENT).append("static final ").append(primitive(a.type)).append(' ').append(a.constant())
                    .append(" = ").append(javaLiteral(a)).append(";\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private String limitsClass() {
        var b = new StringBuilder(header());
        b.append("package ").append(pkg).append(".internal;\n\n");
        b.append(javadoc("", "The limits that the rules check arguments against, each with its source. The "
                + "documented range of every argument is written from the same constants, so the two cannot drift."));
        b.append("public final class Limits {\n");
        b.append(INDENT).append("private Limits() {\n").append(INDENT).append("}\n");
        for (var e : limits.entrySet()) {
            b.append("\n").append(javadoc(INDENT, escapeJavadoc(limitSources.get(e.getKey()))));
            b.append(INDENT).append("public static final int ").append(e.getKey()).append(" = ")
                    .append(e.getValue()).append(";\n");
        }
        b.append("}\n");
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ documentation

    /** The Markdown range: {@code {LIMIT}} replaced by its value ({@code {LIMIT:,}} with thousands separators). */
    private String range(Arg a) {
        if (a.rule != null && a.rule.has("between")) {
            var e = a.rule.getAsJsonArray("between");
            return limit(a, e.get(0).getAsString()) + " to " + limit(a, e.get(1).getAsString());
        }
        if (a.range == null) {
            return "";
        }
        Matcher m = Pattern.compile("\\{([A-Z_0-9]+)(:,)?}").matcher(a.range);
        var out = new StringBuilder();
        while (m.find()) {
            long value = limit(a, m.group(1));
            m.appendReplacement(out, m.group(2) == null ? Long.toString(value)
                    : String.format(Locale.ROOT, "%,d", value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private long limit(Arg a, String name) {
        var value = limits.get(name);
        if (value == null) {
            throw fail(a.name, "names the limit " + name + ", which \"limits\" does not declare");
        }
        return value;
    }

    private String defaultDoc(Arg a) {
        if (a.required) {
            return "";
        }
        return a.defaultDoc != null ? a.defaultDoc : "`" + literalText(a) + "`";
    }

    /** The Javadoc of a getter or setter: description, range, default, replacement; Markdown turned into HTML. */
    private String docBody(Arg a) {
        var text = new StringBuilder(sentence(markdownToJavadoc(a.description)));
        if (a.rule != null && a.rule.has("between")) {
            var e = a.rule.getAsJsonArray("between");
            text.append(" Between ").append(limit(a, e.get(0).getAsString())).append(" and ")
                    .append(limit(a, e.get(1).getAsString())).append(' ').append(a.rule.get("unit").getAsString())
                    .append('.');
        } else if (a.range != null) {
            text.append(' ').append(sentence(markdownToJavadoc(range(a))));
        }
        if (a.required) {
            text.append(" Required.");
        } else {
            text.append(" Defaults to ").append(sentence(markdownToJavadoc(defaultDoc(a))));
        }
        if (a.replacesKey) {
            text.append(" Changing this replaces the key: a replaced key cannot decrypt what the old one encrypted.");
        }
        if (a.javadoc != null) {
            text.append(' ').append(a.javadoc);
        }
        return text.toString();
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    static String markdownToJavadoc(String markdown) {
        var out = new StringBuilder();
        var parts = markdown.split("`", -1);
        if (parts.length % 2 == 0) {
            throw new IllegalArgumentException("unbalanced backticks in: " + markdown);
        }
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) {
                var code = parts[i];
                if (code.contains("*/") || code.chars().filter(c -> c == '{').count()
                        != code.chars().filter(c -> c == '}').count()) {
                    throw new IllegalArgumentException("a code span Javadoc cannot hold: `" + code + "`");
                }
                out.append("{@code ").append(code).append('}');
            } else {
                out.append(escapeJavadoc(parts[i]));
            }
        }
        return out.toString();
    }

    private static String escapeJavadoc(String text) {
        if (text.contains("*/")) {
            throw new IllegalArgumentException("text Javadoc cannot hold: " + text);
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "{@literal @}");
    }

    /** A Javadoc comment from prose: each line of {@code body} is a paragraph, wrapped to the width. */
    private static String javadoc(String indent, String body) {
        var lines = new ArrayList<String>();
        for (var paragraph : body.split("\n", -1)) {
            if (paragraph.isEmpty()) {
                lines.add("");
            } else {
                lines.addAll(wrap(paragraph, WIDTH - indent.length() - 3));
            }
        }
        return javadoc(indent, lines);
    }

    /** A Javadoc comment of these lines, as they are. */
    private static String javadoc(String indent, List<String> lines) {
        var b = new StringBuilder(indent).append("/**\n");
        for (var line : lines) {
            if (line.contains("*/")) {
                throw new IllegalArgumentException("Javadoc cannot hold: " + line);
            }
            b.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
        }
        return b.append(indent).append(" */\n").toString();
    }

    /** Wraps at spaces, never inside an inline tag such as {@code {@code a b}}. */
    private static List<String> wrap(String text, int width) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ' ' && depth == 0) {
                words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var w : words) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A Java string literal, split into concatenated pieces that fit the line. */
    private static String javaString(String text, int depth) {
        var width = WIDTH - INDENT.length() * depth - 30;
        var pieces = new ArrayList<String>();
        var piece = new StringBuilder();
        for (var word : text.split("(?<= )")) {
            if (piece.length() > 0 && piece.length() + word.length() > width) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(word);
        }
        pieces.add(piece.toString());
        var b = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                b.append("\n").append(INDENT.repeat(depth)).append("+ ");
            }
            b.append('"').append(pieces.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ types, values

    private static String fieldType(Arg a) {
        return a.plain ? a.type : "Output<" + a.type + ">";
    }

    private static String primitive(String type) {
        switch (type) {
            case "Boolean":
                return "boolean";
            case "Integer":
                return "int";
            case "String":
                return "String";
            default:
                throw new IllegalArgumentException("a default of type " + type + " is not supported");
        }
    }

    private static String literalText(Arg a) {
        var v = a.defaultValue.getAsJsonPrimitive();
        return v.isString() ? v.getAsString() : v.toString();
    }

    private static String javaLiteral(Arg a) {
        var v = a.defaultValue.getAsJsonPrimitive();
        if (v.isString() != a.type.equals("String") || v.isBoolean() != a.type.equals("Boolean")
                || v.isNumber() != a.type.equals("Integer")) {
            throw fail(a.name, "declares a default that is not a " + a.type + ": " + v);
        }
        return v.isString() ? '"' + v.getAsString().replace("\\", "\\\\").replace("\"", "\\\"") + '"' : v.toString();
    }

    private static String string(JsonObject o, String key, String argument) {
        if (!o.has(key)) {
            throw fail(argument == null ? String.valueOf(o) : argument, "needs \"" + key + "\"");
        }
        return o.get(key).getAsString();
    }

    /** Prose given as one string or as an array of lines, joined with spaces. */
    private static String text(JsonElement element) {
        if (element == null) {
            return null;
        }
        if (element.isJsonPrimitive()) {
            return element.getAsString();
        }
        var parts = new ArrayList<String>();
        element.getAsJsonArray().forEach(line -> parts.add(line.getAsString()));
        return String.join(" ", parts);
    }

    /** Javadoc given as lines, kept as they are. */
    private static List<String> lines(JsonElement element) {
        var lines = new ArrayList<String>();
        element.getAsJsonArray().forEach(line -> lines.add(line.getAsString()));
        return lines;
    }

    private static IllegalArgumentException fail(String argument, String problem) {
        return new IllegalArgumentException("argument declaration " + argument + ": " + problem);
    }

}
