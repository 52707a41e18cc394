package dev.roletrail.simulator.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.SerializationFeature;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.label.LabelsFile;
import dev.roletrail.simulator.truth.GroundTruth;

/**
 * The detection-quality table: one row per detector, then one per finding kind, scored against the labelled
 * scenarios; and the findings scored against the ground truth, per kind ({@link TruthScorer}), with the
 * least-privilege policies compared to the actions used, and the identity inventory's kinds and owners
 * ({@link KindScorer}).
 *
 * @param truth      per finding kind, against the ground truth (empty when scored without one)
 * @param policies   the least-privilege policies found, compared to the actions used
 * @param identities the identities' kinds and owners against the ground truth ({@link KindScore#NONE} without one)
 */
public record Scorecard(long benignEvents, long attackEvents, long alerts, long findings, List<ScoreRow> rows,
        List<TruthRow> truth, PolicyScore policies, KindScore identities) {

    private static final int EXAMPLES = 5;

    public Scorecard {
        Objects.requireNonNull(rows, "rows");
        rows = List.copyOf(rows);
        truth = List.copyOf(truth);
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(identities, "identities");
    }

    /** Scores against the labels and, when there is one, the ground truth, without an identity inventory. */
    public static Scorecard score(LabelsFile labels, Optional<GroundTruth> truth, List<String> detectors,
            List<Alert> alerts, List<Finding> findings) {
        return score(labels, truth, detectors, alerts, findings, List.of());
    }

    /**
     * Scores against the labels and, when there is one, the ground truth, the identities included (none produced
     * scores as such: {@link KindScore#produced()} 0).
     */
    public static Scorecard score(LabelsFile labels, Optional<GroundTruth> truth, List<String> detectors,
            List<Alert> alerts, List<Finding> findings, List<Identity> identities) {
        Scorecard byLabel = score(labels, detectors, alerts, findings);
        if (truth.isEmpty()) {
            return byLabel;
        }
        GroundTruth groundTruth = truth.get();
        return new Scorecard(byLabel.benignEvents, byLabel.attackEvents, byLabel.alerts, byLabel.findings,
                byLabel.rows, TruthScorer.rows(groundTruth, findings), TruthScorer.policies(groundTruth, findings),
                KindScorer.score(groundTruth, identities));
    }

    /**
     * Scores alerts and findings against the labels (see {@link LabelMatcher}), without a ground truth.
     *
     * @param detectors every detector id, so that one with no scenario or no alert still gets its row
     */
    public static Scorecard score(LabelsFile labels, List<String> detectors, List<Alert> alerts,
            List<Finding> findings) {
        List<ScoreRow> rows = new ArrayList<>();
        for (String detector : detectors) {
            List<Label> expecting = labels.labels().stream().filter(l -> l.detectors().contains(detector)).toList();
            List<Alert> fired = alerts.stream().filter(a -> a.detector().equals(detector)).toList();
            List<String> missed = expecting.stream()
                    .filter(l -> fired.stream().noneMatch(a -> LabelMatcher.matches(l, a)))
                    .map(Label::scenario).toList();
            List<AlertDelay> delays = expecting.stream().flatMap(l -> AlertDelay.of(l, fired.stream()
                    .filter(a -> LabelMatcher.matches(l, a)).toList()).stream()).toList();
            List<Alert> unmatched = fired.stream()
                    .filter(a -> labels.labels().stream().noneMatch(l -> LabelMatcher.matches(l, a))).toList();
            rows.add(new ScoreRow("detector", detector, expecting.size(), expecting.size() - missed.size(), missed,
                    unmatched.size(), perMillion(unmatched.size(), labels.benignEvents()),
                    unmatched.stream().limit(EXAMPLES).map(a -> a.firstEventTime() + " " + a.entity()).toList(),
                    delays));
        }
        for (FindingKind kind : FindingKind.values()) {
            List<Label> expecting = labels.labels().stream().filter(l -> l.findingKinds().contains(kind)).toList();
            List<Finding> raised = findings.stream()
                    .filter(f -> f.kind() == kind && f.status() == FindingStatus.OPEN).toList();
            List<String> missed = expecting.stream()
                    .filter(l -> raised.stream().noneMatch(f -> LabelMatcher.matches(l, f)))
                    .map(Label::scenario).toList();
            List<Finding> unmatched = raised.stream()
                    .filter(f -> labels.labels().stream().noneMatch(l -> LabelMatcher.matches(l, f))).toList();
            rows.add(new ScoreRow("finding", kind.id(), expecting.size(), expecting.size() - missed.size(), missed,
                    unmatched.size(), perMillion(unmatched.size(), labels.benignEvents()),
                    unmatched.stream().limit(EXAMPLES).map(f -> f.entity() + (f.subject() == null ? ""
                            : " <- " + f.subject())).toList()));
        }
        return new Scorecard(labels.benignEvents(), labels.attackEvents(), alerts.size(), findings.size(), rows,
                List.of(), PolicyScore.NONE, KindScore.NONE);
    }

    private static double perMillion(long count, long events) {
        return events == 0 ? 0 : Math.round(count * 1e7 / events) / 10.0;
    }

    /** The rows of one type. */
    public List<ScoreRow> rows(String type) {
        return rows.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** A plain-text table for the console and docs/detection-quality.md. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-8s %-34s %9s %6s %7s %12s %14s %17s %11s%n", "type", "id",
                "scenarios", "found", "missed", "false alarms", "per M benign", "to alert med/max", "attack done"));
        for (ScoreRow row : rows) {
            text.append(String.format(Locale.ROOT, "%-8s %-34s %9d %6d %7d %12d %14.1f %17s %11s%s%n", row.type(),
                    row.id(), row.scenarios(), row.found(), row.missed().size(), row.falseAlarms(), row.perMillion(),
                    row.delays().isEmpty() ? "" : DelayText.of(row.delayMedianSeconds()) + " / "
                            + DelayText.of(row.delayMaxSeconds()),
                    row.shareMax() == null ? "" : Math.round(row.shareMax() * 100) + " %",
                    row.missed().isEmpty() ? "" : "  missed: " + String.join(", ", row.missed())));
        }
        text.append(String.format(Locale.ROOT, "%,d benign events, %,d attack events, %,d alerts, %,d findings%n",
                benignEvents, attackEvents, alerts, findings));
        if (!truth.isEmpty()) {
            renderTruth(text);
        }
        if (identities.expected() > 0) {
            renderIdentities(text);
        }
        return text.toString();
    }

    private void renderTruth(StringBuilder text) {
        text.append(String.format(Locale.ROOT, "%nfindings against the ground truth%n%-38s %8s %5s %5s %5s %9s %6s%n",
                "kind", "expected", "TP", "FP", "FN", "precision", "recall"));
        for (TruthRow row : truth) {
            text.append(String.format(Locale.ROOT, "%-38s %8d %5d %5d %5d %9.3f %6.3f%n", row.kind(),
                    row.truePositives().size() + row.falseNegatives().size(), row.truePositives().size(),
                    row.falsePositives().size(), row.falseNegatives().size(), row.precision(), row.recall()));
        }
        text.append(String.format(Locale.ROOT, "least-privilege policies against the actions used: %d exact, "
                + "%d superset, %d subset, %d wrong%n", policies.exact(), policies.superset(), policies.subset(),
                policies.wrong()));
    }

    private void renderIdentities(StringBuilder text) {
        KindScore score = identities;
        if (score.produced() == 0) {
            text.append(String.format(Locale.ROOT, "%nidentities against the ground truth: no identities produced "
                    + "(%d expected)%n", score.expected()));
            return;
        }
        text.append(String.format(Locale.ROOT, "%nidentities against the ground truth: %d expected, %d produced, "
                + "%d compared (coverage %.3f), kind accuracy %.3f, owner agreement %.3f%n", score.expected(),
                score.produced(), score.compared(), score.coverage(), score.accuracy(), score.ownerAgreement()));
        for (KindRow row : score.rows()) {
            text.append(String.format(Locale.ROOT, "  %-20s %5d  %s%s%n", row.expected(), row.total(),
                    row.got().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    row.misclassified().isEmpty() ? "" : "  e.g. " + String.join(", ",
                            row.misclassified().stream().limit(EXAMPLES).toList())));
        }
        if (!score.ownerDisagreements().isEmpty()) {
            text.append("  owners differing, e.g. ").append(String.join("; ",
                    score.ownerDisagreements().stream().limit(EXAMPLES).toList())).append(System.lineSeparator());
        }
    }

    public byte[] toJson() {
        try {
            return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every labelled scenario of every detector was found. */
    public boolean everyAlertScenarioFound() {
        return rows("detector").stream().allMatch(r -> r.missed().isEmpty());
    }
}
