package dev.roletrail.simulator.evaluate;

import static dev.roletrail.simulator.evaluate.Evidence.ROLE;
import static dev.roletrail.simulator.evaluate.Evidence.T;
import static dev.roletrail.simulator.evaluate.Evidence.USER;
import static dev.roletrail.simulator.evaluate.Evidence.finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.simulator.truth.ExpectedFinding;
import dev.roletrail.simulator.truth.ExpectedPolicy;
import dev.roletrail.simulator.truth.GroundTruth;

class TruthScorerTest {

    private static final String OTHER = "arn:aws:iam::210001000003:role/Other";
    private static final String THIRD = "arn:aws:iam::210001000003:role/Third";

    @Test
    void shouldCountTruePositivesFalsePositivesAndFalseNegativesPerKind() {
        GroundTruth truth = truth(List.of(new ExpectedFinding(FindingKind.UNUSED_ROLE, ROLE, null),
                new ExpectedFinding(FindingKind.UNUSED_ROLE, THIRD, null),
                new ExpectedFinding(FindingKind.UNUSED_TRUST_PATH, ROLE, "arn:aws:iam::904000000001:root")),
                List.of());

        List<TruthRow> rows = TruthScorer.rows(truth, List.of(
                finding(FindingKind.UNUSED_ROLE, ROLE, null, FindingStatus.OPEN),
                finding(FindingKind.UNUSED_ROLE, OTHER, null, FindingStatus.OPEN),
                finding(FindingKind.UNUSED_ROLE, THIRD, null, FindingStatus.RESOLVED),
                finding(FindingKind.UNUSED_TRUST_PATH, ROLE, "arn:aws:iam::905000000001:root", FindingStatus.OPEN)));

        TruthRow unusedRole = row(rows, "unused-role");
        assertThat(unusedRole.truePositives()).containsExactly(ROLE);
        assertThat(unusedRole.falsePositives()).containsExactly(OTHER);
        assertThat(unusedRole.falseNegatives()).as("a resolved finding is not open").containsExactly(THIRD);
        assertThat(unusedRole.precision()).isEqualTo(0.5);
        assertThat(unusedRole.recall()).isEqualTo(0.5);
        TruthRow trust = row(rows, "unused-trust-path");
        assertThat(trust.precision()).as("the subject is part of the name").isZero();
        assertThat(trust.recall()).isZero();
        assertThat(row(rows, "dormant-key").precision()).as("nothing expected, nothing raised").isEqualTo(1.0);
        assertThat(rows).hasSize(FindingKind.values().length);
    }

    @Test
    void shouldComparePoliciesWithTheActionsUsed() {
        GroundTruth truth = truth(List.of(), List.of(
                new ExpectedPolicy(ROLE, null, List.of("s3:ListAllMyBuckets", "ec2:DescribeVpcs")),
                new ExpectedPolicy(ROLE, USER, List.of("s3:ListAllMyBuckets")),
                new ExpectedPolicy(OTHER, null, List.of("s3:ListAllMyBuckets", "ec2:DescribeVpcs")),
                new ExpectedPolicy(OTHER, USER, List.of("s3:ListAllMyBuckets", "ec2:DescribeVpcs")),
                new ExpectedPolicy(THIRD, null, List.of("kms:Decrypt"))));

        PolicyScore score = TruthScorer.policies(truth, List.of(
                policy(ROLE, null, "ec2:DescribeVpcs", "s3:ListAllMyBuckets"),
                policy(ROLE, USER, "ec2:DescribeVpcs", "s3:ListAllMyBuckets"),
                policy(OTHER, null, "s3:ListAllMyBuckets"),
                policy(OTHER, USER, "s3:ListAllMyBuckets", "iam:ListRoles")));

        assertThat(score).extracting(PolicyScore::exact, PolicyScore::superset, PolicyScore::subset,
                PolicyScore::wrong).containsExactly(1, 1, 1, 1);
        assertThat(score.differences()).contains(ROLE + " <- " + USER + ": +ec2:DescribeVpcs",
                OTHER + ": -ec2:DescribeVpcs", OTHER + " <- " + USER + ": +iam:ListRoles -ec2:DescribeVpcs");
    }

    @Test
    void shouldRenderTheTruthTableAfterTheLabelledOne() {
        GroundTruth truth = truth(List.of(new ExpectedFinding(FindingKind.UNUSED_ROLE, ROLE, null)), List.of());
        Scorecard card = Scorecard.score(new dev.roletrail.simulator.label.LabelsFile(7, "o-abc", List.of(),
                List.of(), 1000, 0, List.of()), java.util.Optional.of(truth), List.of(), List.of(), List.of());

        assertThat(card.render()).contains("findings against the ground truth", "unused-role",
                "0 exact, 0 superset, 0 subset, 0 wrong");
        assertThat(card.truth()).hasSize(FindingKind.values().length);
    }

    private static GroundTruth truth(List<ExpectedFinding> open, List<ExpectedPolicy> policies) {
        List<ExpectedFinding> all = new java.util.ArrayList<>(open);
        policies.forEach(p -> all.add(new ExpectedFinding(FindingKind.LEAST_PRIVILEGE_POLICY, p.role(), p.assumer())));
        return new GroundTruth(T, T.minusSeconds(86_400 * 120L), 90, all, policies);
    }

    private static Finding policy(String role, String assumer, String... actions) {
        Finding f = finding(FindingKind.LEAST_PRIVILEGE_POLICY, role, assumer, FindingStatus.OPEN);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
        return new Finding(f.id(), f.kind(), f.status(), f.severity(), f.title(), f.account(), f.entity(),
                f.entityType(), f.subject(), f.periodStart(), f.periodEnd(), null, List.of(), "fix", null, policy);
    }

    private static TruthRow row(List<TruthRow> rows, String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }
}
