package dev.roletrail.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.roletrail.launcher.alerts.AlertPrinter;
import dev.roletrail.launcher.alerts.AlertTail;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roletrail streams}: the Kafka Streams application, until stopped. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the streams app: identity state, detectors, alerts, weekly reports and the query API "
                + "(query.bind / query.port); prints committed alerts unless --quiet. Stops cleanly on SIGTERM / Ctrl-C "
                + "with exit code 0.")
final class StreamsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--application-id", description = "Kafka Streams application.id (setting streams.application.id).")
    String applicationId;

    @Option(names = "--state-dir", description = "Directory for local state (setting streams.state.dir).")
    String stateDir;

    @Option(names = "--learning-period", description = "Learning period of first-time detectors, e.g. 14d (setting detector.learning-period).")
    String learningPeriod;

    @Option(names = "--quiet", description = "Do not print committed alerts on the console.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        flags.put("streams.application.id", applicationId);
        flags.put("streams.state.dir", stateDir);
        flags.put("detector.learning-period", learningPeriod);
        Settings settings = common.settings(flags);
        StreamsAppConfig config = StreamsAppConfig.from(settings);
        TopicSetup.ensure(config.kafka(), config.topics(), TopicSetup.Creation.from(settings));
        CountDownLatch stopRequested = new CountDownLatch(1);
        try (CleanStop cleanStop = CleanStop.onSignal(stopRequested::countDown)) {
            StreamsApp app = StreamsApp.withQueryApi(config);
            try {
                app.start();
                app.queryUri().ifPresent(uri -> System.out.println("Query API at " + uri));
                // Alerts committed from now on: the console shows what this run raises, not the topic's history.
                try (AlertTail alerts = quiet ? null : new AlertTail(config.kafka(), config.topics().alerts(),
                        AlertPrinter.text(System.out), false).start()) {
                    stopRequested.await();
                }
            } finally {
                app.close();
            }
            return cleanStop.finished(0);
        }
    }
}
