package io.tandem.replay.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import io.tandem.replay.ReplayException;

/** Writes a what-if report as a terminal table, as JSON ({@code what-if.json}) and as HTML ({@code what-if.html}). */
public final class ReportWriter {

    public static final String JSON_FILE = "what-if.json";
    public static final String HTML_FILE = "what-if.html";
    private static final int TEXT_WIDTH = 32;
    private static final int NODE_WIDTH = 22;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void table(WhatIfReport report, PrintStream out) {
        String format = "%-3s %-" + TEXT_WIDTH + "s | %-" + NODE_WIDTH + "s %5s %-12s | %-" + NODE_WIDTH
                + "s %5s %-12s%n";
        out.printf(Locale.ROOT, format, "", "customer message", "then: node", "conf", "action", "now: node", "conf",
                "action");
        out.println("-".repeat(3 + 1 + TEXT_WIDTH + 3 + 2 * (NODE_WIDTH + 20) + 3));
        for (MessageDiff message : report.messages()) {
            Decision then = message.then();
            out.printf(Locale.ROOT, format, message.changed() ? "*" : "", cut(oneLine(message.text()), TEXT_WIDTH),
                    then == null ? "(no decision then)" : cut(then.nodeOrNone(), NODE_WIDTH),
                    then == null ? "" : String.format(Locale.ROOT, "%.2f", then.confidence()),
                    then == null ? "" : cut(then.action(), 12), cut(message.now().nodeOrNone(), NODE_WIDTH),
                    String.format(Locale.ROOT, "%.2f", message.now().confidence()), cut(message.now().action(), 12));
        }
        WhatIfReport.Totals totals = report.totals();
        out.printf(Locale.ROOT, "%n%d customer message(s): %d changed (* above), %d unchanged; node changed %d,"
                + " action changed %d, confidence changed %d, no decision then %d%n", totals.messages(),
                totals.changed(), totals.unchanged(), totals.nodeChanged(), totals.actionChanged(),
                totals.confidenceChanged(), totals.withoutDecisionThen());
        totals.transitions().forEach((transition, count) -> out.printf(Locale.ROOT, "  %-40s %d%n", transition,
                count));
    }

    /** Writes both files into {@code dir}; returns the JSON file. */
    public static Path write(WhatIfReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(JSON_FILE);
            JSON.writeValue(json.toFile(), report);
            Files.writeString(dir.resolve(HTML_FILE), html(report), StandardCharsets.UTF_8);
            return json;
        } catch (IOException e) {
            throw new ReplayException("could not write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    static String html(WhatIfReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>What-if ")
                .append(escape(report.runId())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("tr.changed{background:#fff4d6}td.num{text-align:right}\n</style>\n</head>\n<body>\n")
                .append("<h1>What-if replay ").append(escape(report.runId())).append("</h1>\n<p>Period: ")
                .append(escape(report.period())).append("<br>Against: ").append(escape(report.changes()))
                .append("</p>\n");
        WhatIfReport.Totals totals = report.totals();
        html.append("<h2>Totals</h2>\n<table>\n");
        row(html, "customer messages", totals.messages());
        row(html, "changed", totals.changed());
        row(html, "unchanged", totals.unchanged());
        row(html, "node changed", totals.nodeChanged());
        row(html, "action changed", totals.actionChanged());
        row(html, "confidence changed", totals.confidenceChanged());
        row(html, "no decision then", totals.withoutDecisionThen());
        totals.transitions().forEach((transition, count) -> row(html, transition, count));
        html.append("</table>\n<h2>Messages</h2>\n<table>\n<tr><th>conversation</th><th>time</th>")
                .append("<th>customer message</th><th>node then</th><th>confidence then</th><th>action then</th>")
                .append("<th>node now</th><th>confidence now</th><th>action now</th></tr>\n");
        for (MessageDiff message : report.messages()) {
            Decision then = message.then();
            html.append(message.changed() ? "<tr class=\"changed\">" : "<tr>")
                    .append(cell(message.conversationId())).append(cell(String.valueOf(message.occurredAt())))
                    .append(cell(message.text()))
                    .append(cell(then == null ? "(no decision then)" : then.nodeOrNone()))
                    .append(then == null ? "<td></td>" : number(then.confidence()))
                    .append(cell(then == null ? "" : then.action()))
                    .append(cell(message.now().nodeOrNone())).append(number(message.now().confidence()))
                    .append(cell(message.now().action())).append("</tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder html, String label, int value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td class=\"num\">").append(value)
                .append("</td></tr>\n");
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String number(double value) {
        return "<td class=\"num\">" + String.format(Locale.ROOT, "%.2f", value) + "</td>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "\u2026";
    }
}
