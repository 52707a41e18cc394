package dev.roletrail.streams.burst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.AssumeRoleCall;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

class AssumeRoleDeniedBurstDetectorTest {

    private static final String MALLORY = "arn:aws:iam::111122223333:user/mallory";
    private static final String ROLE = "arn:aws:iam::111122223333:role/Deploy";
    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

    private final AssumeRoleDeniedBurstDetector detector = detector(Map.of());

    @Test
    void shouldFireOnTheTenthDenialWithinTheWindow() {
        List<CloudTrailEvent> denials = denials(10, Duration.ofSeconds(30));

        List<Alert> fired = run(denials);

        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo("assume-role-denied-burst");
            assertThat(alert.entity()).isEqualTo(MALLORY);
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.eventIds()).containsExactly(denials.get(9).eventId());
            assertThat(alert.role()).isEqualTo(ROLE);
            assertThat(alert.baseline()).isEqualTo("fewer than 10 refused AssumeRole* calls and fewer than 5 "
                    + "distinct roles tried within 10 min");
            assertThat(alert.unusual())
                    .startsWith("10 refused AssumeRole* calls and 1 distinct role tried within 10 min");
        });
    }

    @Test
    void shouldStayQuietForOneDenialLessThanTheThreshold() {
        assertThat(run(denials(9, Duration.ofSeconds(30)))).isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheDenialsSpreadBeyondTheWindow() {
        // 10 denials 70 s apart span 630 s: any 10-minute window holds 9 of them at most.
        assertThat(run(denials(10, Duration.ofSeconds(70)))).isEmpty();
    }

    @Test
    void shouldCountDenialsDeliveredOutOfOrder() {
        List<CloudTrailEvent> shuffled = new ArrayList<>(denials(10, Duration.ofSeconds(20)));
        Collections.reverse(shuffled);
        shuffled.add(0, shuffled.remove(5));

        assertThat(run(shuffled)).as("the window ends at the latest call, not at each late one").hasSize(1);
    }

    @Test
    void shouldFireOnceForASustainedBurst() {
        assertThat(run(denials(60, Duration.ofSeconds(10)))).hasSize(1);
    }

    @Test
    void shouldFireAgainForABurstAfterTheWindowWentQuiet() {
        List<CloudTrailEvent> twoBursts = new ArrayList<>(denials(10, Duration.ofSeconds(10)));
        Instant later = T0.plus(Duration.ofHours(1));
        IntStream.range(0, 10).forEach(i -> twoBursts.add(denied(ROLE, later.plusSeconds(10L * i))));

        assertThat(run(twoBursts)).hasSize(2);
    }

    @Test
    void shouldFireForRoleEnumerationEvenWhenTheAssumptionsSucceed() {
        List<CloudTrailEvent> tries = IntStream.range(0, 5)
                .mapToObj(i -> CloudTrailEvent.byUser(MALLORY).assumeRole(role(i)).at(T0.plusSeconds(60L * i)))
                .toList();

        assertThat(run(tries)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.role()).isEqualTo(role(4));
            assertThat(alert.unusual()).contains("0 refused", "5 distinct roles", role(0), role(4));
        });
    }

    @Test
    void shouldStayQuietForFourDistinctRolesAssumedOverAndOver() {
        List<CloudTrailEvent> tries = IntStream.range(0, 40)
                .mapToObj(i -> CloudTrailEvent.byUser(MALLORY).assumeRole(role(i % 4)).at(T0.plusSeconds(10L * i)))
                .toList();

        assertThat(run(tries)).isEmpty();
    }

    @Test
    void shouldRaiseTheSeverityWhenDenialsAndEnumerationCoincide() {
        List<CloudTrailEvent> tries = new ArrayList<>();
        IntStream.range(0, 9).forEach(i -> tries.add(denied(role(i % 4), T0.plusSeconds(10L * i))));
        tries.add(denied(role(4), T0.plusSeconds(100)));

        assertThat(run(tries)).singleElement()
                .satisfies(alert -> assertThat(alert.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldIgnoreDenialsOfOtherCalls() {
        List<CloudTrailEvent> denied = IntStream.range(0, 20)
                .mapToObj(i -> CloudTrailEvent.byUser(MALLORY).call("iam.amazonaws.com", "ListRoles").denied()
                        .at(T0.plusSeconds(i)))
                .toList();

        assertThat(run(denied)).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredThresholdsAndWindow() {
        AssumeRoleDeniedBurstDetector strict = detector(Map.of(
                "detector.assume-role-denied-burst.denials", "3",
                "detector.assume-role-denied-burst.window", "1m"));

        assertThat(run(strict, denials(3, Duration.ofSeconds(20)))).hasSize(1);
        assertThat(run(strict, denials(3, Duration.ofSeconds(30))))
                .as("3 denials over 60 s: not within 1 min").isEmpty();
    }

    private List<Alert> run(List<CloudTrailEvent> events) {
        return run(detector, events);
    }

    /** What the processor does: ask the detector, then record the call if it is an AssumeRole* call. */
    private static List<Alert> run(AssumeRoleDeniedBurstDetector detector, List<CloudTrailEvent> events) {
        List<Alert> fired = new ArrayList<>();
        AssumeAttempts state = null;
        for (CloudTrailEvent event : events) {
            Observation observation = TestObservations.of(event);
            detector.evaluate(state, observation).ifPresent(fired::add);
            Optional<AssumeRoleCall> call = AssumeRoleCall.from(observation.event());
            if (call.isPresent()) {
                state = detector.next(state, call.get());
            }
        }
        return fired;
    }

    private static List<CloudTrailEvent> denials(int count, Duration apart) {
        return IntStream.range(0, count).mapToObj(i -> denied(ROLE, T0.plus(apart.multipliedBy(i)))).toList();
    }

    private static CloudTrailEvent denied(String role, Instant at) {
        return CloudTrailEvent.byUser(MALLORY).assumeRole(role).denied().at(at);
    }

    private static String role(int i) {
        return "arn:aws:iam::111122223333:role/Team" + i;
    }

    private static AssumeRoleDeniedBurstDetector detector(Map<String, String> settings) {
        return new AssumeRoleDeniedBurstDetector(
                new DetectorSettings(AssumeRoleDeniedBurstDetector.INFO.id(), Settings.of(settings)));
    }
}
