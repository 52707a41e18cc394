package dev.roletrail.benchmarks.latency;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * The latency benchmark's flags, validated once; a wrong one throws {@link InvalidConfigException} with one line
 * naming it.
 *
 * @param rates            events per second written to the bucket, one run each, in this order
 * @param duration         how long each rate's measured part lasts
 * @param warmup           before it, written but not counted (the JIT, the first polls, the app's first commits)
 * @param pollInterval     ingest's {@code ingest.poll-interval}
 * @param objectsPerSecond log objects written per second, whatever the rate (so events per object grow with it)
 * @param lateEvery        every this many-th object is delivered late, its events minutes older than the others'
 */
public record LatencyOptions(List<Integer> rates, Duration duration, Duration warmup, Duration pollInterval,
        int objectsPerSecond, int lateEvery) {

    static final Set<String> FLAGS = Set.of("--rates", "--duration", "--warmup", "--poll-interval",
            "--objects-per-second", "--late-every");

    public LatencyOptions {
        rates = List.copyOf(rates);
    }

    public static LatencyOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!FLAGS.contains(flag)) {
                throw new InvalidConfigException("unknown flag '" + flag + "' (takes " + String.join(", ",
                        FLAGS.stream().sorted().toList()) + ")");
            }
            if (i + 1 == args.length) {
                throw new InvalidConfigException(flag + " needs a value");
            }
            values.put(flag, args[++i]);
        }
        Settings settings = Settings.of(values);
        List<Integer> rates = settings.list("--rates", List.of("100", "1000", "5000")).stream()
                .map(rate -> Settings.of(Map.of("--rates", rate)).integer("--rates", 0, 1, 1_000_000)).toList();
        return new LatencyOptions(rates,
                settings.duration("--duration", Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofHours(6)),
                settings.duration("--warmup", Duration.ofSeconds(20), Duration.ZERO, Duration.ofHours(1)),
                settings.duration("--poll-interval", Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofHours(1)),
                settings.integer("--objects-per-second", 10, 1, 1_000),
                settings.integer("--late-every", 10, 1, 1_000_000));
    }
}
