package dev.roletrail.streams.rate;

import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.KnownAccounts;
import dev.roletrail.streams.detect.Texts;
import dev.roletrail.streams.identity.AssumeRoleCall;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code assumption-rate-anomaly}: with c the principal's AssumeRole* calls (allowed or refused) in the current
 * event-time hour, this call included, and μ, σ the EWMA mean and standard deviation (weight alpha) of its earlier
 * hourly counts, empty hours counting as zero: fires when c &gt; μ + k·max(σ, √μ) ∧ c ≥ min-count, once the
 * baseline holds at least min-baseline-hours hours. It fires on the call that first meets that, so once per hour.
 * σ is taken as at least √μ, the spread of a Poisson count, so a principal with a perfectly regular rate does not
 * alarm on a few extra calls.
 * <p>
 * Not counted: the role owner's copy of a cross-account call from an organisation account ({@code account:<id>},
 * the account in {@code org.accounts}). The organisation trail logs the caller's own copy too, which counts under the
 * caller; the owner's copies would add up every caller of that account, people and pipelines alike, as if one
 * principal made them all (33 to 38 false alarms per million benign events at 1,000 users). A caller's account
 * outside the organisation has no other copy, so its calls still count under the account.
 */
public final class AssumptionRateAnomalyDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "assumption-rate-anomaly",
            "Role assumption rate far above this principal's baseline",
            Severity.MEDIUM,
            List.of("T1078.004", "T1548.005"),
            "Find what drives the calls (a new deployment, a loop gone wrong, or someone else using the origin "
                    + "identity); if nobody owns it, revoke the principal's sessions and review the roles assumed.",
            Judgement.STATISTICAL);

    private final double k;
    private final int minCount;
    private final double alpha;
    private final int minBaselineHours;
    private final KnownAccounts accounts;

    public AssumptionRateAnomalyDetector(DetectorSettings settings) {
        this.k = settings.decimal("k", 4.0, 0.5, 100.0);
        this.minCount = settings.integer("min-count", 20, 1, 1_000_000);
        this.alpha = settings.decimal("alpha", 0.1, 0.001, 1.0);
        this.minBaselineHours = settings.integer("min-baseline-hours", 24, 0, 24 * 366);
        this.accounts = KnownAccounts.from(settings);
    }

    /** Whether the call counts towards its principal's rate: not an owner's copy of an organisation caller's call. */
    public boolean counts(Observation observation) {
        Principal principal = observation.principal();
        return !Principals.accountOnly(principal.id()) || !accounts.organization().contains(principal.accountId());
    }

    public DetectorInfo info() {
        return INFO;
    }

    /** The state after the call. */
    public AssumptionRate next(AssumptionRate before, AssumeRoleCall call) {
        return (before == null ? AssumptionRate.start(call.at()) : before).count(call.at(), alpha);
    }

    /** @param before the principal's rate before this event, or null when it never called AssumeRole* */
    public Optional<Alert> evaluate(AssumptionRate before, Observation observation) {
        Optional<AssumeRoleCall> maybeCall = observation.assumeRoleCall();
        if (maybeCall.isEmpty() || before == null || !counts(observation)) {
            return Optional.empty();
        }
        AssumeRoleCall call = maybeCall.get();
        AssumptionRate baseline = before.advanceTo(call.at(), alpha);
        if (!AssumptionRate.hourOf(call.at()).equals(baseline.hour()) || baseline.closedHours() < minBaselineHours) {
            return Optional.empty();
        }
        long calls = baseline.count() + 1;
        double spread = Math.max(baseline.standardDeviation(), Math.sqrt(baseline.mean()));
        double threshold = baseline.mean() + k * spread;
        if (!anomalous(calls, threshold) || anomalous(calls - 1, threshold)) {
            return Optional.empty();
        }
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), observation.principal().id(), observation,
                call.roleArn(),
                "over " + baseline.closedHours() + " hours, " + Texts.decimal(baseline.mean())
                        + " AssumeRole* calls per hour on average (EWMA), σ "
                        + Texts.decimal(baseline.standardDeviation())
                        + "; alarm above " + Texts.decimal(threshold) + " (mean + " + Texts.decimal(k)
                        + "·max(σ, √mean)) and from " + Texts.count(minCount, "call"),
                Texts.count(calls, "AssumeRole* call") + " in the hour from " + baseline.hour() + ", the latest for "
                        + call.roleArn()));
    }

    private boolean anomalous(long calls, double threshold) {
        return calls > threshold && calls >= minCount;
    }
}
