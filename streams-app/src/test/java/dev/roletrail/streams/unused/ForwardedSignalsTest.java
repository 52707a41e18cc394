package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ForwardedSignalsTest {

    private static final String READ = "arn:aws:iam::111122223333:role/App|s3:GetObject";
    private static final String WRITE = "arn:aws:iam::111122223333:role/App|s3:PutObject";
    private static final long DAY = 20_362;

    @Test
    void shouldLetASignatureThroughOnceADay() {
        ForwardedSignals forwarded = new ForwardedSignals(100);

        assertThat(forwarded.firstOnDay(READ, DAY)).isTrue();
        assertThat(forwarded.firstOnDay(READ, DAY)).isFalse();
        assertThat(forwarded.firstOnDay(WRITE, DAY)).isTrue();
        assertThat(forwarded.firstOnDay(READ, DAY + 1)).isTrue();
        assertThat(forwarded.firstOnDay(READ, DAY + 1)).isFalse();
        assertThat(forwarded.size()).isEqualTo(2);
    }

    @Test
    void shouldNotLetALateSignalOfAnEarlierDayThrough() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        forwarded.firstOnDay(READ, DAY + 1);

        assertThat(forwarded.firstOnDay(READ, DAY)).isFalse();
    }

    @Test
    void shouldForgetOnlyTheDaysBefore() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        forwarded.firstOnDay(READ, DAY);
        forwarded.firstOnDay(WRITE, DAY + 1);

        forwarded.forgetBefore(DAY + 1);

        assertThat(forwarded.size()).isEqualTo(1);
        assertThat(forwarded.firstOnDay(WRITE, DAY + 1)).isFalse();
        assertThat(forwarded.firstOnDay(READ, DAY)).as("forgotten, so it goes again").isTrue();
    }

    @Test
    void shouldKeepEverySignatureAsTheTableGrows() {
        ForwardedSignals forwarded = new ForwardedSignals(100_000);
        IntStream.range(0, 50_000).forEach(i -> assertThat(forwarded.firstOnDay("entity-" + i, DAY)).isTrue());

        assertThat(forwarded.size()).isEqualTo(50_000);
        assertThat(IntStream.range(0, 50_000).filter(i -> forwarded.firstOnDay("entity-" + i, DAY))).isEmpty();
    }

    @Test
    void shouldStayWithinItsBoundByForgettingEarlierDaysFirst() {
        ForwardedSignals forwarded = new ForwardedSignals(3);
        forwarded.firstOnDay("a", DAY);
        forwarded.firstOnDay("b", DAY);
        forwarded.firstOnDay("c", DAY + 1);

        assertThat(forwarded.firstOnDay("d", DAY + 1)).isTrue();

        assertThat(forwarded.size()).isEqualTo(2);
        assertThat(forwarded.firstOnDay("c", DAY + 1)).as("today's kept").isFalse();
        assertThat(forwarded.firstOnDay("d", DAY + 1)).isFalse();
    }

    @Test
    void shouldForgetEverythingWhenTodayAloneFillsIt() {
        ForwardedSignals forwarded = new ForwardedSignals(2);
        forwarded.firstOnDay("a", DAY);
        forwarded.firstOnDay("b", DAY);

        assertThat(forwarded.firstOnDay("c", DAY)).isTrue();

        assertThat(forwarded.size()).isEqualTo(1);
        assertThat(forwarded.firstOnDay("a", DAY)).as("forgotten: forwarded again, which is harmless").isTrue();
    }

    @Test
    void shouldHashSimilarSignaturesApart() {
        Set<Long> hashes = new HashSet<>();
        IntStream.range(0, 200_000).forEach(i -> hashes.add(ForwardedSignals.hash(READ + "|" + i)));

        assertThat(hashes).hasSize(200_000).doesNotContain(0L);
        assertThat(ForwardedSignals.hash(READ)).isNotEqualTo(ForwardedSignals.hash(WRITE));
    }

    @Test
    void shouldRefuseNoRoom() {
        assertThatThrownBy(() -> new ForwardedSignals(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
