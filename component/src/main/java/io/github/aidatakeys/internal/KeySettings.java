package io.github.aidatakeys.internal;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyAction;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The component's arguments after defaults and validation: plain, immutable values that are known to be valid.
 */
public final class KeySettings {
    public final String aliasName;
    public final String description;
    public final boolean enableKeyRotation;
    public final @Nullable Integer rotationPeriodInDays;
    public final int deletionWindowInDays;
    public final List<String> keyAdministratorArns;
    public final List<String> allowedServices;
    public final List<String> allowedAccountIds;
    public final List<String> allowedRoleArns;
    public final List<KeyAction> keyActions;
    public final @Nullable String roleName;
    public final String rolePath;
    public final @Nullable String rolePermissionsBoundary;
    public final int roleMaxSessionDuration;

    /** The arguments as given, before defaults: any of them may be null. */
    private record Raw(List<Object> values) {
        @SuppressWarnings("unchecked")
        <T> T get(Field field) {
            return (T) values.get(field.ordinal());
        }
    }

    private enum Field {
        ALIAS_NAME(EncryptedAiDataKeyArgs::aliasName),
        DESCRIPTION(EncryptedAiDataKeyArgs::description),
        ENABLE_KEY_ROTATION(EncryptedAiDataKeyArgs::enableKeyRotation),
        ROTATION_PERIOD_IN_DAYS(EncryptedAiDataKeyArgs::rotationPeriodInDays),
        DELETION_WINDOW_IN_DAYS(EncryptedAiDataKeyArgs::deletionWindowInDays),
        KEY_ADMINISTRATOR_ARNS(EncryptedAiDataKeyArgs::keyAdministratorArns),
        ALLOWED_SERVICES(EncryptedAiDataKeyArgs::allowedServices),
        ALLOWED_ACCOUNT_IDS(EncryptedAiDataKeyArgs::allowedAccountIds),
        ALLOWED_ROLE_ARNS(EncryptedAiDataKeyArgs::allowedRoleArns),
        KEY_ACTIONS(EncryptedAiDataKeyArgs::keyActions),
        ROLE_NAME(EncryptedAiDataKeyArgs::roleName),
        ROLE_PATH(EncryptedAiDataKeyArgs::rolePath),
        ROLE_PERMISSIONS_BOUNDARY(EncryptedAiDataKeyArgs::rolePermissionsBoundary),
        ROLE_MAX_SESSION_DURATION(EncryptedAiDataKeyArgs::roleMaxSessionDuration);

        final Function<EncryptedAiDataKeyArgs, Optional<? extends Output<?>>> getter;

        Field(Function<EncryptedAiDataKeyArgs, Optional<? extends Output<?>>> getter) {
            this.getter = getter;
        }
    }

    private KeySettings(String componentName, Raw raw) {
        aliasName = Rules.aliasName("aliasName", raw.get(Field.ALIAS_NAME));
        String givenDescription = raw.get(Field.DESCRIPTION);
        description = givenDescription == null
                ? "Encrypts AI-generated data (managed by EncryptedAiDataKey " + componentName + ")"
                : Rules.description("description", givenDescription);

        Boolean rotation = raw.get(Field.ENABLE_KEY_ROTATION);
        Integer period = raw.get(Field.ROTATION_PERIOD_IN_DAYS);
        enableKeyRotation = rotation == null || rotation;
        if (period != null) {
            Check.between("rotationPeriodInDays", period, Rules.ROTATION_MIN_DAYS, Rules.ROTATION_MAX_DAYS, "days");
            if (!enableKeyRotation) {
                throw Check.conflict("rotationPeriodInDays is set while enableKeyRotation is false; "
                        + "turn rotation on or leave the period unset",
                        "rotationPeriodInDays=" + period + ", enableKeyRotation=false");
            }
        }
        rotationPeriodInDays = enableKeyRotation ? (period == null ? Rules.ROTATION_DEFAULT_DAYS : period) : null;

        Integer window = raw.get(Field.DELETION_WINDOW_IN_DAYS);
        deletionWindowInDays = window == null ? Rules.DELETION_DEFAULT_DAYS
                : Check.between("deletionWindowInDays", window, Rules.DELETION_MIN_DAYS, Rules.DELETION_MAX_DAYS,
                        "days");

        keyAdministratorArns = list(raw, Field.KEY_ADMINISTRATOR_ARNS, "keyAdministratorArns", Rules::adminArn);
        allowedServices = list(raw, Field.ALLOWED_SERVICES, "allowedServices", Rules::servicePrincipal);
        allowedAccountIds = list(raw, Field.ALLOWED_ACCOUNT_IDS, "allowedAccountIds", Rules::accountId);
        allowedRoleArns = list(raw, Field.ALLOWED_ROLE_ARNS, "allowedRoleArns", Rules::roleArn);
        if (allowedServices.isEmpty() && allowedAccountIds.isEmpty() && allowedRoleArns.isEmpty()) {
            throw Check.invalid("allowedServices, allowedAccountIds and allowedRoleArns",
                    "must name at least one principal that may assume the data role", Check.described("none"));
        }

        List<String> actions = raw.get(Field.KEY_ACTIONS);
        if (actions == null) {
            keyActions = List.copyOf(KeyAccess.ENCRYPT_DECRYPT.actions());
        } else {
            if (actions.isEmpty()) {
                throw Check.invalid("keyActions", "must name at least one action", actions);
            }
            var parsed = EnumSet.copyOf(Rules.eachOf("keyActions", actions, Rules::keyAction));
            keyActions = List.copyOf(parsed);
        }

        String name = raw.get(Field.ROLE_NAME);
        roleName = name == null ? null : Rules.roleName("roleName", name);
        String path = raw.get(Field.ROLE_PATH);
        rolePath = path == null ? "/" : Rules.rolePath("rolePath", path);
        String boundary = raw.get(Field.ROLE_PERMISSIONS_BOUNDARY);
        rolePermissionsBoundary = boundary == null ? null : Rules.policyArn("rolePermissionsBoundary", boundary);
        Integer session = raw.get(Field.ROLE_MAX_SESSION_DURATION);
        roleMaxSessionDuration = session == null ? Rules.SESSION_DEFAULT_SECONDS
                : Check.between("roleMaxSessionDuration", session, Rules.SESSION_MIN_SECONDS,
                        Rules.SESSION_MAX_SECONDS, "seconds");
    }

    private static <T> List<T> list(Raw raw, Field field, String argument, Rules.Rule<T> rule) {
        List<String> values = raw.get(field);
        return values == null ? List.of() : List.copyOf(Rules.eachOf(argument, values, rule));
    }

    /**
     * Validates the arguments that are known now. When any argument is an {@code Output} not yet known,
     * the whole set is validated once it resolves (see {@link #resolve}).
     */
    public static void checkKnown(EncryptedAiDataKeyArgs args) {
        knownNow(args).ifPresent(raw -> new KeySettings("", raw));
    }

    /**
     * Validates and applies defaults. Known arguments are checked now, so a bad value throws before any resource
     * is registered; arguments known only during a deployment are checked when they resolve.
     */
    public static Output<KeySettings> resolve(String componentName, EncryptedAiDataKeyArgs args) {
        var now = knownNow(args);
        if (now.isPresent()) {
            return Output.of(new KeySettings(componentName, now.get()));
        }
        var outputs = new ArrayList<Output<Object>>();
        for (var field : Field.values()) {
            outputs.add(output(args, field));
        }
        return Output.all(outputs).applyValue(values -> new KeySettings(componentName, new Raw(values)));
    }

    private static Optional<Raw> knownNow(EncryptedAiDataKeyArgs args) {
        Check.required("args", args);
        var values = new ArrayList<>(Arrays.asList(new Object[Field.values().length]));
        for (var field : Field.values()) {
            var future = Internal.of(output(args, field)).getDataAsync();
            if (!future.isDone() || future.isCompletedExceptionally()) {
                return Optional.empty();
            }
            OutputData<Object> data = future.join();
            if (!data.isKnown()) {
                return Optional.empty();
            }
            values.set(field.ordinal(), data.getValueNullable());
        }
        return Optional.of(new Raw(values));
    }

    @SuppressWarnings("unchecked")
    private static Output<Object> output(EncryptedAiDataKeyArgs args, Field field) {
        return field.getter.apply(args).map(o -> (Output<Object>) o).orElseGet(() -> Output.ofNullable(null));
    }
}
