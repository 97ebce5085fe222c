package io.tandem.replay.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WhatIfReportTest {

    private static final Decision HOURS = new Decision("Opening hours", 0.81, List.of("REPLY"));

    @Test
    void totalsCountWhatChangedAndEachActionTransition() {
        WhatIfReport report = WhatIfReport.of("run-1", "period", "skill v2", List.of(
                new MessageDiff("e1", "c1", Instant.EPOCH, "when are you open?", HOURS,
                        new Decision("Anything else", 0.81, List.of("REPLY"))),
                new MessageDiff("e2", "c2", Instant.EPOCH, "return this", new Decision("Returns", 0.9,
                        List.of("REPLY")), new Decision("Returns", 0.9, List.of("NOTE", "ASSIGN"))),
                new MessageDiff("e3", "c3", Instant.EPOCH, "hello", HOURS, HOURS),
                new MessageDiff("e4", "c4", Instant.EPOCH, "late", null, HOURS)));

        WhatIfReport.Totals totals = report.totals();

        assertThat(totals.messages()).isEqualTo(4);
        assertThat(totals.changed()).isEqualTo(3);
        assertThat(totals.unchanged()).isEqualTo(1);
        assertThat(totals.nodeChanged()).isEqualTo(1);
        assertThat(totals.actionChanged()).isEqualTo(1);
        assertThat(totals.confidenceChanged()).isZero();
        assertThat(totals.withoutDecisionThen()).isEqualTo(1);
        assertThat(totals.transitions()).containsExactly(java.util.Map.entry("REPLY -> NOTE+ASSIGN", 1));
    }

    @Test
    void aConfidenceChangeBelowHalfAHundredthIsNoChange() {
        MessageDiff diff = new MessageDiff("e", "c", Instant.EPOCH, "t", HOURS,
                new Decision("Opening hours", 0.813, List.of("REPLY")));

        assertThat(diff.changed()).isFalse();
    }

    @Test
    void theFilesHoldEveryMessageAndTheHtmlEscapesWhatCustomersWrote(@TempDir Path dir) throws Exception {
        WhatIfReport report = WhatIfReport.of("run-2", "period", "rules.json", List.of(
                new MessageDiff("e1", "c1", Instant.EPOCH, "<script>alert('x')</script> & more", HOURS,
                        new Decision(null, 0, List.of()))));

        ReportWriter.write(report, dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(ReportWriter.JSON_FILE).toFile());
        assertThat(json.get("messages").get(0).get("text").asText()).startsWith("<script>");
        assertThat(json.get("messages").get(0).get("changed").asBoolean()).isTrue();
        assertThat(json.get("totals").get("changed").asInt()).isEqualTo(1);
        String html = Files.readString(dir.resolve(ReportWriter.HTML_FILE));
        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .contains("(no node)").contains("REPLY -&gt; none");
    }

    @Test
    void theTableStarsChangedRowsAndEndsWithTotals() {
        WhatIfReport report = WhatIfReport.of("run-3", "period", "skill", List.of(
                new MessageDiff("e1", "c1", Instant.EPOCH, "hello", HOURS, HOURS),
                new MessageDiff("e2", "c2", Instant.EPOCH, "bye", HOURS, new Decision("Goodbye", 0.7,
                        List.of("REPLY")))));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        ReportWriter.table(report, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(2)).startsWith("    hello");
        assertThat(lines.get(3)).startsWith("*   bye");
        assertThat(lines).contains("2 customer message(s): 1 changed (* above), 1 unchanged; node changed 1,"
                + " action changed 0, confidence changed 1, no decision then 0");
    }
}
