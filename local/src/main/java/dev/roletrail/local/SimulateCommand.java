package dev.roletrail.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.launcher.SettingsSources;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.simulator.SimulationResult;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.output.DirectorySink;
import dev.roletrail.simulator.output.S3Sink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code roletrail simulate}: a simulated organisation's CloudTrail, IAM inventory and labels, to a directory or S3. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate an AWS organisation: weeks of CloudTrail in the S3 layout (AWSLogs/...), the IAM "
                + "inventory (inventory/<account>/) and labels.json of the injected attacks. Deterministic for a seed.",
                "Exit codes: 0 done, 1 the output could not be written, 2 a wrong flag or setting."})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    SimulationOptions simulation;

    @Option(names = "--out", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "Where to write: a directory, or an S3 bucket and prefix.")
    String out;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with s3.* settings.")
    Path config;

    @Option(names = "--endpoint", description = "S3-compatible endpoint URL (setting s3.endpoint).")
    String endpoint;

    @Option(names = "--region", description = "AWS region (setting s3.region).")
    String region;

    @Option(names = "--path-style", description = "Path-style S3 addressing (setting s3.path-style).")
    Boolean pathStyle;

    @Override
    public Integer call() throws Exception {
        SimulationSpec spec = simulation.spec();
        SimulationResult result;
        if (out.startsWith("s3://")) {
            String rest = out.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isBlank()) {
                throw new InvalidConfigException("--out: no bucket in '" + out + "'");
            }
            try (S3Client s3 = S3Clients.create(IngestConfig.s3Settings(s3Settings()));
                    S3Sink sink = new S3Sink(s3, bucket, slash < 0 ? "" : rest.substring(slash + 1))) {
                result = Simulator.run(spec, sink);
            }
        } else {
            result = Simulator.run(spec, new DirectorySink(Path.of(out)));
        }
        System.out.printf("wrote %,d events (%,d of them attacks) in %,d log objects (%,d bytes), the inventory of %d "
                + "accounts and %d labels to %s%n", result.events(), result.labels().attackEvents(), result.objects(),
                result.bytes(), spec.accounts(), result.labels().labels().size(), out);
        return 0;
    }

    private Settings s3Settings() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("s3.endpoint", endpoint);
        flags.put("s3.region", region);
        flags.put("s3.path-style", pathStyle == null ? null : pathStyle.toString());
        return SettingsSources.merge(config, System.getenv(), flags);
    }
}
