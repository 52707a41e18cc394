package dev.roletrail.launcher;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.launcher.report.QueryApiReports;
import dev.roletrail.launcher.report.ReportsTopicReader;
import dev.roletrail.launcher.report.S3ReportWriter;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.ReportFiles;
import dev.roletrail.streams.report.ReportFormat;
import dev.roletrail.streams.report.WeeklyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code roletrail report}: writes a week's reports as files. By default it asks a running streams app's query API,
 * which has every instance's state and answers with the published reports or builds them on the spot; with
 * {@code --from-topic} it re-renders what the reports topic holds, which needs only Kafka. Reports are built in the
 * streams app and never here, so the command and the weekly job give the same document.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the weekly report (HTML, Markdown, JSON, CSV) of an ISO week to a directory or S3 prefix.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--week", paramLabel = "YYYY-Www",
            description = "ISO week, e.g. 2026-W47 (default: the last complete week, UTC).")
    String week;

    @Option(names = "--out", paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "Where to write (setting report.out; default ./reports).")
    String out;

    @Option(names = "--scope", paramLabel = "org|ACCOUNT",
            description = "Only the organisation's report or one account's (default: all).")
    String scope;

    @Option(names = "--formats", paramLabel = "html,md,json,csv", description = "Formats (default: all four).")
    String formats;

    @Option(names = "--query-url", paramLabel = "URL",
            description = "The streams app's query API (setting report.query-url; default http://127.0.0.1:8480).")
    String queryUrl;

    @Option(names = "--from-topic", description = "Re-render the week from the reports topic instead of the query API.")
    boolean fromTopic;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        flags.put("report.out", out);
        flags.put("report.query-url", queryUrl);
        Settings settings = common.settings(flags);
        Where where = Where.from(settings);
        IsoWeek isoWeek = week(week);
        Set<ReportFormat> chosen = formats(formats);
        List<WeeklyReport> reports = fromTopic
                ? ReportsTopicReader.read(kafka(settings), new Topics(settings.string("topic.prefix",
                        Topics.DEFAULT_PREFIX)).reports(), isoWeek)
                : new QueryApiReports(URI.create(where.queryUrl()), where.token()).fetch(isoWeek);
        if (scope != null) {
            reports = reports.stream().filter(r -> r.scope().equals(scope)).toList();
        }
        PrintWriter console = spec.commandLine().getOut();
        if (reports.isEmpty()) {
            spec.commandLine().getErr().println("roletrail report: no report of " + isoWeek
                    + (scope == null ? "" : " for scope " + scope) + (fromTopic ? " on the reports topic" : ""));
            return 1;
        }
        String destination = where.out();
        List<String> written = new ArrayList<>();
        if (destination.startsWith("s3://")) {
            URI uri = URI.create(destination);
            try (var s3 = S3Clients.create(IngestConfig.s3Settings(settings))) {
                String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
                written.addAll(S3ReportWriter.write(s3, uri.getHost(), prefix, reports, chosen));
            }
        } else {
            ReportFiles.write(Path.of(destination), reports, chosen).forEach(p -> written.add(p.toString()));
        }
        console.printf("Wrote %d reports of %s (%d files), e.g. %s%n", reports.size(), isoWeek, written.size(),
                written.get(0));
        return 0;
    }

    private static Properties kafka(Settings settings) {
        Properties kafka = settings.kafkaProperties();
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        return kafka;
    }

    /**
     * Where reports come from and go to: the query API ({@code report.query-url}, with {@code query.token}) and the
     * destination ({@code report.out}: a directory or {@code s3://bucket/prefix}).
     */
    record Where(String queryUrl, String token, String out) {

        static Where from(Settings settings) {
            return new Where(settings.string("report.query-url", "http://127.0.0.1:8480"),
                    settings.string("query.token", null), settings.string("report.out", "reports"));
        }
    }

    static IsoWeek week(String text) {
        if (text == null) {
            return IsoWeek.of(Clock.systemUTC().instant()).previous();
        }
        try {
            return IsoWeek.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("--week: " + e.getMessage());
        }
    }

    static Set<ReportFormat> formats(String text) {
        if (text == null) {
            return EnumSet.allOf(ReportFormat.class);
        }
        Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        for (String name : text.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            chosen.add(EnumSet.allOf(ReportFormat.class).stream().filter(f -> f.extension().equals(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidConfigException("--formats: unknown format '" + wanted
                            + "' (html, md, json, csv)")));
        }
        return chosen;
    }
}
