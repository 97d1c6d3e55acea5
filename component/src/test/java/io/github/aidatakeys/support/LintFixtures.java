package io.github.aidatakeys.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.RenderedPolicies;
import io.github.aidatakeys.lint.Finding;
import io.github.aidatakeys.lint.LintInput;
import io.github.aidatakeys.lint.LintReport;
import io.github.aidatakeys.lint.LintRule;
import io.github.aidatakeys.lint.PolicyLint;
import io.github.aidatakeys.lint.Severity;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Inputs for the policy lint: the component's own documents, rendered by {@link RenderedPolicies}, and helpers that
 * mutate them into the bad cases each rule must find.
 */
public final class LintFixtures {
    public static final String ACCOUNT = RenderedPolicies.ACCOUNT;
    public static final String OTHER_ACCOUNT = "210987654321";
    public static final String KEY_ARN = RenderedPolicies.KEY_ARN;
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The component's defaults: {@code aliasName} and {@code allowedServices(EC2)} only. */
    public static final RenderedPolicies DEFAULTS = RenderedPolicies.of(b -> b);
    /** What the component renders by default: the root statement only. */
    public static final String KEY_POLICY = DEFAULTS.keyPolicy();
    /** What the component renders for {@code allowedServices(EC2)}: one statement without conditions. */
    public static final String TRUST_POLICY = DEFAULTS.trustPolicy();
    /** What the component renders by default: nine explicit actions on the key ARN. */
    public static final String ROLE_POLICY = DEFAULTS.rolePolicy();

    /** SageMaker trusted: a service statement bound by {@code aws:SourceAccount}. */
    public static final String SERVICE_TRUST_POLICY =
            RenderedPolicies.of(b -> b.allowedServices(AwsService.SAGEMAKER)).trustPolicy();
    /** Another account trusted with an external id. */
    public static final String CROSS_ACCOUNT_TRUST_POLICY = RenderedPolicies.of(b -> b
            .allowedAccountIds(OTHER_ACCOUNT).externalId("partner-7f3a")).trustPolicy();
    /** A key administrator named. */
    public static final String ADMIN_KEY_POLICY = RenderedPolicies.of(b -> b
            .keyAdministratorArns("arn:aws:iam::123456789012:role/platform-admin")).keyPolicy();
    /** The set of encryption-context keys pinned (ForAllValues with its Null check), nothing else. */
    public static final String CONTEXT_KEYS_ROLE_POLICY =
            RenderedPolicies.of(b -> b.encryptionContextKeys("purpose")).rolePolicy();

    /** Every option that shapes a document set at once. */
    public static final RenderedPolicies EVERY_OPTION = RenderedPolicies.of(b -> b
            .keyAdministratorArns("arn:aws:iam::123456789012:role/platform-admin")
            .allowedServices(AwsService.SAGEMAKER.principal(), AwsService.BEDROCK.principal(),
                    AwsService.EC2.principal(), AwsService.EKS_POD_IDENTITY.principal())
            .allowedAccountIds(OTHER_ACCOUNT)
            .allowedRoleArns("arn:aws:iam::123456789012:role/inference")
            .externalId("partner-7f3a")
            .sourceArns("arn:aws:sagemaker:us-east-1:123456789012:*")
            .webIdentityProviderArn("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
            .webIdentitySubjects("repo:org/repo:*")
            .encryptionContext(Map.of("purpose", "ai-output"))
            .encryptionContextKeys("purpose")
            .viaServices("s3"));

    private LintFixtures() {
    }

    /** The lint input for the default documents. */
    /** An error finding, as the lint reports it, with no waiver. */
    public static Finding error(LintRule rule, String document, String sid, String message) {
        return new Finding(rule, Severity.ERROR, document, sid, message, null);
    }

    /** A warning finding, as the lint reports it, with no waiver. */
    public static Finding warning(LintRule rule, String document, String sid, String message) {
        return new Finding(rule, Severity.WARNING, document, sid, message, null);
    }

    public static LintInput.Builder defaults() {
        return LintInput.builder()
                .keyPolicyJson(KEY_POLICY)
                .trustPolicyJson(TRUST_POLICY)
                .rolePolicyJson(ROLE_POLICY)
                .keyArn(KEY_ARN)
                .accountId(ACCOUNT)
                .partition("aws")
                .rotationEnabled(true);
    }

    public static LintReport lint(UnaryOperator<LintInput.Builder> change) {
        return PolicyLint.lint(change.apply(defaults()).build());
    }

    /** The document with its first statement changed, rendered through Gson. */
    public static String editFirst(String document, Consumer<JsonObject> change) {
        var tree = JsonParser.parseString(document).getAsJsonObject();
        change.accept(tree.getAsJsonArray("Statement").get(0).getAsJsonObject());
        return GSON.toJson(tree);
    }

    /** The document with the statement of this Sid changed; fails when there is none. */
    public static String edit(String document, String sid, Consumer<JsonObject> change) {
        var tree = JsonParser.parseString(document).getAsJsonObject();
        JsonObject found = null;
        for (var statement : tree.getAsJsonArray("Statement")) {
            if (statement.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                found = statement.getAsJsonObject();
            }
        }
        if (found == null) {
            throw new AssertionError("No statement " + sid + " in " + document);
        }
        change.accept(found);
        return GSON.toJson(tree);
    }

    /** The document with one more statement. */
    public static String append(String document, JsonObject statement) {
        var tree = JsonParser.parseString(document).getAsJsonObject();
        tree.getAsJsonArray("Statement").add(statement);
        return GSON.toJson(tree);
    }

    /** The statement of this Sid, as rendered. */
    public static JsonObject statement(String document, String sid) {
        for (var statement : JsonParser.parseString(document).getAsJsonObject().getAsJsonArray("Statement")) {
            if (statement.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return statement.getAsJsonObject();
            }
        }
        throw new AssertionError("No statement " + sid + " in " + document);
    }

    public static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    public static JsonArray array(String... values) {
        var array = new JsonArray();
        for (var value : values) {
            array.add(value);
        }
        return array;
    }
}
