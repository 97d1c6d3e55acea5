package io.github.aidatakeys.provider;

import com.google.gson.JsonParser;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.ResourceProviderGrpc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin process as the Pulumi engine sees it: started with the engine's address, it prints its port as the
 * first line of standard output and answers {@code GetSchema} over gRPC. ({@code Construct} needs a live engine and
 * is covered under the mock engine by {@link ConstructTest}.)
 */
class ComponentProviderMainTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void printsItsPortAndServesTheSchemaOverGrpc() throws Exception {
        Path stderr = Files.createTempFile("aidatakeys-plugin", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The engine's address is only dialled during Construct; the flags are the logging ones the engine may add.
        Process plugin = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ComponentProviderMain.class.getName(), "--logtostderr", "-v=9", "127.0.0.1:1")
                .redirectError(stderr.toFile())
                .start();
        try {
            var stdout = new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8));
            String firstLine = stdout.readLine();
            assertThat(firstLine).as("first line of the plugin's stdout; its stderr:%n%s", read(stderr.toFile()))
                    .matches("\\d+");

            var channel = ManagedChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(firstLine))
                    .usePlaintext().build();
            try {
                String served = ResourceProviderGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(60, TimeUnit.SECONDS)
                        .getSchema(GetSchemaRequest.newBuilder().setVersion(0).build())
                        .getSchema();
                assertThat(JsonParser.parseString(served)).isEqualTo(JsonParser.parseString(ProviderHost.schema()));
            } finally {
                channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
        } finally {
            plugin.destroy();
            if (!plugin.waitFor(20, TimeUnit.SECONDS)) {
                plugin.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(stderr);
        }
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
