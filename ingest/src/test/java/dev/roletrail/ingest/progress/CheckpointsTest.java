package dev.roletrail.ingest.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.ingest.IngestProgress;
import dev.roletrail.testkit.CloudTrailFiles;

class CheckpointsTest {

    private static final Instant T = Instant.parse("2026-11-20T23:50:00Z");
    private static final String STREAM = "AWSLogs/111122223333/CloudTrail/eu-west-1/";

    @Test
    void shouldStartListingTheRelistWindowBeforeTheNewestCompletedObject() {
        Checkpoints checkpoints = Checkpoints.empty(Duration.ofMinutes(15));

        checkpoints.record(new IngestProgress(id(T, "a"), 10, true));
        checkpoints.record(new IngestProgress(id(T.plus(Duration.ofMinutes(20)), "b"), 3, true));

        assertThat(checkpoints.listingStart("trail", STREAM)).contains(
                STREAM + "2026/11/20/111122223333_CloudTrail_eu-west-1_20261120T2355Z");
        assertThat(checkpoints.listingStart("trail", "AWSLogs/444455556666/CloudTrail/eu-west-1/")).isEmpty();
    }

    @Test
    void shouldForgetCompletedObjectsThatFellBehindTheWindow() {
        Checkpoints checkpoints = Checkpoints.empty(Duration.ofMinutes(15));
        checkpoints.record(new IngestProgress(id(T, "old"), 10, true));
        checkpoints.record(new IngestProgress(id(T.plus(Duration.ofMinutes(10)), "near"), 10, true));

        checkpoints.record(new IngestProgress(id(T.plus(Duration.ofMinutes(20)), "new"), 10, true));

        assertThat(checkpoints.drainForgotten()).containsExactly(id(T, "old"));
        assertThat(checkpoints.drainForgotten()).as("drained").isEmpty();
        assertThat(checkpoints.isComplete(id(T, "old"))).isFalse();
        assertThat(checkpoints.isComplete(id(T.plus(Duration.ofMinutes(10)), "near"))).isTrue();
    }

    @Test
    void shouldKeepPartialProgressAndFilesAsTheyAre() {
        Checkpoints checkpoints = new Checkpoints(Map.of(
                "/logs/a.json", new IngestProgress("/logs/a.json", 7, true),
                id(T, "partial"), new IngestProgress(id(T, "partial"), 42, false)), Duration.ofHours(1));

        assertThat(checkpoints.isComplete("/logs/a.json")).isTrue();
        assertThat(checkpoints.isComplete(id(T, "partial"))).isFalse();
        assertThat(checkpoints.recordsDone(id(T, "partial"))).isEqualTo(42);
        assertThat(checkpoints.listingStart("trail", STREAM)).as("only completed objects anchor the listing").isEmpty();
    }

    private static String id(Instant stamp, String suffix) {
        return "s3://trail/" + CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", stamp, suffix);
    }
}
