package dev.roletrail.simulator.traffic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/** Times within one simulated UTC day: working hours, weekends. */
public record DayClock(Instant day, RandomGenerator random) {

    public boolean weekend() {
        DayOfWeek weekday = day.atZone(ZoneOffset.UTC).getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    /** A random second between the two hours of this day. */
    public Instant between(int fromHour, int toHour) {
        long seconds = fromHour * 3600L + random.nextLong((toHour - fromHour) * 3600L);
        return day.plusSeconds(seconds);
    }

    /** A moment a little after {@code t}: 1 to {@code maxSeconds} seconds later. */
    public Instant after(Instant t, int maxSeconds) {
        return t.plusSeconds(1 + random.nextInt(maxSeconds));
    }

    public Instant hour(int hour) {
        return day.plus(Duration.ofHours(hour));
    }
}
