package io.github.aidatakeys.testing;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Mocks for the Pulumi SDK's test engine that answer like AWS: real ARN shapes, ids and auto-names, for the
 * resource types and look-ups {@link io.github.aidatakeys.EncryptedAiDataKey} uses. Every other resource gets its
 * inputs back as its state, and an id derived from its name.
 *
 * <p>Values are deterministic (derived from resource names), so a plan or a test sees the same ARNs every run.
 *
 * <p>A multi-Region key gets an {@code mrk-} id; a replica key shares its primary's id, with an ARN in the Region of
 * the explicit AWS provider it is created with. Look-ups made through an explicit AWS provider answer with that
 * provider's {@code region}.
 *
 * <pre>{@code
 * var result = OfflineStack.builder().mocks(new AwsMocks()).build().run(App::stack);
 * }</pre>
 */
public class AwsMocks implements Mocks {
    /** The account id the mocks report, unless another is given. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** The region the mocks report, unless another is given. */
    public static final String DEFAULT_REGION = "us-east-1";

    private final String accountId;
    private final String region;
    private final String partition;
    private final boolean preview;
    private final List<CallArgs> calls = Collections.synchronizedList(new ArrayList<>());
    /** Explicit AWS providers' Regions, by the provider's logical name. */
    private final Map<String, String> providerRegions = Collections.synchronizedMap(new HashMap<>());

    /** Mocks for account {@value #DEFAULT_ACCOUNT_ID} in {@value #DEFAULT_REGION}, partition {@code aws}. */
    public AwsMocks() {
        this(DEFAULT_ACCOUNT_ID, DEFAULT_REGION, "aws");
    }

    /**
     * Mocks for another account, region or partition.
     *
     * @param accountId a 12-digit account id
     * @param region    a region name such as {@code eu-west-1}
     * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
     */
    public AwsMocks(String accountId, String region, String partition) {
        this(accountId, region, partition, false);
    }

    private AwsMocks(String accountId, String region, String partition, boolean preview) {
        this.accountId = accountId;
        this.region = region;
        this.partition = partition;
        this.preview = preview;
    }

    /**
     * Mocks that answer as {@code pulumi preview} does for resources that do not exist yet: every value AWS
     * computes (ids, ARNs, generated names) is {@link OfflineStack#UNKNOWN}, never an invented value. Inputs and
     * look-ups (account, partition, region) are answered as usual.
     *
     * @return mocks for a preview of a new stack
     */
    public AwsMocks forPreview() {
        return new AwsMocks(accountId, region, partition, true);
    }

    /**
     * Returns the account id this mock reports.
     *
     * @return the account id this mock reports
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the region this mock reports.
     *
     * @return the region this mock reports
     */
    public String region() {
        return region;
    }

    /**
     * Returns every invoke (data-source call) made so far, with the provider it went through.
     *
     * @return every invoke (data-source call) made so far, with the provider it went through
     */
    public List<CallArgs> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs);
        String id;
        switch (args.type) {
            case "aws:kms/key:Key" -> {
                var uuid = UUID.nameUUIDFromBytes(args.name.getBytes(StandardCharsets.UTF_8)).toString();
                // Multi-Region keys have ids of the form mrk-<32 hex digits>.
                id = Boolean.TRUE.equals(args.inputs.get("multiRegion")) ? "mrk-" + uuid.replace("-", "") : uuid;
                state.put("keyId", id);
                state.put("arn", arn("kms", region, "key/" + id));
                state.putIfAbsent("keyUsage", "ENCRYPT_DECRYPT");
                state.putIfAbsent("customerMasterKeySpec", "SYMMETRIC_DEFAULT");
                state.putIfAbsent("isEnabled", true);
                state.putIfAbsent("multiRegion", false);
            }
            case "aws:kms/replicaKey:ReplicaKey" -> {
                // A replica shares its primary's key id; its ARN differs only in the Region.
                var primary = String.valueOf(state.getOrDefault("primaryKeyArn", ""));
                id = primary.substring(primary.lastIndexOf('/') + 1);
                state.put("keyId", id);
                state.put("arn", arn("kms", regionOf(args.provider), "key/" + id));
                state.putIfAbsent("enabled", true);
            }
            case "pulumi:providers:aws" -> {
                id = args.name + "-id";
                var providerRegion = args.inputs.get("region");
                if (providerRegion instanceof String r) {
                    providerRegions.put(args.name, r);
                }
            }
            case "aws:kms/alias:Alias" -> {
                var name = (String) state.computeIfAbsent("name", n -> "alias/" + autoName(args.name));
                id = name;
                state.put("arn", arn("kms", region, name));
                var target = String.valueOf(state.getOrDefault("targetKeyId", ""));
                state.put("targetKeyArn", arn("kms", region, "key/" + target));
            }
            case "aws:iam/role:Role" -> {
                var name = (String) state.computeIfAbsent("name", n -> autoName(args.name));
                var path = (String) state.computeIfAbsent("path", p -> "/");
                id = name;
                state.put("arn", arn("iam", "", "role" + path + name));
                state.put("uniqueId", "AROA" + hex(args.name, 17).toUpperCase(Locale.ROOT));
            }
            case "aws:iam/rolePolicy:RolePolicy" -> {
                var name = (String) state.computeIfAbsent("name", n -> autoName(args.name));
                id = state.getOrDefault("role", "role") + ":" + name;
            }
            case "aws:iam/instanceProfile:InstanceProfile" -> {
                var name = (String) state.computeIfAbsent("name", n -> autoName(args.name));
                var path = (String) state.computeIfAbsent("path", p -> "/");
                id = name;
                state.put("arn", arn("iam", "", "instance-profile" + path + name));
                state.put("uniqueId", "AIPA" + hex(args.name, 17).toUpperCase(Locale.ROOT));
            }
            default -> id = args.name + "-id";
        }
        if (preview) {
            // Keep what the program set; anything the mocks computed becomes unknown.
            for (var entry : state.entrySet()) {
                if (!args.inputs.containsKey(entry.getKey())) {
                    entry.setValue(OfflineStack.UNKNOWN);
                }
            }
            id = OfflineStack.UNKNOWN;
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        calls.add(args);
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", accountId,
                    "arn", "arn:" + partition + ":iam::" + accountId + ":user/deployer",
                    "userId", "AIDA" + hex(accountId, 17).toUpperCase(Locale.ROOT),
                    "id", accountId);
            case "aws:index/getPartition:getPartition" -> Map.of(
                    "partition", partition,
                    "dnsSuffix", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com",
                    "reverseDnsPrefix", partition.equals("aws-cn") ? "cn.com.amazonaws" : "com.amazonaws",
                    "id", partition);
            case "aws:index/getRegion:getRegion" -> {
                var named = regionOf(args.provider);
                yield Map.of(
                        "name", named,
                        "id", named,
                        "description", named,
                        "endpoint", "ec2." + named + ".amazonaws.com");
            }
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(result);
    }

    /**
     * The Region of the provider a resource or call names ({@code <urn>::<id>}): an explicit AWS provider's own
     * {@code region} input, else the mocks' Region.
     */
    private String regionOf(String provider) {
        if (provider == null || provider.isEmpty()) {
            return region;
        }
        var urn = provider.substring(0, Math.max(0, provider.lastIndexOf("::")));
        var name = urn.substring(urn.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(name, region);
    }

    private String arn(String service, String arnRegion, String resource) {
        return "arn:" + partition + ":" + service + ":" + arnRegion + ":" + accountId + ":" + resource;
    }

    /** Pulumi's auto-naming: the logical name plus seven random hex characters (here: derived from the name). */
    private static String autoName(String logicalName) {
        return logicalName + "-" + hex(logicalName, 7);
    }

    private static String hex(String seed, int length) {
        var uuid = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return (uuid + uuid).substring(0, length);
    }
}
