package io.tandem.classifier.service.dialog;

import java.util.List;

import io.tandem.contracts.MessageClassified.VisitedNode;

/**
 * What the dialog did in one turn.
 *
 * @param nodesVisited the nodes whose response was given, in order
 * @param output       the rendered texts, without blank ones
 */
public record DialogTurn(List<VisitedNode> nodesVisited, List<String> output) {
}
