package io.github.aidatakeys.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An IAM policy document as data. Rendering goes through Gson, never through string templates, so that
 * quoting and structure are always right.
 */
public final class PolicyDocument {
    public static final String VERSION = "2012-10-17";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private final List<Statement> statements;

    private PolicyDocument(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(statements);
    }

    public List<Statement> statements() {
        return statements;
    }

    public JsonObject toJsonTree() {
        var doc = new JsonObject();
        doc.addProperty("Version", VERSION);
        var array = new JsonArray();
        statements.forEach(s -> array.add(s.toJsonTree()));
        doc.add("Statement", array);
        return doc;
    }

    /** Compact JSON, as sent to AWS. */
    public String toJson() {
        return GSON.toJson(toJsonTree());
    }

    public static String pretty(String json) {
        return PRETTY.toJson(com.google.gson.JsonParser.parseString(json));
    }

    /** One policy statement. Lists keep the order given; single-element lists render as a plain string. */
    public static final class Statement {
        private final String sid;
        private final String effect;
        private final Map<String, List<String>> principals;
        private final List<String> actions;
        private final List<String> resources;
        private final List<Condition> conditions;

        private Statement(Builder b) {
            this.sid = Objects.requireNonNull(b.sid, "sid");
            this.effect = b.effect;
            this.principals = new TreeMap<>(b.principals);
            this.actions = List.copyOf(b.actions);
            this.resources = List.copyOf(b.resources);
            this.conditions = List.copyOf(b.conditions);
        }

        public static Builder builder(String sid) {
            return new Builder(sid);
        }

        public String sid() {
            return sid;
        }

        public List<String> actions() {
            return actions;
        }

        public List<String> resources() {
            return resources;
        }

        public Map<String, List<String>> principals() {
            return principals;
        }

        public List<Condition> conditions() {
            return conditions;
        }

        JsonObject toJsonTree() {
            var s = new JsonObject();
            s.addProperty("Sid", sid);
            s.addProperty("Effect", effect);
            if (!principals.isEmpty()) {
                var p = new JsonObject();
                principals.forEach((type, values) -> p.add(type, stringOrArray(values)));
                s.add("Principal", p);
            }
            s.add("Action", stringOrArray(actions));
            if (!resources.isEmpty()) {
                s.add("Resource", stringOrArray(resources));
            }
            if (!conditions.isEmpty()) {
                var c = new JsonObject();
                for (var condition : conditions) {
                    var operator = c.has(condition.operator())
                            ? c.getAsJsonObject(condition.operator())
                            : new JsonObject();
                    operator.add(condition.key(), stringOrArray(condition.values()));
                    c.add(condition.operator(), operator);
                }
                s.add("Condition", c);
            }
            return s;
        }

        public static final class Builder {
            private final String sid;
            private String effect = "Allow";
            private final Map<String, List<String>> principals = new TreeMap<>();
            private final List<String> actions = new ArrayList<>();
            private final List<String> resources = new ArrayList<>();
            private final List<Condition> conditions = new ArrayList<>();

            private Builder(String sid) {
                this.sid = sid;
            }

            public Builder deny() {
                this.effect = "Deny";
                return this;
            }

            public Builder principals(String type, Collection<String> values) {
                if (!values.isEmpty()) {
                    principals.computeIfAbsent(type, t -> new ArrayList<>()).addAll(values);
                }
                return this;
            }

            public Builder actions(Collection<String> values) {
                actions.addAll(values);
                return this;
            }

            public Builder action(String value) {
                actions.add(value);
                return this;
            }

            public Builder resource(String value) {
                resources.add(value);
                return this;
            }

            public Builder condition(String operator, String key, List<String> values) {
                conditions.add(new Condition(operator, key, values));
                return this;
            }

            public Builder condition(String operator, String key, String value) {
                return condition(operator, key, List.of(value));
            }

            public Statement build() {
                return new Statement(this);
            }
        }
    }

    /** One condition: operator, context key and the values it is compared with. */
    public record Condition(String operator, String key, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    private static JsonElement stringOrArray(List<String> values) {
        if (values.size() == 1) {
            return new JsonPrimitive(values.get(0));
        }
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
