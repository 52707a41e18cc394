package dev.roletrail.streams.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.detect.AccessPathCreatedDetector;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.LongSessionRequestedDetector;
import dev.roletrail.streams.detect.RootActivityDetector;
import dev.roletrail.streams.detect.SensitiveRoleAssumedDetector;
import dev.roletrail.streams.detect.SensitiveRoleAssumedWithoutMfaDetector;
import dev.roletrail.streams.detect.UnknownExternalAccountDetector;

class DetectorCatalogTest {

    @Test
    void shouldListFourteenDetectorsUnderDistinctIds() {
        assertThat(DetectorCatalog.ALL).extracting(DetectorInfo::id).doesNotHaveDuplicates().hasSize(14);
    }

    @Test
    void shouldBuildTheStatelessDetectorsInTheCataloguesOrder() {
        assertThat(DetectorCatalog.stateless(Settings.of(Map.of())).infos())
                .as("each built detector reports the metadata it is catalogued under; alerts come out in this order")
                .containsExactly(UnknownExternalAccountDetector.INFO, SensitiveRoleAssumedDetector.INFO,
                        LongSessionRequestedDetector.INFO, AccessPathCreatedDetector.INFO, RootActivityDetector.INFO,
                        SensitiveRoleAssumedWithoutMfaDetector.INFO);
    }
}
