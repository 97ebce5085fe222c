package io.tandem.responder.service;

import java.util.regex.Pattern;

/**
 * Text as Intercom's HTML bodies take it: everything escaped, so no customer input or context value becomes markup.
 */
public final class HtmlText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private HtmlText() {
    }

    /** The text with {@code & < > " '} as entities: safe in element content and in quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A paragraph of the escaped text, its line breaks kept as {@code <br>}. */
    public static String paragraph(String text) {
        return "<p>" + escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br>") + "</p>";
    }

    /**
     * What a reader sees of an HTML body, to recognise a part Intercom stored (it may re-wrap or re-encode the
     * markup): tags dropped, common entities decoded, white space collapsed.
     */
    public static String visibleText(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(html.replace("<br>", " ").replace("</p>", " ")).replaceAll(" ");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
