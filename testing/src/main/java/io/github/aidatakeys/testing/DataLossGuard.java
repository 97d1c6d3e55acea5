package io.github.aidatakeys.testing;

import com.google.gson.JsonElement;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The changes after which data encrypted under a key could no longer be decrypted by the stack's workloads:
 * a key replaced or deleted, an existing alias pointed at another key, a role that could use a key left without
 * access to it. Each finding names the resource and says why.
 */
final class DataLossGuard {
    private static final String ALIAS = "aws:kms/alias:Alias";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    private DataLossGuard() {
    }

    static List<String> findings(List<ResourceChange> changes, OfflineResult result, StateMocks mocks) {
        var state = mocks.state();
        var findings = new ArrayList<String>();
        for (var change : changes) {
            if (!Replacements.isKey(change.type())) {
                continue;
            }
            var old = state.resource(change.previousUrn() == null ? change.urn() : change.previousUrn());
            var arn = old.map(o -> o.output("arn")).orElse(change.urn());
            if (change.kind() == ResourceChange.Kind.REPLACE) {
                var reasons = change.properties().stream().filter(ResourceChange.Property::replaces)
                        .map(p -> p.name() + " " + show(p.before()) + " => " + show(p.after())).toList();
                findings.add("key " + change.name() + " would be REPLACED (" + String.join(", ", reasons)
                        + " forces a new key): data encrypted under " + arn + " could not be decrypted with the new "
                        + "key, and the stack would no longer manage the old one" + (change.retained()
                        ? " (retained in AWS: retainOnDelete)" : " (KMS would schedule its deletion)"));
            } else if (change.kind() == ResourceChange.Kind.DELETE) {
                findings.add("key " + change.name() + " would be DELETED from the stack (" + change.urn() + "): "
                        + "data encrypted under " + arn + " would depend on a key no alias or role of the stack "
                        + "leads to any more" + (change.retained() ? " (retained in AWS: retainOnDelete)"
                        : " (KMS would schedule its deletion)") + "; if it was renamed, give it an alias");
            }
        }
        aliases(result, mocks, findings);
        roles(result, mocks, findings);
        return findings;
    }

    /** An alias that existed before and would name another key afterwards: callers would encrypt elsewhere. */
    private static void aliases(OfflineResult result, StateMocks mocks, List<String> findings) {
        var state = mocks.state();
        // The key each existing alias name pointed at, as recorded.
        var before = new LinkedHashMap<String, String>();
        for (var old : state.resources()) {
            if (old.type().equals(ALIAS) && old.input("name") != null) {
                before.put(old.input("name"), old.input("targetKeyId"));
            }
        }
        for (var r : result.resourcesOfType(ALIAS)) {
            var name = r.input("name");
            var target = r.input("targetKeyId");
            var old = mocks.matched(r).orElse(null);
            String previous = old != null ? old.input("targetKeyId") : before.get(name);
            if (previous == null || (name == null && old == null)) {
                continue;
            }
            if (!sameKey(previous, target)) {
                findings.add("alias " + (name == null ? r.name() : name) + " (" + r.name() + ") would point at "
                        + "another key: " + previous + " => " + target + "; callers that encrypt through the alias "
                        + "would use the new key while existing data stays under the old one");
            }
        }
    }

    /** A role the state lets use a key, still in the stack afterwards, whose policies no longer cover that key. */
    private static void roles(OfflineResult result, StateMocks mocks, List<String> findings) {
        var state = mocks.state();
        var before = new LinkedHashMap<String, Set<String>>();
        for (var old : state.resources()) {
            if (old.type().equals(ROLE_POLICY) && old.input("role") != null) {
                before.computeIfAbsent(old.input("role"), k -> new LinkedHashSet<>()).addAll(keys(old.input("policy")));
            }
        }
        var roles = new LinkedHashSet<String>();
        for (var role : result.resourcesOfType(ROLE)) {
            var name = role.state().get("name");
            if (name instanceof String s && !s.contains(OfflineStack.UNKNOWN)) {
                roles.add(s);
            }
        }
        var after = new LinkedHashMap<String, Set<String>>();
        for (var policy : result.resourcesOfType(ROLE_POLICY)) {
            if (policy.input("role") != null) {
                after.computeIfAbsent(policy.input("role"), k -> new LinkedHashSet<>()).addAll(keys(policy.input("policy")));
            }
        }
        before.forEach((role, keys) -> {
            if (!roles.contains(role)) {
                return;
            }
            for (var key : keys) {
                if (after.getOrDefault(role, Set.of()).stream().noneMatch(granted -> covers(granted, key))) {
                    var now = after.getOrDefault(role, Set.of());
                    findings.add("role " + role + " could use key " + key + " and would lose access to it: "
                            + (now.isEmpty() ? "no policy of the role would grant KMS actions any more"
                            : "its policies would cover only " + String.join(", ", now)));
                }
            }
        });
    }

    /** The resources the Allow statements with KMS actions name. */
    private static Set<String> keys(@Nullable String policy) {
        var keys = new LinkedHashSet<String>();
        var document = OfflinePlan.parse(policy);
        if (document == null || !document.isJsonObject() || !document.getAsJsonObject().has("Statement")) {
            if (policy != null && policy.contains(OfflineStack.UNKNOWN)) {
                keys.add(OfflineStack.UNKNOWN);
            }
            return keys;
        }
        var statements = document.getAsJsonObject().get("Statement");
        for (var s : statements.isJsonArray() ? statements.getAsJsonArray() : List.of(statements)) {
            var statement = s.getAsJsonObject();
            if (!"Allow".equals(text(statement.get("Effect")))
                    || OfflinePlan.strings(statement.get("Action")).stream()
                    .noneMatch(a -> a.startsWith("kms:") || a.equals("*"))) {
                continue;
            }
            keys.addAll(OfflinePlan.strings(statement.get("Resource")));
        }
        return keys;
    }

    /** IAM's wildcard matching of a Resource element: {@code *} any run of characters, {@code ?} one. */
    private static boolean covers(String granted, String key) {
        if (granted.contains(OfflineStack.UNKNOWN)) {
            return false;
        }
        var regex = new StringBuilder();
        for (int i = 0; i < granted.length(); i++) {
            var c = granted.charAt(i);
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return key.matches(regex.toString());
    }

    /** A key id and its ARN name the same key (the provider compares them so, for an alias's target). */
    private static boolean sameKey(@Nullable String before, @Nullable String after) {
        if (before == null || after == null) {
            return before == null && after == null;
        }
        return before.equals(after) || before.endsWith(":key/" + after) || after.endsWith(":key/" + before);
    }

    private static @Nullable String text(@Nullable JsonElement element) {
        return element == null || !element.isJsonPrimitive() ? null : element.getAsString();
    }

    private static String show(@Nullable Object value) {
        return value instanceof String s ? "\"" + s + "\"" : value instanceof Double d && d == Math.rint(d)
                ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
