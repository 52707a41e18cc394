package dev.roletrail.streams.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.AssumeRoleCall;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

class AssumptionRateAnomalyDetectorTest {

    private static final String PIPELINE = "arn:aws:iam::111122223333:role/Pipeline";
    private static final String TARGET = "arn:aws:iam::111122223333:role/Deploy";
    private static final String TARGET_ELSEWHERE = "arn:aws:iam::444455556666:role/Deploy";
    private static final Instant HOUR = Instant.parse("2026-11-20T12:00:00Z");

    private final AssumptionRateAnomalyDetector detector = detector(Map.of());

    @Test
    void shouldFireOnTheCallThatTakesTheHourAboveMeanPlusKSigma() {
        // μ = 10, σ = 3, √μ ≈ 3.16: threshold 10 + 4 · 3.16 ≈ 22.6, so the 23rd call of the hour crosses it.
        AssumptionRate baseline = new AssumptionRate(HOUR, 22, 10, 9, 48);

        assertThat(detector.evaluate(baseline, assume(HOUR.plusSeconds(1800)))).hasValueSatisfying(alert -> {
            assertThat(alert.detector()).isEqualTo("assumption-rate-anomaly");
            assertThat(alert.entity()).isEqualTo(PIPELINE);
            assertThat(alert.role()).isEqualTo(TARGET);
            assertThat(alert.baseline()).isEqualTo("over 48 hours, 10.0 AssumeRole* calls per hour on average (EWMA), "
                    + "σ 3.0; alarm above 22.6 (mean + 4.0·max(σ, √mean)) and from 20 calls");
            assertThat(alert.unusual()).isEqualTo("23 AssumeRole* calls in the hour from 2026-11-20T12:00:00Z, "
                    + "the latest for " + TARGET);
        });
        assertThat(detector.evaluate(new AssumptionRate(HOUR, 21, 10, 9, 48), assume(HOUR.plusSeconds(1800))))
                .as("22 calls, below the threshold").isEmpty();
        assertThat(detector.evaluate(new AssumptionRate(HOUR, 23, 10, 9, 48), assume(HOUR.plusSeconds(1800))))
                .as("24 calls: already reported this hour").isEmpty();
    }

    /**
     * The role owner's copy of a cross-account AssumeRole names the caller's account alone: for an organisation
     * account the caller's own copy counts under the caller, so the owner's copies count for nobody; for an account
     * outside the organisation they are all there is.
     */
    @Test
    void shouldNotCountTheOwnersCopiesOfAnOrganisationAccountsCallsButAnOutsidersStill() {
        AssumptionRateAnomalyDetector inOrganisation = detector(Map.of("org.accounts", "111122223333,444455556666"));
        AssumptionRate busy = new AssumptionRate(HOUR, 22, 10, 9, 48);
        Observation ownersCopy = TestObservations.of(CloudTrailEvent.byAccount("111122223333")
                .recipient("444455556666").assumeRole(TARGET_ELSEWHERE).at(HOUR.plusSeconds(1800)));
        Observation outsidersCall = TestObservations.of(CloudTrailEvent.byAccount("999988887777")
                .recipient("444455556666").assumeRole(TARGET_ELSEWHERE).at(HOUR.plusSeconds(1800)));

        assertThat(inOrganisation.counts(ownersCopy)).isFalse();
        assertThat(inOrganisation.evaluate(busy, ownersCopy)).isEmpty();
        assertThat(inOrganisation.counts(outsidersCall)).isTrue();
        assertThat(inOrganisation.evaluate(busy, outsidersCall)).hasValueSatisfying(alert ->
                assertThat(alert.entity()).isEqualTo("account:999988887777"));
        assertThat(inOrganisation.counts(assume(HOUR))).as("a principal of its own").isTrue();
        assertThat(detector.counts(ownersCopy)).as("no org.accounts: nothing says the caller's copy is read").isTrue();
    }

    @Test
    void shouldFireExactlyAtTheMinimumCountAndNotBelow() {
        AssumptionRate quiet = new AssumptionRate(HOUR, 18, 1, 0.25, 48);

        assertThat(detector.evaluate(quiet, assume(HOUR.plusSeconds(60)))).as("19 calls").isEmpty();
        assertThat(detector.evaluate(new AssumptionRate(HOUR, 19, 1, 0.25, 48), assume(HOUR.plusSeconds(60))))
                .as("20 calls").isPresent();
    }

    @Test
    void shouldStayQuietUntilTheBaselineHoldsEnoughHours() {
        assertThat(detector.evaluate(new AssumptionRate(HOUR, 99, 1, 0.25, 23), assume(HOUR.plusSeconds(60))))
                .as("23 hours of baseline").isEmpty();
        assertThat(detector.evaluate(null, assume(HOUR))).isEmpty();
    }

    @Test
    void shouldNotCountACallForAnHourAlreadyClosed() {
        AssumptionRate current = new AssumptionRate(HOUR, 0, 1, 0.25, 48);
        Observation late = assume(HOUR.minusSeconds(60));

        assertThat(detector.evaluate(new AssumptionRate(HOUR, 19, 1, 0.25, 48), late)).isEmpty();
        assertThat(detector.next(current, call(late))).isEqualTo(current);
    }

    @Test
    void shouldCloseEmptyHoursIntoTheBaselineAsZero() {
        AssumptionRate tenCalls = new AssumptionRate(HOUR, 10, 10, 0, 30);

        AssumptionRate threeHoursLater = tenCalls.advanceTo(HOUR.plus(Duration.ofHours(3)).plusSeconds(5), 0.1);

        assertThat(threeHoursLater.hour()).isEqualTo(HOUR.plus(Duration.ofHours(3)));
        assertThat(threeHoursLater.count()).isZero();
        assertThat(threeHoursLater.closedHours()).isEqualTo(33);
        // The hour with 10 calls leaves μ = 10, σ² = 0; then two empty hours: μ = 9, 8.1 and σ² = 9, 15.39.
        assertThat(threeHoursLater.mean()).isCloseTo(8.1, within(1e-9));
        assertThat(threeHoursLater.variance()).isCloseTo(15.39, within(1e-9));
    }

    @Test
    void shouldFireOnceForASpikeAfterDaysOfSteadyCallsAndAQuietNight() {
        List<Observation> calls = new ArrayList<>();
        Instant start = HOUR.minus(Duration.ofDays(3));
        for (int hour = 0; hour < 48; hour++) {
            calls.add(assume(start.plus(Duration.ofHours(hour)).plusSeconds(60)));
            calls.add(assume(start.plus(Duration.ofHours(hour)).plusSeconds(1800)));
        }
        for (int i = 0; i < 30; i++) {
            calls.add(assume(HOUR.plusSeconds(60L * i)));
        }

        List<Alert> fired = run(calls);

        assertThat(fired).singleElement().satisfies(
                alert -> assertThat(alert.unusual()).startsWith("20 AssumeRole* calls in the hour from " + HOUR));
    }

    @Test
    void shouldStayQuietForASteadyRate() {
        List<Observation> calls = new ArrayList<>();
        for (int hour = 0; hour < 72; hour++) {
            for (int i = 0; i < 25 + hour % 5; i++) {
                calls.add(assume(HOUR.plus(Duration.ofHours(hour)).plusSeconds(100L * i)));
            }
        }

        assertThat(run(calls)).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredParameters() {
        AssumptionRateAnomalyDetector sensitive = detector(Map.of(
                "detector.assumption-rate-anomaly.k", "1",
                "detector.assumption-rate-anomaly.min-count", "5",
                "detector.assumption-rate-anomaly.min-baseline-hours", "2",
                "detector.assumption-rate-anomaly.alpha", "0.5"));

        assertThat(sensitive.evaluate(new AssumptionRate(HOUR, 4, 1, 0, 2), assume(HOUR.plusSeconds(60)))).isPresent();
    }

    private List<Alert> run(List<Observation> calls) {
        List<Alert> fired = new ArrayList<>();
        AssumptionRate state = null;
        for (Observation observation : calls) {
            detector.evaluate(state, observation).ifPresent(fired::add);
            state = detector.next(state, call(observation));
        }
        return fired;
    }

    private static Observation assume(Instant at) {
        return TestObservations.of(CloudTrailEvent.byRoleSession(PIPELINE, "run").assumeRole(TARGET).at(at));
    }

    private static AssumeRoleCall call(Observation observation) {
        return AssumeRoleCall.from(observation.event()).orElseThrow();
    }

    private static AssumptionRateAnomalyDetector detector(Map<String, String> settings) {
        return new AssumptionRateAnomalyDetector(
                new DetectorSettings(AssumptionRateAnomalyDetector.INFO.id(), Settings.of(settings)));
    }
}
