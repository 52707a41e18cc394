package dev.roletrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordDifferencesTest {

    record Finding(String kind, String period, int count) {
    }

    @Test
    void shouldListEachIdThatDiffersWithTheFieldsThatDiffer() {
        Map<String, Finding> clean = Map.of(
                "a", new Finding("unused-role", "09-02", 1),
                "b", new Finding("shared-role", "09-03", 2),
                "c", new Finding("dormant-key", "09-04", 3));
        Map<String, Finding> chaos = Map.of(
                "a", new Finding("unused-role", "09-15", 1),
                "b", new Finding("shared-role", "09-03", 2),
                "d", new Finding("inactive-user", "09-05", 4));

        List<String> lines = RecordDifferences.between("finding", clean, chaos, "clean", "chaos", Finding::kind);

        assertThat(lines).containsExactly(
                "finding a: clean unused-role | chaos unused-role | period: 09-02 vs 09-15",
                "finding c: clean dormant-key | chaos absent",
                "finding d: clean absent | chaos inactive-user");
    }

    @Test
    void shouldCompareListsOfAsManyRecordsElementByElement() {
        Map<String, List<Finding>> one = Map.of("x", List.of(new Finding("k", "p", 1), new Finding("k", "p", 2)));
        Map<String, List<Finding>> other = Map.of("x", List.of(new Finding("k", "p", 1), new Finding("k", "p", 3)));

        assertThat(RecordDifferences.between("alert", one, other, "one", "other", list -> "x" + list.size()))
                .containsExactly("alert x: one x2 | other x2 | count: 2 vs 3");
        assertThat(RecordDifferences.between("alert", one, one, "one", "other", list -> "x" + list.size())).isEmpty();
    }
}
