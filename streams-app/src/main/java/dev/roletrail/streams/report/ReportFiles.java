package dev.roletrail.streams.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes reports into a directory: {@code <dir>/<iso-week>/<scope>.<ext>}, one file per scope and format. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static List<Path> write(Path dir, List<WeeklyReport> reports, Set<ReportFormat> formats) throws IOException {
        List<Path> written = new ArrayList<>();
        for (WeeklyReport report : reports) {
            for (ReportFormat format : formats) {
                Path file = dir.resolve(format.fileName(report));
                Files.createDirectories(file.getParent());
                Files.writeString(file, format.render(report), StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        return written;
    }
}
