package dev.roletrail.local.analyze;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code roletrail analyze} is asked to do.
 *
 * @param sources      where the CloudTrail comes from
 * @param inventory    IAM inventory files, directories or S3 prefixes (may be empty)
 * @param stateDir     where the broker, the streams app's state and the log live between runs
 * @param out          where the weekly reports go
 * @param settings     RoleTrail settings (file, environment, flags); Kafka's and the state's are set locally
 * @param json         alerts as one JSON object per line instead of text
 * @param follow       keep reading the sources until stopped
 * @param pollInterval pause between passes when following
 */
public record AnalysisRequest(AnalysisSources sources, List<String> inventory, Path stateDir, Path out,
        Map<String, String> settings, boolean json, boolean follow, Duration pollInterval) {

    public AnalysisRequest {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(pollInterval, "pollInterval");
        inventory = List.copyOf(inventory);
        settings = Map.copyOf(settings);
    }
}
