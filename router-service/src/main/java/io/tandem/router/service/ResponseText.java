package io.tandem.router.service;

import java.util.ArrayList;
import java.util.List;

import io.tandem.contracts.Response;

/** Dialog responses as plain text, for notes teammates read. */
final class ResponseText {

    private ResponseText() {
    }

    static String of(List<Response> responses) {
        List<String> parts = new ArrayList<>();
        for (Response response : responses) {
            String text = of(response);
            if (!text.isBlank()) {
                parts.add(text);
            }
        }
        return String.join("\n", parts);
    }

    private static String of(Response response) {
        if (response.type() == null) {
            return "";
        }
        return switch (response.type()) {
            case Response.TEXT -> nullToEmpty(response.text()).strip();
            case Response.OPTION -> {
                StringBuilder text = new StringBuilder(nullToEmpty(response.title()).strip());
                for (int i = 0; i < response.options().size(); i++) {
                    text.append(text.isEmpty() ? "" : "\n").append(i + 1).append(". ")
                            .append(response.options().get(i).label());
                }
                yield text.toString();
            }
            case Response.IMAGE -> joinNonBlank(response.title(), response.source());
            default -> "";
        };
    }

    private static String joinNonBlank(String first, String second) {
        String a = nullToEmpty(first).strip();
        String b = nullToEmpty(second).strip();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
