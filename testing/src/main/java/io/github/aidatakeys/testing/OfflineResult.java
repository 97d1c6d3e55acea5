package io.github.aidatakeys.testing;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * What a stack program registered and exported under the mock engine.
 *
 * @param resources  every resource in registration order, the stack and components included
 * @param outputs    the stack outputs; a value not known before deploy is {@link OfflineStack#UNKNOWN}
 * @param errors     error messages the program logged
 * @param exceptions exceptions the program threw
 * @param logs       every log message, as {@code LEVEL message}
 * @param exitCode      what {@code pulumi up} would exit with: 0 on success
 * @param secretOutputs the stack outputs that are secrets ({@code [secret]} in {@code pulumi stack output})
 */
public record OfflineResult(
        List<RecordedResource> resources,
        Map<String, Object> outputs,
        List<String> errors,
        List<Exception> exceptions,
        List<String> logs,
        int exitCode,
        Set<String> secretOutputs) {
    /** The type of the stack resource itself, the root of every stack. */
    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    /**
     * A result without secret outputs.
     *
     * @param resources  every resource in registration order
     * @param outputs    the stack outputs
     * @param errors     error messages the program logged
     * @param exceptions exceptions the program threw
     * @param logs       every log message, as {@code LEVEL message}
     * @param exitCode   what {@code pulumi up} would exit with: 0 on success
     */
    public OfflineResult(List<RecordedResource> resources, Map<String, Object> outputs, List<String> errors,
                         List<Exception> exceptions, List<String> logs, int exitCode) {
        this(resources, outputs, errors, exceptions, logs, exitCode, Set.of());
    }

    /**
     * Returns whether a stack output is a secret: {@code [secret]} in {@code pulumi stack output}, encrypted in the
     * state.
     *
     * @param name the output's name
     * @return whether the output is a secret
     */
    public boolean isSecretOutput(String name) {
        return secretOutputs.contains(name);
    }

    /**
     * The one resource of this type and name.
     *
     * @param type the type token
     * @param name the logical name
     * @return the resource
     * @throws NoSuchElementException if none was registered
     */
    public RecordedResource resource(String type, String name) {
        return resources.stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type + " named " + name + " was registered"));
    }

    /**
     * The resources of one type.
     *
     * @param type the type token
     * @return the resources in registration order
     */
    public List<RecordedResource> resourcesOfType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * Returns the resources other than the stack itself.
     *
     * @return the resources other than the stack itself
     */
    public List<RecordedResource> withoutStack() {
        return resources.stream().filter(r -> !r.type().equals(STACK_TYPE)).toList();
    }

    /**
     * The root cause of the first exception the program threw, unwrapped from the SDK's wrappers.
     *
     * @return the exception, or empty when the program threw none
     */
    public Optional<Throwable> failure() {
        return exceptions.stream().findFirst().map(e -> {
            Throwable t = e;
            // The SDK wraps what a program throws (CompletionException, serialization errors): report the cause.
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t;
        });
    }

    /**
     * Returns whether the program ran without error.
     *
     * @return whether the program ran without error
     */
    public boolean succeeded() {
        return exitCode == 0 && exceptions.isEmpty() && errors.isEmpty();
    }
}
