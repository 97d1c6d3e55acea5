package io.github.aidatakeys.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import io.github.aidatakeys.internal.PolicyDocument.ConditionOperator;
import io.github.aidatakeys.internal.PolicyDocument.Principal;
import io.github.aidatakeys.internal.PolicyDocument.PrincipalType;
import io.github.aidatakeys.internal.PolicyDocument.Problem;
import io.github.aidatakeys.internal.PolicyDocument.Statement;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads JSON into a {@link PolicyDocument}, following the IAM policy grammar
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html): every element that may be
 * a string or an array becomes a list, {@code Principal} may be the string {@code "*"} or an object of the four
 * principal types, and condition operators must be IAM's. Whatever does not follow the grammar is reported as a
 * problem instead of being guessed at; a statement with a problem is left out of the document.
 */
final class PolicyParser {
    private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();
    private static final Gson COMPACT = PolicyDocument.GSON;
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ELEMENTS = List.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
            "Condition");

    private PolicyParser() {
    }

    static @Nullable PolicyDocument parse(String json, List<Problem> problems) {
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
        return PolicyDocument.of(statements);
    }

    private static @Nullable Statement statement(int index, JsonElement element, List<Problem> problems) {
        if (!element.isJsonObject()) {
            problems.add(new Problem(Statement.label(null, index), "Statement must be a JSON object; received: "
                    + COMPACT.toJson(element)));
            return null;
        }
        var object = element.getAsJsonObject();
        var sidElement = object.get("Sid");
        var sid = sidElement != null && isString(sidElement) ? sidElement.getAsString() : null;
        var label = Statement.label(sid, index);
        var before = problems.size();
        Consumer<String> problem = message -> problems.add(new Problem(label, message));

        for (var name : object.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(name)) {
                problem.accept("Statement may only have the elements " + String.join(", ", STATEMENT_ELEMENTS)
                        + "; received: " + Check.show(name));
            }
        }
        if (sidElement != null && sid == null) {
            problem.accept("Sid must be a string; received: " + COMPACT.toJson(sidElement));
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
        var builder = new Statement.Builder(sid).position(index).effect(allow ? PolicyDocument.Effect.ALLOW
                : PolicyDocument.Effect.DENY);
        if (object.has("Principal")) {
            builder.principal(principal("Principal", object.get("Principal"), problem));
        }
        if (object.has("NotPrincipal")) {
            builder.notPrincipal(principal("NotPrincipal", object.get("NotPrincipal"), problem));
        }
        builder.actions(strings("Action", object.get("Action"), problem));
        builder.notActions(strings("NotAction", object.get("NotAction"), problem));
        if (!object.has("Action") && !object.has("NotAction")) {
            problem.accept("Statement must have an Action or a NotAction; received: neither");
        }
        builder.resources(strings("Resource", object.get("Resource"), problem));
        builder.notResources(strings("NotResource", object.get("NotResource"), problem));
        conditions(object.get("Condition"), problem, builder);
        return problems.size() > before ? null : builder.build();
    }

    private static @Nullable Principal principal(String name, JsonElement principal, Consumer<String> problem) {
        if (principal.equals(new JsonPrimitive("*"))) {
            return Principal.Anyone.INSTANCE;
        }
        if (!principal.isJsonObject() || principal.getAsJsonObject().isEmpty()) {
            problem.accept(name + " must be \"*\" or an object such as {\"AWS\": [...]}; received: "
                    + COMPACT.toJson(principal));
            return null;
        }
        var byType = new EnumMap<PrincipalType, List<String>>(PrincipalType.class);
        for (var entry : principal.getAsJsonObject().entrySet()) {
            var type = PrincipalType.fromJson(entry.getKey());
            if (type.isEmpty()) {
                problem.accept(name + " type must be AWS, CanonicalUser, Federated or Service; received: "
                        + Check.show(entry.getKey()));
                continue;
            }
            byType.put(type.get(), strings(name + " " + entry.getKey(), entry.getValue(), problem));
        }
        return new Principal.ByType(byType);
    }

    /** A string or a non-empty array of strings, as a list; an absent element is an empty list. */
    private static List<String> strings(String name, @Nullable JsonElement element, Consumer<String> problem) {
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

    private static void conditions(@Nullable JsonElement element, Consumer<String> problem,
                                   Statement.Builder builder) {
        if (element == null) {
            return;
        }
        if (!element.isJsonObject()) {
            problem.accept("Condition must be an object of {operator: {key: value}}; received: "
                    + COMPACT.toJson(element));
            return;
        }
        for (var operator : element.getAsJsonObject().entrySet()) {
            var parsed = ConditionOperator.parse(operator.getKey());
            if (parsed.isEmpty()) {
                problem.accept("Condition operator must be one of IAM's condition operators (such as StringEquals,"
                        + " ArnLike, ForAllValues:StringLike, StringEqualsIfExists, Null); received: "
                        + Check.show(operator.getKey()));
                continue;
            }
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
                builder.condition(parsed.get(), key.getKey(), values);
            }
        }
    }

    private static @Nullable List<String> scalars(JsonElement element) {
        if (element.isJsonPrimitive()) {
            return List.of(element.getAsString());
        }
        if (!element.isJsonArray()) {
            return null;
        }
        var values = new ArrayList<String>();
        for (var value : element.getAsJsonArray()) {
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
