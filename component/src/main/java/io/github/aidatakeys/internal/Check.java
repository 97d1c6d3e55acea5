package io.github.aidatakeys.internal;

import java.util.List;

/**
 * Builds every validation message the same way: the argument, the rule, the value received.
 * A message is always formatted from the same constants as the check that raises it.
 */
public final class Check {
    private static final int SHOWN = 80;

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

    /** Quotes strings, shortens long ones and says how long they were. */
    public static String show(Object value) {
        if (value == null) {
            return "null";
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
