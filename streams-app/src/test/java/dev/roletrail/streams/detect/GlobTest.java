package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void shouldMatchWholeValuesWithStarsAndQuestionMarks() {
        Glob breakGlass = Glob.of(List.of("*:role/*BreakGlass*", "arn:aws:iam::1111?2223333:role/Ops"));

        assertThat(breakGlass.matches("arn:aws:iam::111122223333:role/BreakGlass")).isTrue();
        assertThat(breakGlass.matches("arn:aws:iam::111122223333:role/team/BreakGlassAdmin")).isTrue();
        assertThat(breakGlass.matches("arn:aws:iam::111102223333:role/Ops")).isTrue();
        assertThat(breakGlass.matches("arn:aws:iam::111122223333:role/Ops2")).as("whole value, not a prefix").isFalse();
        assertThat(breakGlass.matches("arn:aws:iam::111122223333:user/BreakGlass")).isFalse();
        assertThat(breakGlass.matches(null)).isFalse();
        assertThat(Glob.of(List.of()).matches("anything")).isFalse();
        assertThat(Glob.of(List.of("*")).matches("")).isTrue();
        assertThat(Glob.of(List.of("a.c")).matches("abc")).as("a dot is a dot, not a regex").isFalse();
    }

    @Test
    void shouldAgreeWithTheEquivalentRegexOnRandomPatternsAndValues() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomString(random, "ab*?", 6);
            String value = randomString(random, "ab", 8);
            assertThat(Glob.matches(pattern, value)).as("%s against %s", pattern, value)
                    .isEqualTo(Pattern.matches(pattern.replace("?", ".").replace("*", ".*"), value));
        }
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
