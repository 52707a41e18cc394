package dev.roletrail.launcher;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Callable;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.launcher.report.QueryApiReports;
import dev.roletrail.launcher.report.ReportsTopicReader;
import dev.roletrail.launcher.report.S3ReportWriter;
import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.query.DataSpan;
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
            description = "ISO week, e.g. 2026-W47 (default: the newest week with data).")
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
        Set<ReportFormat> chosen = formats(formats);
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Topic<String, String> reportsTopic = new Topics(settings.string("topic.prefix", Topics.DEFAULT_PREFIX))
                .reports();
        Where where = Where.from(settings);
        QueryApiReports api = new QueryApiReports(URI.create(where.queryUrl()), where.token());
        IsoWeek asked = week == null ? null : week(week);
        Optional<IsoWeek> chosenWeek;
        if (fromTopic) {
            chosenWeek = asked != null ? Optional.of(asked)
                    : newestPublished(ReportsTopicReader.weeks(kafka(settings), reportsTopic), console, err);
        } else {
            chosenWeek = weekFromData(asked, api.dataSpan(), console, err);
        }
        if (chosenWeek.isEmpty()) {
            return 1;
        }
        IsoWeek isoWeek = chosenWeek.get();
        List<WeeklyReport> reports = fromTopic ? ReportsTopicReader.read(kafka(settings), reportsTopic, isoWeek)
                : api.fetch(isoWeek);
        if (scope != null) {
            reports = reports.stream().filter(r -> r.scope().equals(scope)).toList();
        }
        if (reports.isEmpty()) {
            err.println("roletrail report: no report of " + isoWeek
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
     * The week to write from the streams app's data: the one asked for, saying so when the data does not reach it,
     * or else the newest week with data. Empty, after saying why, when there is nothing to write.
     */
    static Optional<IsoWeek> weekFromData(IsoWeek asked, Optional<DataSpan> span, PrintWriter console,
            PrintWriter err) {
        if (asked != null) {
            IsoWeek week = asked;
            if (span.isEmpty()) {
                console.printf("Note: the streams app has observed no CloudTrail event yet; %s holds only what the "
                        + "inventory and earlier findings say.%n", week);
            } else if (!span.get().overlaps(week)) {
                console.printf("Note: %s has no data: the events seen so far run from %s to %s.%n", week,
                        span.get().firstWeek(), span.get().lastWeek());
            }
            return Optional.of(week);
        }
        if (span.isEmpty()) {
            err.println("roletrail report: the streams app has observed no CloudTrail event yet; nothing to report "
                    + "(name a week with --week to write one anyway)");
            return Optional.empty();
        }
        IsoWeek newest = span.get().lastWeek();
        console.printf("No --week given: writing %s, the newest week with data (events from %s to %s).%n", newest,
                span.get().first(), span.get().last());
        return Optional.of(newest);
    }

    /** With no --week, the week to re-render from the reports topic: the newest one published. */
    static Optional<IsoWeek> newestPublished(SortedSet<IsoWeek> published, PrintWriter console, PrintWriter err) {
        if (published.isEmpty()) {
            err.println("roletrail report: the reports topic holds no report yet");
            return Optional.empty();
        }
        console.printf("No --week given: writing %s, the newest week on the reports topic.%n", published.last());
        return Optional.of(published.last());
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
