package io.github.aidatakeys.lint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import io.github.aidatakeys.internal.Check;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A policy document read into statements, with every element that may be a string or an array normalised to a
 * list. Whatever does not follow the IAM policy grammar is reported as a problem instead of being guessed at.
 */
final class ParsedPolicy {
    private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();
    static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ELEMENTS = List.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
            "Condition");

    private ParsedPolicy() {
    }

    /** A grammar problem: where (a statement label, or null for the document) and what. */
    record Problem(@Nullable String statement, String message) {
    }

    /** One condition: operator, context key and values, all as written. */
    record Condition(String operator, String key, List<String> values) {
    }

    /**
     * One statement. {@code principal} is the raw element, kept for messages; {@code principals} maps each
     * principal type to its values, with the string form {@code "*"} recorded under the type {@code "*"}.
     * {@code resources} is null when the statement has no Resource element.
     */
    record Statement(String label, boolean allow, @Nullable JsonElement principal,
                     Map<String, List<String>> principals, List<String> actions, List<String> notActions,
                     @Nullable List<String> resources, List<String> notResources, List<Condition> conditions) {

        boolean anyPrincipal() {
            return principals.values().stream().anyMatch(values -> values.contains("*"));
        }

        List<String> principals(String type) {
            return principals.getOrDefault(type, List.of());
        }

        String principalJson() {
            return COMPACT.toJson(principal);
        }
    }

    /**
     * Reads a document. Returns its well-formed statements, or null when the document as a whole cannot be read;
     * every problem goes to {@code problems}.
     */
    static @Nullable List<Statement> parse(String json, List<Problem> problems) {
        JsonElement root;
        try {
            root = STRICT.fromJson(json, JsonElement.class);
        } catch (JsonParseException e) {
            problems.add(new Problem(null, "Document must be valid JSON; received: " + Check.show(json)));
            return null;
        }
        if (root == null || !root.isJsonObject()) {
            problems.add(new Problem(null, "Document must be a JSON object; received: " + Check.show(json)));
            return null;
        }
        var document = root.getAsJsonObject();
        for (var name : document.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(name)) {
                problems.add(new Problem(null, "Document may only have the elements Version, Id and Statement"
                        + "; received: " + Check.show(name)));
            }
        }
        var statement = document.get("Statement");
        List<JsonElement> elements = new ArrayList<>();
        if (statement != null && statement.isJsonArray()) {
            statement.getAsJsonArray().forEach(elements::add);
        } else if (statement != null && statement.isJsonObject()) {
            elements.add(statement);
        } else {
            problems.add(new Problem(null, "Statement must be an object or an array of objects; received: "
                    + (statement == null ? "no Statement" : COMPACT.toJson(statement))));
            return null;
        }
        var statements = new ArrayList<Statement>();
        for (int i = 0; i < elements.size(); i++) {
            var parsed = statement(i, elements.get(i), problems);
            if (parsed != null) {
                statements.add(parsed);
            }
        }
        return statements;
    }

    private static @Nullable Statement statement(int index, JsonElement element, List<Problem> problems) {
        var position = "Statement[" + index + "]";
        if (!element.isJsonObject()) {
            problems.add(new Problem(position, "Statement must be a JSON object; received: "
                    + COMPACT.toJson(element)));
            return null;
        }
        var object = element.getAsJsonObject();
        var sid = object.get("Sid");
        var label = sid != null && sid.isJsonPrimitive() && sid.getAsJsonPrimitive().isString()
                && !sid.getAsString().isEmpty() ? sid.getAsString() : position;
        var before = problems.size();
        Consumer<String> problem = message -> problems.add(new Problem(label, message));

        for (var name : object.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(name)) {
                problem.accept("Statement may only have the elements " + String.join(", ", STATEMENT_ELEMENTS)
                        + "; received: " + Check.show(name));
            }
        }
        if (sid != null && !(sid.isJsonPrimitive() && sid.getAsJsonPrimitive().isString())) {
            problem.accept("Sid must be a string; received: " + COMPACT.toJson(sid));
        }
        var effect = object.get("Effect");
        var allow = effect != null && effect.equals(new JsonPrimitive("Allow"));
        if (!allow && (effect == null || !effect.equals(new JsonPrimitive("Deny")))) {
            problem.accept("Effect must be \"Allow\" or \"Deny\"; received: "
                    + (effect == null ? "no Effect" : COMPACT.toJson(effect)));
        }
        if (allow && object.has("NotPrincipal")) {
            problem.accept("NotPrincipal may only be used with \"Effect\": \"Deny\"; received: "
                    + COMPACT.toJson(object.get("NotPrincipal")));
        }
        var principal = object.get("Principal");
        var principals = principal == null ? Map.<String, List<String>>of() : principals(principal, problem);
        var actions = strings("Action", object.get("Action"), problem);
        var notActions = strings("NotAction", object.get("NotAction"), problem);
        if (!object.has("Action") && !object.has("NotAction")) {
            problem.accept("Statement must have an Action or a NotAction; received: neither");
        }
        var resources = object.has("Resource") ? strings("Resource", object.get("Resource"), problem) : null;
        var notResources = strings("NotResource", object.get("NotResource"), problem);
        var conditions = conditions(object.get("Condition"), problem);
        if (problems.size() > before) {
            return null;
        }
        return new Statement(label, allow, principal, principals, actions, notActions, resources, notResources,
                conditions);
    }

    private static Map<String, List<String>> principals(JsonElement principal,
                                                         Consumer<String> problem) {
        var result = new LinkedHashMap<String, List<String>>();
        if (principal.equals(new JsonPrimitive("*"))) {
            result.put("*", List.of("*"));
        } else if (principal.isJsonObject() && !principal.getAsJsonObject().isEmpty()) {
            for (var entry : principal.getAsJsonObject().entrySet()) {
                result.put(entry.getKey(), strings("Principal " + entry.getKey(), entry.getValue(), problem));
            }
        } else {
            problem.accept("Principal must be \"*\" or an object such as {\"AWS\": [...]}; received: "
                    + COMPACT.toJson(principal));
        }
        return result;
    }

    /** A string or a non-empty array of strings, as a list; an absent element is an empty list. */
    private static List<String> strings(String name, @Nullable JsonElement element,
                                        Consumer<String> problem) {
        if (element == null) {
            return List.of();
        }
        if (isString(element)) {
            return List.of(element.getAsString());
        }
        if (element.isJsonArray() && !element.getAsJsonArray().isEmpty()) {
            var values = new ArrayList<String>();
            for (var value : element.getAsJsonArray()) {
                if (!isString(value)) {
                    problem.accept(name + " must be a string or an array of strings; received: "
                            + COMPACT.toJson(element));
                    return List.of();
                }
                values.add(value.getAsString());
            }
            return values;
        }
        problem.accept(name + " must be a string or a non-empty array of strings; received: "
                + COMPACT.toJson(element));
        return List.of();
    }

    private static List<Condition> conditions(@Nullable JsonElement element,
                                              Consumer<String> problem) {
        if (element == null) {
            return List.of();
        }
        var result = new ArrayList<Condition>();
        if (!element.isJsonObject()) {
            problem.accept("Condition must be an object of {operator: {key: value}}; received: "
                    + COMPACT.toJson(element));
            return result;
        }
        for (var operator : element.getAsJsonObject().entrySet()) {
            if (!operator.getValue().isJsonObject() || operator.getValue().getAsJsonObject().isEmpty()) {
                problem.accept("Condition " + operator.getKey() + " must be a non-empty object of {key: value}"
                        + "; received: " + COMPACT.toJson(operator.getValue()));
                continue;
            }
            for (var key : operator.getValue().getAsJsonObject().entrySet()) {
                var values = scalars(key.getValue());
                if (values == null) {
                    problem.accept("Condition " + operator.getKey() + " " + key.getKey()
                            + " must be a string, number or boolean, or an array of them; received: "
                            + COMPACT.toJson(key.getValue()));
                    continue;
                }
                result.add(new Condition(operator.getKey(), key.getKey(), values));
            }
        }
        return result;
    }

    private static @Nullable List<String> scalars(JsonElement element) {
        if (element.isJsonPrimitive()) {
            return List.of(element.getAsString());
        }
        if (!element.isJsonArray()) {
            return null;
        }
        var values = new ArrayList<String>();
        for (var value : (JsonArray) element) {
            if (!value.isJsonPrimitive()) {
                return null;
            }
            values.add(value.getAsString());
        }
        return values;
    }

    private static boolean isString(JsonElement element) {
        return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

}
