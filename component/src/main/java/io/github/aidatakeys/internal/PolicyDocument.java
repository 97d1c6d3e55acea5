package io.github.aidatakeys.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An IAM policy document as data: the one model the component renders its policies from and the policy lint
 * reads documents into ({@link #parse}). Rendering goes through Gson, never through string templates, so that
 * quoting and structure are always right.
 *
 * <p>The element names, principal types and condition operators follow the IAM policy grammar:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
public final class PolicyDocument {
    public static final String VERSION = "2012-10-17";
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final List<Statement> statements;

    private PolicyDocument(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(statements);
    }

    /**
     * Reads a policy document as AWS does: elements that may be a string or an array become lists, and whatever
     * does not follow the policy grammar is reported in {@code problems} rather than guessed at.
     *
     * @return the document with its well-formed statements, or null when the document as a whole cannot be read
     */
    public static @Nullable PolicyDocument parse(String json, List<Problem> problems) {
        return PolicyParser.parse(json, problems);
    }

    /** A grammar problem found by {@link #parse}: where (a statement label, or null for the document) and what. */
    public record Problem(@Nullable String statement, String message) {
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

    /** The {@code Effect} of a statement. */
    public enum Effect {
        ALLOW("Allow"), DENY("Deny");

        private final String json;

        Effect(String json) {
            this.json = json;
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /** The principal types of the policy grammar, in the order they are rendered. */
    public enum PrincipalType {
        AWS("AWS"), CANONICAL_USER("CanonicalUser"), FEDERATED("Federated"), SERVICE("Service");

        private final String json;

        PrincipalType(String json) {
            this.json = json;
        }

        /** The type with this JSON name (exact, as IAM reads it), if any. */
        public static Optional<PrincipalType> fromJson(String name) {
            return Arrays.stream(values()).filter(t -> t.json.equals(name)).findFirst();
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /**
     * A {@code Principal} (or {@code NotPrincipal}) element: either the string {@code "*"} (anyone), or principals
     * by type.
     */
    public sealed interface Principal permits Principal.Anyone, Principal.ByType {
        /** The values given for one type; for {@link Anyone}, none. */
        List<String> values(PrincipalType type);

        /** Whether the element admits anyone: {@code "*"} itself, or {@code "*"} as the value of a type. */
        boolean admitsAnyone();

        JsonElement toJsonTree();

        /** The element as compact JSON, for messages. */
        default String toJson() {
            return GSON.toJson(toJsonTree());
        }

        /** The element as the string {@code "*"}. */
        record Anyone() implements Principal {
            /**
             * The element {@code "*"}: every principal, authenticated or not. Held here, not by {@code Principal}:
             * an interface constant of a subtype can deadlock two threads initialising both classes.
             */
            public static final Anyone INSTANCE = new Anyone();

            @Override
            public List<String> values(PrincipalType type) {
                return List.of();
            }

            @Override
            public boolean admitsAnyone() {
                return true;
            }

            @Override
            public JsonElement toJsonTree() {
                return new JsonPrimitive("*");
            }
        }

        /** The element as an object of principal type to values, kept in {@link PrincipalType} order. */
        record ByType(Map<PrincipalType, List<String>> byType) implements Principal {
            public ByType {
                var copy = new EnumMap<PrincipalType, List<String>>(PrincipalType.class);
                byType.forEach((type, values) -> copy.put(type, List.copyOf(values)));
                byType = Collections.unmodifiableMap(copy);
            }

            @Override
            public List<String> values(PrincipalType type) {
                return byType.getOrDefault(type, List.of());
            }

            @Override
            public boolean admitsAnyone() {
                return byType.values().stream().anyMatch(values -> values.contains("*"));
            }

            @Override
            public JsonElement toJsonTree() {
                var p = new JsonObject();
                byType.forEach((type, values) -> p.add(type.toString(), stringOrArray(values)));
                return p;
            }
        }
    }

    /**
     * A condition operator as the grammar defines it: an optional set qualifier ({@code ForAllValues:},
     * {@code ForAnyValue:}), a base operator and an optional {@code IfExists} suffix.
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
     */
    public record ConditionOperator(SetQualifier qualifier, Operator base, boolean ifExists) {
        public static final ConditionOperator STRING_EQUALS = of(Operator.STRING_EQUALS);

        public ConditionOperator {
            Objects.requireNonNull(qualifier, "qualifier");
            Objects.requireNonNull(base, "base");
            if (ifExists && base == Operator.NULL) {
                // IAM refuses "NullIfExists" (Access Analyzer: "Null with if exists").
                throw new IllegalArgumentException("Condition operator Null cannot take IfExists");
            }
        }

        public static ConditionOperator of(Operator base) {
            return new ConditionOperator(SetQualifier.NONE, base, false);
        }

        /** Reads an operator name such as {@code ForAllValues:StringLike} or {@code ArnLikeIfExists}, ignoring case. */
        public static Optional<ConditionOperator> parse(String name) {
            var rest = name;
            var qualifier = SetQualifier.NONE;
            for (var q : SetQualifier.values()) {
                if (q != SetQualifier.NONE && rest.regionMatches(true, 0, q.prefix, 0, q.prefix.length())) {
                    qualifier = q;
                    rest = rest.substring(q.prefix.length());
                }
            }
            var ifExists = rest.toLowerCase(Locale.ROOT).endsWith("ifexists");
            if (ifExists) {
                rest = rest.substring(0, rest.length() - "IfExists".length());
            }
            var base = Operator.fromJson(rest);
            if (base.isEmpty() || (ifExists && base.get() == Operator.NULL)) {
                return Optional.empty();
            }
            return Optional.of(new ConditionOperator(qualifier, base.get(), ifExists));
        }

        /** Reads an operator name; throws when it is not one of IAM's. */
        public static ConditionOperator of(String name) {
            return parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "Condition operator must be one of IAM's condition operators; received: " + Check.show(name)));
        }

        /**
         * Whether the condition can only hold when the key is in the request and matches one of the values: a
         * positive match ({@code StringEquals}, {@code StringLike}, {@code ArnLike}, ...), without {@code IfExists}
         * and without {@code ForAllValues}, both of which also hold when the key is absent.
         */
        public boolean requiresMatch() {
            return base.positiveMatch() && !ifExists && qualifier != SetQualifier.FOR_ALL_VALUES;
        }

        @Override
        public String toString() {
            return qualifier.prefix + base.json + (ifExists ? "IfExists" : "");
        }
    }

    /** The set qualifiers of condition operators. */
    public enum SetQualifier {
        NONE(""), FOR_ALL_VALUES("ForAllValues:"), FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The base condition operators of the policy grammar. */
    public enum Operator {
        STRING_EQUALS("StringEquals", true), STRING_NOT_EQUALS("StringNotEquals", false),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", true),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", false),
        STRING_LIKE("StringLike", true), STRING_NOT_LIKE("StringNotLike", false),
        NUMERIC_EQUALS("NumericEquals", true), NUMERIC_NOT_EQUALS("NumericNotEquals", false),
        NUMERIC_LESS_THAN("NumericLessThan", false), NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
        NUMERIC_GREATER_THAN("NumericGreaterThan", false),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
        DATE_EQUALS("DateEquals", true), DATE_NOT_EQUALS("DateNotEquals", false),
        DATE_LESS_THAN("DateLessThan", false), DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
        DATE_GREATER_THAN("DateGreaterThan", false), DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
        BOOL("Bool", true), BINARY_EQUALS("BinaryEquals", true),
        IP_ADDRESS("IpAddress", true), NOT_IP_ADDRESS("NotIpAddress", false),
        ARN_EQUALS("ArnEquals", true), ARN_LIKE("ArnLike", true),
        ARN_NOT_EQUALS("ArnNotEquals", false), ARN_NOT_LIKE("ArnNotLike", false),
        NULL("Null", false);

        private final String json;
        private final boolean positiveMatch;

        Operator(String json, boolean positiveMatch) {
            this.json = json;
            this.positiveMatch = positiveMatch;
        }

        static Optional<Operator> fromJson(String name) {
            return Arrays.stream(values()).filter(o -> o.json.equalsIgnoreCase(name)).findFirst();
        }

        /** Whether the operator holds only for a value that matches (as opposed to negated and range operators). */
        public boolean positiveMatch() {
            return positiveMatch;
        }

        /** Whether {@code *} and {@code ?} in the policy's values are wildcards for this operator. */
        public boolean wildcards() {
            return this == STRING_LIKE || this == STRING_NOT_LIKE || this == ARN_LIKE || this == ARN_NOT_LIKE
                    || this == ARN_EQUALS || this == ARN_NOT_EQUALS;
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /** One condition: operator, context key and the values it is compared with. */
    public record Condition(ConditionOperator operator, String key, List<String> values) {
        public Condition {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
        }

        /** Whether the context key is {@code key}, compared ignoring case as IAM does. */
        public boolean isOn(String key) {
            return this.key.equalsIgnoreCase(key);
        }
    }

    /** One policy statement. Lists keep the order given; single-element lists render as a plain string. */
    public static final class Statement {
        private final @Nullable String sid;
        private final Effect effect;
        private final @Nullable Principal principal;
        private final @Nullable Principal notPrincipal;
        private final List<String> actions;
        private final List<String> notActions;
        private final List<String> resources;
        private final List<String> notResources;
        private final List<Condition> conditions;
        /** Where the statement stood in the JSON it was read from; -1 for a statement built in code. */
        private final int position;

        private Statement(Builder b) {
            this.sid = b.sid;
            this.position = b.position;
            this.effect = b.effect;
            this.principal = b.anyone ? Principal.Anyone.INSTANCE
                    : b.principals.isEmpty() ? null : new Principal.ByType(b.principals);
            this.notPrincipal = b.notPrincipal;
            this.actions = List.copyOf(b.actions);
            this.notActions = List.copyOf(b.notActions);
            this.resources = List.copyOf(b.resources);
            this.notResources = List.copyOf(b.notResources);
            this.conditions = List.copyOf(b.conditions);
        }

        public static Builder builder(String sid) {
            return new Builder(Objects.requireNonNull(sid, "sid"));
        }

        /** A builder holding everything this statement holds. */
        public Builder toBuilder() {
            var b = new Builder(sid);
            b.effect = effect;
            if (principal instanceof Principal.Anyone) {
                b.anyone = true;
            } else if (principal instanceof Principal.ByType byType) {
                byType.byType().forEach((type, values) -> b.principals.put(type, new ArrayList<>(values)));
            }
            b.notPrincipal = notPrincipal;
            b.actions.addAll(actions);
            b.notActions.addAll(notActions);
            b.resources.addAll(resources);
            b.notResources.addAll(notResources);
            b.conditions.addAll(conditions);
            b.position = position;
            return b;
        }

        /** The {@code Sid}; null for a statement read without one. */
        public @Nullable String sid() {
            return sid;
        }

        /**
         * How findings name the statement: its {@code Sid}, or when it has none its position in the JSON it was read
         * from. That position counts the statements the parser left out for grammar problems, so it is the one the
         * user sees in the document.
         *
         * @throws IllegalStateException for a statement without a {@code Sid} that was built in code: use
         *         {@link #label(int)}
         */
        public String label() {
            if (position < 0 && !hasSid()) {
                throw new IllegalStateException("Statement built without a Sid has no position; use label(int)");
            }
            return label(position);
        }

        /**
         * Same as {@link #label()}, with {@code index} as the position of a statement built in code (its index in
         * the document it is rendered into); a statement read from JSON keeps the position it was read at.
         */
        public String label(int index) {
            return label(sid, position >= 0 ? position : index);
        }

        /** A statement's name in findings and problems: its {@code Sid}, or {@code Statement[position]}. */
        static String label(@Nullable String sid, int position) {
            return sid != null && !sid.isEmpty() ? sid : "Statement[" + position + "]";
        }

        private boolean hasSid() {
            return sid != null && !sid.isEmpty();
        }

        public boolean allow() {
            return effect == Effect.ALLOW;
        }

        public @Nullable Principal principal() {
            return principal;
        }

        public @Nullable Principal notPrincipal() {
            return notPrincipal;
        }

        /** The principals by their JSON type name; the element {@code "*"} is recorded under the name {@code "*"}. */
        public Map<String, List<String>> principals() {
            var result = new LinkedHashMap<String, List<String>>();
            if (principal instanceof Principal.Anyone) {
                result.put("*", List.of("*"));
            } else if (principal instanceof Principal.ByType byType) {
                byType.byType().forEach((type, values) -> result.put(type.toString(), values));
            }
            return result;
        }

        public List<String> principals(PrincipalType type) {
            return principal == null ? List.of() : principal.values(type);
        }

        /** Whether the {@code Principal} element admits anyone ({@code "*"}, or {@code "*"} as a value). */
        public boolean anyPrincipal() {
            return principal != null && principal.admitsAnyone();
        }

        /** The {@code Principal} element as compact JSON, for messages. */
        public String principalJson() {
            return principal == null ? "no Principal" : principal.toJson();
        }

        public List<String> actions() {
            return actions;
        }

        public List<String> notActions() {
            return notActions;
        }

        /** The {@code Resource} values; empty when the statement has no {@code Resource} element. */
        public List<String> resources() {
            return resources;
        }

        public List<String> notResources() {
            return notResources;
        }

        public List<Condition> conditions() {
            return conditions;
        }

        JsonObject toJsonTree() {
            var s = new JsonObject();
            if (sid != null) {
                s.addProperty("Sid", sid);
            }
            s.addProperty("Effect", effect.toString());
            if (principal != null) {
                s.add("Principal", principal.toJsonTree());
            }
            if (notPrincipal != null) {
                s.add("NotPrincipal", notPrincipal.toJsonTree());
            }
            if (!actions.isEmpty() || notActions.isEmpty()) {
                s.add("Action", stringOrArray(actions));
            }
            if (!notActions.isEmpty()) {
                s.add("NotAction", stringOrArray(notActions));
            }
            if (!resources.isEmpty()) {
                s.add("Resource", stringOrArray(resources));
            }
            if (!notResources.isEmpty()) {
                s.add("NotResource", stringOrArray(notResources));
            }
            if (!conditions.isEmpty()) {
                var c = new JsonObject();
                for (var condition : conditions) {
                    var name = condition.operator().toString();
                    var operator = c.has(name) ? c.getAsJsonObject(name) : new JsonObject();
                    operator.add(condition.key(), stringOrArray(condition.values()));
                    c.add(name, operator);
                }
                s.add("Condition", c);
            }
            return s;
        }

        public static final class Builder {
            private final @Nullable String sid;
            private Effect effect = Effect.ALLOW;
            private boolean anyone;
            private final Map<PrincipalType, List<String>> principals = new EnumMap<>(PrincipalType.class);
            private @Nullable Principal notPrincipal;
            private final List<String> actions = new ArrayList<>();
            private final List<String> notActions = new ArrayList<>();
            private final List<String> resources = new ArrayList<>();
            private final List<String> notResources = new ArrayList<>();
            private final List<Condition> conditions = new ArrayList<>();
            private int position = -1;

            Builder(@Nullable String sid) {
                this.sid = sid;
            }

            /** Where the statement stands in the JSON it is read from (see {@link Statement#label()}). */
            Builder position(int position) {
                if (position < 0) {
                    throw new IllegalArgumentException("Statement position must not be negative; received: "
                            + position);
                }
                this.position = position;
                return this;
            }

            public Builder deny() {
                return effect(Effect.DENY);
            }

            public Builder effect(Effect effect) {
                this.effect = Objects.requireNonNull(effect, "effect");
                return this;
            }

            public Builder principals(PrincipalType type, Collection<String> values) {
                if (!values.isEmpty()) {
                    principals.computeIfAbsent(type, t -> new ArrayList<>()).addAll(values);
                }
                return this;
            }

            /** Same as {@link #principals(PrincipalType, Collection)}, by the type's JSON name ({@code "AWS"}, ...). */
            public Builder principals(String type, Collection<String> values) {
                return principals(PrincipalType.fromJson(type).orElseThrow(() -> new IllegalArgumentException(
                        "Principal type must be AWS, CanonicalUser, Federated or Service; received: "
                                + Check.show(type))), values);
            }

            /** Replaces the {@code Principal} element. */
            public Builder principal(@Nullable Principal principal) {
                anyone = principal instanceof Principal.Anyone;
                principals.clear();
                if (principal instanceof Principal.ByType byType) {
                    byType.byType().forEach((type, values) -> principals.put(type, new ArrayList<>(values)));
                }
                return this;
            }

            public Builder notPrincipal(@Nullable Principal notPrincipal) {
                this.notPrincipal = notPrincipal;
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

            public Builder notActions(Collection<String> values) {
                notActions.addAll(values);
                return this;
            }

            public Builder resource(String value) {
                resources.add(value);
                return this;
            }

            public Builder resources(Collection<String> values) {
                resources.addAll(values);
                return this;
            }

            public Builder notResources(Collection<String> values) {
                notResources.addAll(values);
                return this;
            }

            public Builder condition(ConditionOperator operator, String key, List<String> values) {
                conditions.add(new Condition(operator, key, values));
                return this;
            }

            public Builder condition(ConditionOperator operator, String key, String value) {
                return condition(operator, key, List.of(value));
            }

            /** Same as {@link #condition(ConditionOperator, String, List)}, by the operator's name. */
            public Builder condition(String operator, String key, List<String> values) {
                return condition(ConditionOperator.of(operator), key, values);
            }

            public Builder condition(String operator, String key, String value) {
                return condition(operator, key, List.of(value));
            }

            /** Drops every condition, for a variant of a statement without them. */
            public Builder clearConditions() {
                conditions.clear();
                return this;
            }

            public Statement build() {
                return new Statement(this);
            }
        }
    }

    static JsonElement stringOrArray(List<String> values) {
        if (values.size() == 1) {
            return new JsonPrimitive(values.get(0));
        }
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
