package io.github.aidatakeys.testing;

import com.google.gson.GsonBuilder;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of a stack settings file ({@code Pulumi.<stack>.yaml}), as the Pulumi CLI hands it to a program:
 * text values as they are, numbers and booleans as their text, nested objects and lists as JSON. A {@code secure:}
 * value cannot be decrypted offline: it reads as {@value #SECRET} and its key is secret, so the program sees it as
 * {@code pulumi config set --secret} would give it.
 *
 * <pre>{@code
 * StackSettings settings = StackSettings.read(Path.of("Pulumi.dev.yaml"));
 * OfflineStack.builder()
 *         .projectName(StackSettings.projectName(Path.of("Pulumi.yaml")))
 *         .config(settings.config())
 *         .secretConfig(settings.secretConfig())
 *         .build();
 * }</pre>
 */
public final class StackSettings {
    /**
     * What a secret value reads as offline, as in the Pulumi CLI: a {@code secure:} setting, and in a plan every
     * secret input and output.
     */
    public static final String SECRET = "[secret]";

    private final Map<String, String> config;
    private final Set<String> secretKeys;

    private StackSettings(Map<String, String> config, Set<String> secretKeys) {
        this.config = Collections.unmodifiableMap(config);
        this.secretKeys = Collections.unmodifiableSet(secretKeys);
    }

    /**
     * Reads a stack settings file.
     *
     * @param file the stack settings file, usually {@code Pulumi.<stack>.yaml}
     * @return its configuration
     * @throws NoSuchFileException      if the file does not exist (the message names it)
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is not YAML, or its {@code config} is not a map
     */
    public static StackSettings read(Path file) throws IOException {
        var root = load(file);
        var config = new LinkedHashMap<String, String>();
        var secretKeys = new LinkedHashSet<String>();
        var entries = root.get("config");
        if (entries == null) {
            return new StackSettings(config, secretKeys);
        }
        if (!(entries instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("stack settings " + file + ": config must be a map of key: value, got "
                    + entries);
        }
        map.forEach((key, value) -> {
            var secret = new boolean[1];
            var plain = plain(value, secret);
            config.put(String.valueOf(key), plain instanceof String s ? s
                    : new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(plain));
            if (secret[0]) {
                secretKeys.add(String.valueOf(key));
            }
        });
        return new StackSettings(config, secretKeys);
    }

    /**
     * The project name in a project file ({@code Pulumi.yaml}).
     *
     * @param projectFile the project file
     * @return its {@code name}
     * @throws NoSuchFileException      if the file does not exist (the message names it)
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file has no {@code name}
     */
    public static String projectName(Path projectFile) throws IOException {
        var name = load(projectFile).get("name");
        if (!(name instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("project file " + projectFile + " has no name");
        }
        return s;
    }

    /**
     * Returns every configuration value, keys as written (with their namespace); secret ones read {@value #SECRET}.
     *
     * @return every configuration value, keys as written (with their namespace); secret ones read {@value #SECRET}
     */
    public Map<String, String> config() {
        return config;
    }

    /**
     * Returns the keys whose values are {@code secure:} (or hold one).
     *
     * @return the keys whose values are {@code secure:} (or hold one)
     */
    public Set<String> secretKeys() {
        return secretKeys;
    }

    /**
     * Returns the configuration that is not secret.
     *
     * @return the configuration that is not secret
     */
    public Map<String, String> plainConfig() {
        var plain = new LinkedHashMap<>(config);
        plain.keySet().removeAll(secretKeys);
        return plain;
    }

    /**
     * Returns the secret configuration, each value {@value #SECRET} or a JSON value holding it.
     *
     * @return the secret configuration, each value {@value #SECRET} or a JSON value holding it
     */
    public Map<String, String> secretConfig() {
        var secret = new LinkedHashMap<>(config);
        secret.keySet().retainAll(secretKeys);
        return secret;
    }

    private static Map<?, ?> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " must hold a map of settings, got " + root);
        }
        return map;
    }

    /** A YAML value as plain data for JSON, with each {@code secure:} value replaced by {@value #SECRET}. */
    private static Object plain(Object value, boolean[] secret) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                secret[0] = true;
                return SECRET;
            }
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v, secret)));
            return out;
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>();
            list.forEach(v -> out.add(plain(v, secret)));
            return out;
        }
        return value == null ? null : value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }
}
