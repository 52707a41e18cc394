package dev.roletrail.local;

import picocli.CommandLine.Option;

/**
 * {@code --verbose} of the local commands. {@link LocalLogging} acts on it before the command line is parsed (the
 * log destination is fixed when the first logger is made); declaring it here lets picocli accept and document it.
 */
public final class VerboseOption {

    @Option(names = LocalLogging.VERBOSE, description = "Show library and broker log lines (Kafka, S3) on the console "
            + "instead of in roletrail.log in the state directory.")
    boolean verbose;
}
