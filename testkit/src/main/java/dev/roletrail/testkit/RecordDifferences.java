package dev.roletrail.testkit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What differs between two runs' outputs keyed by id (alerts, findings, ...): one line per id whose values differ,
 * each side summarised and, for two records of one type (or two lists of as many), the components that differ, so that
 * a failure says what differs.
 */
public final class RecordDifferences {

    private RecordDifferences() {
    }

    /**
     * @param what     what the values are ("alert", "finding"), to start each line
     * @param one      one run's values by id
     * @param other    the other run's values by id
     * @param oneRun   the name of the run of {@code one} in the lines
     * @param otherRun the name of the run of {@code other}
     * @param summary  a short summary of a value (never null)
     */
    public static <V> List<String> between(String what, Map<String, V> one, Map<String, V> other, String oneRun,
            String otherRun, Function<? super V, String> summary) {
        TreeSet<String> ids = new TreeSet<>(one.keySet());
        ids.addAll(other.keySet());
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            V a = one.get(id);
            V b = other.get(id);
            if (!Objects.equals(a, b)) {
                lines.add(what + " " + id + ": " + oneRun + " " + (a == null ? "absent" : summary.apply(a)) + " | "
                        + otherRun + " " + (b == null ? "absent" : summary.apply(b)) + fieldsThatDiffer(a, b));
            }
        }
        return lines;
    }

    /** For two records of one type, or two lists of as many, the components that differ. */
    private static String fieldsThatDiffer(Object one, Object other) {
        if (one instanceof List<?> ones && other instanceof List<?> others && ones.size() == others.size()) {
            StringBuilder differ = new StringBuilder();
            for (int i = 0; i < ones.size(); i++) {
                differ.append(fieldsThatDiffer(ones.get(i), others.get(i)));
            }
            return differ.toString();
        }
        if (one == null || other == null || !one.getClass().isRecord() || one.getClass() != other.getClass()) {
            return "";
        }
        StringBuilder differ = new StringBuilder();
        for (RecordComponent component : one.getClass().getRecordComponents()) {
            Object a = value(component, one);
            Object b = value(component, other);
            if (!Objects.equals(a, b)) {
                differ.append(" | ").append(component.getName()).append(": ").append(a).append(" vs ").append(b);
            }
        }
        return differ.toString();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
