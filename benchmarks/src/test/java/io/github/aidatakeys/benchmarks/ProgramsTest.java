package io.github.aidatakeys.benchmarks;

import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.RecordedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The programs the benchmark compares run, with unique names per instance; the comparison of their inputs. */
class ProgramsTest {
    @Test
    void theHandWrittenProgramRegistersFourResourcesPerInstanceWithUniqueNames() {
        var result = OfflineStack.builder().build().run(Programs.handWritten(2));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.withoutStack()).allMatch(RecordedResource::custom)
                .extracting(RecordedResource::name).doesNotHaveDuplicates().hasSize(8);
        assertThat(result.resourcesOfType(Programs.KEY)).hasSize(2);
        assertThat(result.resourcesOfType(Programs.ALIAS)).extracting(r -> r.input("name"))
                .containsExactlyInAnyOrder("alias/aiDataKey-0", "alias/aiDataKey-1");
        assertThat(result.resourcesOfType(Programs.ROLE)).hasSize(2);
        assertThat(result.resourcesOfType(Programs.POLICY)).hasSize(2);
        assertThat(result.resource(Programs.POLICY, "aiDataRolePolicy-1").input("policy"))
                .contains(result.resource(Programs.KEY, "aiDataKmsKey-1").state().get("arn").toString());
    }

    @Test
    void theComponentProgramRegistersOneComponentPerInstance() {
        var result = OfflineStack.builder().build().run(Programs.component(2));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.resourcesOfType(EncryptedAiDataKey.TYPE)).extracting(RecordedResource::name)
                .containsExactly("aiDataKey-0", "aiDataKey-1");
        assertThat(result.resource(Programs.ALIAS, "aiDataKey-1-alias").input("name")).isEqualTo("alias/aiDataKey-1");
    }

    @Test
    void bothProgramsRegisterTheSameInputsForOneInstance() {
        var handWritten = OfflineStack.builder().build().run(Programs.handWritten(1));
        var component = OfflineStack.builder().build().run(Programs.component(1));

        assertThat(Comparison.differences(handWritten, component))
                .as("the benchmark compares like with like; if the component's defaults changed, change the "
                        + "hand-written program in Programs to match")
                .isEmpty();
    }

    @Test
    void theComparisonIgnoresIdsDerivedFromNamesAndJsonKeyOrder() {
        var a = result(key("k1", "id-1", Map.of("policy", "{\"A\":1,\"B\":\"id-1\"}", "days", 30)));
        var b = result(key("k2", "id-2", Map.of("policy", "{\"B\":\"id-2\",\"A\":1}", "days", 30.0)));

        assertThat(Comparison.differences(a, b)).isEmpty();
    }

    @Test
    void theComparisonReportsDifferentInputsAndResourcesOnlyOnOneSide() {
        var a = result(key("k1", "id-1", Map.of("days", 30)));
        var b = result(key("k2", "id-2", Map.of("days", 7, "tags", Map.of("a", "b"))),
                resource("aws:iam/instanceProfile:InstanceProfile", "p", Map.of(), Map.of()));

        assertThat(Comparison.differences(a, b)).containsExactly(
                Programs.KEY + " input days: hand-written 30, component 7",
                Programs.KEY + " input tags: hand-written (absent), component {a=b}",
                "aws:iam/instanceProfile:InstanceProfile p: only in the component");
    }

    static OfflineResult result(RecordedResource... resources) {
        return new OfflineResult(List.of(resources), Map.of(), List.of(), List.of(), List.of(), 0);
    }

    static RecordedResource key(String name, String id, Map<String, Object> inputs) {
        return resource(Programs.KEY, name, inputs, Map.of("keyId", id));
    }

    static RecordedResource resource(String type, String name, Map<String, Object> inputs, Map<String, Object> state) {
        return new RecordedResource(type, name, null, null, true, inputs, state, null, false, false, List.of(),
                List.of());
    }
}
