package io.github.aidatakeys.testing;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import io.github.aidatakeys.testing.StackState.Urns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

import static io.github.aidatakeys.testing.OfflineResult.STACK_TYPE;

/**
 * Mocks that answer from a stack's state: a resource the state holds (by URN, or by one of its aliases) gets its
 * recorded id and outputs, overlaid with its new inputs, as {@code pulumi preview} shows an existing resource; a
 * resource that is new, or that a change replaces, is answered by the preview mocks (values known after deploy).
 */
final class StateMocks implements Mocks, OfflineStack.RegistrationObserver {

    private final StackState state;
    private final Mocks fresh;
    private final String project;
    private final String stack;
    private final Map<Resource, Node> nodes = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, List<String>> urns = new ConcurrentHashMap<>();
    private final Map<String, String> imports = new ConcurrentHashMap<>();

    /** What the engine knows of a registered resource: its qualified type and the URNs it may be found under. */
    private record Node(String name, String qualifiedType, List<String> urns) {
    }

    StateMocks(StackState state, Mocks fresh, String project, String stack) {
        this.state = state;
        this.fresh = fresh;
        this.project = project;
        this.stack = stack;
    }

    /** Runs in the resource's constructor, before it is registered: parents are always seen before children. */
    @Override
    public void observe(ResourceTransformation.Args args) {
        var resource = args.resource();
        var type = resource.pulumiResourceType();
        var name = resource.pulumiResourceName();
        var parent = args.options().getParent().map(nodes::get).orElse(null);
        var parentType = parent == null ? null : parent.qualifiedType();
        var candidates = new LinkedHashSet<String>();
        candidates.add(Urns.urn(stack, project, parentType, type, name));
        if (parent != null) {
            // A parent found under an alias takes its children along (the SDK's inherited child aliases): same
            // type, the parent's former type chain, the name with the parent's name prefix swapped.
            for (var former : parent.urns().subList(1, parent.urns().size())) {
                var formerName = name.startsWith(parent.name())
                        ? Urns.name(former) + name.substring(parent.name().length()) : name;
                candidates.add(Urns.urn(Urns.stack(former), Urns.project(former), Urns.qualifiedType(former), type,
                        formerName));
            }
        }
        for (var output : args.options().getAliases()) {
            var alias = now(output);
            if (alias == null) {
                continue;
            }
            if (alias.getUrn().isPresent()) {
                candidates.add(alias.getUrn().get());
                continue;
            }
            String aliasParentType;
            if (alias.hasNoParent()) {
                aliasParentType = null;
            } else if (alias.getParent().isPresent()) {
                var node = nodes.get(alias.getParent().get());
                aliasParentType = node == null ? null : node.qualifiedType();
            } else if (alias.getParentUrn().isPresent()) {
                var parentUrn = now(alias.getParentUrn().get());
                aliasParentType = parentUrn == null || Urns.qualifiedType(parentUrn).equals(STACK_TYPE) ? null
                        : Urns.qualifiedType(parentUrn);
            } else {
                aliasParentType = parentType;
            }
            candidates.add(Urns.urn(orElse(alias.getStack(), stack), orElse(alias.getProject(), project),
                    aliasParentType, orElse(alias.getType(), type), orElse(alias.getName(), name)));
        }
        var list = List.copyOf(candidates);
        if (!type.equals(STACK_TYPE)) {
            nodes.put(resource, new Node(name, parentType == null ? type : parentType + "$" + type, list));
            urns.put(key(type, name), list);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var key = key(args.type, args.name);
        if (args.id != null && !args.id.isEmpty()) {
            imports.put(key, args.id);
        }
        var match = match(key).filter(StackState.Resource::custom).orElse(null);
        if (match == null || properties(args.type, match.inputs(), args.inputs).stream()
                .anyMatch(ResourceChange.Property::replaces)) {
            return fresh.newResourceAsync(args);
        }
        var outputs = new HashMap<String, Object>();
        match.outputs().forEach((k, v) -> {
            if (!k.startsWith("__")) {
                outputs.put(k, plain(v));
            }
        });
        outputs.putAll(args.inputs);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.ofNullable(match.id()), outputs));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return fresh.callAsync(args);
    }

    /** The state's resource this registration is, by its URN or one of its aliases. */
    private Optional<StackState.Resource> match(String key) {
        for (var urn : urns.getOrDefault(key, List.of())) {
            var found = state.resource(urn);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What the run would do to each resource: those of the program in the order given, then the deletions. */
    List<ResourceChange> changes(List<RecordedResource> ordered) {
        var changes = new ArrayList<ResourceChange>();
        var claimed = new HashSet<String>();
        for (var r : ordered) {
            var key = key(r.type(), r.name());
            var candidates = urns.getOrDefault(key, List.of());
            var urn = candidates.isEmpty() ? r.type() + "::" + r.name() : candidates.get(0);
            var match = match(key).orElse(null);
            if (match == null) {
                changes.add(new ResourceChange(imports.containsKey(key) || r.importId() != null ? ResourceChange.Kind.IMPORT
                        : ResourceChange.Kind.CREATE, urn, r.type(), r.name(), null, List.of(), false));
                continue;
            }
            claimed.add(match.urn());
            var properties = r.custom() ? properties(r.type(), match.inputs(), r.inputs()).stream()
                    // A value the program now sends as a secret is shown as one, whatever the state held.
                    .map(p -> r.isSecret(p.name()) && p.after() != null && !(p.after() instanceof StackState.Secret)
                            ? new ResourceChange.Property(p.name(), p.before(), new StackState.Secret(p.after()),
                                    p.replaces())
                            : p)
                    .toList() : List.<ResourceChange.Property>of();
            var kind = properties.stream().anyMatch(ResourceChange.Property::replaces) ? ResourceChange.Kind.REPLACE
                    : properties.isEmpty() ? ResourceChange.Kind.UNCHANGED : ResourceChange.Kind.UPDATE;
            changes.add(new ResourceChange(kind, urn, r.type(), r.name(),
                    match.urn().equals(urn) ? null : match.urn(), properties,
                    kind == ResourceChange.Kind.REPLACE && match.retainOnDelete()));
        }
        var deletions = new ArrayList<ResourceChange>();
        for (var old : state.resources()) {
            if (claimed.contains(old.urn()) || old.type().equals(STACK_TYPE) || old.type().startsWith("pulumi:providers:")) {
                continue;
            }
            deletions.add(0, new ResourceChange(ResourceChange.Kind.DELETE, old.urn(), old.type(), old.name(), null,
                    List.of(), old.retainOnDelete()));
        }
        changes.addAll(deletions);
        return changes;
    }

    /** The state resource a recorded resource was matched to, if any. */
    Optional<StackState.Resource> matched(RecordedResource r) {
        return match(key(r.type(), r.name()));
    }

    StackState state() {
        return state;
    }

    /**
     * The inputs that differ. Policy documents compare as JSON (the provider suppresses differences between
     * equivalent documents); an auto-name the program leaves unset keeps the recorded one, as Pulumi does;
     * bookkeeping entries such as {@code __defaults} are not inputs.
     */
    static List<ResourceChange.Property> properties(String type, Map<String, Object> before, Map<String, Object> after) {
        var names = new TreeSet<String>();
        names.addAll(before.keySet());
        names.addAll(after.keySet());
        var changed = new ArrayList<ResourceChange.Property>();
        for (var name : names) {
            if (name.startsWith("__")) {
                continue;
            }
            var old = before.get(name);
            var now = after.get(name);
            if (now == null && old != null && Replacements.AUTO_NAMED.contains(name) && Replacements.known(type)) {
                continue;
            }
            if (old instanceof StackState.Secret secret && !secret.readable()) {
                // An export without --show-secrets: the value cannot be compared.
                continue;
            }
            if (Objects.equals(normal(old), normal(now))) {
                continue;
            }
            changed.add(new ResourceChange.Property(name, old,
                    old instanceof StackState.Secret && now != null ? new StackState.Secret(now) : now,
                    Replacements.forcesReplacement(type, name)));
        }
        return changed;
    }

    private static @Nullable Object normal(@Nullable Object value) {
        if (value instanceof StackState.Secret secret) {
            return normal(secret.plaintext());
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            var t = s.trim();
            if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
                try {
                    return normal(StackState.value(JsonParser.parseString(t)));
                } catch (JsonParseException notJson) {
                    return s;
                }
            }
            return s;
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normal(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>();
            list.forEach(v -> out.add(normal(v)));
            return out;
        }
        return value;
    }

    /** What a program sees of a recorded output: a secret's plaintext, or unknown when it was not exported. */
    private static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof StackState.Secret secret) {
            return secret.readable() ? plain(secret.plaintext()) : OfflineStack.UNKNOWN;
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

    /** An output's value if it is already there: a transformation must not wait for the deployment. */
    private static <T> @Nullable T now(Output<T> output) {
        return SdkInternals.valueNow(output);
    }

    private static String orElse(Optional<Output<String>> value, String otherwise) {
        var v = value.map(StateMocks::now).orElse(null);
        return v == null ? otherwise : v;
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }

}
