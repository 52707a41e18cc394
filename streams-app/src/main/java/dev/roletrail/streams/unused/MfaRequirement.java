package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.streams.detect.SensitiveRoles;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.identity.TrustPolicy;
import dev.roletrail.streams.unused.FindingFactory.Target;

/**
 * {@code mfa-not-required-for-sensitive-role}: a sensitive or break-glass role whose trust policy lets IAM users in
 * without MFA:
 * <pre>
 * fires ⇔ role ~ sensitive ∧ ∃ Allow statement s, p ∈ s.Principal.AWS (or s.Principal = *):
 *           users(p) ∧ ¬mfaCondition(s) ∧ ¬∃ Deny statement d: covers(d, p) ∧ deniesWithoutMfa(d)
 * users(p)        ⇔ p = * ∨ p an account id ∨ p = arn:…:root ∨ p an IAM user ARN
 * mfaCondition(s) ⇔ s.Condition has Bool aws:MultiFactorAuthPresent = true,
 *                   or NumericLessThan(Equals) aws:MultiFactorAuthAge (not their …IfExists forms)
 * deniesWithoutMfa(d) ⇔ d's only condition is BoolIfExists aws:MultiFactorAuthPresent = false
 *                       or Null aws:MultiFactorAuthPresent = true (the key is absent without MFA)
 * severity = HIGH for a break-glass role or a grant to *, else MEDIUM
 * </pre>
 * Service principals never carry a person's MFA, federated ones pass MFA at their identity provider, and a role
 * principal's sessions carry whatever MFA their start had: none of them counts. A Deny counts only in the simple
 * shapes above, on {@code *} or the same principal, for {@code sts:AssumeRole}; anything subtler is left to the
 * reader of the evidence. Condition keys are compared without case, as IAM does.
 * <p>
 * A request signed with a user's long-term key carries no MFA key at all, and an {@code …IfExists} test passes when
 * its key is absent (AWS knowledge center, "mfa-iam-user-aws-cli"): on an Allow it lets exactly those callers in
 * without MFA, so it is no requirement; on a Deny it is what refuses them.
 */
final class MfaRequirement {

    private static final String MFA_PRESENT = "aws:multifactorauthpresent";
    private static final String MFA_AGE = "aws:multifactorauthage";
    private static final Set<String> PRESENT_OPERATORS = Set.of("bool");
    private static final Set<String> AGE_OPERATORS = Set.of("numericlessthan", "numericlessthanequals");
    private static final Set<String> ASSUME_ROLE = Set.of("*", "sts:*", "sts:assumerole");

    private MfaRequirement() {
    }

    static Optional<Finding> evaluate(IamRole role, SensitiveRoles sensitive, Evaluation e) {
        if (!sensitive.sensitive(role.arn())) {
            return Optional.empty();
        }
        Optional<JsonNode> policy = TrustPolicy.document(role.trustPolicy());
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> statements = TrustPolicy.statements(policy.get());
        List<String> withoutMfa = new ArrayList<>();
        for (JsonNode statement : statements) {
            if (!"Allow".equals(statement.path("Effect").asText()) || mfaCondition(statement.get("Condition"))
                    || !assumeRole(statement)) {
                continue;
            }
            for (String principal : userPrincipals(statement)) {
                if (!withoutMfa.contains(principal) && !deniedWithoutMfa(statements, principal)) {
                    withoutMfa.add(principal);
                }
            }
        }
        if (withoutMfa.isEmpty()) {
            return Optional.empty();
        }
        boolean breakGlass = sensitive.breakGlass(role.arn());
        List<String> evidence = new ArrayList<>();
        evidence.add((breakGlass ? "break-glass" : "sensitive") + " role; its trust policy requires no "
                + "aws:MultiFactorAuthPresent or aws:MultiFactorAuthAge condition");
        withoutMfa.forEach(p -> evidence.add(p + " may assume it without MFA (" + whose(p) + ")"));
        Severity severity = breakGlass || withoutMfa.contains("*") ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(FindingFactory.open(FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE, severity,
                "Sensitive role assumable without MFA", new Target(role.accountId(), role.arn(), "role", null),
                e.periodStart(), e.at(), null, evidence,
                "Add \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}} to the trust policy's "
                        + "statements that let IAM users assume the role.",
                null, null));
    }

    /** The principals of an Allow statement that IAM users act as: {@code *}, accounts and users. */
    private static List<String> userPrincipals(JsonNode statement) {
        JsonNode principal = statement.get("Principal");
        if (statement.has("NotPrincipal") || principal != null && "*".equals(principal.asText())) {
            return List.of("*");
        }
        if (principal == null || !principal.isObject()) {
            return List.of();
        }
        List<String> users = new ArrayList<>();
        for (JsonNode value : TrustPolicy.asList(principal.get("AWS"))) {
            String text = value.asText("").strip();
            if (text.equals("*") || Arns.isAccountId(text) || text.endsWith(":root") || text.contains(":user/")) {
                users.add(text);
            }
        }
        return users;
    }

    private static String whose(String principal) {
        if (principal.equals("*")) {
            return "anyone";
        }
        if (principal.contains(":user/")) {
            return "IAM user";
        }
        return "every IAM user of account " + (Arns.isAccountId(principal) ? principal : Arns.accountOf(principal));
    }

    private static boolean assumeRole(JsonNode statement) {
        if (statement.has("NotAction")) {
            return true;
        }
        List<JsonNode> actions = TrustPolicy.asList(statement.get("Action"));
        return actions.isEmpty() || actions.stream()
                .anyMatch(a -> ASSUME_ROLE.contains(a.asText("").toLowerCase(Locale.ROOT)));
    }

    /** Whether a condition block requires MFA for an Allow: MFA present, or an MFA age limit. */
    private static boolean mfaCondition(JsonNode condition) {
        for (Map.Entry<String, JsonNode> test : tests(condition)) {
            String operator = test.getKey().split("\\|")[0];
            String key = test.getKey().split("\\|")[1];
            if (PRESENT_OPERATORS.contains(operator) && key.equals(MFA_PRESENT) && is(test.getValue(), "true")
                    || AGE_OPERATORS.contains(operator) && key.equals(MFA_AGE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a simple Deny statement refuses the principal's AssumeRole whenever MFA is absent. */
    private static boolean deniedWithoutMfa(List<JsonNode> statements, String principal) {
        for (JsonNode statement : statements) {
            if (!"Deny".equals(statement.path("Effect").asText()) || !assumeRole(statement)
                    || !covers(statement.get("Principal"), principal)) {
                continue;
            }
            List<Map.Entry<String, JsonNode>> tests = tests(statement.get("Condition"));
            if (tests.size() == 1) {
                String test = tests.get(0).getKey();
                JsonNode value = tests.get(0).getValue();
                if (test.equals("boolifexists|" + MFA_PRESENT) && is(value, "false")
                        || test.equals("null|" + MFA_PRESENT) && is(value, "true")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean covers(JsonNode denied, String principal) {
        if (denied == null) {
            return false;
        }
        if ("*".equals(denied.asText())) {
            return true;
        }
        return TrustPolicy.asList(denied.get("AWS")).stream()
                .anyMatch(p -> p.asText("").strip().equals("*") || p.asText("").strip().equals(principal));
    }

    /** Every (operator|key, value) of a condition block, lower-cased. */
    private static List<Map.Entry<String, JsonNode>> tests(JsonNode condition) {
        List<Map.Entry<String, JsonNode>> tests = new ArrayList<>();
        if (condition == null || !condition.isObject()) {
            return tests;
        }
        for (Iterator<Map.Entry<String, JsonNode>> operators = condition.fields(); operators.hasNext();) {
            Map.Entry<String, JsonNode> operator = operators.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext();) {
                Map.Entry<String, JsonNode> key = keys.next();
                tests.add(Map.entry(operator.getKey().toLowerCase(Locale.ROOT) + "|"
                        + key.getKey().toLowerCase(Locale.ROOT), key.getValue()));
            }
        }
        return tests;
    }

    /** Whether a condition value (a string, a boolean or an array of them) is the given one. */
    private static boolean is(JsonNode value, String expected) {
        return TrustPolicy.asList(value).stream().anyMatch(v -> v.asText("").equalsIgnoreCase(expected));
    }
}
