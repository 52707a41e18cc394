package dev.roletrail.streams.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Open findings per kind at the end of one week, for the report's trend chart, and where the numbers come from: past
 * weeks are not all known, and the chart says so rather than invent them.
 *
 * @param week   ISO week, {@code 2026-W47}
 * @param source how the counts are known
 * @param open   kind id → open findings at the week's end, every charted kind; empty when {@link Source#NOT_KNOWN}
 */
public record WeekFindings(String week, Source source, Map<String, Long> open) {

    /** How a week's counts are known. */
    public enum Source {
        /** The report's own week: its open findings. */
        THIS_WEEK("this week"),
        /** Counted by the report published for that week. */
        REPORTED("reported"),
        /**
         * Estimated from the current state ({@link FindingsTrend#openAt}): findings whose content changed since are
         * missing, resolved ones count as open until they resolved.
         */
        ESTIMATED("≈ estimate"),
        /** Before RoleTrail's observations began, and no report of it: nothing to count from. */
        NOT_KNOWN("not known");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        /** How the chart and tables name it. */
        public String words() {
            return words;
        }
    }

    public WeekFindings {
        IsoWeek.parse(week);
        Objects.requireNonNull(source, "source");
        open = source == Source.NOT_KNOWN || open == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(open));
    }

    /** Open findings of every kind together, or null when not known. */
    Long total() {
        return source == Source.NOT_KNOWN ? null : open.values().stream().mapToLong(Long::longValue).sum();
    }

    long count(String kind) {
        return open.getOrDefault(kind, 0L);
    }
}
