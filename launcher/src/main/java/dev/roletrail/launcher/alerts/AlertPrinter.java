package dev.roletrail.launcher.alerts;

import java.io.PrintStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.roletrail.launcher.ConsoleText;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;

/**
 * Prints alerts on the console: as a few readable lines, every value from CloudTrail escaped, or as one JSON object
 * per line for {@code jq}, every character outside ASCII escaped so no terminal control or bidi trick gets through.
 */
public final class AlertPrinter {

    private static final ObjectWriter JSON_LINE = Json.mapper().writer()
            .with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    private final PrintStream out;
    private final boolean json;

    private AlertPrinter(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public static AlertPrinter text(PrintStream out) {
        return new AlertPrinter(out, false);
    }

    public static AlertPrinter jsonLines(PrintStream out) {
        return new AlertPrinter(out, true);
    }

    public void print(Alert alert) {
        if (json) {
            out.println(jsonLine(alert));
        } else {
            out.printf("ALERT %-8s %-24s %s%n", alert.severity(), alert.detector(), ConsoleText.safe(alert.title()));
            out.printf("      who=%s role=%s account=%s region=%s from=%s at=%s%n",
                    ConsoleText.safe(alert.principal()), ConsoleText.safe(alert.role()),
                    ConsoleText.safe(alert.account()), ConsoleText.safe(alert.region()),
                    ConsoleText.safe(alert.sourceNetwork()), alert.firstEventTime());
            out.printf("      why: %s; baseline: %s%n", ConsoleText.safe(alert.unusual()),
                    ConsoleText.safe(alert.baseline()));
        }
        out.flush();
    }

    static String jsonLine(Alert alert) {
        try {
            return JSON_LINE.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert could not be written as JSON", e);
        }
    }
}
