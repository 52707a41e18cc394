package dev.roletrail.streams.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.testkit.CloudTrailEvent;

class AssumerReportCodecTest {

    private static final String ALICE = "arn:aws:iam::444455556666:user/alice";
    private static final String ROLE = "arn:aws:iam::111122223333:role/Deploy";
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void shouldKeepAReportWholeWithAndWithoutItsCandidateAlert() {
        Alert candidate = AlertFactory.alert(DetectorCatalog.ALL.get(0), DetectorCatalog.ALL.get(0).severity(),
                ALICE + " -> " + ROLE, TestObservations.of(CloudTrailEvent.byUser(ALICE).assumeRole(ROLE).at(AT)),
                ROLE, "baseline", "unusual");
        for (AssumerReport report : List.of(
                new AssumerReport(ROLE, ALICE, "444455556666/IAM_USER", AT, candidate, true),
                new AssumerReport(ROLE, ALICE, null, AT, null, false))) {
            byte[] bytes = AssumerReportCodec.serde().serializer().serialize("t", report);
            byte[] cbor = StateSerde.of(AssumerReport.class).serializer().serialize("t", report);

            assertThat(AssumerReportCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(report);
            assertThat(AssumerReportCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(report);
        }
    }
}
