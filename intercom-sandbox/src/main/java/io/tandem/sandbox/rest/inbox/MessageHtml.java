package io.tandem.sandbox.rest.inbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A part's body as the inbox shows it: teammates' bodies are HTML (Tandem's are) or plain text, the customer's are
 * plain text as typed (the sandbox keeps them so); either way only an allow-list of harmless markup reaches the page.
 */
final class MessageHtml {

    private static final Safelist ALLOWED = Safelist.basic();
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private MessageHtml() {
    }

    /** A teammate's body: HTML when it has markup, else plain text. */
    static String of(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return body.contains("<") ? Jsoup.clean(body, "", ALLOWED, OUTPUT) : ofText(body);
    }

    /** Plain text, every character shown as typed, line breaks kept. */
    static String ofText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return escape(body.strip()).replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
