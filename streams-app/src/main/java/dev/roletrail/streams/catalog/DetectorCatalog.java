package dev.roletrail.streams.detect;

import java.util.List;

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
