package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Identity;

class CsvReportTest {

    private final List<List<String>> rows = parse(CsvReport.render(ReportSamples.orgReport()));

    @Test
    void shouldNeutraliseEveryFormulaStart() {
        for (String hostile : ReportSamples.FORMULA_STARTS) {
            assertThat(CsvCell.text(hostile)).as(hostile).isEqualTo("\"'" + hostile + "\"");
        }
        assertThat(CsvCell.text("plain")).isEqualTo("\"plain\"");
        assertThat(CsvCell.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void shouldGiveEveryRowTheSameColumnsWhateverTheValues() {
        assertThat(rows.get(0)).containsExactly(CsvReport.HEADER.split(","));
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(rows).extracting(row -> row.get(0))
                .filteredOn("finding"::equals).hasSize(5);
    }

    @Test
    void shouldNeutraliseHostileStringsInTheRiskiestItems() {
        List<List<String>> hostile = parse(CsvReport.render(ReportSamples.hostileRiskiestReport()));

        assertThat(hostile).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(hostile).filteredOn(row -> row.get(0).equals("riskiest")).hasSize(2)
                .anySatisfy(row -> assertThat(row.get(3)).isEqualTo("'" + ReportSamples.FORMULA))
                .anySatisfy(row -> assertThat(row.get(3)).isEqualTo("'=1+1"));
    }

    @Test
    void shouldWriteTheChartsDataAsRows() {
        assertThat(rows).filteredOn(row -> row.get(0).equals("alerts-per-day")).hasSize(35)
                .anySatisfy(row -> assertThat(row).containsExactly("alerts-per-day", "HIGH", "HIGH", "", "", "",
                        "2026-11-18", "", "1", ""));
        // One row per charted kind for each of the last eight weeks.
        assertThat(rows).filteredOn(row -> row.get(0).equals("findings-trend")).hasSize(FindingsTrend.kinds().size() * 8)
                .anySatisfy(row -> assertThat(row).containsExactly("findings-trend", "unused-role", "", "", "", "",
                        "2026-W45", "", "", "not known"));
        assertThat(rows).filteredOn(row -> row.get(0).equals("riskiest")).extracting(row -> row.get(8))
                .containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void shouldStartNoCellWithAFormulaCharacter() {
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).allSatisfy(cell ->
                assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || cell.matches("-?\\d+"))
                        .as(cell).isTrue()));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(6)).isEqualTo("title of f-2"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(9)).startsWith("'=HYPERLINK("));
    }

    @Test
    void shouldListEveryIdentityAndTheInventorysCounts() {
        List<List<String>> identities = rows.stream().filter(row -> row.get(0).equals("identity")).toList();

        assertThat(identities).extracting(row -> row.get(4)).containsExactlyInAnyOrderElementsOf(
                ReportSamples.identities().stream().map(Identity::id).toList());
        assertThat(identities).filteredOn(row -> row.get(4).equals(ReportSamples.OPS_SHARED)).singleElement()
                .satisfies(row -> assertThat(row.subList(0, 8)).containsExactly("identity", "mixed", "", PROD,
                        ReportSamples.OPS_SHARED, "'" + ReportSamples.FORMULA,
                        "iam-user · password-and-long-lived-key", "2026-11-21 10:15Z"))
                .satisfies(row -> assertThat(row.get(9)).startsWith("without an owner, or with an orphaned owner; "
                        + "owner =HYPERLINK"));
        assertThat(rows).filteredOn(row -> row.get(0).equals("identity-kind")).extracting(row -> row.get(1) + "="
                + row.get(8)).containsExactly("human=0", "workload=3", "aws-service=0", "federated-workload=1",
                        "external=1", "mixed=1", "unknown=0");
        assertThat(rows).filteredOn(row -> row.get(0).equals("identity-kind-credential"))
                .extracting(row -> row.get(1) + "/" + row.get(6) + "=" + row.get(8))
                .containsExactly("workload/long-lived-key=2", "workload/temporary-only=1",
                        "federated-workload/temporary-only=1", "external/temporary-only=1",
                        "mixed/password-and-long-lived-key=1");
    }

    private static final String PROD = ReportSamples.PROD;

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> result = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                result.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return result;
    }
}
