package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void shouldLetAnArnBreakAfterColonsAndSlashesButNeverInsideAHyphenatedName() {
        assertThat(HtmlText.arn("arn:aws:iam::111122223333:role/team-a/ci-deploy"))
                .isEqualTo("arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>111122223333:<wbr>role/<wbr><span class=\"seg\">team-a</span>"
                        + "/<wbr><span class=\"seg\">ci-deploy</span>");
        assertThat(HtmlText.arn("user/alice (2026-11-19, 1×)")).as("spaces still break")
                .isEqualTo("user/<wbr>alice <span class=\"seg\">(2026-11-19,</span> 1×)");
    }

    @Test
    void shouldBreakADateAndTimeOnlyAtTheirSpaces() {
        assertThat(HtmlText.words("2026-09-21 12:05Z")).isEqualTo("<span class=\"seg\">2026-09-21</span> "
                + "<span class=\"seg\">12:05Z</span>");
        assertThat(HtmlText.words("not seen since tracking began (2026-04-27) <b>"))
                .isEqualTo("not seen since tracking began <span class=\"seg\">(2026-04-27)</span> &lt;b&gt;");
    }

    @Test
    void shouldKeepHostileNamesInertInsideTheirSegments() {
        assertThat(HtmlText.arn("role/x-<script>alert(1)</script>"))
                .isEqualTo("role/<wbr><span class=\"seg\">x-&lt;script&gt;alert(1)&lt;</span>/<wbr>script&gt;");
        assertThat(HtmlText.arn(null)).isEmpty();
    }
}
