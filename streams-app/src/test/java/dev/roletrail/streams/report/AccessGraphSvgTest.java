package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.profile.AccessEdge;

class AccessGraphSvgTest {

    private static final Instant WEEK_START = ReportSamples.WEEK.start();
    private static final String GITHUB = "web-identity:token.actions.githubusercontent.com/"
            + "repo:acme-corporation/payments-settlement-service:ref:refs/heads/release-2026";
    private static final String DEEP = "arn:aws:iam::" + ReportSamples.PROD
            + ":role/service-role/platform/team-payments/PaymentsSettlementDeployRole";

    /** Many paths that cross: every assumer of two accounts to every role of both, the case that piled labels up. */
    private static List<AccessEdge> crossingEdges() {
        List<AccessEdge> edges = new ArrayList<>();
        List<String> assumers = List.of(ReportSamples.ALICE, ReportSamples.CI, GITHUB,
                "arn:aws:iam::" + ReportSamples.VENDOR + ":user/bob", "arn:aws:iam::" + ReportSamples.VENDOR + ":role/ops");
        List<String> roles = List.of(ReportSamples.ADMIN, ReportSamples.READER, DEEP, ReportSamples.VENDOR_ROLE,
                "arn:aws:iam::" + ReportSamples.VENDOR + ":role/audit", ReportSamples.LEGACY, ReportSamples.BREAK_GLASS);
        int i = 0;
        for (String a : assumers) {
            for (String r : roles) {
                i++;
                edges.add(new AccessEdge(a, r, "AssumeRole", !a.equals(GITHUB) && !a.contains(r.split(":")[4]),
                        WEEK_START.minusSeconds(86_400L * (i % 3 == 0 ? 0 : 30)), WEEK_START.plusSeconds(3_600L * i),
                        i * 7L));
            }
        }
        return edges;
    }

    @Test
    void shouldPlaceNoLabelOnAnotherOrOnANode() {
        AccessGraphSvg.Layout layout = AccessGraphSvg.layout(crossingEdges(), WEEK_START, Set.of());

        List<AccessGraphSvg.Box> labels = new ArrayList<>(layout.edges().stream().map(AccessGraphSvg.Edge::labelBox).toList());
        labels.addAll(layout.groups().stream().map(AccessGraphSvg.Group::labelBox).toList());
        List<AccessGraphSvg.Box> nodes = layout.nodes().stream().map(AccessGraphSvg.Node::box).toList();

        assertThat(layout.edges()).as("35 paths, all drawn").hasSize(35);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("label %s vs %s", labels.get(i), labels.get(j))
                        .isFalse();
            }
            for (AccessGraphSvg.Box node : nodes) {
                assertThat(labels.get(i).intersects(node)).as("label %s vs node %s", labels.get(i), node).isFalse();
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertThat(nodes.get(i).intersects(nodes.get(j))).as("node %s vs %s", nodes.get(i), nodes.get(j))
                        .isFalse();
            }
        }
    }

    @Test
    void shouldGroupNodesByAccount() {
        AccessGraphSvg.Layout layout = AccessGraphSvg.layout(crossingEdges(), WEEK_START, Set.of());

        assertThat(layout.groups()).extracting(AccessGraphSvg.Group::account)
                .containsExactly(ReportSamples.PROD, ReportSamples.VENDOR);
        for (AccessGraphSvg.Node node : layout.nodes()) {
            String account = AccessGraphSvg.account(node.id());
            if (account != null) {
                AccessGraphSvg.Box group = layout.groups().stream().filter(g -> g.account().equals(account))
                        .findFirst().orElseThrow().box();
                assertThat(group.x() <= node.box().x() && node.box().x() + node.box().width() <= group.x() + group.width()
                        && group.y() <= node.box().y() && node.box().y() + node.box().height() <= group.y() + group.height())
                        .as("%s inside its account's box", node.id()).isTrue();
            }
        }
    }

    @Test
    void shouldAbbreviateLongNamesInTheMiddleKeepingTheFullOneAsTooltip() {
        assertThat(AccessGraphSvg.abbreviate(DEEP, 48)).isEqualTo("111122223333:role/…/PaymentsSettlementDeployRole");
        assertThat(AccessGraphSvg.abbreviate(DEEP, 40)).as("the last segment cut in its middle")
                .isEqualTo("111122223333:role/…/PaymentsS…DeployRole");
        assertThat(AccessGraphSvg.abbreviate(GITHUB, 80))
                .isEqualTo("…/repo:acme-corporation/payments-settlement-service:…:release-2026");
        assertThat(AccessGraphSvg.abbreviate(GITHUB, AccessGraphSvg.MAX_LABEL)).as("the owner goes first")
                .isEqualTo("…/repo:…/payments-settlement-service:…:release-2026");
        assertThat(AccessGraphSvg.abbreviate(GITHUB, 56)).isEqualTo("…/repo:ac…ion/payments-settlement-service:…:release-2026");
        assertThat(AccessGraphSvg.abbreviate(ReportSamples.ADMIN, 40)).isEqualTo("111122223333:role/Admin");

        String svg = AccessGraphSvg.render(List.of(new AccessEdge(GITHUB, DEEP, "AssumeRoleWithWebIdentity", false,
                WEEK_START, WEEK_START, 3)), WEEK_START, Set.of());

        assertThat(svg).contains("<title>" + HtmlText.escape(GITHUB) + "</title>", "<title>" + DEEP + "</title>",
                ">111122223333:role/…/PaymentsSettlementDeployRole</text>", ":…:release-2026</text>");
    }

    @Test
    void shouldMarkNewAlertedAndCrossAccountPathsAndLinkNodesToTheirRows() {
        AccessEdge alerted = new AccessEdge(ReportSamples.ALICE, ReportSamples.BREAK_GLASS, "AssumeRole", false,
                WEEK_START.minusSeconds(86_400L * 40), WEEK_START.plusSeconds(60), 2);
        AccessEdge fresh = new AccessEdge(ReportSamples.CI, ReportSamples.VENDOR_ROLE, "AssumeRole", true,
                WEEK_START.plusSeconds(60), WEEK_START.plusSeconds(60), 1);
        String alertedId = ReportText.edgeId(alerted.assumer(), alerted.role());

        String svg = AccessGraphSvg.render(List.of(alerted, fresh), WEEK_START, Set.of(alertedId));

        assertThat(svg).contains("<g class=\"edge\" id=\"g-" + alertedId + "\"", "data-alert=\"true\"",
                "<g class=\"edge cross-account\" id=\"g-" + ReportText.edgeId(fresh.assumer(), fresh.role()) + "\"",
                "data-new=\"true\"", "<a href=\"#" + alertedId + "\"><g class=\"node assumer\"",
                "<text x=\"", ">account 111122223333</text>", ">account 999988887777</text>");
        assertThat(count(svg, "data-new=\"true\"")).isEqualTo(1);
        assertThat(count(svg, "data-alert=\"true\"")).isEqualTo(1);
    }

    @Test
    void shouldKeepAThreeHundredRoleOrganisationBoundedWithNMoreEdges() {
        List<AccessEdge> edges = ReportSamples.largeOrgEdges();

        AccessGraphSvg.Layout layout = AccessGraphSvg.layout(edges, WEEK_START, Set.of());
        String svg = AccessGraphSvg.svg(layout);

        assertThat(layout.edges().stream().filter(e -> e.more() == 0)).hasSize(AccessGraphSvg.COLLAPSE_ABOVE);
        assertThat(layout.collapsed()).isEqualTo(900 - AccessGraphSvg.COLLAPSE_ABOVE);
        assertThat(layout.edges().stream().filter(e -> e.more() > 0)).as("one 'N more' edge per drawn assumer")
                .isNotEmpty().allSatisfy(e -> assertThat(e.label()).matches("\\d+ more"))
                .extracting(AccessGraphSvg.Edge::assumer).doesNotHaveDuplicates();
        assertThat(count(svg, "<g class=\"edge more\"")).isEqualTo(layout.edges().size() - AccessGraphSvg.COLLAPSE_ABOVE);
        assertThat(layout.nodes()).hasSizeLessThanOrEqualTo(3 * AccessGraphSvg.COLLAPSE_ABOVE);
        assertThat(layout.width() * layout.height()).as("bounded area").isLessThan(4_000.0 * 4_000.0);
        assertThat(svg.length()).as("bounded size").isLessThan(200_000);
    }

    @Test
    void shouldSaySoWhenNothingWasObserved() {
        assertThat(AccessGraphSvg.render(List.of(), WEEK_START, Set.of())).contains("No role assumptions observed.");
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }
}
