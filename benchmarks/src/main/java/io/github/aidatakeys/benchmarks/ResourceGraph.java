package io.github.aidatakeys.benchmarks;

import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.RecordedResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency graph of the custom resources a stack registered, as Pulumi computed it ({@link
 * RecordedResource#dependsOn()}: the resources behind each input, plus {@code dependsOn}).
 *
 * <p>The <em>depth</em> is the number of resources on the longest chain of "waits for": the number of rounds a
 * {@code pulumi up} needs at least, however parallel it runs. Resources with no dependency are at depth 1.
 * Components are not nodes: a dependency on a component already stands for the custom resources inside it.
 */
public final class ResourceGraph {
    private final Map<String, List<String>> dependencies;
    private final Map<String, Integer> depths = new HashMap<>();

    private ResourceGraph(Map<String, List<String>> dependencies) {
        this.dependencies = dependencies;
    }

    /**
     * The graph of a stack's custom resources.
     *
     * @param result what an {@link io.github.aidatakeys.testing.OfflineStack} run recorded
     * @return the graph
     */
    public static ResourceGraph of(OfflineResult result) {
        var dependencies = new LinkedHashMap<String, List<String>>();
        for (var r : result.resources()) {
            if (r.custom()) {
                dependencies.put(key(r), r.dependsOn());
            }
        }
        return new ResourceGraph(dependencies);
    }

    /**
     * Returns the node name of a resource.
     *
     * @param r a recorded resource
     * @return its node name, {@code type::name}, as {@link RecordedResource#dependsOn()} spells it
     */
    public static String key(RecordedResource r) {
        return r.type() + "::" + r.name();
    }

    /**
     * Returns the nodes, {@code type::name}, in registration order.
     *
     * @return the nodes, {@code type::name}, in registration order
     */
    public List<String> nodes() {
        return List.copyOf(dependencies.keySet());
    }

    /**
     * Returns the nodes a node waits for directly.
     *
     * @param node a node, {@code type::name}
     * @return the nodes it waits for directly
     */
    public List<String> dependenciesOf(String node) {
        return dependencies.getOrDefault(node, List.of());
    }

    /**
     * Returns the depth of a node.
     *
     * @param node a node, {@code type::name}
     * @return the length of the longest chain ending at it: 1 when it waits for nothing
     * @throws IllegalStateException if the graph has a cycle
     */
    public int depthOf(String node) {
        return depthOf(node, new ArrayList<>());
    }

    private int depthOf(String node, List<String> path) {
        var known = depths.get(node);
        if (known != null) {
            return known;
        }
        if (path.contains(node)) {
            throw new IllegalStateException("dependency cycle: " + path + " -> " + node);
        }
        path.add(node);
        int depth = 1;
        for (var dependency : dependenciesOf(node)) {
            depth = Math.max(depth, 1 + depthOf(dependency, path));
        }
        path.remove(path.size() - 1);
        depths.put(node, depth);
        return depth;
    }

    /**
     * Returns the length of the longest chain: the critical path's length; 0 for an empty graph.
     *
     * @return the length of the longest chain: the critical path's length; 0 for an empty graph
     */
    public int depth() {
        int depth = 0;
        for (var node : dependencies.keySet()) {
            depth = Math.max(depth, depthOf(node));
        }
        return depth;
    }

    /**
     * Returns one longest chain, first resource first. Where several chains are equally long, the one whose last
     * resource, and then each resource before it, comes first by its node ({@code type::name}, so by type, then by
     * name): the same chain whatever the order in which the resources were registered (which varies from run to
     * run).
     *
     * @return one longest chain, first resource first
     */
    public List<String> criticalPath() {
        var path = new ArrayList<String>();
        for (var node = deepest(dependencies.keySet()); node != null; node = deepest(dependenciesOf(node))) {
            path.add(node);
        }
        Collections.reverse(path);
        return path;
    }

    /** The deepest of {@code nodes}; among equally deep ones, the first by node ({@code type::name}). */
    private String deepest(Collection<String> nodes) {
        return nodes.stream()
                .min(Comparator.comparingInt((String node) -> depthOf(node)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }

    /**
     * Whether {@code node} waits, directly or not, for {@code other}.
     *
     * @param node  a node, {@code type::name}
     * @param other another node
     * @return {@code true} if {@code other} is among its transitive dependencies
     */
    public boolean waitsFor(String node, String other) {
        for (var dependency : dependenciesOf(node)) {
            if (dependency.equals(other) || waitsFor(dependency, other)) {
                return true;
            }
        }
        return false;
    }
}
