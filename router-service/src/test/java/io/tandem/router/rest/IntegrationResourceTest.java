package io.tandem.router.rest;

import static io.restassured.RestAssured.given;
import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.router.client.StandIns;
import io.tandem.router.persistence.WorkspaceReset;
import io.tandem.router.service.SettingsService;
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class IntegrationResourceTest {

    static final String APP = "globex";
    static final String INTEGRATION = workspace(APP) + "/integration";

    @Inject
    WorkspaceReset workspaces;

    @Inject
    SettingsService settings;

    @BeforeEach
    void freshWorkspace() {
        StandIns.stubDefaults();
        workspaces.reset(APP);
    }

    @Test
    void aWorkspaceNobodyConfiguredHasTheDefaults() {
        operator().when().get(INTEGRATION)
                .then().statusCode(200)
                .body("appId", equalTo(APP))
                .body("assistantAdminId", nullValue())
                .body("dialogReady", equalTo(false))
                .body("monitoring", equalTo(false))
                .body("monitoredInbox", equalTo("unassigned"))
                .body("threshold", equalTo(0.75f))
                .body("updatedAt", nullValue());
    }

    @Test
    void settingsAreStoredAndOmittedFieldsKeepTheirValue() {
        operator().body("""
                {"assistantAdminId":"991","dialogReady":true,"monitoring":true,"monitoredInbox":"7","threshold":0.6}
                """).when().put(INTEGRATION)
                .then().statusCode(200)
                .body("assistantAdminId", equalTo("991"))
                .body("monitoredInbox", equalTo("7"))
                .body("updatedAt", notNullValue());

        operator().body("{\"threshold\":0.9}").when().put(INTEGRATION).then().statusCode(200);

        operator().when().get(INTEGRATION)
                .then().statusCode(200)
                .body("assistantAdminId", equalTo("991"))
                .body("dialogReady", equalTo(true))
                .body("monitoring", equalTo(true))
                .body("monitoredInbox", equalTo("7"))
                .body("threshold", equalTo(0.9f));
    }

    @Test
    void monitoringCannotBeSwitchedOnBeforeTheDialogIsReady() {
        operator().body("{\"assistantAdminId\":\"991\",\"monitoring\":true}").when().put(INTEGRATION)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("monitoring"))
                .body("detail", containsString("dialogReady"));

        operator().when().get(INTEGRATION).then().body("monitoring", equalTo(false));
    }

    @Test
    void theDialogCannotBeMarkedNotReadyWhileMonitoring() {
        operator().body("{\"assistantAdminId\":\"991\",\"dialogReady\":true,\"monitoring\":true}")
                .when().put(INTEGRATION).then().statusCode(200);

        operator().body("{\"dialogReady\":false}").when().put(INTEGRATION)
                .then().statusCode(400).body("field", equalTo("dialogReady"));
    }

    @Test
    void monitoringNeedsTheAssistantsAdmin() {
        operator().body("{\"dialogReady\":true,\"monitoring\":true}").when().put(INTEGRATION)
                .then().statusCode(400).body("field", equalTo("assistantAdminId"));
    }

    @Test
    void anUnknownAdminIsRefusedByName() {
        operator().body("{\"assistantAdminId\":\"4242\"}").when().put(INTEGRATION)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("assistantAdminId"))
                .body("detail", containsString("'4242'"));
    }

    @Test
    void anUnknownTeamInboxIsRefusedByName() {
        operator().body("{\"monitoredInbox\":\"99\"}").when().put(INTEGRATION)
                .then().statusCode(400)
                .body("field", equalTo("monitoredInbox"))
                .body("detail", containsString("'99'"));
    }

    @Test
    void theThresholdStaysBetweenZeroAndOne() {
        operator().body("{\"threshold\":1.5}").when().put(INTEGRATION)
                .then().statusCode(400).body("field", equalTo("threshold"));
        operator().body("{\"threshold\":\"high\"}").when().put(INTEGRATION)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("threshold"));
    }

    @Test
    void theDialogIsReadyOnlyWhenTheWorkspaceHasASkill() {
        operator().body("{\"dialogReady\":true}").when().put(workspace("initech") + "/integration")
                .then().statusCode(400).body("field", equalTo("dialogReady"));
    }

    @Test
    void intercomDownIsAServiceUnavailableProblemWithoutSecrets() {
        StandIns.server().resetAll();

        operator().body("{\"assistantAdminId\":\"991\"}").when().put(INTEGRATION)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("Intercom"))
                .body("detail", org.hamcrest.Matchers.not(containsString("test-globex-intercom-token")));
    }

    @Test
    void everyChangeIsRecordedWithWhoWhenBeforeAndAfter() {
        AdminApi.as(AdminApi.GLOBEX_KEY).body("{\"assistantAdminId\":\"991\"}").when().put(INTEGRATION)
                .then().statusCode(200);
        operator().body("{\"threshold\":0.8}").when().put(INTEGRATION).then().statusCode(200);

        operator().when().get(workspace(APP) + "/changes")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].subject", equalTo("integration"))
                .body("[0].changedBy", startsWith("operator key "))
                .body("[0].changedAt", notNullValue())
                .body("[0].before.threshold", equalTo(0.75f))
                .body("[0].after.threshold", equalTo(0.8f))
                .body("[1].changedBy", startsWith("workspace globex key "))
                .body("[1].before", nullValue())
                .body("[1].after.assistantAdminId", equalTo("991"))
                .body("[1].changedBy", org.hamcrest.Matchers.not(containsString(AdminApi.GLOBEX_KEY)));
    }

    @Test
    void theConfiguredSeedIsStoredOnlyWhenTheWorkspaceHasNoIntegration() {
        assertThat(settings.seed(APP, "991", true, 0.3, "configuration (tandem.router.seed)")).isTrue();
        assertThat(settings.seed(APP, "100", false, 0.9, "configuration (tandem.router.seed)")).isFalse();

        operator().when().get(INTEGRATION)
                .then().statusCode(200)
                .body("assistantAdminId", equalTo("991"))
                .body("dialogReady", equalTo(true))
                .body("monitoring", equalTo(true))
                .body("threshold", equalTo(0.3f));
        operator().when().get(workspace(APP) + "/changes")
                .then().body("[0].changedBy", equalTo("configuration (tandem.router.seed)"));
    }

    @Test
    void withoutAKeyTheAdminApiAnswersUnauthorized() {
        given().when().get(INTEGRATION)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("field", equalTo("Authorization"));
        AdminApi.as("not-a-key").when().get(INTEGRATION).then().statusCode(401);
    }

    @Test
    void aWorkspaceKeyReadsAndChangesOnlyItsWorkspace() {
        AdminApi.as(AdminApi.GLOBEX_KEY).when().get(INTEGRATION).then().statusCode(200);

        AdminApi.as(AdminApi.ACME_KEY).when().get(INTEGRATION)
                .then().statusCode(403).contentType("application/problem+json");
        AdminApi.as(AdminApi.ACME_KEY).body("{\"threshold\":0.1}").when().put(INTEGRATION).then().statusCode(403);
        AdminApi.as(AdminApi.ACME_KEY).when().get(workspace(APP) + "/rules").then().statusCode(403);
        AdminApi.as(AdminApi.ACME_KEY).when().get(workspace(APP) + "/changes").then().statusCode(403);
        AdminApi.as(AdminApi.ACME_KEY).when().get(workspace(APP) + "/insights").then().statusCode(403);
        operator().when().get(INTEGRATION).then().statusCode(200).body("threshold", equalTo(0.75f));
    }

    @Test
    void theOpenApiDescriptionIsPublished() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/workspaces/{appId}/integration"))
                .body("paths", hasKey("/api/workspaces/{appId}/rules/backup/{node}"))
                .body("paths", hasKey("/api/workspaces/{appId}/rules/actions/{node}"))
                .body("paths", hasKey("/api/workspaces/{appId}/insights"));
    }
}
