package dev.roletrail.simulator.output;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * When CloudTrail delivers an event: usually 5 to 15 minutes after it happened, rounded up to its 5-minute delivery
 * slot; about one benign event in a hundred hours late (delayed service logs), so objects arrive out of order; and
 * about one in three hundred delivered twice.
 */
public final class Delivery {

    private final RandomGenerator random;

    public Delivery(RandomGenerator random) {
        this.random = random;
    }

    /** The delivery slot of an event; {@code mayBeLate} is false for attack events, whose timing is the label's. */
    public Instant slot(Instant eventTime, boolean mayBeLate) {
        long delaySeconds = mayBeLate && random.nextInt(100) == 0
                ? 3_600L + random.nextInt(3 * 3_600)
                : 300L + random.nextInt(600);
        Instant delivered = eventTime.plusSeconds(delaySeconds);
        Instant minute = delivered.truncatedTo(ChronoUnit.MINUTES);
        long intoSlot = minute.getEpochSecond() % 300;
        return intoSlot == 0 ? minute : minute.plusSeconds(300 - intoSlot);
    }

    public boolean duplicate() {
        return random.nextInt(300) == 0;
    }
}
