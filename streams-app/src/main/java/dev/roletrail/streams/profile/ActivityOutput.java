package dev.roletrail.streams.profile;

import dev.roletrail.schemas.alert.Alert;

/** What the principal activity step emits: an alert, or an assumer report for the role's task. Exactly one is set. */
public record ActivityOutput(Alert alert, AssumerReport report) {

    public ActivityOutput {
        if ((alert == null) == (report == null)) {
            throw new IllegalArgumentException("exactly one of alert and report must be set");
        }
    }

    public boolean isAlert() {
        return alert != null;
    }
}
