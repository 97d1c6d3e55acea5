package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Rules;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.annotation.Nullable;

/**
 * The shapes of an argument's own rule that a declaration names ({@code "rule"} in
 * {@code src/main/arguments/EncryptedAiDataKeyArgs.json}): each takes the argument's name and its value as given, and
 * returns the checked value ({@code null} when not given) or throws a message naming the argument, the rule and the
 * value.
 */
final class ArgumentRules {
    private ArgumentRules() {
    }

    /** {@code "required"}: a string argument that must be given, and pass its rule. */
    static BiFunction<String, Object, Object> required(Rules.Rule<?> rule) {
        return (argument, value) -> rule.check(argument, (String) Check.required(argument, value));
    }

    /** {@code "string"}: an optional string argument; its rule applies when it is given. */
    static BiFunction<String, Object, Object> string(Rules.Rule<?> rule) {
        return (argument, value) -> value == null ? null : rule.check(argument, (String) value);
    }

    /** No {@code "rule"}: an optional argument that any value of its type satisfies on its own. */
    @Nullable
    static Object any(String argument, @Nullable Object value) {
        return value;
    }

    /** {@code "between"}: an optional number within two limits. */
    static BiFunction<String, Object, Object> between(int min, int max, String unit) {
        return (argument, value) -> value == null ? null : Check.between(argument, (Integer) value, min, max, unit);
    }

    /** {@code "each"}: a list whose elements each pass the rule, without duplicates (compared ignoring case). */
    @SuppressWarnings("unchecked")
    static BiFunction<String, Object, Object> list(Rules.Rule<?> rule) {
        return (argument, value) -> value == null ? null
                : List.copyOf(Rules.eachOf(argument, (List<String>) value, rule));
    }

    /** {@code "entries"}: a map whose keys and values pass their rules, without keys that differ only in case. */
    @SuppressWarnings("unchecked")
    static BiFunction<String, Object, Object> map(Rules.Rule<String> keyRule, Rules.Rule<String> valueRule) {
        return (argument, value) -> value == null ? null
                : KeySettings.checkedMap(argument, (Map<String, String>) value, keyRule, valueRule);
    }

    /**
     * A web-identity subject checked without its issuer: the rules for any issuer. The issuer's own rules apply once
     * {@code webIdentityProviderArn} is known too.
     */
    static String webIdentitySubjectOfAnyIssuer(String argument, String value) {
        return Rules.webIdentitySubject(argument, null, value);
    }
}
