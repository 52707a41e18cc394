package dev.roletrail.benchmarks.chaos;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.control.ControlLines;

/**
 * What {@code roletrail streams --config <settings>} runs, in a child JVM that {@link ChaosRun} kills with SIGKILL and
 * controls through standard input ({@link ControlLines}: end of input, settled), as a one-off analysis controls its
 * in-process app; it also writes {@code running} whenever Kafka Streams reaches RUNNING. It stops cleanly when
 * standard input ends or on SIGTERM.
 */
public final class ControlledStreams {

    static final String RUNNING = "running";

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
            ControlLines.serve(app, in, out);
        }
        System.exit(0); // runs the shutdown hook
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
