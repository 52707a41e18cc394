package dev.roletrail.streams.federation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code new-federated-subject}: AssumeRoleWithWebIdentity / AssumeRoleWithSAML by a provider (HIGH) or a subject
 * (MEDIUM) never seen for that role, once the role has been federated into for the learning period. A new CI
 * repository or branch in an OIDC subject ("repo:org/other:ref:refs/heads/x") is exactly such a subject.
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

    /** @param before the role's federation history before this event, or null when never federated into */
    public Optional<Alert> evaluate(RoleFederation before, FederatedAssumption assumption, Observation observation) {
        if (before == null
                || Duration.between(before.firstSeen(), observation.event().eventTime()).compareTo(learningPeriod) < 0) {
            return Optional.empty();
        }
        String entity = assumption.role() + " <= " + assumption.provider() + "|" + assumption.subject();
        if (!before.knowsProvider(assumption.provider())) {
            return Optional.of(AlertFactory.alert(INFO, Severity.HIGH, entity, observation, assumption.role(),
                    "assumed only through " + String.join(", ", before.providers()),
                    "identity provider " + assumption.provider() + " (subject " + assumption.subject() + ")"));
        }
        if (!before.knowsSubject(assumption.provider(), assumption.subject())) {
            return Optional.of(AlertFactory.alert(INFO, INFO.severity(), entity, observation, assumption.role(),
                    before.subjects().size() + " known subjects of " + assumption.provider(),
                    "new subject " + assumption.subject()));
        }
        return Optional.empty();
    }
}
