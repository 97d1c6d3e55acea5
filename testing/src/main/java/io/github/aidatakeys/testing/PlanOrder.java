package io.github.aidatakeys.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import static io.github.aidatakeys.testing.OfflineResult.STACK_TYPE;

/**
 * The order a plan lists resources in: a parent before its children, a resource after those it depends on (the
 * order a deployment creates them in), and by name among resources that could go in any order, so that the same
 * program always gives the same plan (registration order depends on timing).
 */
final class PlanOrder {
    private static final Comparator<RecordedResource> BY_NAME =
            Comparator.comparing(RecordedResource::name).thenComparing(RecordedResource::type);

    private PlanOrder() {
    }

    static List<RecordedResource> of(OfflineResult result) {
        var byKey = new LinkedHashMap<String, RecordedResource>();
        for (var r : result.resources()) {
            if (!r.type().equals(STACK_TYPE)) {
                byKey.putIfAbsent(r.type() + "::" + r.name(), r);
            }
        }
        var waitsFor = new IdentityHashMap<RecordedResource, Integer>();
        var dependents = new HashMap<String, List<RecordedResource>>();
        for (var r : byKey.values()) {
            var before = new ArrayList<String>();
            if (r.parentName() != null && !STACK_TYPE.equals(r.parentType())) {
                before.add(r.parentType() + "::" + r.parentName());
            }
            before.addAll(r.dependsOn());
            int count = 0;
            for (var key : before) {
                if (byKey.containsKey(key) && !key.equals(r.type() + "::" + r.name())) {
                    dependents.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                    count++;
                }
            }
            waitsFor.put(r, count);
        }
        var ready = new PriorityQueue<>(BY_NAME);
        waitsFor.forEach((r, count) -> {
            if (count == 0) {
                ready.add(r);
            }
        });
        var ordered = new ArrayList<RecordedResource>();
        while (!ready.isEmpty()) {
            var next = ready.poll();
            ordered.add(next);
            for (var dependent : dependents.getOrDefault(next.type() + "::" + next.name(), List.of())) {
                if (waitsFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() < byKey.size()) {
            // A cycle cannot be registered; should one be recorded anyway, list the rest by name.
            byKey.values().stream().filter(r -> !ordered.contains(r)).sorted(BY_NAME).forEach(ordered::add);
        }
        return List.copyOf(ordered);
    }

    static Map<String, ResourceChange> byKey(List<ResourceChange> changes) {
        var map = new HashMap<String, ResourceChange>();
        for (var c : changes) {
            if (c.kind() != ResourceChange.Kind.DELETE) {
                map.put(c.type() + "::" + c.name(), c);
            }
        }
        return map;
    }
}
