package io.tandem.ingest.service;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import io.tandem.ingest.BodyFormat;

/**
 * Intercom message bodies as plain text. Bodies are HTML up to API 2.14 and plain text in 2.15+ webhooks, so a body
 * is read as HTML only when it contains markup: tags are dropped, entities decoded, and paragraphs, list items and
 * line breaks become line breaks.
 */
public final class MessageText {

    private static final Pattern MARKUP = Pattern.compile(
            "<(?:[a-zA-Z][a-zA-Z0-9-]*(?:\\s[^>]*)?/?|/[a-zA-Z][a-zA-Z0-9-]*\\s*|!--.*?--)>", Pattern.DOTALL);
    // in HTML, line breaks in text are just spaces
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern SPACE_AROUND_BREAK = Pattern.compile(" ?\\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private MessageText() {
    }

    /** A body of unknown format: read as HTML when it contains markup. */
    public static String toPlainText(String body) {
        return toPlainText(body, BodyFormat.AUTO);
    }

    public static String toPlainText(String body, BodyFormat format) {
        if (body == null || body.isBlank()) {
            return "";
        }
        boolean html = switch (format) {
            case HTML -> true;
            case TEXT -> false;
            case AUTO -> MARKUP.matcher(body).find();
        };
        return tidy(html ? fromHtml(body) : body.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static String fromHtml(String html) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(WHITESPACE.matcher(textNode.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return text.toString();
    }

    private static String tidy(String text) {
        String lines = SPACE_AROUND_BREAK.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("\n");
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }
}
