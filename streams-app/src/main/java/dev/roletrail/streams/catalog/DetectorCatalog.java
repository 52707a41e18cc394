package dev.roletrail.streams.catalog;

import java.util.List;

import dev.roletrail.streams.burst.AssumeRoleDeniedBurstDetector;
import dev.roletrail.streams.chain.RoleChainDetector;
import dev.roletrail.streams.detect.AccessPathCreatedDetector;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.LongSessionRequestedDetector;
import dev.roletrail.streams.detect.RootActivityDetector;
import dev.roletrail.streams.detect.SensitiveRoleAssumedDetector;
import dev.roletrail.streams.detect.SensitiveRoleAssumedWithoutMfaDetector;
import dev.roletrail.streams.detect.UnknownExternalAccountDetector;
import dev.roletrail.streams.dormant.DormantCredentialReactivatedDetector;
import dev.roletrail.streams.federation.NewFederatedSubjectDetector;
import dev.roletrail.streams.keys.NewNetworkForKeyDetector;
import dev.roletrail.streams.profile.FirstTimeAssumptionDetector;
import dev.roletrail.streams.rate.AssumptionRateAnomalyDetector;
import dev.roletrail.streams.session.SessionCredentialNetworkChangeDetector;

/** Every detector RoleTrail runs, by its metadata: for validating settings up front and for documentation tests. */
public final class DetectorCatalog {

    public static final List<DetectorInfo> ALL = List.of(
            FirstTimeAssumptionDetector.INFO,
            AssumeRoleDeniedBurstDetector.INFO,
            UnknownExternalAccountDetector.INFO,
            SensitiveRoleAssumedDetector.INFO,
            RoleChainDetector.INFO,
            SessionCredentialNetworkChangeDetector.INFO,
            DormantCredentialReactivatedDetector.INFO,
            AssumptionRateAnomalyDetector.INFO,
            NewFederatedSubjectDetector.INFO,
            LongSessionRequestedDetector.INFO,
            AccessPathCreatedDetector.INFO,
            RootActivityDetector.INFO,
            NewNetworkForKeyDetector.INFO,
            SensitiveRoleAssumedWithoutMfaDetector.INFO);

    private DetectorCatalog() {
    }
}
