package io.github.aidatakeys.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documentation of a component input, output or type, read at run time: the package schema served to other
 * languages and the reference page are both generated from it, so neither can drift from the code.
 *
 * <p>On a type (the component, or an object type of its arguments), only {@link #description()} is used. On an
 * {@code @Import} or {@code @Export} field, the texts are Markdown (backticks for code), written for users of every
 * language: name other arguments by their schema name ({@code enableKeyRotation}), never by a Java type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Doc {
    /**
     * What the input, output or type is, in one to three sentences.
     *
     * @return Markdown
     */
    String description();

    /**
     * What applies when the input is not given, such as {@code `365`} or {@code none}; empty for a required input
     * and for outputs.
     *
     * @return Markdown, or empty
     */
    String defaultValue() default "";

    /**
     * The values accepted beyond the schema type, such as {@code 90 to 2560}; empty when the type says it all.
     *
     * @return Markdown, or empty
     */
    String range() default "";

    /**
     * Whether changing the input replaces the KMS key (a replaced key cannot decrypt what the old one encrypted).
     *
     * @return {@code true} if a change replaces the key
     */
    boolean replacesKey() default false;
}
