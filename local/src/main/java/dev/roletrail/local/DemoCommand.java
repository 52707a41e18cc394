package dev.roletrail.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.roletrail.local.demo.Demo;
import dev.roletrail.schemas.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roletrail demo}: the whole pipeline in one process on a simulated organisation. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a Kafka broker and an S3 server in-process, seed a simulated organisation's CloudTrail, "
                + "run ingest and the streams app, and print alerts as they arrive. Stops on Ctrl-C or after --duration.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Option(names = "--duration", description = "Stop after this long, e.g. 60s or 5m (default: run until Ctrl-C).")
    String duration;

    @Option(names = "--seed", description = "Seed of the simulated organisation (default ${DEFAULT-VALUE}).",
            defaultValue = "7")
    long seed;

    @Option(names = "--report-dir", description = "Where the weekly report is written on exit (default ${DEFAULT-VALUE}).",
            defaultValue = "roletrail-demo-report")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        Duration runFor = Settings.of(duration == null ? java.util.Map.of() : java.util.Map.of("--duration", duration))
                .duration("--duration", Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // On Ctrl-C the JVM only waits for shutdown hooks, so the hook waits until the demo has closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.countDown();
            awaitQuietly(closed);
        }, "roletrail-demo-stop"));
        Demo demo = new Demo(System.out);
        try {
            demo.start(seed);
            System.out.println(runFor.isZero() ? "Running; press Ctrl-C to stop."
                    : "Running for " + runFor.toSeconds() + " s; Ctrl-C stops earlier.");
            if (runFor.isZero()) {
                interrupted.await();
            } else {
                interrupted.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            System.out.printf("Stopping: %d alerts printed.%n", demo.alertsPrinted());
            writeReport(demo);
            demo.close();
            closed.countDown();
        }
        return 0;
    }

    private void writeReport(Demo demo) {
        try {
            List<Path> files = demo.writeReport(reportDir);
            if (!files.isEmpty()) {
                System.out.printf("Weekly report: %s (and %d more files)%n", files.get(0).toAbsolutePath(),
                        files.size() - 1);
            }
        } catch (IOException | RuntimeException e) {
            // Stopping must go on: a report the demo could not write is told, not fatal.
            System.out.println("Weekly report not written: " + e.getMessage());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
