package dev.roletrail.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the log lines of the local commands go. They run a Kafka broker, Kafka clients and an S3 server in the same
 * process, whose WARN lines (retried transactions, rebalances, state directory notes) mean nothing to someone reading
 * alerts: by default every log line goes to {@code roletrail.log} in the state directory and the console keeps
 * RoleTrail's own output; {@code --verbose} leaves the log on the console (stderr).
 *
 * <p>slf4j-simple reads its settings once, when the first logger is made, so this runs first in {@code main}, on the
 * raw arguments, before picocli or any Kafka class loads.
 */
public final class LocalLogging {

    static final String VERBOSE = "--verbose";
    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    static final String LOG_FILE = "roletrail.log";
    /** Where the local commands keep their state, and so their log, unless told otherwise. */
    public static final String DEFAULT_STATE_DIR = ".roletrail";

    private static final Set<String> LOCAL_COMMANDS = Set.of("demo", "analyze", "evaluate");
    private static final Set<String> NO_RUN = Set.of("--help", "-h", "--version", "-V");

    private LocalLogging() {
    }

    /** The log file the arguments ask for: none for a production command, {@code --verbose}, or help. */
    static Optional<Path> logFile(List<String> args) {
        if (args.isEmpty() || !LOCAL_COMMANDS.contains(args.get(0)) || args.contains(VERBOSE)
                || args.stream().anyMatch(NO_RUN::contains)) {
            return Optional.empty();
        }
        Path stateDir = Path.of(DEFAULT_STATE_DIR);
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--state-dir") && i + 1 < args.size()) {
                stateDir = Path.of(args.get(i + 1));
            } else if (arg.startsWith("--state-dir=")) {
                stateDir = Path.of(arg.substring("--state-dir=".length()));
            }
        }
        return Optional.of(stateDir.resolve(LOG_FILE));
    }

    /**
     * Sends the log to the file the arguments ask for, if any, and returns it; empty (logging unchanged) when there is
     * none or it cannot be created, which then is said on stderr.
     */
    static Optional<Path> route(List<String> args) {
        Optional<Path> file = logFile(args);
        if (file.isEmpty()) {
            return file;
        }
        try {
            Path parent = file.get().toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            System.err.println("roletrail: cannot create " + file.get() + " (" + e.getMessage()
                    + "); library log lines stay on the console");
            return Optional.empty();
        }
        System.setProperty(LOG_FILE_PROPERTY, file.get().toString());
        return file;
    }

    /** The line a local command prints at start, naming the log file, when the log goes to one. */
    public static Optional<String> startLine() {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        if (file == null || file.equals("System.err") || file.equals("System.out")) {
            return Optional.empty();
        }
        return Optional.of("Library and broker log in " + file + " (" + VERBOSE + " shows it here)");
    }
}
