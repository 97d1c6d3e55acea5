/**
 * Serves {@link io.github.aidatakeys.EncryptedAiDataKey} as a Pulumi component package named {@code aidatakeys}, so
 * that TypeScript, Python, Go, C# and YAML programs can use it: see {@link
 * io.github.aidatakeys.provider.ComponentProviderMain}. Java programs use the component directly and need nothing
 * from this package.
 */
package io.github.aidatakeys.provider;
