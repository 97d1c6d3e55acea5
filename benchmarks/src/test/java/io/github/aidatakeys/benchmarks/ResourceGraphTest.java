package io.github.aidatakeys.benchmarks;

import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The critical path of the component's resource graph, from a real run under the mock engine. Not a timing test. */
class ResourceGraphTest {
    static final String NAME = Programs.instanceName(0);
    static final String KEY = Programs.KEY + "::" + NAME + "-key";
    static final String ALIAS = Programs.ALIAS + "::" + NAME + "-alias";
    static final String ROLE = Programs.ROLE + "::" + NAME + "-role";
    static final String POLICY = Programs.POLICY + "::" + NAME + "-policy";

    static OfflineResult run(java.util.function.Consumer<com.pulumi.Context> program) {
        var result = OfflineStack.builder().build().run(program);
        assertThat(result.succeeded()).as("%s %s", result.errors(), result.failure()).isTrue();
        return result;
    }

    @Test
    void oneComponentHasDepthTwoAndTheKeyDoesNotWaitForTheRole() {
        var graph = ResourceGraph.of(run(Programs.component(1)));

        assertThat(graph.nodes()).contains(KEY, ALIAS, ROLE, POLICY);
        assertThat(graph.depth()).isEqualTo(2);
        assertThat(graph.depthOf(KEY)).isEqualTo(1);
        assertThat(graph.depthOf(ROLE)).isEqualTo(1);
        assertThat(graph.depthOf(ALIAS)).isEqualTo(2);
        assertThat(graph.depthOf(POLICY)).isEqualTo(2);
        assertThat(graph.waitsFor(KEY, ROLE)).isFalse();
        assertThat(graph.waitsFor(ROLE, KEY)).isFalse();
        assertThat(graph.dependenciesOf(ALIAS)).containsExactly(KEY);
        assertThat(graph.dependenciesOf(POLICY)).containsExactlyInAnyOrder(KEY, ROLE);
        assertThat(graph.criticalPath()).hasSize(2);
        assertThat(graph.criticalPath().get(0)).isIn(KEY, ROLE);
    }

    @Test
    void withTheInstanceProfileItCreatesForEc2ByDefaultTheDepthIsStillTwo() {
        var graph = ResourceGraph.of(run(Programs.component(1, true)));
        var profile = "aws:iam/instanceProfile:InstanceProfile::" + NAME + "-instance-profile";

        assertThat(graph.nodes()).contains(profile);
        assertThat(graph.depth()).isEqualTo(2);
        assertThat(graph.dependenciesOf(profile)).containsExactly(ROLE);
        assertThat(graph.waitsFor(KEY, ROLE)).isFalse();
    }

    @Test
    void instancesInOneStackDoNotWaitForEachOther() {
        var graph = ResourceGraph.of(run(Programs.component(3, true)));

        assertThat(graph.depth()).isEqualTo(2);
        assertThat(graph.nodes()).filteredOn(n -> n.startsWith(Programs.KEY))
                .allSatisfy(key -> assertThat(graph.depthOf(key)).isEqualTo(1));
    }

    @Test
    void theHandWrittenProgramHasTheSameDepth() {
        var graph = ResourceGraph.of(run(Programs.handWritten(1)));
        var key = Programs.KEY + "::aiDataKmsKey-0";
        var alias = Programs.ALIAS + "::aiDataKeyAlias-0";

        assertThat(graph.depth()).isEqualTo(2);
        assertThat(graph.depthOf(key)).isEqualTo(1);
        assertThat(graph.depthOf(alias)).isEqualTo(2);
        assertThat(graph.dependenciesOf(alias)).containsExactly(key);
        // Two chains are two resources long (the key then its alias, the role then its policy); the reported one no
        // longer depends on the order the engine registered them in: ties go to the first by node (type::name), here
        // the role's chain, as aws:iam sorts before aws:kms.
        var path = graph.criticalPath();
        assertThat(path).hasSize(2);
        assertThat(graph.dependenciesOf(path.get(1))).contains(path.get(0));
        assertThat(path).containsExactly(Programs.ROLE + "::aiDataRole-0", Programs.POLICY + "::aiDataRolePolicy-0");
    }

    @Test
    void amongEquallyLongChainsTheCriticalPathIsTheFirstByNameWhateverTheRegistrationOrder() {
        var a = resource("t", "a", true);
        var b = resource("t", "b", true, "t::a");
        var x = resource("t", "x", true);
        var y = resource("t", "y", true, "t::x");

        for (var order : List.of(List.of(a, b, x, y), List.of(x, y, a, b), List.of(y, x, b, a))) {
            var graph = ResourceGraph.of(result(order.toArray(RecordedResource[]::new)));
            assertThat(graph.criticalPath()).as("registered as %s", order).containsExactly("t::a", "t::b");
        }
    }

    @Test
    void depthCountsTheLongestChainAndComponentsAreNotNodes() {
        var graph = ResourceGraph.of(result(
                resource("c", "x", false),
                resource("t", "a", true),
                resource("t", "b", true, "t::a"),
                resource("t", "c", true, "t::b", "t::a"),
                resource("t", "d", true, "t::a")));

        assertThat(graph.nodes()).containsExactly("t::a", "t::b", "t::c", "t::d");
        assertThat(graph.depth()).isEqualTo(3);
        assertThat(graph.criticalPath()).containsExactly("t::a", "t::b", "t::c");
        assertThat(graph.waitsFor("t::c", "t::a")).isTrue();
        assertThat(graph.waitsFor("t::a", "t::c")).isFalse();
    }

    @Test
    void anEmptyStackHasDepthZero() {
        assertThat(ResourceGraph.of(result()).depth()).isZero();
    }

    @Test
    void aCycleIsReported() {
        var graph = ResourceGraph.of(result(resource("t", "a", true, "t::b"), resource("t", "b", true, "t::a")));

        assertThatThrownBy(graph::depth).isInstanceOf(IllegalStateException.class).hasMessageContaining("cycle");
    }

    static OfflineResult result(RecordedResource... resources) {
        return new OfflineResult(List.of(resources), Map.of(), List.of(), List.of(), List.of(), 0);
    }

    static RecordedResource resource(String type, String name, boolean custom, String... dependsOn) {
        return new RecordedResource(type, name, null, null, custom, Map.of(), Map.of(), null, false, false,
                new ArrayList<>(), List.of(dependsOn));
    }
}
