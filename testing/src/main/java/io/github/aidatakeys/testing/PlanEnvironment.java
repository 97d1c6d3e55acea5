package io.github.aidatakeys.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The account, Region and partition an offline plan answers look-ups with ({@code getCallerIdentity},
 * {@code getRegion}, {@code getPartition}), and where each came from. Each is taken from the first of: what the
 * user gave ({@code --account}, {@code --region}, {@code --partition}); the stack's state (the ARNs it records);
 * the stack settings ({@code aws:region}); the defaults of {@link AwsMocks}.
 *
 * <pre>{@code
 * PlanEnvironment env = PlanEnvironment.resolve(null, null, null, StackState.read(Path.of("state.json")), config);
 * System.out.println(env.account() + " in " + env.region() + " (" + env.accountSource() + ")");
 * }</pre>
 *
 * @param account         the 12-digit account id
 * @param region          the Region, such as {@code eu-west-1}
 * @param partition       {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param accountSource   where the account came from: {@code --account}, {@code state}, or {@code default}
 * @param regionSource    where the Region came from: {@code --region}, {@code state}, {@code stack settings}, or
 *                        {@code default}
 * @param partitionSource where the partition came from: {@code --partition}, {@code state}, or {@code region}
 */
public record PlanEnvironment(String account, String region, String partition, String accountSource,
                              String regionSource, String partitionSource) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

    /**
     * Checks the values.
     *
     * @param account         the 12-digit account id
     * @param region          the Region
     * @param partition       the partition
     * @param accountSource   where the account came from
     * @param regionSource    where the Region came from
     * @param partitionSource where the partition came from
     * @throws IllegalArgumentException naming the value that is not an account id, Region or partition
     */
    public PlanEnvironment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be a 12-digit AWS account id; received " + account
                    + " (from " + accountSource + ")");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must be an AWS Region name such as eu-west-1; received "
                    + region + " (from " + regionSource + ")");
        }
        if (!PARTITIONS.contains(partition)) {
            throw new IllegalArgumentException("partition must be one of " + PARTITIONS + "; received " + partition
                    + " (from " + partitionSource + ")");
        }
    }

    /**
     * Decides the environment of a plan.
     *
     * @param account   the account the user gave, or {@code null}
     * @param region    the Region the user gave, or {@code null}
     * @param partition the partition the user gave, or {@code null}
     * @param state     the stack's state, or {@code null}
     * @param config    the stack settings ({@code aws:region} is read)
     * @return the environment
     * @throws IllegalArgumentException when a value given or found is not an account id, Region or partition
     */
    public static PlanEnvironment resolve(@Nullable String account, @Nullable String region,
                                          @Nullable String partition, @Nullable StackState state,
                                          Map<String, String> config) {
        String accountSource;
        if (account != null) {
            accountSource = "--account";
        } else if (state != null && state.account().isPresent()) {
            account = state.account().get();
            accountSource = "state";
        } else {
            account = AwsMocks.DEFAULT_ACCOUNT_ID;
            accountSource = "default";
        }
        String regionSource;
        if (region != null) {
            regionSource = "--region";
        } else if (state != null && state.region().isPresent()) {
            region = state.region().get();
            regionSource = "state";
        } else if (config.get("aws:region") != null) {
            region = config.get("aws:region");
            regionSource = "stack settings";
        } else {
            region = AwsMocks.DEFAULT_REGION;
            regionSource = "default";
        }
        String partitionSource;
        if (partition != null) {
            partitionSource = "--partition";
        } else if (state != null && state.partition().isPresent()) {
            partition = state.partition().get();
            partitionSource = "state";
        } else {
            partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
            partitionSource = "region";
        }
        return new PlanEnvironment(account, region, partition, accountSource, regionSource, partitionSource);
    }
}
