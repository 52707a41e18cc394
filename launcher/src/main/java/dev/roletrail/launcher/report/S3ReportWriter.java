package dev.roletrail.launcher.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.roletrail.streams.report.ReportFormat;
import dev.roletrail.streams.report.WeeklyReport;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes reports under an S3 prefix: {@code s3://bucket/prefix/<iso-week>/<scope>.<ext>}, as the directory does. */
public final class S3ReportWriter {

    private S3ReportWriter() {
    }

    /** @return the {@code s3://} URIs written */
    public static List<String> write(S3Client s3, String bucket, String prefix, List<WeeklyReport> reports,
            Set<ReportFormat> formats) {
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        List<String> written = new ArrayList<>();
        for (WeeklyReport report : reports) {
            for (ReportFormat format : formats) {
                String key = base + format.fileName(report);
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(format)),
                        RequestBody.fromString(format.render(report), StandardCharsets.UTF_8));
                written.add("s3://" + bucket + "/" + key);
            }
        }
        return written;
    }

    private static String contentType(ReportFormat format) {
        return switch (format) {
            case HTML -> "text/html; charset=utf-8";
            case MARKDOWN -> "text/markdown; charset=utf-8";
            case JSON -> "application/json";
            case CSV -> "text/csv; charset=utf-8";
        };
    }
}
