package dev.roletrail.streams.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.WeeklyReport;

/**
 * What the query API answers. {@code local} means "from this instance's stores only": the form one instance uses
 * when it asks another during a scatter-gather or a forwarded lookup. Unknown entities throw {@link ApiError}.
 */
public interface Queries {

    PrincipalView principal(String id, boolean local);

    List<AccessEdge> assumers(String roleArn, boolean local);

    List<AccessEdge> edges(boolean local);

    Optional<KeyUsage> key(String keyId, boolean local);

    /** Alerts whose first event is in [from, to), most recent first (by last event time), at most {@code limit}. */
    List<Alert> alerts(int limit, Instant from, Instant to, boolean local);

    List<Finding> findings(boolean local);

    /** The identity inventory, every identity's latest view, by id. */
    List<Identity> identities(boolean local);

    /** One identity of the inventory by id; unknown: {@link ApiError} 404. */
    Identity identity(String id, boolean local);

    /** The event time the principals' data covers, empty before the first event. */
    Optional<DataSpan> dataSpan(boolean local);

    /** Where the CloudTrail records read so far went: principals' events and counted exclusions. */
    RecordAccounting accounting(boolean local);

    /** The latest published report of the scope. */
    Optional<WeeklyReport> latestReport(String scope);

    /** Every scope's report of the week: the published ones, or built now from current state when none was. */
    List<WeeklyReport> reports(IsoWeek week);

    boolean ready();

    String state();
}
