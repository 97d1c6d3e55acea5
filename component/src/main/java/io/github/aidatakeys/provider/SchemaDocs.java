package io.github.aidatakeys.provider;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import io.github.aidatakeys.internal.Doc;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completes the package schema that the Pulumi Java SDK infers: the SDK (1.36.1) knows no descriptions, takes the
 * namespace from the Java package ({@code io.github...} gives {@code github}) and gives no version. Every
 * description comes from the {@link Doc} annotations of the component, its arguments and their types, which also
 * generate the reference page, so the two cannot drift apart.
 *
 * <p>Properties are matched to Java fields the way the SDK names them: an argument by its {@code @Import} name (or
 * field name), an output by its {@code @Export} name, an object type by its class's simple name without an
 * {@code Args} suffix. A property without a {@code @Doc} keeps no description (a test forbids that).
 */
final class SchemaDocs {
    private static final Set<Class<?>> SDK_BASE_TYPES =
            Set.of(ResourceArgs.class, ComponentResource.class, CustomResource.class);

    private SchemaDocs() {
    }

    /** The package-level facts the SDK cannot infer. */
    record PackageFacts(String namespace, String version, Optional<String> description) {
    }

    /**
     * The schema with the package facts and every description filled in.
     *
     * @param schema           the schema JSON, as the SDK's {@code ComponentProvider.getSchema} returns it
     * @param componentPackage the Java package whose classes the type tokens name
     * @param facts            the namespace, version and description of the package
     * @return the completed schema JSON
     */
    static String complete(String schema, Package componentPackage, PackageFacts facts) {
        JsonObject root = JsonParser.parseString(schema).getAsJsonObject();
        root.addProperty("namespace", facts.namespace());
        root.addProperty("version", facts.version());
        facts.description().filter(d -> !d.isBlank()).ifPresent(d -> root.addProperty("description", d));

        JsonObject resources = objectOrEmpty(root, "resources");
        for (String token : resources.keySet()) {
            Optional<Class<?>> component = classFor(token, componentPackage);
            if (component.isEmpty()) {
                continue;
            }
            JsonObject resource = resources.getAsJsonObject(token);
            describe(resource, component.get().getAnnotation(Doc.class));
            Map<String, Field> inputs = inputs(component.get());
            Map<String, Field> outputs = outputs(component.get());
            describeProperties(objectOrEmpty(resource, "inputProperties"), inputs, true);
            describeProperties(objectOrEmpty(resource, "properties"), outputs, false);
        }

        JsonObject types = objectOrEmpty(root, "types");
        Map<String, Class<?>> objectTypes = objectTypes(resources.keySet(), componentPackage);
        for (String token : types.keySet()) {
            Class<?> type = objectTypes.get(simpleName(token));
            if (type == null) {
                continue;
            }
            JsonObject spec = types.getAsJsonObject(token);
            describe(spec, type.getAnnotation(Doc.class));
            describeProperties(objectOrEmpty(spec, "properties"), properties(type), true);
        }
        SchemaEnums.add(root);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /**
     * The description a property gets in the schema: the annotation's description, then, as a second paragraph,
     * the default, the constraints and whether a change replaces the key (for an input).
     *
     * @param doc   the annotation
     * @param input whether the property is an input (outputs have no default or constraints)
     * @return Markdown
     */
    static String description(Doc doc, boolean input) {
        var details = new ArrayList<String>();
        if (input && !doc.defaultValue().isBlank()) {
            details.add(sentence("Default: " + doc.defaultValue()));
        }
        if (input && !doc.range().isBlank()) {
            details.add(sentence("Constraints: " + lowerFirst(doc.range())));
        }
        if (input && doc.replacesKey()) {
            details.add("Changing this replaces the key: a replaced key cannot decrypt what the old one encrypted.");
        }
        String text = doc.description().strip();
        return details.isEmpty() ? text : text + "\n\n" + String.join(" ", details);
    }

    /** The component's arguments by schema name, in declaration order. */
    static Map<String, Field> inputs(Class<?> component) {
        return properties(argsType(component));
    }

    /** The component's outputs by schema name, in declaration order. */
    static Map<String, Field> outputs(Class<?> component) {
        var out = new LinkedHashMap<String, Field>();
        for (Field field : component.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null) {
                out.put(export.name().isEmpty() ? field.getName() : export.name(), field);
            }
        }
        return out;
    }

    /**
     * The properties of an args class or an object type, by schema name, in declaration order (superclasses
     * first), as the SDK's analyser finds them: every instance field up to the SDK's base classes.
     */
    static Map<String, Field> properties(Class<?> type) {
        var hierarchy = new ArrayList<Class<?>>();
        for (Class<?> c = type; c != null && c != Object.class && !SDK_BASE_TYPES.contains(c); c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        var out = new LinkedHashMap<String, Field>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Import imported = field.getAnnotation(Import.class);
                out.put(imported != null && !imported.name().isEmpty() ? imported.name() : field.getName(), field);
            }
        }
        return out;
    }

    /** The args class: the parameter of the component's public constructor that extends {@code ResourceArgs}. */
    static Class<?> argsType(Class<?> component) {
        return Arrays.stream(component.getConstructors())
                .flatMap(c -> Arrays.stream(c.getParameterTypes()))
                .filter(ResourceArgs.class::isAssignableFrom)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(component.getName() + " has no public constructor "
                        + "taking ResourceArgs"));
    }

    /**
     * The object types the arguments refer to, by the name the SDK gives them: the class's simple name without an
     * {@code Args} suffix.
     */
    static Map<String, Class<?>> objectTypes(Iterable<String> resourceTokens, Package componentPackage) {
        var found = new LinkedHashMap<String, Class<?>>();
        for (String token : resourceTokens) {
            classFor(token, componentPackage)
                    .ifPresent(c -> inputs(c).values().forEach(f -> collectTypes(f.getGenericType(), found)));
        }
        return found;
    }

    private static void collectTypes(Type type, Map<String, Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            if (raw == Output.class || raw == List.class || raw == Map.class) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    collectTypes(argument, found);
                }
            }
            return;
        }
        if (!(type instanceof Class<?> clazz) || clazz.isPrimitive() || clazz.isInterface()
                || clazz.getName().startsWith("java.") || clazz.getName().startsWith("com.pulumi.")) {
            return;
        }
        String name = clazz.getSimpleName().endsWith("Args")
                ? clazz.getSimpleName().substring(0, clazz.getSimpleName().length() - 4) : clazz.getSimpleName();
        if (found.putIfAbsent(name, clazz) == null) {
            properties(clazz).values().forEach(f -> collectTypes(f.getGenericType(), found));
        }
    }

    /** The class a type token {@code <package>:index:<Name>} names, as the SDK resolves it for construct. */
    static Optional<Class<?>> classFor(String token, Package componentPackage) {
        try {
            return Optional.of(Class.forName(componentPackage.getName() + "." + simpleName(token)));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    static String simpleName(String token) {
        return token.substring(token.lastIndexOf(':') + 1);
    }

    private static void describeProperties(JsonObject properties, Map<String, Field> fields, boolean input) {
        for (String name : properties.keySet()) {
            Field field = fields.get(name);
            JsonElement property = properties.get(name);
            if (field != null && property.isJsonObject()) {
                Doc doc = field.getAnnotation(Doc.class);
                if (doc != null) {
                    property.getAsJsonObject().addProperty("description", description(doc, input));
                }
            }
        }
    }

    private static void describe(JsonObject spec, Doc doc) {
        if (doc != null) {
            spec.addProperty("description", doc.description().strip());
        }
    }

    private static JsonObject objectOrEmpty(JsonObject parent, String member) {
        JsonElement element = parent.get(member);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
    }

    /** {@code At most 256} becomes {@code at most 256}; {@code AWS ...} and {@code `*` ...} stay. */
    private static String lowerFirst(String text) {
        String stripped = text.strip();
        if (stripped.length() > 1 && Character.isUpperCase(stripped.charAt(0))
                && Character.isLowerCase(stripped.charAt(1))) {
            return Character.toLowerCase(stripped.charAt(0)) + stripped.substring(1);
        }
        return stripped;
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }
}
