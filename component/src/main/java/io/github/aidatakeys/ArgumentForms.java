package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;

import java.util.EnumSet;
import java.util.List;

/**
 * The conversions behind the builder's typed forms ({@code "forms"} in
 * {@code src/main/arguments/EncryptedAiDataKeyArgs.json}). A null element stays null, for the argument's rule to
 * name.
 */
final class ArgumentForms {
    private ArgumentForms() {
    }

    /**
     * The principals of the services, each once: {@link AwsService#BATCH} and {@link AwsService#ECS_TASKS} stand for
     * the same principal, {@code ecs-tasks.amazonaws.com}.
     */
    static List<String> principals(AwsService... services) {
        return Values.names(AwsService::principal, services).stream().distinct().toList();
    }

    /** The IAM names of the actions. */
    static List<String> actionNames(KeyAction... actions) {
        return Values.names(KeyAction::actionName, actions);
    }

    /** The service names. */
    static List<String> serviceNames(ViaService... services) {
        return Values.names(ViaService::serviceName, services);
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
