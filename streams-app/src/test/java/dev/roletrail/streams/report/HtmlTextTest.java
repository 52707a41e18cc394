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
    void shouldKeepHostileNamesInertInsideTheirSegments() {
        assertThat(HtmlText.arn("role/x-<script>alert(1)</script>"))
                .isEqualTo("role/<wbr><span class=\"seg\">x-&lt;script&gt;alert(1)&lt;</span>/<wbr>script&gt;");
        assertThat(HtmlText.arn(null)).isEmpty();
    }
}
