package dev.roletrail.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.control.ControlLines;

/**
 * What {@code roletrail streams} runs, in a child JVM a test controls through standard input and output, so that a
 * test can tell several instances the end of their input, as a one-off analysis tells its in-process app.
 * <p>
 * It writes {@code query-uri <uri>} once started, {@code restored <changelog partition> <store> <records>} for every
 * changelog partition it restored from, and answers {@link ControlLines} (end of input, settled). It stops cleanly
 * when standard input ends (the test ended, however) or on SIGTERM.
 */
final class StreamsChildMain {

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
            ControlLines.serve(app, in, out);
        }
        System.exit(0); // runs the shutdown hook
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
