package io.github.aidatakeys.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.aidatakeys.testing.StackSettings.SECRET;

/** How a plan against a state shows its changes: text, JSON and Mermaid. */
final class ChangeText {
    /** Colours per kind of change, for the Mermaid diagram: fill, stroke, and a dashed border for deletions. */
    private static final Map<ResourceChange.Kind, String> STYLE = new EnumMap<>(Map.of(
            ResourceChange.Kind.CREATE, "fill:#d4edda,stroke:#28a745,color:#155724",
            ResourceChange.Kind.IMPORT, "fill:#d1ecf1,stroke:#17a2b8,color:#0c5460",
            ResourceChange.Kind.UPDATE, "fill:#fff3cd,stroke:#e0a800,color:#856404",
            ResourceChange.Kind.REPLACE, "fill:#f8d7da,stroke:#dc3545,stroke-width:3px,color:#721c24",
            ResourceChange.Kind.DELETE, "fill:#f5c6cb,stroke:#721c24,stroke-dasharray:5 5,color:#721c24",
            ResourceChange.Kind.UNCHANGED, "fill:#f1f3f5,stroke:#adb5bd,color:#495057"));

    private ChangeText() {
    }

    static String summary(List<ResourceChange> changes) {
        var counts = new EnumMap<ResourceChange.Kind, Integer>(ResourceChange.Kind.class);
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        var parts = new ArrayList<String>();
        counts.forEach((kind, n) -> parts.add(n + (kind == ResourceChange.Kind.UNCHANGED ? " unchanged"
                : " to " + kind.word())));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    static void properties(ResourceChange change, StringBuilder out) {
        if (change.previousUrn() != null) {
            out.append("      (was ").append(change.previousUrn()).append(")\n");
        }
        for (var p : change.properties()) {
            out.append("      ~ ").append(p.name()).append(": ");
            if (isDocument(change.type(), p)) {
                out.append("document changed (the new one is under Policy documents)");
            } else {
                out.append(show(p.before())).append(" => ").append(show(p.after()));
            }
            if (p.replaces()) {
                out.append("  (forces replacement)");
            }
            out.append('\n');
        }
    }

    static void deletions(List<ResourceChange> changes, StringBuilder out) {
        for (var c : changes) {
            if (c.kind() == ResourceChange.Kind.DELETE) {
                out.append("  -   ").append(c.type()).append("  ").append(c.name())
                        .append(c.retained() ? "  [retainOnDelete: stays in AWS]" : "").append("  delete\n")
                        .append("      (").append(c.urn()).append(")\n");
            }
        }
    }

    static void guard(List<String> findings, boolean allowed, StringBuilder out) {
        out.append("\nData-loss guard\n");
        if (findings.isEmpty()) {
            out.append("  no key replaced or deleted, no alias moved to another key, no role cut off from a key\n");
            return;
        }
        findings.forEach(f -> out.append("  - ").append(f).append('\n'));
        if (allowed) {
            out.append("  ALLOWED by --allow-key-replacement: the plan exits 0.\n");
        } else {
            out.append("  BLOCKED: the plan exits 1. If this is what you mean, run it again with "
                    + "--allow-key-replacement (-Dplan.allowKeyReplacement=true).\n");
        }
    }

    static void json(ResourceChange change, JsonObject o) {
        var gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        o.addProperty("change", change.kind().word());
        o.addProperty("urn", change.urn());
        if (change.previousUrn() != null) {
            o.addProperty("previousUrn", change.previousUrn());
        }
        if (change.retained()) {
            o.addProperty("retained", true);
        }
        var properties = new JsonArray();
        for (var p : change.properties()) {
            var property = new JsonObject();
            property.addProperty("name", p.name());
            property.add("before", gson.toJsonTree(plain(p.before())));
            property.add("after", gson.toJsonTree(plain(p.after())));
            property.addProperty("replaces", p.replaces());
            properties.add(property);
        }
        o.add("changes", properties);
    }

    static void mermaid(List<ResourceChange> changes, Map<String, String> ids, StringBuilder out) {
        var classes = new LinkedHashMap<ResourceChange.Kind, List<String>>();
        int deleted = 0;
        for (var c : changes) {
            String id;
            if (c.kind() == ResourceChange.Kind.DELETE) {
                id = "d" + deleted++;
                out.append("    ").append(id).append("[\"").append(c.name()).append("<br/><small>").append(c.type())
                        .append(" (delete)</small>\"]\n");
            } else {
                id = ids.get(c.type() + "::" + c.name());
            }
            if (id != null) {
                classes.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(id);
            }
        }
        classes.forEach((kind, members) -> {
            out.append("    classDef ").append(kind.word()).append(' ').append(STYLE.get(kind)).append('\n');
            out.append("    class ").append(String.join(",", members)).append(' ').append(kind.word()).append('\n');
        });
    }

    /** A policy document that the plan prints under "Policy documents" (of the key, role or role policy). */
    private static boolean isDocument(String type, ResourceChange.Property p) {
        return OfflinePlan.isDocument(type, p.name())
                && (String.valueOf(plain(p.after())).trim().startsWith("{")
                || String.valueOf(plain(p.before())).trim().startsWith("{"));
    }

    /** A value for people: strings quoted, whole numbers without ".0", secrets hidden. */
    static String show(@Nullable Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (value instanceof StackState.Secret) {
            return SECRET;
        }
        if (value instanceof String s) {
            return s.equals(OfflineStack.UNKNOWN) ? s : "\"" + s + "\"";
        }
        var p = plain(value);
        return p instanceof String || p instanceof Number || p instanceof Boolean ? String.valueOf(p)
                : new GsonBuilder().disableHtmlEscaping().create().toJson(p);
    }

    /** A value for JSON: secrets hidden, whole numbers as integers. */
    static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof StackState.Secret) {
            return SECRET;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }
}
