package dev.roletrail.streams.report;

import static dev.roletrail.streams.report.ReportSamples.ADMIN;
import static dev.roletrail.streams.report.ReportSamples.ALICE;
import static dev.roletrail.streams.report.ReportSamples.BREAK_GLASS;
import static dev.roletrail.streams.report.ReportSamples.PROD;
import static dev.roletrail.streams.report.ReportSamples.READER;
import static dev.roletrail.streams.report.ReportSamples.VENDOR;
import static dev.roletrail.streams.report.ReportSamples.VENDOR_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.profile.AccessEdge;

class ReportBuilderTest {

    private final List<WeeklyReport> reports =
            ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED, ReportSamples.inputs(), Map.of());

    @Test
    void shouldBuildOneReportForTheOrganisationAndOnePerAccount() {
        assertThat(reports).extracting(WeeklyReport::id)
                .containsExactly("2026-W47/org", "2026-W47/" + PROD, "2026-W47/" + VENDOR);
    }

    @Test
    void shouldKeepOpenFindingsAlertsOfTheWeekAndPathsOpenedBeforeItsEnd() {
        WeeklyReport org = reports.get(0);

        assertThat(org.findings()).extracting(Finding::id).containsExactly("f-1", "f-2", "f-3", "f-4", "f-5");
        assertThat(org.alerts()).extracting(Alert::id).containsExactly("a-1");
        assertThat(org.alertsTotal()).isEqualTo(1);
        assertThat(org.edges()).as("the path first used after the week is left out").hasSize(4);
    }

    @Test
    void shouldShowACrossAccountPathInBothAccounts() {
        WeeklyReport vendor = reports.get(2);

        assertThat(vendor.edges()).extracting(AccessEdge::role).containsExactly(VENDOR_ROLE);
        assertThat(reports.get(1).edges()).extracting(AccessEdge::role).contains(VENDOR_ROLE, ADMIN);
        assertThat(vendor.findings()).isEmpty();
    }

    @Test
    void shouldCountTheChangeSinceLastWeek() {
        WeeklyReport org = ReportSamples.orgReport();

        assertThat(org.summary()).filteredOn(l -> l.item().equals("unused-role")).singleElement()
                .isEqualTo(new SummaryLine("unused-role", 1, 1L));
        assertThat(org.summary()).filteredOn(l -> l.item().equals(ReportBuilder.ACCESS_PATHS)).singleElement()
                .satisfies(l -> assertThat(l.change()).isEqualTo(3L));
        assertThat(org.summary()).filteredOn(l -> l.item().equals("dormant-key")).singleElement()
                .isEqualTo(new SummaryLine("dormant-key", 1, 0L));
    }

    @Test
    void shouldMakeNoScopeOfAnAccountThatIsNotAnAccountId() {
        Finding hostile = new Finding("f-x", FindingKind.DORMANT_KEY,
                FindingStatus.OPEN, Severity.LOW, "t",
                "../../etc/cron.d/x", "AKIAEXAMPLE000000009", "access-key", null, null,
                ReportSamples.WEEK.end(), null, List.of(), null, null, null);

        List<WeeklyReport> built = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                new ReportInputs(List.of(hostile), List.of(), List.of()), Map.of());

        assertThat(built).extracting(WeeklyReport::scope).as("scopes name files and S3 keys")
                .containsExactly(WeeklyReport.ORG);
        assertThat(built.get(0).findings()).containsExactly(hostile);
    }

    @Test
    void shouldLeaveTheChangeOpenWithoutAPreviousReportWhenTheStateDoesNotReachLastWeek() {
        assertThat(reports.get(0).summary()).allSatisfy(l -> assertThat(l.change()).isNull());
        WeeklyReport firstWeek = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                ReportSamples.inputs(ReportSamples.WEEK.start().plusSeconds(3600)), Map.of()).get(0);
        assertThat(firstWeek.summary()).as("observations began this week").allSatisfy(l ->
                assertThat(l.previous()).isNull());
    }

    @Test
    void shouldCountLastWeekFromTheStateWhenNoReportWasWrittenForIt() {
        WeeklyReport org = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                ReportSamples.inputs(Instant.parse("2026-08-01T00:00:00Z")), Map.of()).get(0);

        assertThat(org.summary()).extracting(SummaryLine::item, SummaryLine::count, SummaryLine::previous)
                .contains(tuple(ReportBuilder.ACCESS_PATHS, 4L, 3L), tuple(ReportBuilder.CROSS_ACCOUNT_PATHS, 1L, 0L),
                        tuple(ReportBuilder.ALERTS, 1L, 1L),
                        tuple("unused-role", 1L, 1L), // f-6, resolved during this week, was open at its start
                        tuple("dormant-key", 1L, 0L)); // evaluated this week: not known to be open before
    }

    @Test
    void shouldGiveEveryFindingTheLastUseTheStateKnows() {
        Instant began = Instant.parse("2026-08-01T00:00:00Z");
        Finding policy = new Finding("p-1", FindingKind.LEAST_PRIVILEGE_POLICY, FindingStatus.OPEN,
                Severity.INFORMATIONAL, "policy", PROD, ADMIN, "role", null, began, ReportSamples.WEEK.end(), null,
                List.of(), null, null, "{}");
        Finding perAssumer = new Finding("p-2", FindingKind.LEAST_PRIVILEGE_POLICY, FindingStatus.OPEN,
                Severity.INFORMATIONAL, "policy", PROD, ADMIN, "role", ALICE, began, ReportSamples.WEEK.end(), null,
                List.of(), null, null, "{}");
        Finding shared = new Finding("s-1", FindingKind.SHARED_ROLE, FindingStatus.OPEN, Severity.MEDIUM, "shared",
                PROD, VENDOR_ROLE, "role", null, began, ReportSamples.WEEK.end(), null, List.of(), null, null, null);
        Finding breakGlass = new Finding("u-1", FindingKind.UNUSED_ROLE, FindingStatus.OPEN, Severity.MEDIUM,
                "unused", PROD, BREAK_GLASS, "role", null, began, ReportSamples.WEEK.start(), null, List.of(), null,
                null, null);
        Finding neverUsed = new Finding("u-2", FindingKind.UNUSED_ROLE, FindingStatus.OPEN, Severity.MEDIUM,
                "unused", PROD, READER + "2", "role", null, Instant.parse("2026-08-20T00:00:00Z"),
                ReportSamples.WEEK.end(), null, List.of(), null, null, null);
        Finding rotation = new Finding("k-1", FindingKind.KEY_ROTATION_OVERDUE, FindingStatus.OPEN, Severity.LOW,
                "old key", PROD, ALICE + "#access-key-1", "access-key", null, began, ReportSamples.WEEK.end(), null,
                List.of(), null, null, null);
        Alert breakGlassAlert = ReportSamples.alert("a-9", Instant.parse("2026-11-19T03:00:00Z"), "ua");
        breakGlassAlert = new Alert("a-9", "sensitive-role-assumed", ALICE + " -> " + BREAK_GLASS, Severity.CRITICAL,
                "Sensitive role assumed", PROD, "eu-west-1", ALICE, ALICE, List.of(ALICE), BREAK_GLASS, null, null,
                null, List.of(), breakGlassAlert.firstEventTime(), breakGlassAlert.lastEventTime(), null, null,
                List.of(), null, 1);
        ReportInputs inputs = new ReportInputs(List.of(policy, perAssumer, shared, breakGlass, neverUsed, rotation),
                ReportSamples.edges(), List.of(breakGlassAlert), began.plus(java.time.Duration.ofDays(10)));

        WeeklyReport org = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED, inputs, Map.of()).get(0);

        assertThat(org.findings()).extracting(Finding::id, Finding::lastUsed).containsExactlyInAnyOrder(
                tuple("p-1", Instant.parse("2026-11-20T09:30:00Z")), tuple("p-2", Instant.parse("2026-11-20T09:30:00Z")),
                tuple("s-1", Instant.parse("2026-11-18T14:00:00Z")), tuple("u-1", Instant.parse("2026-11-19T03:00:00Z")),
                tuple("u-2", null), tuple("k-1", null));
        assertThat(org.lastUse()).containsEntry("p-1", "2026-11-20 09:30Z").containsEntry("u-1", "2026-11-19 03:00Z")
                .as("RoleTrail watched the whole period of u-2 and saw no use").containsEntry("u-2", "never")
                .as("a key RoleTrail cannot tie to its observations").containsEntry("k-1",
                        "not seen since tracking began (2026-08-11)");
    }

    @Test
    void shouldGiveEachAccountItsOwnIdentitiesAndTheOrganisationAll() {
        List<WeeklyReport> reports = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                ReportSamples.inputs(), Map.of());

        assertThat(reports).filteredOn(r -> r.scope().equals(WeeklyReport.ORG)).singleElement()
                .satisfies(r -> assertThat(r.identities()).hasSize(ReportSamples.identities().size()));
        assertThat(reports).filteredOn(r -> r.scope().equals(ReportSamples.VENDOR)).singleElement()
                .satisfies(r -> assertThat(r.identities()).extracting(Identity::id)
                        .containsExactly("account:" + ReportSamples.VENDOR));
        assertThat(reports).filteredOn(r -> r.scope().equals(PROD)).singleElement()
                .satisfies(r -> assertThat(r.identities()).hasSize(5).isSortedAccordingTo(
                        Comparator.comparing(Identity::id)));
    }

    @Test
    void shouldGiveAUsedRolesUnusedPermissionsTheRolesOwnLastUseBesideTheirs() {
        Instant began = Instant.parse("2026-08-01T00:00:00Z");
        Finding unusedActions = new Finding("up-1", FindingKind.UNUSED_PERMISSIONS, FindingStatus.OPEN, Severity.LOW,
                "unused permissions", PROD, ADMIN, "role", null, began, ReportSamples.WEEK.end(), null, List.of(),
                null, null, null);

        WeeklyReport org = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED, new ReportInputs(
                List.of(unusedActions), ReportSamples.edges(), List.of(), began.minusSeconds(1)), Map.of()).get(0);

        assertThat(org.findings()).extracting(Finding::lastUsed).as("the finding is about its actions")
                .containsExactly((Instant) null);
        assertThat(org.lastUse()).containsEntry("up-1", "these actions never; role last used 2026-11-20 09:30Z");
    }

    @Test
    void shouldSayNotSeenSinceTrackingBeganWhenObservationsStartedWithinThePeriod() {
        Finding unused = ReportSamples.finding("u-3", FindingKind.UNUSED_ROLE, READER, null, List.of());
        unused = new Finding(unused.id(), unused.kind(), unused.status(), unused.severity(), unused.title(),
                unused.account(), unused.entity(), unused.entityType(), null, unused.periodStart(),
                unused.periodEnd(), null, List.of(), null, null, null);

        WeeklyReport org = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                new ReportInputs(List.of(unused), List.of(), List.of(), Instant.parse("2026-10-02T07:00:00Z")),
                Map.of()).get(0);

        assertThat(org.lastUse()).containsEntry("u-3", "not seen since tracking began (2026-10-02)");
    }
}
