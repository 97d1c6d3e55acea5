package io.github.aidatakeys.lint;

/** How serious a {@link Finding} is. */
public enum Severity {
    /** The documents break an invariant: a report with an unwaived error must stop the deployment. */
    ERROR,
    /** The documents are weaker than recommended: reported, never blocking. */
    WARNING
}
