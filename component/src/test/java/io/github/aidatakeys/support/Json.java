package io.github.aidatakeys.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** Parses policy documents so tests compare structure, not text. */
public final class Json {
    private Json() {
    }

    public static JsonElement parse(Object json) {
        return JsonParser.parseString(String.valueOf(json));
    }

    /** Statement {@code index} of a policy document. */
    public static JsonElement statement(Object policy, int index) {
        return parse(policy).getAsJsonObject().getAsJsonArray("Statement").get(index);
    }
}
