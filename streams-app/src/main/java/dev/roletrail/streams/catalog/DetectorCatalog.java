package dev.roletrail.streams.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.burst.AssumeRoleDeniedBurstDetector;
import dev.roletrail.streams.chain.RoleChainDetector;
import dev.roletrail.streams.detect.AccessPathCreatedDetector;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.EventDetector;
import dev.roletrail.streams.detect.LongSessionRequestedDetector;
import dev.roletrail.streams.detect.RootActivityDetector;
import dev.roletrail.streams.detect.SensitiveRoleAssumedDetector;
import dev.roletrail.streams.detect.SensitiveRoleAssumedWithoutMfaDetector;
import dev.roletrail.streams.detect.SensitiveRoles;
import dev.roletrail.streams.detect.StatelessDetectors;
import dev.roletrail.streams.detect.UnknownExternalAccountDetector;
import dev.roletrail.streams.dormant.DormantCredentialReactivatedDetector;
import dev.roletrail.streams.federation.NewFederatedSubjectDetector;
import dev.roletrail.streams.keys.NewNetworkForKeyDetector;
import dev.roletrail.streams.profile.FirstTimeAssumptionDetector;
import dev.roletrail.streams.rate.AssumptionRateAnomalyDetector;
import dev.roletrail.streams.session.SessionCredentialNetworkChangeDetector;

/**
 * Every detector RoleTrail runs, in one list: its metadata (for the alert policy, validating settings up front,
 * documentation and evaluation checks) and, for a detector that judges each event alone, how it is built from its
 * settings. A stateful detector is built by the topology, next to the processor that holds the state it reads.
 * <p>
 * This package sits above every detector's package, so it may name them all; nothing below imports it.
 */
public final class DetectorCatalog {

    private static final List<Entry> ENTRIES = List.of(
            stateful(FirstTimeAssumptionDetector.INFO),
            stateful(AssumeRoleDeniedBurstDetector.INFO),
            stateless(UnknownExternalAccountDetector.INFO, UnknownExternalAccountDetector::new),
            stateless(SensitiveRoleAssumedDetector.INFO, SensitiveRoleAssumedDetector::new),
            stateful(RoleChainDetector.INFO),
            stateful(SessionCredentialNetworkChangeDetector.INFO),
            stateful(DormantCredentialReactivatedDetector.INFO),
            stateful(AssumptionRateAnomalyDetector.INFO),
            stateful(NewFederatedSubjectDetector.INFO),
            stateless(LongSessionRequestedDetector.INFO, LongSessionRequestedDetector::new),
            stateless(AccessPathCreatedDetector.INFO, AccessPathCreatedDetector::new),
            stateless(RootActivityDetector.INFO, settings -> new RootActivityDetector()),
            stateful(NewNetworkForKeyDetector.INFO),
            stateless(SensitiveRoleAssumedWithoutMfaDetector.INFO,
                    settings -> new SensitiveRoleAssumedWithoutMfaDetector(SensitiveRoles.from(settings.settings()))));

    /** Every detector, by its metadata. */
    public static final List<DetectorInfo> ALL = ENTRIES.stream().map(Entry::info).toList();

    private DetectorCatalog() {
    }

    /** Every stateless detector of the catalogue, in its order, configured from the settings. */
    public static StatelessDetectors stateless(Settings settings) {
        return new StatelessDetectors(ENTRIES.stream()
                .flatMap(entry -> entry.build().map(build -> build.apply(new DetectorSettings(entry.info().id(),
                        settings))).stream())
                .toList());
    }

    private static Entry stateful(DetectorInfo info) {
        return new Entry(info, Optional.empty());
    }

    private static Entry stateless(DetectorInfo info, Function<DetectorSettings, EventDetector> build) {
        return new Entry(info, Optional.of(build));
    }

    /** A detector's metadata and, when it judges each event alone, how it is built from its settings. */
    private record Entry(DetectorInfo info, Optional<Function<DetectorSettings, EventDetector>> build) {
    }
}
