package dev.roletrail.local;

import java.util.List;

import dev.roletrail.launcher.RoleTrail;
import dev.roletrail.local.analyze.AnalyzeCommand;
import picocli.CommandLine;

/**
 * The {@code roletrail} command with every subcommand: the production ones and those that run the whole pipeline on
 * one machine with an in-process Kafka broker and S3 server ({@code demo}, {@code analyze}, {@code evaluate},
 * {@code simulate}). The {@code roletrail} script runs this; the Docker image runs the production jar alone.
 */
public final class LocalRoleTrail {

    private LocalRoleTrail() {
    }

    public static void main(String[] args) {
        LocalLogging.route(List.of(args));
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return RoleTrail.commandLine(new DemoCommand(), new AnalyzeCommand(), new SimulateCommand(),
                new EvaluateCommand());
    }
}
