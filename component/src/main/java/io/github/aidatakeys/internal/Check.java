package io.github.aidatakeys.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds every validation message the same way: the argument, the rule, the value received.
 * A message is always formatted from the same constants as the check that raises it.
 */
public final class Check {
    private static final int SHOWN = 80;
    /** The shortest part of a secret that is recognised as such when shown on its own. */
    private static final int PART = 4;
    /** Shown instead of a value given as a secret. */
    public static final String SECRET = "[secret]";
    /** The values of the secret arguments of the check running on this thread: never shown. */
    private static final ThreadLocal<Set<Object>> SECRETS = ThreadLocal.withInitial(Set::of);

    private Check() {
    }

    public static IllegalArgumentException invalid(String argument, String rule, Object received) {
        return new IllegalArgumentException(argument + " " + rule + "; received: " + show(received));
    }

    public static IllegalStateException conflict(String message, String received) {
        return new IllegalStateException(message + "; received: " + received);
    }

    public static <T> T required(String argument, T value) {
        if (value == null) {
            throw invalid(argument, "is required", null);
        }
        return value;
    }

    public static <T> List<T> elementsRequired(String argument, List<T> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw invalid(argument + "[" + i + "]", "must not be null", null);
            }
        }
        return values;
    }

    public static int between(String argument, Integer value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw invalid(argument, "must be between " + min + " and " + max + " " + unit, value);
        }
        return value;
    }

    public static String atMost(String argument, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw invalid(argument, "must be at most " + maxLength + " characters", value);
        }
        return value;
    }

    /** A received value described in words rather than quoted. */
    public static Object described(String text) {
        return new Object() {
            @Override
            public String toString() {
                return text;
            }
        };
    }

    /**
     * Runs a check that must not show the given secret values: a value that is, or contains, one of them shows as
     * {@value #SECRET}, and so does every occurrence of a secret string in the message of what the check throws
     * (messages built elsewhere, such as the lint's, included).
     */
    public static <T> T redacting(Set<Object> secrets, Supplier<T> check) {
        if (secrets.isEmpty()) {
            return check.get();
        }
        var previous = SECRETS.get();
        SECRETS.set(secrets);
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw redacted(e, new IllegalArgumentException(redact(e.getMessage(), secrets)));
        } catch (IllegalStateException e) {
            throw redacted(e, new IllegalStateException(redact(e.getMessage(), secrets)));
        } finally {
            SECRETS.set(previous);
        }
    }

    private static RuntimeException redacted(RuntimeException original, RuntimeException redacted) {
        if (redacted.getMessage() != null && redacted.getMessage().equals(original.getMessage())) {
            return original;
        }
        redacted.setStackTrace(original.getStackTrace());
        return redacted;
    }

    /** Every occurrence of a secret string in a text, as {@value #SECRET}. */
    public static String redact(String text, Set<Object> secrets) {
        if (text == null) {
            return null;
        }
        var result = text;
        // Longest first, so that a secret inside another one does not leave part of the longer one.
        var strings = secrets.stream().filter(String.class::isInstance).map(String.class::cast)
                .filter(x -> !x.isEmpty()).sorted((a, b) -> b.length() - a.length()).toList();
        for (var secret : strings) {
            result = result.replace(secret, SECRET);
            if (secret.length() > SHOWN) {
                result = result.replace(secret.substring(0, SHOWN), SECRET);
            }
        }
        return result;
    }

    /** A value used in an argument's name or a message (a map key, an account): itself, unless it is secret. */
    public static String name(String value) {
        return isSecret(value) ? SECRET : value;
    }

    private static boolean isSecret(Object value) {
        var secrets = SECRETS.get();
        if (secrets.isEmpty()) {
            return false;
        }
        if (secrets.contains(value)) {
            return true;
        }
        // A value that holds a secret, or a part taken out of one (the account of a secret ARN).
        var text = String.valueOf(value);
        return secrets.stream().anyMatch(s -> s instanceof String secret && !secret.isEmpty()
                && (text.contains(secret) || (text.length() >= PART && secret.contains(text))));
    }

    /** Quotes strings, shortens long ones and says how long they were; a secret value shows as {@value #SECRET}. */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (!(value instanceof List<?>) && isSecret(value)) {
            return SECRET;
        }
        if (value instanceof String s) {
            if (s.length() > SHOWN) {
                return "\"" + s.substring(0, SHOWN) + "...\" (" + s.length() + " characters)";
            }
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            var sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(show(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }
}
