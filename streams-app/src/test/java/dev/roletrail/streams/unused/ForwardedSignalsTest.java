package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.unused.ForwardedSignals.Verdict;

class ForwardedSignalsTest {

    private static final String READ = "arn:aws:iam::111122223333:role/App|s3:GetObject";
    private static final String WRITE = "arn:aws:iam::111122223333:role/App|s3:PutObject";
    private static final long DAY = 20_362;

    @Test
    void shouldLetASignatureThroughOnceADay() {
        ForwardedSignals forwarded = new ForwardedSignals(100);

        assertThat(firstOnDay(forwarded, READ, DAY)).isTrue();
        assertThat(firstOnDay(forwarded, READ, DAY)).isFalse();
        assertThat(firstOnDay(forwarded, WRITE, DAY)).isTrue();
        assertThat(firstOnDay(forwarded, READ, DAY + 1)).isTrue();
        assertThat(firstOnDay(forwarded, READ, DAY + 1)).isFalse();
        assertThat(forwarded.size()).isEqualTo(2);
    }

    @Test
    void shouldNotLetALateSignalOfAnEarlierDayThrough() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        firstOnDay(forwarded, READ, DAY + 1);

        assertThat(firstOnDay(forwarded, READ, DAY)).isFalse();
    }

    @Test
    void shouldForgetOnlyTheDaysBefore() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        firstOnDay(forwarded, READ, DAY);
        firstOnDay(forwarded, WRITE, DAY + 1);

        forwarded.forgetBefore(DAY + 1);

        assertThat(forwarded.size()).isEqualTo(1);
        assertThat(firstOnDay(forwarded, WRITE, DAY + 1)).isFalse();
        assertThat(firstOnDay(forwarded, READ, DAY)).as("forgotten, so it goes again").isTrue();
    }

    @Test
    void shouldKeepEverySignatureAsTheTableGrows() {
        ForwardedSignals forwarded = new ForwardedSignals(100_000);
        IntStream.range(0, 50_000).forEach(i -> assertThat(firstOnDay(forwarded, "entity-" + i, DAY)).isTrue());

        assertThat(forwarded.size()).isEqualTo(50_000);
        assertThat(IntStream.range(0, 50_000).filter(i -> firstOnDay(forwarded, "entity-" + i, DAY))).isEmpty();
    }

    @Test
    void shouldStayWithinItsBoundByForgettingEarlierDaysFirst() {
        ForwardedSignals forwarded = new ForwardedSignals(3);
        firstOnDay(forwarded, "a", DAY);
        firstOnDay(forwarded, "b", DAY);
        firstOnDay(forwarded, "c", DAY + 1);

        assertThat(firstOnDay(forwarded, "d", DAY + 1)).isTrue();

        assertThat(forwarded.size()).isEqualTo(2);
        assertThat(firstOnDay(forwarded, "c", DAY + 1)).as("today's kept").isFalse();
        assertThat(firstOnDay(forwarded, "d", DAY + 1)).isFalse();
    }

    @Test
    void shouldForgetEverythingWhenTodayAloneFillsIt() {
        ForwardedSignals forwarded = new ForwardedSignals(2);
        firstOnDay(forwarded, "a", DAY);
        firstOnDay(forwarded, "b", DAY);

        assertThat(firstOnDay(forwarded, "c", DAY)).isTrue();

        assertThat(forwarded.size()).isEqualTo(1);
        assertThat(firstOnDay(forwarded, "a", DAY)).as("forgotten: forwarded again, which is harmless").isTrue();
    }

    @Test
    void shouldCallALaterUseOfTheSameDayItsLatestSoFar() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        assertThat(offer(forwarded, READ, "09:00", DAY)).isEqualTo(Verdict.FORWARD);
        assertThat(offer(forwarded, READ, "10:00", DAY)).isEqualTo(Verdict.LATEST);
        assertThat(offer(forwarded, READ, "23:00", DAY)).isEqualTo(Verdict.LATEST);
        assertThat(offer(forwarded, READ, "12:00", DAY)).as("earlier than the latest").isEqualTo(Verdict.NONE);
        assertThat(offer(forwarded, READ, "23:00", DAY)).as("no later").isEqualTo(Verdict.NONE);
        assertThat(offer(forwarded, READ, "01:00", DAY + 1)).isEqualTo(Verdict.FORWARD);
        assertThat(offer(forwarded, READ, "23:30", DAY)).as("a day before the one noted").isEqualTo(Verdict.NONE);
    }

    @Test
    void shouldCallNoUseTheLatestThatIsEarlierThanALatestNotedFromElsewhere() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        assertThat(offer(forwarded, READ, "07:00", DAY)).isEqualTo(Verdict.FORWARD);

        forwarded.noteLatest(hash(READ), DAY, at(DAY, "18:00").toEpochMilli());
        forwarded.noteLatest(hash(READ), DAY, at(DAY, "08:00").toEpochMilli()); // earlier: no news
        forwarded.noteLatest(hash(WRITE), DAY, at(DAY, "18:00").toEpochMilli()); // not noted that day: ignored

        assertThat(offer(forwarded, READ, "12:00", DAY)).as("earlier than the noted latest").isEqualTo(Verdict.NONE);
        assertThat(offer(forwarded, READ, "19:00", DAY)).isEqualTo(Verdict.LATEST);
        assertThat(offer(forwarded, WRITE, "09:00", DAY)).isEqualTo(Verdict.FORWARD);
    }

    @Test
    void shouldCallNoUseTheLatestWhenOnlyTheFirstOfADayMatters() {
        ForwardedSignals forwarded = new ForwardedSignals(100);
        long nine = at(DAY, "09:00").toEpochMilli();
        assertThat(forwarded.offer(hash(READ), DAY, nine, false)).isEqualTo(Verdict.FORWARD);

        assertThat(forwarded.offer(hash(READ), DAY, nine + 3_600_000, false)).isEqualTo(Verdict.NONE);
        assertThat(forwarded.offer(hash(READ), DAY + 1, nine, false)).isEqualTo(Verdict.FORWARD);
    }

    @Test
    void shouldHashSimilarSignaturesApart() {
        Set<Long> hashes = new HashSet<>();
        IntStream.range(0, 200_000).forEach(i -> hashes.add(hash(READ + "|" + i)));

        assertThat(hashes).hasSize(200_000).doesNotContain(0L);
        assertThat(hash(READ)).isNotEqualTo(hash(WRITE));
    }

    @Test
    void shouldHashSignalsApartByEveryFieldButTheirTime() {
        Instant at = at(DAY, "09:00");
        Trait trait = new Trait("AKIAEXAMPLE", "aws-cli", "192.0.2.0/24", 2);
        UsageSignal use = new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin",
                "192.0.2.0/24", "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null);
        List<UsageSignal> others = List.of(
                new UsageSignal(WRITE, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, true, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, null, "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24", "aws-cli",
                        null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAOTHER", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "bob", "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "other", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "198.51.100.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "boto3", null, trait, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, new Trait("AKIAEXAMPLE", "aws-cli", "192.0.2.0/24", 3),
                        "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, null, "arn:aws:iam::111122223333:role/Reached", null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, null, null),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLE", "alice", "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", "creator"),
                new UsageSignal(READ, at, false, "s3:GetObject", "AKIAEXAMPLEalice", null, "origin", "192.0.2.0/24",
                        "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached", null));
        UsageSignal later = new UsageSignal(READ, at.plusSeconds(3_600), false, "s3:GetObject", "AKIAEXAMPLE",
                "alice", "origin", "192.0.2.0/24", "aws-cli", null, trait, "arn:aws:iam::111122223333:role/Reached",
                null);

        assertThat(later.signatureHash()).as("the same news later").isEqualTo(use.signatureHash());
        assertThat(others).extracting(UsageSignal::signatureHash).doesNotContain(use.signatureHash())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseNoRoom() {
        assertThatThrownBy(() -> new ForwardedSignals(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whether a use at the start of {@code day} is forwarded at once: repeats of it are never later. */
    private static boolean firstOnDay(ForwardedSignals forwarded, String signature, long day) {
        return offer(forwarded, signature, "00:00", day) == Verdict.FORWARD;
    }

    /** A use of {@code signature} at {@code time} of {@code day}, whose latest use matters. */
    private static Verdict offer(ForwardedSignals forwarded, String signature, String time, long day) {
        return forwarded.offer(hash(signature), day, at(day, time).toEpochMilli(), true);
    }

    /** A signature hashed as one field, as {@link UsageSignal#signatureHash()} hashes each of its fields. */
    private static long hash(String signature) {
        return ForwardedSignals.finish(ForwardedSignals.mix(ForwardedSignals.HASH_START, signature));
    }

    private static Instant at(long day, String time) {
        return LocalDate.ofEpochDay(day).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }
}
