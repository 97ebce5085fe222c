package io.tandem.classifier.service.dialog;

import java.util.List;

import io.tandem.contracts.MessageClassified.NodeMatch;
import io.tandem.contracts.MessageClassified.NodeRef;
import io.tandem.contracts.MessageClassified.VisitedNode;
import io.tandem.contracts.Response;

/**
 * What the dialog did in one turn.
 *
 * @param matchedRootNodes root nodes (folders looked through) whose condition held for the message, by descending
 *                         confidence
 * @param nodesVisited     the nodes visited, in order
 * @param responses        the rendered responses, in order
 * @param branch           the root of the branch the turn ended in, or null
 * @param continuedBranch  whether the message answered what the dialog waited for (a child node, a slot, a
 *                         {@code jump_to} waiting for input, an offered option)
 * @param awaitingInput    whether the dialog now waits for the customer in this branch
 * @param connectToAgent   the connect_to_agent response reached, or null
 * @param state            where the dialog stands after the turn
 */
public record DialogTurn(List<NodeMatch> matchedRootNodes, List<VisitedNode> nodesVisited, List<Response> responses,
        NodeRef branch, boolean continuedBranch, boolean awaitingInput, Response connectToAgent, DialogState state) {

    /** The texts of the text responses, in order. */
    public List<String> texts() {
        return responses.stream().filter(response -> Response.TEXT.equals(response.type()))
                .map(Response::text).toList();
    }

    public List<String> nodeIds() {
        return nodesVisited.stream().map(VisitedNode::nodeId).toList();
    }

    public String goal() {
        return state.goal();
    }
}
