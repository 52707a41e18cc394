package dev.roletrail.streams.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code new-federated-subject}: AssumeRoleWithWebIdentity / AssumeRoleWithSAML by a provider (HIGH) or a subject
 * (MEDIUM) never seen for that role, once the role has been federated into for the learning period. A new CI
 * repository or branch in an OIDC subject ("repo:org/other:ref:refs/heads/x") is exactly such a subject.
 * <p>
 * The learning period runs from the role's first federation in event time, which need not be the first to reach the
 * role's task: subjects are principals of every partition, and in a backfill one task can run days ahead of another.
 * A new subject that came while the role seemed to be learning is kept pending ({@link PendingSubject}), and alerted
 * once the role's earlier federations show that the learning period was over by its first assumption; it waits at
 * most a learning period of the role's later traffic. Without that, whether a planted new subject was found depended
 * on the order the tasks ran in (a single instance over 12 partitions missed it).
 */
public final class NewFederatedSubjectDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "new-federated-subject",
            "Role assumed by a new federated identity",
            Severity.MEDIUM,
            List.of("T1078.004", "T1606.002"),
            "Check the role's trust policy conditions (aud, sub, SAML attributes); if this subject should not reach "
                    + "the role, tighten the condition and revoke the session.",
            Judgement.BASELINE);

    private final Duration learningPeriod;

    public NewFederatedSubjectDetector(DetectorSettings settings) {
        this.learningPeriod = settings.learningPeriod();
    }

    public Duration learningPeriod() {
        return learningPeriod;
    }

    /** @param before the role's federation history before this event, or null when never federated into */
    public Optional<Alert> evaluate(RoleFederation before, FederatedAssumption assumption, Observation observation) {
        if (before == null || !learned(before.firstSeen(), observation.event().eventTime())
                || before.knowsSubject(assumption.provider(), assumption.subject())) {
            return Optional.empty();
        }
        boolean newProvider = !before.knowsProvider(assumption.provider());
        return Optional.of(alert(assumption.role(), new PendingSubject(assumption.provider(), assumption.subject(),
                newProvider, EventEvidence.of(observation)), before.providers(), before.subjects().size()));
    }

    /**
     * A subject the role does not know, first seen while the role is still learning as far as this task has seen (or
     * never federated into): to keep pending.
     */
    public Optional<PendingSubject> pendingWhileLearning(RoleFederation before, FederatedAssumption assumption,
            Observation observation) {
        if (before != null && (before.knowsSubject(assumption.provider(), assumption.subject())
                || learned(before.firstSeen(), observation.event().eventTime()))) {
            return Optional.empty();
        }
        return Optional.of(new PendingSubject(assumption.provider(), assumption.subject(),
                before == null || !before.knowsProvider(assumption.provider()), EventEvidence.of(observation)));
    }

    /** The pending subjects whose role, as now known, had been federated into for the learning period by their first. */
    public List<PendingSubject> learnedPending(RoleFederation state) {
        return state.pending().stream().filter(p -> learned(state.firstSeen(), p.firstAt())).toList();
    }

    /** The alert for a pending subject, judged against the role's history as now known. */
    public Alert alert(RoleFederation state, PendingSubject subject) {
        List<String> otherProviders = state.providers().stream().filter(p -> !p.equals(subject.provider())).toList();
        return alert(state.role(), subject, otherProviders, state.subjects().size() - 1);
    }

    private boolean learned(Instant firstSeen, Instant at) {
        return Duration.between(firstSeen, at).compareTo(learningPeriod) >= 0;
    }

    private static Alert alert(String role, PendingSubject subject, List<String> knownProviders, int knownSubjects) {
        String entity = role + " <= " + subject.provider() + "|" + subject.subject();
        if (subject.newProvider()) {
            return AlertFactory.alert(INFO, Severity.HIGH, entity, subject.evidence(), role,
                    "assumed only through " + String.join(", ", knownProviders),
                    "identity provider " + subject.provider() + " (subject " + subject.subject() + ")");
        }
        return AlertFactory.alert(INFO, INFO.severity(), entity, subject.evidence(), role,
                knownSubjects + " known subjects of " + subject.provider(), "new subject " + subject.subject());
    }
}
