package io.github.aidatakeys.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.aidatakeys.internal.Doc;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/reference.md} from the served schema (names, schema types, what is required) and the
 * {@link Doc} annotations and Java types of the fields behind it, the same sources {@link SchemaDocs} describes the
 * schema from.
 */
final class ReferencePage {
    private final JsonObject schema;
    private final Package componentPackage;

    private ReferencePage(JsonObject schema, Package componentPackage) {
        this.schema = schema;
        this.componentPackage = componentPackage;
    }

    /** The page for the package the plugin serves. */
    static String render() {
        return new ReferencePage(JsonParser.parseString(ProviderHost.schema()).getAsJsonObject(),
                ProviderHost.componentPackage()).page();
    }

    private String page() {
        var out = new StringBuilder();
        out.append("<!-- Generated from the component's classes: change the @Doc annotations, not this file. -->\n");
        out.append("# Reference\n");
        JsonObject resources = schema.getAsJsonObject("resources");
        for (String token : resources.keySet()) {
            resource(out, token, resources.getAsJsonObject(token));
        }
        JsonObject types = schema.has("types") ? schema.getAsJsonObject("types") : new JsonObject();
        Map<String, Class<?>> objectTypes = SchemaDocs.objectTypes(resources.keySet(), componentPackage);
        for (String token : types.keySet()) {
            if (types.getAsJsonObject(token).has("enum")) {
                enumType(out, token, types.getAsJsonObject(token));
            } else {
                objectType(out, token, types.getAsJsonObject(token), objectTypes.get(SchemaDocs.simpleName(token)));
            }
        }
        return out.toString();
    }

    private void resource(StringBuilder out, String token, JsonObject spec) {
        Class<?> component = SchemaDocs.classFor(token, componentPackage).orElseThrow();
        String name = component.getSimpleName();
        out.append("\n## ").append(name).append("\n\n");
        out.append("Pulumi type `").append(token).append("` in the package `").append(schema.get("name").getAsString())
                .append("`.\n\n");
        Doc doc = component.getAnnotation(Doc.class);
        if (doc != null) {
            out.append(doc.description().strip()).append("\n\n");
        }
        out.append("Each argument and output has the same name in Java (builder method and accessor), TypeScript, ")
                .append("YAML, Go and C# (Go and C# start it with a capital letter); Python uses snake_case ")
                .append("(`aliasName` becomes `alias_name`). An argument whose schema type is not marked *plain* ")
                .append("also accepts an `Output` in Java, and an output of another resource in other languages.\n");

        out.append("\n### Arguments\n\n");
        out.append("| Argument | Java type | Schema type | Required | Default | Constraints | Replaces the key | ")
                .append("Description |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        Set<String> requiredInputs = names(spec, "requiredInputs");
        JsonObject inputProperties = spec.getAsJsonObject("inputProperties");
        for (Map.Entry<String, Field> input : ordered(SchemaDocs.inputs(component), inputProperties).entrySet()) {
            Doc d = doc(input.getValue());
            row(out, code(input.getKey()), javaInputType(component, input.getKey(), input.getValue()),
                    schemaType(inputProperties.getAsJsonObject(input.getKey())),
                    requiredInputs.contains(input.getKey()) ? "Yes" : "No",
                    d.defaultValue(), d.range(), d.replacesKey() ? "**Yes**" : "No", d.description());
        }

        out.append("\n### Outputs\n\n");
        out.append("| Output | Java type | Schema type | Always set | Description |\n");
        out.append("|---|---|---|---|---|\n");
        Set<String> required = names(spec, "required");
        JsonObject properties = spec.getAsJsonObject("properties");
        for (Map.Entry<String, Field> output : ordered(SchemaDocs.outputs(component), properties).entrySet()) {
            row(out, code(output.getKey()), code(javaType(output.getValue().getGenericType())),
                    schemaType(properties.getAsJsonObject(output.getKey())),
                    required.contains(output.getKey()) ? "Yes" : "No", doc(output.getValue()).description());
        }
    }

    private void objectType(StringBuilder out, String token, JsonObject spec, Class<?> type) {
        if (type == null) {
            throw new IllegalStateException("no Java class for the schema type " + token);
        }
        out.append("\n## ").append(type.getSimpleName()).append("\n\n");
        out.append("Schema type `").append(token).append("`");
        String usedBy = usedBy(type);
        out.append(usedBy.isEmpty() ? "." : ", the type of " + usedBy + ".").append("\n\n");
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            out.append(doc.description().strip()).append("\n\n");
        }
        out.append("| Field | Java type | Schema type | Required | Constraints | Description |\n");
        out.append("|---|---|---|---|---|---|\n");
        Set<String> required = names(spec, "required");
        JsonObject properties = spec.getAsJsonObject("properties");
        for (Map.Entry<String, Field> field : ordered(SchemaDocs.properties(type), properties).entrySet()) {
            Doc d = doc(field.getValue());
            row(out, code(field.getKey()), code(javaType(unwrapOutput(field.getValue().getGenericType()))),
                    schemaType(properties.getAsJsonObject(field.getKey())),
                    required.contains(field.getKey()) ? "Yes" : "No", d.range(), d.description());
        }
    }

    /** An enum type: its values on the wire, their names in the generated SDKs, and what each means. */
    private void enumType(StringBuilder out, String token, JsonObject spec) {
        String name = SchemaDocs.simpleName(token);
        out.append("\n## ").append(name).append("\n\n");
        out.append("Enum type `").append(token).append("` (Java: `io.github.aidatakeys.").append(name)
                .append("`).\n\n").append(spec.get("description").getAsString().strip()).append("\n\n");
        out.append("| Name | Value | Description |\n");
        out.append("|---|---|---|\n");
        spec.getAsJsonArray("enum").forEach(e -> {
            JsonObject value = e.getAsJsonObject();
            row(out, code(value.get("name").getAsString()), code(value.get("value").getAsString()),
                    value.get("description").getAsString());
        });
    }

    /** The arguments whose Java type mentions {@code type}, as a list of code spans. */
    private String usedBy(Class<?> type) {
        var users = new java.util.ArrayList<String>();
        for (String token : schema.getAsJsonObject("resources").keySet()) {
            SchemaDocs.classFor(token, componentPackage).ifPresent(c -> SchemaDocs.inputs(c).forEach((name, f) -> {
                if (f.getGenericType().getTypeName().matches(".*\\b" + type.getName().replace(".", "\\.") + "\\b.*")) {
                    users.add("`" + name + "`");
                }
            }));
        }
        return String.join(", ", users);
    }

    /** The fields in declaration order, each checked to be a property of the schema (and every property to have one). */
    private static Map<String, Field> ordered(Map<String, Field> fields, JsonObject properties) {
        if (!fields.keySet().equals(properties.keySet())) {
            throw new IllegalStateException("schema properties " + properties.keySet()
                    + " do not match the Java fields " + fields.keySet());
        }
        return new LinkedHashMap<>(fields);
    }

    private static Doc doc(Field field) {
        Doc doc = field.getAnnotation(Doc.class);
        if (doc == null) {
            throw new IllegalStateException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " has no @Doc annotation");
        }
        return doc;
    }

    private static Set<String> names(JsonObject spec, String member) {
        var out = new HashSet<String>();
        if (spec.has(member)) {
            spec.getAsJsonArray(member).forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    private static Type unwrapOutput(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == com.pulumi.core.Output.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    /**
     * The type the builder method of an argument takes, plus the typed forms the builder also offers under the same
     * name ({@code allowedServices(AwsService...)}).
     */
    private static String javaInputType(Class<?> component, String name, Field field) {
        var forms = new java.util.ArrayList<String>();
        forms.add(code(javaType(unwrapOutput(field.getGenericType()))));
        try {
            Class<?> builder = SchemaDocs.argsType(component).getMethod("builder").getReturnType();
            Arrays.stream(builder.getMethods())
                    .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1 && m.isVarArgs()
                            && m.getParameterTypes()[0].getComponentType().isEnum())
                    .map(m -> code(m.getParameterTypes()[0].getComponentType().getSimpleName() + "..."))
                    .sorted()
                    .forEach(forms::add);
        } catch (NoSuchMethodException e) {
            // no builder: the field's type is all there is
        }
        return String.join(" or ", forms);
    }

    /** A Java type with simple class names: {@code Output<List<String>>}. */
    static String javaType(Type type) {
        if (type instanceof ParameterizedType p) {
            return javaType(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
                    .map(ReferencePage::javaType).collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        return type.getTypeName();
    }

    /**
     * A schema type in a short form: {@code string}, {@code string[]}, {@code map<string>}, or a link to an object
     * type's section; {@code (plain)} when it takes no output.
     */
    static String schemaType(JsonObject property) {
        String shape = property.has("$ref")
                ? "[`" + shape(property) + "`](#" + shape(property).toLowerCase(java.util.Locale.ROOT) + ")"
                : code(shape(property));
        JsonElement plain = property.get("plain");
        return shape + (plain != null && plain.getAsBoolean() ? " (plain)" : "");
    }

    private static String shape(JsonObject property) {
        if (property.has("oneOf")) {
            var shapes = new java.util.ArrayList<String>();
            property.getAsJsonArray("oneOf").forEach(e -> shapes.add(shape(e.getAsJsonObject())));
            return String.join(" or ", shapes);
        }
        if (property.has("$ref")) {
            return SchemaDocs.simpleName(property.get("$ref").getAsString());
        }
        String type = property.get("type").getAsString();
        if (type.equals("array")) {
            return shape(property.getAsJsonObject("items")) + "[]";
        }
        if (type.equals("object") && property.has("additionalProperties")) {
            return "map<" + shape(property.getAsJsonObject("additionalProperties")) + ">";
        }
        return type;
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static void row(StringBuilder out, String... cells) {
        out.append(Arrays.stream(cells).map(ReferencePage::cell).collect(Collectors.joining(" | ", "| ", " |\n")));
    }

    /** One table cell: on one line, with {@code |} escaped. */
    private static String cell(String text) {
        return List.of(text.strip().split("\\s*\\n\\s*")).stream().collect(Collectors.joining(" "))
                .replace("|", "\\|");
    }
}
