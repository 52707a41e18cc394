package dev.roletrail.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateRestoreListener;

import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;

/**
 * What {@code roletrail streams} runs, in a child JVM a test controls through standard input and output, so that a
 * test can tell several instances the end of their input, as a one-off analysis tells its in-process app.
 * <p>
 * It writes {@code query-uri <uri>} once started, {@code restored <changelog partition> <store> <records>} for every
 * changelog partition it restored from, {@code held-events 0} once told {@code end-of-input} and its held calls
 * went on, and, asked {@code findings-settled <n>}, {@code findings-settled <n> true} or {@code false}
 * ({@link StreamsApp#findingsSettled()}). It stops cleanly when standard input ends (the test ended, however) or on
 * SIGTERM.
 */
final class StreamsChildMain {

    private static final Duration HELD_EVENTS_POLL = Duration.ofMillis(200);

    private StreamsChildMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        StreamsAppConfig config = StreamsAppConfig.from(SettingsSources.merge(Path.of(args[0]), Map.of(), Map.of()));
        StreamsApp app = StreamsApp.withQueryApi(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "close-streams-app"));
        app.streams().setGlobalStateRestoreListener(new RestoreReport(out, config.applicationId()));
        app.start();
        out.println("query-uri " + app.queryUri().orElseThrow());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("end-of-input")) {
                    app.endOfInput();
                    awaitNothingHeld(app);
                    out.println("held-events 0");
                } else if (line.startsWith("findings-settled ")) {
                    out.println(line + " " + app.findingsSettled());
                }
            }
        }
        System.exit(0); // runs the shutdown hook
    }

    private static void awaitNothingHeld(StreamsApp app) throws InterruptedException {
        while (true) {
            try {
                if (app.heldEvents() == 0) {
                    return;
                }
            } catch (InvalidStateStoreException rebalancing) {
                // asked again below
            }
            Thread.sleep(HELD_EVENTS_POLL.toMillis());
        }
    }

    /** Reports restorations from this app's changelogs (global stores restore from their topics at every start). */
    private record RestoreReport(PrintStream out, String applicationId) implements StateRestoreListener {

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
            if (partition.topic().startsWith(applicationId + "-") && partition.topic().endsWith("-changelog")) {
                out.println("restored " + partition + " " + store + " " + totalRestored);
            }
        }
    }
}
