package io.tandem.router.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the admin API as the tests' callers make them. */
public final class AdminApi {

    public static final String OPERATOR_KEY = "test-admin-key";
    public static final String ACME_KEY = "acme-key";
    public static final String GLOBEX_KEY = "globex-key";

    private AdminApi() {
    }

    public static RequestSpecification operator() {
        return as(OPERATOR_KEY);
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    public static String workspace(String appId) {
        return "/api/workspaces/" + appId;
    }
}
