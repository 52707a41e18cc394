package dev.roletrail.benchmarks.chaos;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;

/**
 * What {@code roletrail streams --config <settings>} runs, in a child JVM that {@link ChaosRun} kills with SIGKILL and
 * tells the end of its input through standard input, as a one-off analysis tells its in-process app: it writes
 * {@code running} whenever Kafka Streams reaches RUNNING, and on the line {@code end-of-input} tells the app that no
 * input will come any more and writes {@code held-events 0} once no call is held for its session; asked
 * {@code findings-settled <n>}, it answers {@code findings-settled <n> true} or {@code false}
 * ({@link StreamsApp#findingsSettled()}). It stops cleanly
 * when standard input ends or on SIGTERM.
 */
public final class ControlledStreams {

    static final String RUNNING = "running";
    static final String END_OF_INPUT = "end-of-input";
    static final String NOTHING_HELD = "held-events 0";
    static final String FINDINGS_SETTLED = "findings-settled";

    private static final Duration HELD_EVENTS_POLL = Duration.ofMillis(200);

    private ControlledStreams() {
    }

    public static void main(String[] args) throws Exception {
        StreamsAppConfig config = StreamsAppConfig.from(Settings.of(read(Path.of(args[0]))));
        PrintStream out = System.out;
        StreamsApp app = new StreamsApp(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "close-streams-app"));
        app.streams().setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                out.println(RUNNING);
            }
        });
        app.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(END_OF_INPUT)) {
                    app.endOfInput();
                    awaitNothingHeld(app);
                    out.println(NOTHING_HELD);
                } else if (line.startsWith(FINDINGS_SETTLED + " ")) {
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

    private static Map<String, String> read(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
