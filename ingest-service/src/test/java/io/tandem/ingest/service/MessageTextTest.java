package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tandem.ingest.BodyFormat;

class MessageTextTest {

    @Test
    void stripsTags() {
        assertThat(MessageText.toPlainText("<p>Hello <b>everyone</b>!</p>")).isEqualTo("Hello everyone!");
    }

    @Test
    void decodesNamedAndNumericEntities() {
        assertThat(MessageText.toPlainText("<p>Tom &amp; Jerry&nbsp;&lt;3 caf&eacute; &#39;ok&#39; &#x2713;</p>"))
                .isEqualTo("Tom & Jerry <3 café 'ok' ✓");
    }

    @Test
    void turnsParagraphsListItemsAndLineBreaksIntoLines() {
        assertThat(MessageText.toPlainText("<p>First line<br>second line</p><p>Next</p><ul><li>a</li><li>b</li></ul>"))
                .isEqualTo("First line\nsecond line\nNext\na\nb");
    }

    @Test
    void collapsesWhitespaceOfTheMarkup() {
        assertThat(MessageText.toPlainText("<p>\n  spread\n   over   lines  </p>\n\n<p>  </p>"))
                .isEqualTo("spread over lines");
    }

    @Test
    void keepsTheTextOfLinksAndDropsImages() {
        assertThat(MessageText.toPlainText("<p>See <a href=\"https://example.test/x\">the docs</a> <img src=\"x.png\"></p>"))
                .isEqualTo("See the docs");
    }

    @Test
    void dropsScriptsAndComments() {
        assertThat(MessageText.toPlainText("<p>Hi<!-- note --></p><script>alert(1)</script>")).isEqualTo("Hi");
    }

    @Test
    void leavesPlainTextBodiesAlone() {
        assertThat(MessageText.toPlainText("Is 3 < 5 & 7 > 4?\r\nSecond line")).isEqualTo("Is 3 < 5 & 7 > 4?\nSecond line");
    }

    @Test
    void givesEmptyTextForMissingOrBlankBodies() {
        assertThat(MessageText.toPlainText(null)).isEmpty();
        assertThat(MessageText.toPlainText("  ")).isEmpty();
        assertThat(MessageText.toPlainText("<p></p>")).isEmpty();
    }

    @Test
    void aPlainTextWorkspaceKeepsWhatLooksLikeMarkup() {
        assertThat(MessageText.toPlainText("Use <b>bold</b> &amp; see <see photo>", BodyFormat.TEXT))
                .isEqualTo("Use <b>bold</b> &amp; see <see photo>");
    }

    @Test
    void anHtmlWorkspaceDecodesEvenWithoutTags() {
        assertThat(MessageText.toPlainText("Tom &amp; Jerry", BodyFormat.HTML)).isEqualTo("Tom & Jerry");
        assertThat(MessageText.toPlainText("Tom &amp; Jerry", BodyFormat.AUTO)).isEqualTo("Tom &amp; Jerry");
    }
}
