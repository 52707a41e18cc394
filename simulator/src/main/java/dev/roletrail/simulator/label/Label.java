package dev.roletrail.simulator.label;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.finding.FindingKind;

/**
 * The ground truth of one injected scenario: what happened, when, to whom, and what RoleTrail must raise for it.
 *
 * @param scenario     the scenario's id, e.g. {@code role-enumeration}
 * @param technique    the real technique it is modelled on (Stratus Red Team id, GuardDuty finding type)
 * @param from         the scenario's first event time
 * @param to           its last event time; an alert counts for the scenario when its events fall in [from, to]
 * @param entities     who and what is involved: principal ids, role ARNs, access key ids, account principals
 * @param detectors    the detectors that must fire
 * @param findingKinds the finding kinds that must be raised (matched by kind and entity, whatever the time)
 * @param eventTimes   the event time of each event the scenario injected, in order (empty for a standing
 *                     condition, or in a labels.json written before they were kept): how much of the attack had
 *                     happened when an alert fired
 */
public record Label(String scenario, String technique, Instant from, Instant to, List<String> entities,
        List<String> detectors, List<FindingKind> findingKinds, List<Instant> eventTimes) {

    public Label {
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("a label needs a scenario id");
        }
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("label " + scenario + " ends before it starts");
        }
        entities = List.copyOf(entities);
        detectors = List.copyOf(detectors);
        findingKinds = List.copyOf(findingKinds);
        eventTimes = eventTimes == null ? List.of() : eventTimes.stream().sorted().toList();
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("label " + scenario + " names no entity");
        }
        if (detectors.isEmpty() && findingKinds.isEmpty()) {
            throw new IllegalArgumentException("label " + scenario + " expects neither an alert nor a finding");
        }
    }

    /** A label without its events' times. */
    public Label(String scenario, String technique, Instant from, Instant to, List<String> entities,
            List<String> detectors, List<FindingKind> findingKinds) {
        this(scenario, technique, from, to, entities, detectors, findingKinds, List.of());
    }

    /** The same label, with the times of the events the scenario injected. */
    public Label withEventTimes(List<Instant> times) {
        return new Label(scenario, technique, from, to, entities, detectors, findingKinds, times);
    }

    /** A scenario that must raise alerts. */
    public static Label alerts(String scenario, String technique, Instant from, Instant to, List<String> entities,
            String... detectors) {
        return new Label(scenario, technique, from, to, entities, List.of(detectors), List.of());
    }

    /** A standing condition of the inventory and traffic that must raise findings. */
    public static Label findings(String scenario, String technique, Instant from, Instant to, List<String> entities,
            FindingKind... kinds) {
        return new Label(scenario, technique, from, to, entities, List.of(), List.of(kinds));
    }
}
