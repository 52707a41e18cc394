package dev.roletrail.streams.profile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;
import dev.roletrail.streams.identity.TrustPolicy;

/**
 * {@code first-time-assumption}: fires when edge(assumer → role) was never observed before, and the assumer has been
 * observed for at least the learning period (so a new principal's first days stay quiet). Severity rises by one when
 * the role is in another account, and by one more when the role's trust policy in the inventory snapshot does not name
 * the assumer: the assumption worked, so the policy changed since the snapshot (a backdoor opened and maybe closed
 * again), or the assumer reached the role some other way. Only {@code AssumeRole} is judged so: SAML and web identity
 * assumptions are trusted through federated principals, which the snapshot's AWS grants do not list.
 */
public final class FirstTimeAssumptionDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "first-time-assumption",
            "Role assumed for the first time by this principal",
            Severity.MEDIUM,
            List.of("T1078.004", "T1548"),
            "Confirm with the owner of the origin identity that this role is needed; if not, revoke the session "
                    + "and narrow the role's trust policy.",
            Judgement.BASELINE);

    private final Duration learningPeriod;

    public FirstTimeAssumptionDetector(Duration learningPeriod) {
        this.learningPeriod = Objects.requireNonNull(learningPeriod, "learningPeriod");
    }

    /**
     * @param assumerBefore the assumer's profile before this event, or null when never seen
     * @param edgeBefore    the edge before this event, or null when never crossed
     * @param trust         the role's trust policy in the inventory, or null when the role is not in the inventory
     */
    public Optional<Alert> evaluate(PrincipalProfile assumerBefore, AccessEdge edgeBefore, TrustPolicy trust,
            RoleAssumption assumption, Observation observation) {
        if (edgeBefore != null) {
            return Optional.empty();
        }
        Duration observed = assumerBefore == null
                ? Duration.ZERO
                : Duration.between(assumerBefore.firstSeen(), assumption.at());
        if (observed.compareTo(learningPeriod) < 0) {
            return Optional.empty();
        }
        long eventsBefore = assumerBefore == null ? 0 : assumerBefore.events();
        boolean outsideTrust = trust != null && "AssumeRole".equals(assumption.how())
                && !trust.allows(assumption.assumer().id());
        Severity severity = INFO.severity();
        if (assumption.crossAccount()) {
            severity = severity.raise();
        }
        if (outsideTrust) {
            severity = severity.raise();
        }
        return Optional.of(AlertFactory.alert(INFO, severity, assumption.assumer().id() + " -> " + assumption.roleArn(),
                observation, assumption.roleArn(),
                "observed for " + observed.toDays() + " days (" + eventsBefore + " events) without assuming this role"
                        + (outsideTrust ? "; the role's trust policy in the inventory snapshot does not name it" : ""),
                assumption.how() + " of " + assumption.roleArn() + (assumption.crossAccount() ? " (cross-account)" : "")
                        + (outsideTrust ? " (not in the trust policy snapshot)" : "")));
    }
}
