package io.github.aidatakeys;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies for the arguments ({@link EncryptedAiDataKeyArgs}) and their value types ({@link KeyUser},
 * {@link KeyServiceUser}, {@link AdoptedResources}): a built value never changes when its builder is used again or
 * when the caller changes a list or map it gave. Nulls, the
 * collections' own and their elements', are kept: the component's checks name the argument a null was given for.
 */
final class Values {
    private Values() {
    }

    /** An unmodifiable copy, in order, or {@code null}. */
    static @Nullable <T> List<T> copy(@Nullable List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An unmodifiable copy, in the given order, or {@code null}. */
    static @Nullable <K, V> Map<K, V> copy(@Nullable Map<K, V> values) {
        return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The names of the given constants, in order; a null constant gives a null name. */
    static <E> List<String> names(Function<E, String> name, E[] constants) {
        return Arrays.stream(constants).map(c -> c == null ? null : name.apply(c)).toList();
    }

    /**
     * A read-only view, or {@code null}: the runtime fills the fields of a value another language sent by reflection,
     * with collections of its own choosing.
     */
    static @Nullable <T> List<T> readOnly(@Nullable List<T> values) {
        return values == null ? null : Collections.unmodifiableList(values);
    }

    /** A read-only view, or {@code null}; see {@link #readOnly(List)}. */
    static @Nullable <K, V> Map<K, V> readOnly(@Nullable Map<K, V> values) {
        return values == null ? null : Collections.unmodifiableMap(values);
    }
}
