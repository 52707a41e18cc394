package dev.roletrail.streams.siem;

import static dev.roletrail.streams.siem.OcsfObjects.putIfPresent;

import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Strings;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.DetectorInfo;

/**
 * An alert as an OCSF Detection Finding (2004). The first alert of a suppression window is activity Create; the
 * summary sent when the window closes (same alert id, higher count) is activity Update of the same
 * {@code finding_info.uid}. {@code metadata.uid} is {@code <alert id>-<count>}, so a replay writes the same keys.
 */
public final class DetectionFindingMapper {

    static final int ACTIVITY_CREATE = 1;
    static final int ACTIVITY_UPDATE = 2;
    static final int STATUS_NEW = 1;
    static final int ANALYTIC_RULE = 1;
    static final int ANALYTIC_BEHAVIORAL = 2;
    static final int ANALYTIC_STATISTICAL = 3;

    /** Each detector's analytic type, from how the catalogue says it judges. */
    private static final Map<String, Integer> ANALYTIC = DetectorCatalog.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(DetectorInfo::id, info -> switch (info.judgement()) {
                case RULE -> ANALYTIC_RULE;
                case BASELINE -> ANALYTIC_BEHAVIORAL;
                case STATISTICAL -> ANALYTIC_STATISTICAL;
            }));

    public OcsfEvent map(Alert alert) {
        boolean first = alert.count() == 1;
        ObjectNode event = OcsfObjects.event(OcsfClass.DETECTION_FINDING, first ? ACTIVITY_CREATE : ACTIVITY_UPDATE,
                first ? "Create" : "Update", alert.severity(), alert.lastEventTime());
        OcsfObjects.metadata(event, alert.id() + "-" + alert.count(), alert.detector());
        OcsfObjects.cloud(event, alert.account(), alert.region());
        event.put("status_id", STATUS_NEW);
        event.put("status", "New");
        event.put("message", alert.title());
        event.put("count", alert.count());
        event.put("is_alert", true);
        OcsfObjects.time(event, "start_time", alert.firstEventTime());
        OcsfObjects.time(event, "end_time", alert.lastEventTime());
        findingInfo(event.putObject("finding_info"), alert);
        evidence(event.putArray("evidences").addObject(), alert);
        if (!Strings.isBlank(alert.role())) {
            ObjectNode role = event.putArray("resources").addObject();
            role.put("uid", alert.role());
            role.put("type", "AWS::IAM::Role");
        }
        if (!Strings.isBlank(alert.action())) {
            event.putObject("remediation").put("desc", alert.action());
        }
        observables(event.putArray("observables"), alert);
        OcsfObjects.lineage(event, alert.origin(), alert.chain(), null);
        return OcsfEvent.of(event);
    }

    private static void findingInfo(ObjectNode info, Alert alert) {
        info.put("uid", alert.id());
        info.put("title", alert.title());
        putIfPresent(info, "desc", description(alert));
        info.putArray("types").add(alert.detector());
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("uid", alert.detector());
        analytic.put("name", alert.detector());
        int type = analyticType(alert.detector());
        analytic.put("type_id", type);
        analytic.put("type", type == ANALYTIC_RULE ? "Rule" : type == ANALYTIC_BEHAVIORAL ? "Behavioral" : "Statistical");
        AttackTechniques.toAttacks(info.putArray("attacks"), alert.attack());
        OcsfObjects.time(info, "first_seen_time", alert.firstEventTime());
        OcsfObjects.time(info, "last_seen_time", alert.lastEventTime());
        info.putArray("data_sources").add("AWS CloudTrail");
        ArrayNode related = info.putArray("related_events");
        alert.eventIds().forEach(id -> related.addObject().put("uid", id).put("type", "AWS CloudTrail event"));
    }

    /** What broke the baseline, then the baseline itself: the "why" an analyst reads first. */
    private static String description(Alert alert) {
        if (Strings.isBlank(alert.baseline())) {
            return alert.unusual();
        }
        return Strings.isBlank(alert.unusual()) ? "Baseline: " + alert.baseline()
                : alert.unusual() + " Baseline: " + alert.baseline();
    }

    static int analyticType(String detector) {
        return ANALYTIC.getOrDefault(detector, ANALYTIC_RULE);
    }

    private static void evidence(ObjectNode evidence, Alert alert) {
        ObjectNode user = evidence.putObject("actor").putObject("user");
        user.put("uid", alert.principal());
        putIfPresent(user, "credential_uid", alert.accessKeyId());
        if (!Strings.isBlank(alert.account())) {
            user.set("account", OcsfObjects.account(alert.account()));
        }
        if (!Strings.isBlank(alert.sourceNetwork())) {
            evidence.set("src_endpoint", OcsfObjects.endpoint(alert.sourceNetwork()));
        }
        if (!Strings.isBlank(alert.userAgent())) {
            evidence.putObject("http_request").put("user_agent", alert.userAgent());
        }
    }

    private static void observables(ArrayNode observables, Alert alert) {
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_NAME, "User Name",
                "evidences.actor.user.uid", alert.principal());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_NAME, "User Name",
                "enrichments.session.origin", alert.origin());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_CREDENTIAL_ID, "User Credential ID",
                "evidences.actor.user.credential_uid", alert.accessKeyId());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_RESOURCE_UID, "Resource UID", "resources.uid",
                alert.role());
        OcsfObjects.networkObservable(observables, "evidences.src_endpoint", alert.sourceNetwork());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_AGENT, "HTTP User-Agent",
                "evidences.http_request.user_agent", alert.userAgent());
    }
}
