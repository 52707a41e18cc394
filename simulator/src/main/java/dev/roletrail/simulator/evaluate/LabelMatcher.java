package dev.roletrail.simulator.evaluate;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.simulator.label.Label;

/**
 * When an alert or a finding counts for a labelled scenario.
 * <pre>
 * alert a matches label l ⇔ a.detector ∈ l.detectors
 *                          ∧ [a.firstEventTime, a.lastEventTime] ∩ [l.from, l.to] ≠ ∅
 *                          ∧ ∃ e ∈ l.entities: e ∈ {a.entity, a.principal, a.origin, a.role, a.accessKeyId} ∪ a.chain
 *                                             ∨ a.entity contains e
 * finding f matches label l ⇔ f.kind ∈ l.findingKinds ∧ f.status = OPEN
 *                          ∧ (f.entity ∈ l.entities ∨ f.subject ∈ l.entities ∨ f.entity = e + "#" + … for some e)
 * </pre>
 * The entity may be contained in the alert's entity because detectors compose it ("origin -> role",
 * "trust of role -> account"). Findings describe the whole tracking period, so their time is not compared. A key
 * finding names the key by its owner and slot ({@code <user arn>#access-key-1}: the credential report has no key id),
 * so it matches a label that names the owner.
 */
public final class LabelMatcher {

    private LabelMatcher() {
    }

    public static boolean matches(Label label, Alert alert) {
        if (!label.detectors().contains(alert.detector())) {
            return false;
        }
        if (alert.lastEventTime().isBefore(label.from()) || alert.firstEventTime().isAfter(label.to())) {
            return false;
        }
        List<String> names = new ArrayList<>(alert.chain());
        names.add(alert.entity());
        names.add(alert.principal());
        names.add(alert.origin());
        names.add(alert.role());
        names.add(alert.accessKeyId());
        for (String entity : label.entities()) {
            if (names.contains(entity) || alert.entity().contains(entity)) {
                return true;
            }
        }
        return false;
    }

    public static boolean matches(Label label, Finding finding) {
        return label.findingKinds().contains(finding.kind()) && finding.status() == FindingStatus.OPEN
                && (label.entities().contains(finding.entity())
                        || finding.subject() != null && label.entities().contains(finding.subject())
                        || label.entities().stream().anyMatch(owner -> finding.entity().startsWith(owner + "#")));
    }
}
