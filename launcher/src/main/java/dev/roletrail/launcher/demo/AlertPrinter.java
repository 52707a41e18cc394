package dev.roletrail.launcher.demo;

import java.io.PrintStream;

import dev.roletrail.launcher.ConsoleText;
import dev.roletrail.schemas.alert.Alert;

/** One alert as one or two readable console lines; every value from CloudTrail is escaped. */
final class AlertPrinter {

    private final PrintStream out;

    AlertPrinter(PrintStream out) {
        this.out = out;
    }

    void print(Alert alert) {
        out.printf("ALERT %-8s %-24s %s%n", alert.severity(), alert.detector(), ConsoleText.safe(alert.title()));
        out.printf("      who=%s role=%s account=%s region=%s from=%s at=%s%n",
                ConsoleText.safe(alert.principal()), ConsoleText.safe(alert.role()), ConsoleText.safe(alert.account()),
                ConsoleText.safe(alert.region()), ConsoleText.safe(alert.sourceNetwork()), alert.firstEventTime());
        out.printf("      why: %s; baseline: %s%n", ConsoleText.safe(alert.unusual()), ConsoleText.safe(alert.baseline()));
        out.flush();
    }
}
