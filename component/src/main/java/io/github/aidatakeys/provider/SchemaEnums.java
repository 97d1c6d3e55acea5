package io.github.aidatakeys.provider;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyAction;
import io.github.aidatakeys.KeyService;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed sets of the arguments as enum types of the package schema. The Pulumi Java SDK (1.36.1) infers no enum
 * types: the arguments are strings on the wire (IAM action names, preset names, service names), which the SDK infers
 * as {@code string}. This adds {@code KeyAction}, {@code KeyAccess}, {@code AwsService} and {@code KeyService} as
 * schema enums and points the properties that take them at those types, so that the SDKs generated for other
 * languages offer the constants. {@code allowedServices} stays open to any service principal: its items are
 * {@code string} or {@code AwsService}.
 */
final class SchemaEnums {
    private SchemaEnums() {
    }

    static void add(JsonObject root) {
        var types = root.has("types") ? root.getAsJsonObject("types") : new JsonObject();
        root.add("types", types);
        types.add(token("KeyAction"), enumType(
                "A KMS action on the key, by IAM name. `kms:CreateGrant` is always rendered with "
                        + "`kms:GrantIsForAWSResource`.",
                KeyAction.values(), KeyAction::actionName, a -> "`" + a.actionName() + "`"
                        + (a == KeyAction.CREATE_GRANT ? ", only for AWS resources." : ".")));
        types.add(token("KeyAccess"), enumType("A preset of KMS actions.",
                KeyAccess.values(), Enum::name, a -> "Grants " + a.actions().stream()
                        .map(x -> "`" + x.actionName() + "`").collect(Collectors.joining(", ")) + "."));
        types.add(token("AwsService"), enumType(
                "A service principal that may assume the data role; any other service principal may be given as a "
                        + "string.",
                AwsService.values(), AwsService::principal, a -> "`" + a.principal() + "`"
                        + Arrays.stream(AwsService.values())
                        .filter(b -> b.compareTo(a) < 0 && b.principal().equals(a.principal()))
                        .map(b -> ", the same principal as `" + camel(b.name()) + "`").findFirst().orElse("")
                        + "."));
        types.add(token("KeyService"), enumType(
                "An AWS service that may use the key as itself, pinned to this account and to its resources.",
                KeyService.values(), Enum::name, a -> "`" + a.serviceName() + "`, with "
                        + a.actions().stream().map(x -> "`" + x.actionName() + "`")
                        .collect(Collectors.joining(", ")) + "."));

        var resources = root.has("resources") ? root.getAsJsonObject("resources") : new JsonObject();
        var stringOrAwsService = new JsonObject();
        var oneOf = new JsonArray();
        var string = new JsonObject();
        string.addProperty("type", "string");
        oneOf.add(string);
        oneOf.add(ref("AwsService"));
        stringOrAwsService.add("oneOf", oneOf);
        stringOrAwsService.addProperty("type", "string");
        for (var token : resources.keySet()) {
            var inputs = resources.getAsJsonObject(token).getAsJsonObject("inputProperties");
            if (inputs == null) {
                continue;
            }
            items(inputs.get("keyActions"), ref("KeyAction"));
            items(inputs.get("allowedServices"), stringOrAwsService);
        }
        var keyUser = types.getAsJsonObject(token("KeyUser"));
        if (keyUser != null) {
            var properties = keyUser.getAsJsonObject("properties");
            retype(properties.getAsJsonObject("access"), ref("KeyAccess"));
            items(properties.get("actions"), ref("KeyAction"));
        }
        var serviceUser = types.getAsJsonObject(token("KeyServiceUser"));
        if (serviceUser != null) {
            retype(serviceUser.getAsJsonObject("properties").getAsJsonObject("service"), ref("KeyService"));
        }
    }

    private static String token(String name) {
        return ProviderHost.PACKAGE_NAME + ":index:" + name;
    }

    private static JsonObject ref(String name) {
        var ref = new JsonObject();
        ref.addProperty("$ref", "#/types/" + token(name));
        return ref;
    }

    /** An array property's items become the given type. */
    private static void items(JsonElement property, JsonObject type) {
        if (property != null && property.isJsonObject() && property.getAsJsonObject().has("items")) {
            var items = property.getAsJsonObject().getAsJsonObject("items");
            retype(items, type);
        }
    }

    /** A property keeps its description, plainness and wire type ({@code string}), and refers to the enum. */
    private static void retype(JsonObject property, JsonObject type) {
        if (property == null) {
            return;
        }
        type.entrySet().forEach(e -> property.add(e.getKey(), e.getValue().deepCopy()));
    }

    /** An enum type named after the constants in CamelCase ({@code ENCRYPT_DECRYPT} becomes {@code EncryptDecrypt}). */
    private static <E extends Enum<E>> JsonObject enumType(String description, E[] values, Function<E, String> value,
                                                           Function<E, String> valueDescription) {
        var type = new JsonObject();
        type.addProperty("description", description);
        type.addProperty("type", "string");
        var array = new JsonArray();
        Arrays.stream(values).forEach(v -> {
            var entry = new JsonObject();
            entry.addProperty("name", camel(v.name()));
            entry.addProperty("value", value.apply(v));
            entry.addProperty("description", valueDescription.apply(v));
            array.add(entry);
        });
        type.add("enum", array);
        return type;
    }

    private static String camel(String constant) {
        return Arrays.stream(constant.split("_", -1))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }
}
