package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.testkit.CloudTrailSamples;

/**
 * Every Stratus Red Team detonation through every stateless detector, each file with its own account as the
 * organisation: which detectors fire for which file, and that all others stay silent.
 */
class StatelessDetectorsCorpusTest {

    private static final Set<String> ACCESS_PATH = Set.of(AccessPathCreatedDetector.INFO.id());

    /** Files not listed here must raise nothing. */
    private static final Map<String, Set<String>> EXPECTED = Map.of(
            "aws.persistence.iam-backdoor-user.json", ACCESS_PATH,
            "aws.persistence.iam-create-user-login-profile.json", ACCESS_PATH,
            "aws.persistence.iam-backdoor-role.json", ACCESS_PATH,
            "aws.persistence.iam-create-backdoor-role.json", ACCESS_PATH,
            "aws.persistence.iam-create-admin-user.json", ACCESS_PATH,
            "aws.privilege-escalation.iam-update-user-login-profile.json", ACCESS_PATH,
            "aws.initial-access.console-login-without-mfa.json",
            Set.of(SensitiveRoleAssumedWithoutMfaDetector.INFO.id()));

    @Test
    void shouldFireExactlyTheExpectedDetectorsForEachStratusDetonation() {
        Map<String, Set<String>> fired = new TreeMap<>();
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            StatelessDetectors detectors = DetectorCatalog.stateless(StratusObservations.settings(file));
            Set<String> ids = new TreeSet<>();
            StratusObservations.of(file)
                    .forEach(o -> detectors.apply(o).stream().map(Alert::detector).forEach(ids::add));
            fired.put(file, ids);
            expected.put(file, new TreeSet<>(EXPECTED.getOrDefault(file, Set.of())));
        }

        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void shouldRegisterTheFiveStatelessDetectors() {
        assertThat(DetectorCatalog.stateless(Settings.of(Map.of())).infos())
                .extracting(DetectorInfo::id)
                .contains("unknown-external-account", "sensitive-role-assumed", "long-session-requested",
                        "access-path-created", "root-activity");
    }
}
