package io.tandem.ingest;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a counter from /q/metrics, as Prometheus would. */
public final class Metrics {

    private Metrics() {
    }

    /** The counter's value, or 0 when it was never incremented. */
    public static double counter(String name, String tag, String value) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(tag + "=\"" + value
                + "\"") + "[^}]*\\} (\\S+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
