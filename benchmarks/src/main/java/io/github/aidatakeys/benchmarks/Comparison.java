package io.github.aidatakeys.benchmarks;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.RecordedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Says whether the two programs compared register the same thing for one instance: the same resource types,
 * and for each the same inputs once the ids the mocks derive from logical names are blanked out. A benchmark
 * comparing programs that do different work would measure the difference in work, not the component's overhead;
 * this makes any such difference visible in the benchmark's output.
 */
final class Comparison {
    private Comparison() {
    }

    /**
     * Compares one instance of each program.
     *
     * @param handWritten a run of {@link Programs#handWritten(int)} with one instance
     * @param component   a run of {@link Programs#component(int)} with one instance
     * @return one line per difference; empty when both register the same inputs
     */
    static List<String> differences(OfflineResult handWritten, OfflineResult component) {
        var a = customResources(handWritten);
        var b = customResources(component);
        var lines = new ArrayList<String>();
        for (var ra : a) {
            var rb = b.stream().filter(r -> r.type().equals(ra.type())).findFirst().orElse(null);
            if (rb == null) {
                lines.add(ra.type() + ": only in the hand-written program");
                continue;
            }
            var keys = new TreeSet<>(ra.inputs().keySet());
            keys.addAll(rb.inputs().keySet());
            for (var key : keys) {
                var va = normalised(ra.inputs().get(key), a);
                var vb = normalised(rb.inputs().get(key), b);
                if (!same(va, vb)) {
                    lines.add(ra.type() + " input " + key + ": hand-written " + shown(va) + ", component " + shown(vb));
                }
            }
            if (ra.retainOnDelete() != rb.retainOnDelete() || ra.protect() != rb.protect()) {
                lines.add(ra.type() + " options: hand-written retainOnDelete=" + ra.retainOnDelete() + " protect="
                        + ra.protect() + ", component retainOnDelete=" + rb.retainOnDelete() + " protect="
                        + rb.protect());
            }
        }
        for (var rb : b) {
            if (a.stream().noneMatch(r -> r.type().equals(rb.type()))) {
                lines.add(rb.type() + " " + rb.name() + ": only in the component");
            }
        }
        return lines;
    }

    static List<RecordedResource> customResources(OfflineResult result) {
        return result.resources().stream().filter(RecordedResource::custom).toList();
    }

    /** Blanks out the key id and the role id (and so the key ARN), which the mocks derive from logical names. */
    private static Object normalised(Object value, List<RecordedResource> resources) {
        if (!(value instanceof String s)) {
            return value;
        }
        for (var r : resources) {
            var id = switch (r.type()) {
                case Programs.KEY -> r.state().get("keyId");
                case Programs.ROLE -> r.state().get("name");
                default -> null;
            };
            if (id instanceof String text && !text.isEmpty()) {
                s = s.replace(text, "<" + r.type() + " id>");
            }
        }
        return s;
    }

    /** Equal values; JSON documents compare as JSON, so key order and spacing do not matter. */
    private static boolean same(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String x && b instanceof String y && x.startsWith("{") && y.startsWith("{")) {
            try {
                return JsonParser.parseString(x).equals(JsonParser.parseString(y));
            } catch (JsonParseException e) {
                return false;
            }
        }
        return (a instanceof Map<?, ?> x && x.isEmpty() && b == null)
                || (b instanceof Map<?, ?> y && y.isEmpty() && a == null);
    }

    private static String shown(Object value) {
        var text = value == null ? "(absent)" : String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
