package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The conversions behind the builder's typed forms ({@code "forms"} in
 * {@code src/main/arguments/EncryptedAiDataKeyArgs.json}) and the copies that keep a built value from changing.
 */
final class ArgumentForms {
    private ArgumentForms() {
    }

    /** An unmodifiable copy: later changes to the caller's list do not reach the arguments. */
    static <T> List<T> copyOf(List<T> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An unmodifiable copy that keeps the caller's order. */
    static <K, V> Map<K, V> copyOf(Map<K, V> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The principals of the services, each once: {@link AwsService#BATCH} and {@link AwsService#ECS_TASKS} stand for
     * the same principal, {@code ecs-tasks.amazonaws.com}. A null element stays null, for the rule to name.
     */
    static List<String> principals(AwsService... services) {
        return Arrays.stream(services)
                .map(s -> s == null ? null : s.principal())
                .distinct()
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The IAM names of the actions. A null element stays null, for the rule to name. */
    static List<String> actionNames(KeyAction... actions) {
        return Arrays.stream(actions)
                .map(a -> a == null ? null : a.actionName())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The service names. A null element stays null, for the rule to name. */
    static List<String> serviceNames(ViaService... services) {
        return Arrays.stream(services)
                .map(s -> s == null ? null : s.serviceName())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The actions of a preset and more. */
    static List<String> keyAccess(KeyAccess access, KeyAction... more) {
        if (access == null) {
            throw Check.invalid("keyAccess", "is required", null);
        }
        var actions = EnumSet.copyOf(access.actions());
        for (var action : more) {
            if (action == null) {
                throw Check.invalid("keyAccess actions", "must not hold null", null);
            }
            actions.add(action);
        }
        return actionNames(actions.toArray(KeyAction[]::new));
    }
}
