package dev.roletrail.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeNearestRanksWhateverTheOrder() {
        List<Long> values = new ArrayList<>(LongStream.rangeClosed(1, 200).boxed().toList());
        Collections.shuffle(values, new java.util.Random(3));

        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(200, 100, 198, 200));
    }

    @Test
    void shouldGiveTheOutlierAsP99OnlyWhenItIsMoreThanOnePercent() {
        List<Long> hundred = new ArrayList<>(Collections.nCopies(99, 10L));
        hundred.add(5_000L);
        List<Long> fifty = new ArrayList<>(Collections.nCopies(49, 10L));
        fifty.add(5_000L);

        assertThat(Percentiles.of(hundred)).as("the 99th of 100 values is the second largest")
                .isEqualTo(new Percentiles(100, 10, 10, 5_000));
        assertThat(Percentiles.of(fifty)).as("of 50 values the 99th percentile is the largest")
                .isEqualTo(new Percentiles(50, 10, 5_000, 5_000));
    }

    @Test
    void shouldTakeTheOnlyValueForEveryPercentile() {
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(1, 7, 7, 7));
    }

    @Test
    void shouldRefuseNoValues() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(List.of()));
    }
}
