package io.tandem.router.rest.page;

import static io.restassured.RestAssured.given;
import static io.tandem.router.rest.AdminApi.ACME_KEY;
import static io.tandem.router.rest.AdminApi.GLOBEX_KEY;
import static io.tandem.router.rest.AdminApi.as;
import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.testsupport.TandemInfraResource;

/** The integration page's parts over plain HTTP: the admin API's keys guard them, and they change through the API. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class PageFragmentsTest {

    static final String APP = PageStandIns.APP;
    static final String FRAGMENTS = "/workspaces/" + APP + "/fragments/";
    static final List<String> READABLE = List.of("integration", "rules", "insight", "skill");

    @Inject
    WorkspaceReset workspaces;

    @BeforeEach
    void freshWorkspace() {
        StandIns.stubDefaults();
        PageStandIns.stub();
        workspaces.reset(APP);
    }

    @Test
    void thePageItselfHoldsNoDataAndAsksForTheKey() {
        given().redirects().follow(false).when().get("/")
                .then().statusCode(303).header("Location", endsWith("/workspaces/acme"));
        given().when().get("/workspaces/" + APP)
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("id=\"api-key\""))
                .body(containsString("data-fragments=\"/workspaces/acme/fragments\""))
                .body(not(containsString("Order status")));
        given().redirects().follow(false).queryParam("appId", "globex").when().get("/workspaces")
                .then().statusCode(303).header("Location", endsWith("/workspaces/globex"));
    }

    @Test
    void everyPartNeedsAnAdminKeyOfTheWorkspace() {
        for (String part : READABLE) {
            given().when().get(FRAGMENTS + part)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
            given().header("Authorization", "Bearer not-a-key").when().get(FRAGMENTS + part)
                    .then().statusCode(401);
            html(GLOBEX_KEY).when().get(FRAGMENTS + part)
                    .then().statusCode(403).contentType("application/problem+json");
            html(ACME_KEY).when().get(FRAGMENTS + part)
                    .then().statusCode(200).contentType(ContentType.HTML);
        }
    }

    @Test
    void changesWithoutAKeyOrWithAnotherWorkspacesKeyAreRefusedAndStoreNothing() {
        form(null).formParam("node", "Returns").formParam("action", "SUGGEST").formParam("backup", "team:7")
                .when().post(FRAGMENTS + "rules").then().statusCode(401);
        form(GLOBEX_KEY).formParam("node", "Returns").formParam("action", "SUGGEST").formParam("backup", "team:7")
                .when().post(FRAGMENTS + "rules").then().statusCode(403);
        form(GLOBEX_KEY).formParam("threshold", "0.9").when().post(FRAGMENTS + "integration")
                .then().statusCode(403);

        operator().when().get(workspace(APP) + "/rules").then().statusCode(200)
                .body("actionRules", empty()).body("backupRules", empty());
        operator().when().get(workspace(APP) + "/integration").then().statusCode(200)
                .body("updatedAt", nullValue());
    }

    @Test
    void aSavedRowIsStoredThroughTheRulesApiAndRecordedAsTheKeysChange() {
        String row = form(ACME_KEY).formParam("node", "Returns").formParam("action", "SUGGEST")
                .formParam("backup", "team:7")
                .when().post(FRAGMENTS + "rules")
                .then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();

        assertThat(row).contains("data-node=\"Returns\"").contains("class=\"saved\"")
                .contains("<option value=\"SUGGEST\" selected>").contains("<option value=\"team:7\" selected>")
                .doesNotContain("class=\"warning\"");
        operator().when().get(workspace(APP) + "/rules").then().statusCode(200)
                .body("nodes.find { it.node == 'Returns' }.action", equalTo("SUGGEST"))
                .body("nodes.find { it.node == 'Returns' }.backup.type", equalTo("team"))
                .body("nodes.find { it.node == 'Returns' }.backup.id", equalTo("7"));

        as(ACME_KEY).body("{\"action\":\"SEND\"}").when().put(workspace(APP) + "/rules/actions/Opening hours")
                .then().statusCode(200);
        List<String> who = operator().when().get(workspace(APP) + "/changes").then().statusCode(200)
                .extract().jsonPath().getList("changedBy");
        assertThat(who).hasSize(3).allMatch(name -> name.startsWith("workspace acme key "));
        assertThat(who).containsOnly(who.get(0));
    }

    @Test
    void aRowBackToTheDefaultsDeletesItsRulesAndShowsTheApisWarnings() {
        form(ACME_KEY).formParam("node", "Returns").formParam("action", "SUGGEST").formParam("backup", "")
                .when().post(FRAGMENTS + "rules")
                .then().statusCode(200)
                .body(containsString("class=\"warning\">&#39;Returns&#39; has the action SUGGEST but no backup rule"));

        form(ACME_KEY).formParam("node", "Returns").formParam("action", "").formParam("backup", "")
                .when().post(FRAGMENTS + "rules")
                .then().statusCode(200).body(not(containsString("class=\"warning\"")));
        operator().when().get(workspace(APP) + "/rules").then().statusCode(200).body("actionRules", empty());
    }

    @Test
    void whatTheApiRefusesIsShownWithItsFieldAndNothingIsStored() {
        form(ACME_KEY).formParam("node", "Returns").formParam("action", "SUGGEST").formParam("backup", "team:99")
                .when().post(FRAGMENTS + "rules")
                .then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("class=\"error\" role=\"alert\">Not saved (id): unknown team &#39;99&#39; in "
                        + "workspace acme"));
        form(ACME_KEY).formParam("node", "Shipping").formParam("action", "ANSWER")
                .when().post(FRAGMENTS + "rules")
                .then().statusCode(400).body(containsString("Not saved (node): unknown node &#39;Shipping&#39;"));
        form(ACME_KEY).formParam("dialogReady", "on").formParam("threshold", "1.5")
                .when().post(FRAGMENTS + "integration")
                .then().statusCode(400)
                .body(containsString("Not saved (threshold): threshold must be between 0 and 1, was 1.5"))
                .body(containsString("value=\"1.5\" aria-invalid=\"true\""));

        operator().when().get(workspace(APP) + "/rules").then().statusCode(200)
                .body("actionRules", empty()).body("backupRules", empty());
        operator().when().get(workspace(APP) + "/integration").then().body("updatedAt", nullValue());
    }

    @Test
    void theSettingsFormShowsTheConnectionAndIntercomsTeams() {
        html(ACME_KEY).when().get(FRAGMENTS + "integration")
                .then().statusCode(200)
                .body(containsString("Connected to Intercom</strong> as <span id=\"intercom-admin\">Tandem (admin 991)"))
                .body(containsString("<option value=\"7\">Support (team 7)</option>"))
                .body(containsString("Not configured yet"));

        StandIns.stubDefaults();
        html(ACME_KEY).when().get(FRAGMENTS + "integration")
                .then().statusCode(200)
                .body(containsString("Not connected to Intercom:</strong> <span id=\"connection-reason\">Intercom "
                        + "answered 404"));
    }

    private static RequestSpecification html(String key) {
        return given().header("Authorization", "Bearer " + key).accept(ContentType.HTML);
    }

    private static RequestSpecification form(String key) {
        RequestSpecification request = given().contentType(ContentType.URLENC).accept(ContentType.HTML);
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }
}
