package dev.roletrail.streams.report;

import java.util.Objects;

import dev.roletrail.schemas.alert.Severity;

/**
 * One of the week's riskiest items ({@link RiskiestItems}): an alert or a finding, as the report's summary lists it.
 *
 * @param rank     1 for the riskiest
 * @param type     {@code alert} or {@code finding}
 * @param id       the alert's or finding's id
 * @param what     the detector id or the finding kind id
 * @param title    the alert's or finding's title
 * @param entity   the principal of an alert, the entity of a finding
 * @param when     an alert's first event time, a finding's last use, in words
 * @param anchor   the id of its row in the HTML report ({@code alert-…}, {@code finding-…})
 */
public record RiskyItem(int rank, String type, String id, Severity severity, String what, String title,
        String entity, String account, String when, String anchor) {

    public static final String ALERT = "alert";
    public static final String FINDING = "finding";

    public RiskyItem {
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1, was " + rank);
        }
        if (!ALERT.equals(type) && !FINDING.equals(type)) {
            throw new IllegalArgumentException("type must be alert or finding, was " + type);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(anchor, "anchor");
    }
}
