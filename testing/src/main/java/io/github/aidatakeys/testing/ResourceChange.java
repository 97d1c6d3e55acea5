package io.github.aidatakeys.testing;

import javax.annotation.Nullable;
import java.util.List;

/**
 * What a plan against a stack's state would do to one resource.
 *
 * @param kind         create, import, update, replace, delete or unchanged
 * @param urn          the resource's URN in the new program (for a deletion: its URN in the state)
 * @param type         the type token
 * @param name         the logical name
 * @param previousUrn  the URN the state holds it under, when it was matched through an alias; else {@code null}
 * @param properties   the inputs that change, in name order; empty for creations and deletions
 * @param retained     for a deletion or replacement: whether the old resource stays in the cloud
 *                     ({@code retainOnDelete})
 */
public record ResourceChange(
        Kind kind,
        String urn,
        String type,
        String name,
        @Nullable String previousUrn,
        List<Property> properties,
        boolean retained) {

    /** What happens to a resource. */
    public enum Kind {
        /** Not in the state: created. */
        CREATE("+", "create"),
        /** Not in the state, with an import id: adopted from the cloud, not created. */
        IMPORT("=", "import"),
        /** In the state, some inputs change, none that forces a new resource. */
        UPDATE("~", "update"),
        /** In the state, an input that forces a new resource changes: a new one is created, the old one deleted. */
        REPLACE("+-", "replace"),
        /** In the state, no longer in the program: deleted from the stack. */
        DELETE("-", "delete"),
        /** In the state, nothing changes. */
        UNCHANGED(" ", "unchanged");

        private final String symbol;
        private final String word;

        Kind(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }

        /**
         * Returns the symbol {@code pulumi preview} shows for this kind.
         *
         * @return the symbol {@code pulumi preview} shows for this kind ({@code +}, {@code ~}, {@code +-}, ...)
         */
        public String symbol() {
            return symbol;
        }

        /**
         * Returns the word for this kind, as the JSON plan writes it.
         *
         * @return the word for this kind, as the JSON plan writes it ({@code create}, {@code update}, ...)
         */
        public String word() {
            return word;
        }
    }

    /**
     * One input that changes.
     *
     * @param name     the input's name
     * @param before   the recorded value, or {@code null} when it was not set
     * @param after    the new value, {@code null} when no longer set, or {@link OfflineStack#UNKNOWN} when only
     *                 known after deployment
     * @param replaces whether this change forces a new resource
     */
    public record Property(String name, @Nullable Object before, @Nullable Object after, boolean replaces) {
    }
}
