package io.github.aidatakeys;

import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.internal.Doc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An AWS service that may use the key as itself, for the resources named here and nothing else: a service principal
 * in the key policy with the actions and conditions AWS documents for it (see {@link KeyService}). The statement
 * always pins the service to this account and to these resources; a service principal without such a condition is
 * never rendered.
 *
 * <pre>{@code
 * KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
 *         "arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline:*");
 * KeyServiceUser.of(KeyService.BEDROCK,
 *         "arn:aws:bedrock:us-east-1:123456789012:evaluation-job/*");
 * }</pre>
 */
@Doc(description = "An AWS service that may use the key as itself (a service principal in the key policy), with the "
        + "actions and conditions AWS documents for it, pinned to this account and to the resources named.")
public final class KeyServiceUser {
    @Import(name = "service", required = true)
    @Doc(description = "The service: `CLOUDWATCH_LOGS` (`logs.<region>.amazonaws.com`, bound to "
            + "`kms:EncryptionContext:aws:logs:arn`) or `BEDROCK` (`bedrock.amazonaws.com`, bound to "
            + "`aws:SourceAccount` and `aws:SourceArn`).",
            range = "Each service at most once")
    private String service;

    @Import(name = "resourceArns", required = true)
    @Doc(description = "The ARNs, or `ArnLike` patterns, of the resources the service may use the key for: log "
            + "groups (`arn:aws:logs:<region>:<account>:log-group:<name>`) for `CLOUDWATCH_LOGS`, Bedrock resources "
            + "(`arn:aws:bedrock:<region>:<account>:<type>/<id>`) for `BEDROCK`.",
            range = "At least one; the service's own ARNs in the stack's partition, region and account (no wildcard "
                    + "in those), wildcards only in the resource part")
    private List<String> resourceArns;

    /** For the Pulumi runtime, which fills the fields by reflection. Use {@link #of(KeyService, String...)}. */
    private KeyServiceUser() {
    }

    /**
     * A service and the resources it may use the key for.
     *
     * @param service      the service
     * @param resourceArns the resources' ARNs or {@code ArnLike} patterns
     * @return the service user; the component checks it with the other arguments
     */
    public static KeyServiceUser of(KeyService service, String... resourceArns) {
        return of(service, Arrays.asList(resourceArns));
    }

    /**
     * A service and the resources it may use the key for.
     *
     * @param service      the service
     * @param resourceArns the resources' ARNs or {@code ArnLike} patterns
     * @return the service user; the component checks it with the other arguments
     */
    public static KeyServiceUser of(KeyService service, List<String> resourceArns) {
        var user = new KeyServiceUser();
        user.service = service == null ? null : service.name();
        user.resourceArns = Values.copy(resourceArns);
        return user;
    }

    /**
     * Returns the service's name.
     *
     * @return a {@link KeyService} name such as {@code CLOUDWATCH_LOGS}
     */
    public String service() {
        return service;
    }

    /**
     * Returns the resources the service may use the key for.
     *
     * @return ARNs or {@code ArnLike} patterns (unmodifiable)
     */
    public List<String> resourceArns() {
        return Values.readOnly(resourceArns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyServiceUser other && Objects.equals(service, other.service)
                && Objects.equals(resourceArns, other.resourceArns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, resourceArns);
    }

    @Override
    public String toString() {
        return "KeyServiceUser[service=" + service + ", resourceArns=" + resourceArns + "]";
    }
}
