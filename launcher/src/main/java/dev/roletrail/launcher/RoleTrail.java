package dev.roletrail.launcher;

import java.io.PrintWriter;

import dev.roletrail.schemas.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code roletrail} command of the production jar (ingest, streams, report against real Kafka and S3). The local
 * commands (demo, analyze, evaluate, simulate), which carry an in-process broker and S3 server, add themselves in the
 * {@code local} module. Errors a user can fix come out as one line naming what is wrong.
 */
@Command(name = "roletrail", mixinStandardHelpOptions = true, version = "roletrail 0.1.0",
        description = "Watches how AWS identities are really used: CloudTrail -> Kafka -> alerts.",
        subcommands = {IngestCommand.class, StreamsCommand.class, ReportCommand.class, DeadlettersCommand.class})
public final class RoleTrail implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with these more subcommands (instances of picocli {@code @Command} classes). */
    public static CommandLine commandLine(Object... moreCommands) {
        CommandLine cli = new CommandLine(new RoleTrail());
        for (Object command : moreCommands) {
            cli.addSubcommand(command);
        }
        cli.setParameterExceptionHandler((e, ignored) -> {
            PrintWriter err = e.getCommandLine().getErr();
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + e.getMessage() + " (see " + command + " --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            commandLine.getErr().println(command + ": " + oneLine(e));
            return e instanceof InvalidConfigException ? 2 : 1;
        });
        return cli;
    }

    private static String oneLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause instanceof InvalidConfigException
                ? cause.getMessage()
                : dev.roletrail.schemas.Reasons.oneLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
