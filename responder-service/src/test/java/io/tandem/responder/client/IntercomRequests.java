package io.tandem.responder.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ActionDecided;
import io.tandem.contracts.Response;
import io.tandem.responder.service.PlannedCall;
import io.tandem.responder.service.PlannerFixtures;

/**
 * Every kind of request the responder sends to Intercom, as the client serializes it: the contract tests check each
 * against an OpenAPI description.
 */
final class IntercomRequests {

    static final String CONVERSATION = "215472586543";
    static final String ADMIN = "991267";

    /** One request: method, path and JSON body (null for GET). */
    record Request(String name, String method, String path, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    private IntercomRequests() {
    }

    static List<Request> all() {
        List<Request> requests = new ArrayList<>();
        requests.add(new Request("identify the bot admin", "GET", "/me", null));
        requests.add(new Request("read the conversation", "GET", "/conversations/" + CONVERSATION, null));
        add(requests, "comment", reply(Response.text("Hello <there> & welcome")), false);
        add(requests, "numbered list", reply(option()), false);
        add(requests, "quick reply", reply(option()), true);
        add(requests, "image attachment", reply(Response.image("https://cdn.example.com/a.png", "Chart", "Sizes")),
                false);
        add(requests, "note", action(ActionDecided.Type.NOTE, List.of(), "Heads up", null), false);
        add(requests, "assign to team", action(ActionDecided.Type.ASSIGN, List.of(), null,
                ActionDecided.Assignee.team("5017691")), false);
        add(requests, "assign to admin", action(ActionDecided.Type.ASSIGN, List.of(), null,
                ActionDecided.Assignee.admin("991268")), false);
        add(requests, "unassign", action(ActionDecided.Type.ASSIGN, List.of(), null,
                ActionDecided.Assignee.UNASSIGNED), false);
        return requests;
    }

    private static void add(List<Request> requests, String name, ActionDecided action, boolean quickReplies) {
        ObjectMapper json = new ObjectMapper();
        for (PlannedCall call : PlannerFixtures.planner(Duration.ofSeconds(10), true).plan(action, ADMIN,
                quickReplies)) {
            try {
                if (call instanceof PlannedCall.Reply reply) {
                    requests.add(new Request(name, "POST", "/conversations/" + CONVERSATION + "/reply",
                            json.writeValueAsString(reply.reply())));
                } else {
                    requests.add(new Request(name, "POST", "/conversations/" + CONVERSATION + "/parts",
                            json.writeValueAsString(((PlannedCall.Assign) call).assignment())));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Response option() {
        return Response.option("Pick one", "Reply with a number", List.of(new Response.Option("Orders", "orders"),
                new Response.Option("Returns", "returns")), "button");
    }

    private static ActionDecided reply(Response response) {
        return action(ActionDecided.Type.REPLY, List.of(response), null, null);
    }

    private static ActionDecided action(ActionDecided.Type type, List<Response> responses, String body,
            ActionDecided.Assignee assignee) {
        return new ActionDecided(ActionDecided.SCHEMA_VERSION, ActionDecided.idFor("c", 0), "c", "local",
                CONVERSATION, Instant.EPOCH, 0, 1, type, ADMIN, responses, body, assignee, "contract test");
    }
}
