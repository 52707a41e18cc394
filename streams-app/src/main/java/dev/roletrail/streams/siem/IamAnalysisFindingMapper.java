package dev.roletrail.streams.siem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Strings;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

import static dev.roletrail.streams.siem.OcsfObjects.putIfPresent;

/**
 * An unused-access finding as an OCSF IAM Analysis Finding (2008). An open finding is activity Create, status New;
 * a resolved one is activity Close, status Resolved, with the same {@code finding_info.uid} (the finding id).
 * Every finding carries {@code identity_activity_metrics} (last use); trust paths add an
 * {@code access_analysis_result} and permission kinds a {@code permission_analysis_results} entry.
 * {@code metadata.uid} is {@code <finding id>-<status>-<evaluation time>}: one record per evaluation.
 */
public final class IamAnalysisFindingMapper {

    static final int ACTIVITY_CREATE = 1;
    static final int ACTIVITY_CLOSE = 3;
    static final int STATUS_NEW = 1;
    static final int STATUS_RESOLVED = 4;

    public OcsfEvent map(Finding finding) {
        boolean open = finding.status() == FindingStatus.OPEN;
        ObjectNode event = OcsfObjects.event(OcsfClass.IAM_ANALYSIS_FINDING, open ? ACTIVITY_CREATE : ACTIVITY_CLOSE,
                open ? "Create" : "Close", finding.severity(), finding.periodEnd());
        OcsfObjects.metadata(event, finding.id() + "-" + finding.status().name().toLowerCase(Locale.ROOT) + "-"
                + finding.periodEnd().toEpochMilli(), finding.kind().id());
        OcsfObjects.cloud(event, finding.account(), null);
        event.put("status_id", open ? STATUS_NEW : STATUS_RESOLVED);
        event.put("status", open ? "New" : "Resolved");
        event.put("message", finding.title());
        OcsfObjects.time(event, "start_time", finding.periodStart());
        OcsfObjects.time(event, "end_time", finding.periodEnd());
        findingInfo(event.putObject("finding_info"), finding);
        resources(event.putArray("resources"), finding);
        if ("user".equals(finding.entityType())) {
            ObjectNode user = event.putObject("user");
            user.put("uid", finding.entity());
            if (!Strings.isBlank(finding.account())) {
                user.set("account", OcsfObjects.account(finding.account()));
            }
        }
        activityMetrics(event.putObject("identity_activity_metrics"), finding);
        if (finding.kind() == FindingKind.UNUSED_TRUST_PATH && !Strings.isBlank(finding.subject())) {
            ObjectNode access = event.putObject("access_analysis_result");
            access.put("access_type", "sts:AssumeRole (trust policy)");
            access.putArray("accessors").addObject().put("uid", finding.subject());
        }
        if (finding.actions() != null) {
            permissions(event.putArray("permission_analysis_results").addObject(), finding);
        }
        if (!Strings.isBlank(finding.remediation())) {
            event.putObject("remediation").put("desc", finding.remediation());
        }
        observables(event.putArray("observables"), finding);
        return OcsfEvent.of(event);
    }

    private static void findingInfo(ObjectNode info, Finding finding) {
        info.put("uid", finding.id());
        info.put("title", finding.title());
        putIfPresent(info, "desc", String.join("\n", finding.evidence()));
        info.putArray("types").add(finding.kind().id());
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("uid", finding.kind().id());
        analytic.put("name", finding.kind().id());
        analytic.put("type_id", DetectionFindingMapper.ANALYTIC_RULE);
        analytic.put("type", "Rule");
        info.putArray("data_sources").add("AWS CloudTrail").add("AWS IAM inventory");
    }

    private static void resources(ArrayNode resources, Finding finding) {
        ObjectNode entity = resources.addObject();
        entity.put("uid", finding.entity());
        entity.put("type", resourceType(finding.entityType()));
        putIfPresent(entity, "cloud_partition", partition(finding.entity()));
    }

    static String resourceType(String entityType) {
        if ("role".equals(entityType)) {
            return "AWS::IAM::Role";
        }
        if ("user".equals(entityType)) {
            return "AWS::IAM::User";
        }
        return "access-key".equals(entityType) ? "AWS::IAM::AccessKey" : "AWS::IAM::" + entityType;
    }

    /** The partition of an ARN ({@code aws}, {@code aws-us-gov}, {@code aws-cn}), or null for a key id. */
    private static String partition(String entity) {
        String[] parts = entity.split(":", 3);
        return parts.length == 3 && parts[0].equals("arn") ? parts[1] : null;
    }

    private static void activityMetrics(ObjectNode metrics, Finding finding) {
        OcsfObjects.time(metrics, "last_seen_time", finding.lastUsed());
        if ("access-key".equals(finding.entityType())) {
            ObjectNode key = metrics.putArray("programmatic_credentials").addObject();
            key.put("uid", finding.entity());
            key.put("type", "AWS access key");
            OcsfObjects.time(key, "last_used_time", finding.lastUsed());
        }
    }

    private static void permissions(ObjectNode result, Finding finding) {
        ActionUsage actions = finding.actions();
        List<String> granted = new ArrayList<>(actions.used());
        granted.addAll(actions.unused());
        granted.addAll(actions.notObservable());
        ArrayNode privileges = result.putArray("granted_privileges");
        granted.forEach(privileges::add);
        // Only actions CloudTrail logs can be judged used or unused.
        result.put("analyzed_privileges_count", actions.used().size() + actions.unused().size());
        result.put("unused_privileges_count", actions.unused().size());
        if (!Strings.isBlank(finding.policy())) {
            ObjectNode policy = result.putObject("policy");
            policy.put("name", "least-privilege proposal for " + finding.entity());
            policy.put("type", "IAM identity-based policy");
            policy.put("is_applied", false);
            policy.set("data", policyDocument(finding.policy()));
        }
    }

    /** The generated policy as a JSON object, or kept as text should it ever not parse. */
    private static JsonNode policyDocument(String policy) {
        try {
            return Json.mapper().readTree(policy);
        } catch (JsonProcessingException e) {
            return Json.mapper().getNodeFactory().textNode(policy);
        }
    }

    private static void observables(ArrayNode observables, Finding finding) {
        if ("access-key".equals(finding.entityType())) {
            OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_CREDENTIAL_ID, "User Credential ID",
                    "resources.uid", finding.entity());
        } else {
            OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_RESOURCE_UID, "Resource UID", "resources.uid",
                    finding.entity());
        }
        if (finding.kind() == FindingKind.UNUSED_TRUST_PATH) {
            OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_NAME, "User Name",
                    "access_analysis_result.accessors.uid", finding.subject());
        }
    }
}
