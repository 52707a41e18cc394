package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = HtmlReport.render(ReportSamples.orgReport());

    @Test
    void shouldEscapeAttackerControlledStrings() {
        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(2)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void shouldEscapeInsideSvgAttributes() {
        assertThat(html).contains("data-id=\"web-identity:token.actions.githubusercontent.com/&lt;script&gt;");
    }

    @Test
    void shouldLoadNothingFromOutside() {
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?https?:");
    }

    @Test
    void shouldDrawEveryPathAndMarkCrossAccountOnes() {
        assertThat(count("<g class=\"edge")).isEqualTo(4);
        assertThat(count("<g class=\"edge cross-account\"")).isEqualTo(1);
        assertThat(count("<g class=\"node assumer\"")).isEqualTo(3);
        assertThat(count("<g class=\"node role\"")).as("ci-deploy is a role and an assumer").isEqualTo(4);
        assertThat(html).contains("42× · last 2026-11-20");
    }

    @Test
    void shouldHaveASectionPerFindingKindAndThePolicies() {
        assertThat(html).contains("<h3 id=\"unused-role\">Unused roles (1)</h3>",
                "<h3 id=\"dormant-key\">Dormant access keys (1)</h3>", "<h2 id=\"policies\">Least-privilege policies (1)</h2>",
                "<li>unused: iam:PassRole</li>");
        assertThat(count("<table class=\"findings\"")).isEqualTo(4);
    }

    @Test
    void shouldDropControlCharactersXmlForbids() {
        assertThat(HtmlText.escape("a\u0000b\u001bc\td")).isEqualTo("abc\td");
    }

    private int count(String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
