package dev.roletrail.local.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.local.analyze.AnalysisSources.S3Location;
import dev.roletrail.schemas.config.InvalidConfigException;

class AnalysisSourcesTest {

    @Test
    void shouldSortFilesStdinAndBucketsKeepingTheirOrder(@TempDir Path dir) {
        AnalysisSources sources = AnalysisSources.parse(List.of(dir.toString(), "-", "s3://trail", "s3://org/logs"));

        assertThat(sources).isEqualTo(new AnalysisSources(List.of(dir), true,
                List.of(new S3Location("trail", ""), new S3Location("org", "logs/"))));
    }

    @Test
    void shouldTakeTheTrailPrefixBeforeAWSLogsWithItsSlash() {
        assertThat(AnalysisSources.trailPrefix("")).isEmpty();
        assertThat(AnalysisSources.trailPrefix("my-trail")).isEqualTo("my-trail/");
        assertThat(AnalysisSources.trailPrefix("my-trail/")).isEqualTo("my-trail/");
        assertThat(AnalysisSources.trailPrefix("my-trail/AWSLogs/111122223333/")).isEqualTo("my-trail/");
        assertThat(AnalysisSources.trailPrefix("AWSLogs/")).isEmpty();
    }

    @Test
    void shouldRejectAMissingPathABucketlessUrlAndTwoStdins() {
        assertThat(assertThrows(InvalidConfigException.class, () -> AnalysisSources.parse(List.of("/no/such/dir"))))
                .hasMessageContaining("no such file or directory: /no/such/dir");
        assertThat(assertThrows(InvalidConfigException.class, () -> AnalysisSources.parse(List.of("s3:///x"))))
                .hasMessageContaining("no bucket");
        assertThat(assertThrows(InvalidConfigException.class, () -> AnalysisSources.parse(List.of("-", "-"))))
                .hasMessageContaining("once");
        assertThrows(InvalidConfigException.class, () -> AnalysisSources.parse(List.of()));
    }
}
