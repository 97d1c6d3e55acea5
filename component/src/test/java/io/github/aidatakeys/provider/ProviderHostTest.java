package io.github.aidatakeys.provider;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderHostTest {

    @Test
    void theEngineAddressIsTheOneArgumentLeftWithoutTheLoggingFlags() {
        assertThat(ProviderHost.engineAddress(new String[]{"127.0.0.1:5000"})).isEqualTo("127.0.0.1:5000");
        assertThat(ProviderHost.engineAddress(new String[]{"--logtostderr", "-v=9", "--logflow", "--tracing",
                "file:/tmp/t.json", "127.0.0.1:5000"})).isEqualTo("127.0.0.1:5000");
        assertThatThrownBy(() -> ProviderHost.engineAddress(new String[]{"--logtostderr"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No engine address");
        assertThatThrownBy(() -> ProviderHost.engineAddress(new String[]{"a:1", "b:2"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 2");
    }

    /** The build fills in plugin.properties; the schema, and so the generated SDKs, carry the library's version. */
    @Test
    void theSchemaCarriesTheLibrarysVersionAndTheNamespace() {
        var schema = JsonParser.parseString(ProviderHost.schema()).getAsJsonObject();

        assertThat(ProviderHost.version()).isNotEqualTo(ProviderHost.UNKNOWN_VERSION)
                .matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        assertThat(schema.get("version").getAsString()).isEqualTo(ProviderHost.version());
        assertThat(schema.get("namespace").getAsString()).isEqualTo("aidatakeys");
        assertThat(schema.get("name").getAsString()).isEqualTo("aidatakeys");
        assertThat(schema.get("description").getAsString()).contains("KMS key");
    }
}
