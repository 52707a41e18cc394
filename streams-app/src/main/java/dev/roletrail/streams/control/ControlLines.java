package dev.roletrail.streams.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import dev.roletrail.streams.StreamsApp;

/**
 * The line protocol through which a test or benchmark controls a streams app in a child JVM, as a one-off analysis
 * controls its app in process: told {@value #END_OF_INPUT}, the app ends its input and, once its held calls went on,
 * answers {@value #NOTHING_HELD}; asked {@code settled <n>}, it answers {@code settled <n> true} or {@code false}
 * ({@link StreamsApp#settled()}; the number tells an answer from earlier ones). Other lines are ignored.
 */
public final class ControlLines {

    public static final String END_OF_INPUT = "end-of-input";
    /** The answer's first word: a child reader that splits a line at its first space finds the count after it. */
    public static final String HELD_EVENTS = "held-events";
    public static final String NOTHING_HELD = HELD_EVENTS + " 0";
    public static final String SETTLED = "settled";

    private static final Duration HELD_EVENTS_POLL = Duration.ofMillis(200);

    private ControlLines() {
    }

    /** The question {@code settled <number>}; its answer starts with it. */
    public static String settledQuestion(long number) {
        return SETTLED + " " + number;
    }

    /** Answers the commands read from {@code in} until it ends. */
    public static void serve(StreamsApp app, BufferedReader in, PrintStream out)
            throws IOException, InterruptedException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(END_OF_INPUT)) {
                app.endOfInput();
                awaitNothingHeld(app);
                out.println(NOTHING_HELD);
            } else if (line.startsWith(SETTLED + " ")) {
                out.println(line + " " + app.settled());
            }
        }
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
}
