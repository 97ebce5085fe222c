package io.tandem.router.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tandem.router.rest.AdminApi.operator;
import static io.tandem.router.rest.AdminApi.workspace;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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
import io.tandem.testsupport.TandemInfraResource;

@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class RulesResourceTest {

    static final String APP = "globex";
    static final String RULES = workspace(APP) + "/rules";

    @Inject
    WorkspaceReset workspaces;

    @BeforeEach
    void freshWorkspace() {
        StandIns.stubDefaults();
        workspaces.reset(APP);
    }

    @Test
    void withoutRulesEveryNodeIsAnsweredWhenConfidentAndHasNoBackup() {
        operator().when().get(RULES)
                .then().statusCode(200)
                .body("nodes.node", contains("Order status", "Returns", "Opening hours", "Human", "node_7"))
                .body("nodes.action", everyItemIs("ANSWER"))
                .body("nodes.actionIsDefault", everyItemIs(true))
                .body("nodes.backup", everyItemIs(null))
                .body("backupRules", empty())
                .body("actionRules", empty())
                .body("warnings", contains("branch 'Human' has a connect-to-agent response but no backup rule: its "
                        + "escalations go to the Unassigned inbox"));
    }

    @Test
    void aBackupRuleNamesATeamOrATeammateOfTheWorkspace() {
        operator().body("{\"type\":\"team\",\"id\":\"7\"}").when().put(RULES + "/backup/{node}", "Order status")
                .then().statusCode(200)
                .body("node", equalTo("Order status"))
                .body("type", equalTo("team"))
                .body("id", equalTo("7"))
                .body("warnings", empty());
        operator().body("{\"type\":\"admin\",\"id\":\"100\"}").when().put(RULES + "/backup/{node}", "Human")
                .then().statusCode(200).body("warnings", empty());

        operator().when().get(RULES)
                .then().statusCode(200)
                .body("nodes[0].backup.type", equalTo("team"))
                .body("nodes[0].backup.id", equalTo("7"))
                .body("backupRules.node", contains("Human", "Order status"))
                .body("warnings", empty());
    }

    @Test
    void aNodeWithoutANameIsNamedByItsIdAndANamedNodesIdIsTakenForItsName() {
        operator().body("{\"action\":\"DO_NOTHING\"}").when().put(RULES + "/actions/{node}", "node_7")
                .then().statusCode(200).body("node", equalTo("node_7"));
        operator().body("{\"action\":\"answer\"}").when().put(RULES + "/actions/{node}", "node_returns")
                .then().statusCode(200).body("node", equalTo("Returns")).body("action", equalTo("ANSWER"));
    }

    @Test
    void anUnknownNodeIsRefusedByName() {
        operator().body("{\"type\":\"team\",\"id\":\"7\"}").when().put(RULES + "/backup/{node}", "Weather")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("node"))
                .body("detail", containsString("'Weather'"));
        operator().body("{\"action\":\"SEND\"}").when().put(RULES + "/actions/{node}", "Weather")
                .then().statusCode(400).body("field", equalTo("node"));
    }

    @Test
    void aWorkspaceWithoutASkillHasNoNodeToWriteARuleFor() {
        operator().body("{\"action\":\"SEND\"}").when().put(workspace("initech") + "/rules/actions/{node}", "Returns")
                .then().statusCode(400)
                .body("field", equalTo("node"))
                .body("detail", containsString("no dialog skill"));
    }

    @Test
    void anUnknownTeamOrTeammateIsRefusedByName() {
        operator().body("{\"type\":\"team\",\"id\":\"99\"}").when().put(RULES + "/backup/{node}", "Returns")
                .then().statusCode(400).body("field", equalTo("id")).body("detail", containsString("team '99'"));
        operator().body("{\"type\":\"admin\",\"id\":\"7\"}").when().put(RULES + "/backup/{node}", "Returns")
                .then().statusCode(400).body("field", equalTo("id")).body("detail", containsString("admin '7'"));
        operator().body("{\"type\":\"robot\",\"id\":\"7\"}").when().put(RULES + "/backup/{node}", "Returns")
                .then().statusCode(400).body("field", equalTo("type"));
        operator().body("{\"type\":\"team\"}").when().put(RULES + "/backup/{node}", "Returns")
                .then().statusCode(400).body("field", equalTo("id"));
    }

    @Test
    void anUnknownActionIsRefused() {
        operator().body("{\"action\":\"SHOUT\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(400)
                .body("field", equalTo("action"))
                .body("detail", containsString("DO_NOTHING, SEND, SUGGEST, ANSWER"));
    }

    @Test
    void sendOrSuggestWithoutABackupIsAcceptedWithAWarning() {
        operator().body("{\"action\":\"SUGGEST\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(200)
                .body("action", equalTo("SUGGEST"))
                .body("warnings", contains("'Returns' has the action SUGGEST but no backup rule: its conversations "
                        + "go to the Unassigned inbox"));

        operator().body("{\"type\":\"team\",\"id\":\"7\"}").when().put(RULES + "/backup/{node}", "Returns")
                .then().statusCode(200).body("warnings", empty());
        operator().when().delete(RULES + "/backup/{node}", "Returns")
                .then().statusCode(200).body("warnings", hasSize(1));
    }

    @Test
    void aConnectToAgentBranchWithoutBackupIsAcceptedWithAWarning() {
        operator().body("{\"action\":\"ANSWER\"}").when().put(RULES + "/actions/{node}", "Human")
                .then().statusCode(200)
                .body("warnings", hasItem(containsString("connect-to-agent response but no backup rule")));
    }

    @Test
    void deletingARuleBringsBackTheDefaultAndDeletingNothingIsNotFound() {
        operator().body("{\"action\":\"SEND\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(200);

        operator().when().delete(RULES + "/actions/{node}", "Returns").then().statusCode(200);

        operator().when().get(RULES).then().body("nodes[1].action", equalTo("ANSWER"))
                .body("nodes[1].actionIsDefault", equalTo(true));
        operator().when().delete(RULES + "/actions/{node}", "Returns")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("node"));
    }

    @Test
    void everyRuleChangeIsRecorded() {
        AdminApi.as(AdminApi.GLOBEX_KEY).body("{\"action\":\"SEND\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(200);
        operator().body("{\"action\":\"SUGGEST\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(200);
        operator().when().delete(RULES + "/actions/{node}", "Returns").then().statusCode(200);

        operator().when().get(workspace(APP) + "/changes")
                .then().statusCode(200)
                .body("subject", contains("action rule 'Returns'", "action rule 'Returns'", "action rule 'Returns'"))
                .body("[0].before.action", equalTo("SUGGEST"))
                .body("[0].after", nullValue())
                .body("[1].before.action", equalTo("SEND"))
                .body("[1].after.action", equalTo("SUGGEST"))
                .body("[2].before", nullValue())
                .body("[2].changedBy", startsWith("workspace globex key "));
    }

    @Test
    void theClassifierBeingDownIsAServiceUnavailableProblemAndStoredRulesStayReadable() {
        operator().body("{\"action\":\"SEND\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(200);
        StandIns.server().stubFor(
                get(urlPathMatching("/api/workspaces/.*"))
                .atPriority(1).willReturn(serverError()));

        operator().body("{\"action\":\"ANSWER\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", not(containsString(StandIns.CLASSIFIER_KEY)));
        operator().when().get(RULES)
                .then().statusCode(200)
                .body("actionRules.node", contains("Returns"))
                .body("warnings", hasItem(startsWith("the skill's nodes could not be read")));
    }

    @Test
    void aWorkspaceKeyCannotTouchAnotherWorkspacesRules() {
        AdminApi.as(AdminApi.ACME_KEY).body("{\"action\":\"SEND\"}").when().put(RULES + "/actions/{node}", "Returns")
                .then().statusCode(403);
        AdminApi.as(AdminApi.ACME_KEY).when().delete(RULES + "/backup/{node}", "Returns").then().statusCode(403);
        AdminApi.as(AdminApi.GLOBEX_KEY).when().get(RULES).then().statusCode(200).body("actionRules", empty());
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(Object value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
