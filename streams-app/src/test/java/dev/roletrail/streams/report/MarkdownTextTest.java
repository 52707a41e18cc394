package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "a | b", "`code` and ``more``",
            "line\nbreak\r\nhere", "[x](javascript:alert(1))", "![i](https://evil.example/i.png)", "*bold* _em_",
            "https://evil.example/x", "www.evil.example", "&lt;already&gt;", "\\[escaped?\\]", "~~strike~~");

    @Test
    void shouldLeaveWhatMarkdownDoesNotReadAlone() {
        assertThat(MarkdownText.escape("2026-W39 to 2026-10-01 (UTC), generated 2026-10-05 06:00Z"))
                .isEqualTo("2026-W39 to 2026-10-01 (UTC), generated 2026-10-05 06:00Z");
        assertThat(MarkdownText.escape("3 actions used in the last 90 days: s3:GetObject, iam:PassRole."))
                .isEqualTo("3 actions used in the last 90 days: s3:GetObject, iam:PassRole.");
    }

    @Test
    void shouldPutAnArnInACodeSpanUnescaped() {
        assertThat(MarkdownText.identifier("arn:aws:iam::111122223333:role/service-role/Admin_1"))
                .isEqualTo("`arn:aws:iam::111122223333:role/service-role/Admin_1`");
        assertThat(MarkdownText.identifier("AKIAEXAMPLE000000001")).isEqualTo("`AKIAEXAMPLE000000001`");
    }

    @Test
    void shouldWriteAnIdentifierThatIsNoPlainIdAsEscapedText() {
        assertThat(MarkdownText.identifier("web-identity:token.actions.githubusercontent.com/<b>x</b>"))
                .isEqualTo("web-identity:token.actions.githubusercontent.com/&lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void shouldFenceACodeSpanLongerThanAnyBacktickRunInside() {
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("``x``")).isEqualTo("``` ``x`` ```");
        assertThat(MarkdownText.code("a|b\nc")).as("a pipe ends a table cell even in a code span").isEqualTo("`a\\|b c`");
    }

    @Test
    void shouldKeepHostileStringsInertAsText() {
        assertThat(MarkdownText.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(MarkdownText.escape("[x](javascript:alert(1))")).isEqualTo("\\[x\\](javascript:alert(1))");
        assertThat(MarkdownText.escape("![i](https://evil.example/i.png)"))
                .isEqualTo("!\\[i\\](https\\://evil.example/i.png)");
        assertThat(MarkdownText.escape("*bold* _em_ ~~s~~")).isEqualTo("\\*bold\\* \\_em\\_ \\~\\~s\\~\\~");
        assertThat(MarkdownText.escape("a | b `c`")).isEqualTo("a \\| b \\`c\\`");
        assertThat(MarkdownText.escape("www.evil.example")).as("no GFM autolink").isEqualTo("www\\.evil.example");
        assertThat(MarkdownText.escape("# +1 -1")).as("inline: no line start to guard").isEqualTo("# +1 -1");
        assertThat(MarkdownText.escape("a\\b")).isEqualTo("a\\\\b");
        for (String hostile : HOSTILE) {
            String identifier = MarkdownText.identifier(hostile);
            if (identifier.startsWith("`")) {
                assertThat(identifier).as(hostile).isEqualTo(MarkdownText.code(hostile));
            } else {
                assertThat(identifier).as(hostile).isEqualTo(MarkdownText.escape(hostile));
            }
            assertThat(MarkdownText.escape(hostile)).as(hostile).doesNotContain("\n", "\r", "<", "\\\\|")
                    .doesNotContainPattern("(?<!\\\\)[|\\[`*_]")
                    .doesNotContainPattern("(?<!\\\\)(https?:|www\\.)");
            assertThat(MarkdownText.code(hostile)).as(hostile).doesNotContain("\n", "\r")
                    .doesNotContainPattern("(?<!\\\\)\\|");
        }
    }
}
