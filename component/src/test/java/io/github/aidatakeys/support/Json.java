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
}
