package dev.roletrail.streams.report;

import java.util.function.Function;

/** The formats a weekly report is written in, with their file extensions. */
public enum ReportFormat {
    HTML("html", HtmlReport::render),
    MARKDOWN("md", MarkdownReport::render),
    JSON("json", JsonReport::render),
    CSV("csv", CsvReport::render);

    private final String extension;
    private final Function<WeeklyReport, String> renderer;

    ReportFormat(String extension, Function<WeeklyReport, String> renderer) {
        this.extension = extension;
        this.renderer = renderer;
    }

    public String extension() {
        return extension;
    }

    public String render(WeeklyReport report) {
        return renderer.apply(report);
    }

    /** {@code 2026-W47/org.html}: one folder per week, one file per scope and format. */
    public String fileName(WeeklyReport report) {
        return report.week() + "/" + report.scope() + "." + extension;
    }
}
