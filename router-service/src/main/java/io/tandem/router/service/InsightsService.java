package io.tandem.router.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.router.Outcome;
import io.tandem.router.persistence.DecisionRepository;

/**
 * What the assistant did per root node over a period, and the goals it escalated most: which branch is ready for
 * more responsibility.
 */
@ApplicationScoped
public class InsightsService {

    private final DecisionRepository decisions;

    public InsightsService(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    /** Counts per root node; {@code suggestionsTakenOver} counts take-overs and picks of a suggestion. */
    public record NodeInsight(String node, long answered, long clarified, long suggested, long sent, long escalated,
            long suggestionsTakenOver) {
    }

    public record GoalInsight(String goal, long escalations) {
    }

    public record Insights(String appId, Instant from, Instant to, List<NodeInsight> nodes,
            List<GoalInsight> escalationsByGoal) {
    }

    public Insights between(String appId, Instant from, Instant to) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Object[] row : decisions.countByNodeAndOutcome(appId, from, to)) {
            if (row[0] == null) {
                continue;
            }
            long[] perOutcome = counts.computeIfAbsent((String) row[0], node -> new long[Outcome.values().length]);
            perOutcome[Outcome.valueOf((String) row[1]).ordinal()] += (Long) row[2];
        }
        List<NodeInsight> nodes = new ArrayList<>();
        counts.forEach((node, c) -> {
            long takenOver = c[Outcome.TAKEN_OVER.ordinal()] + c[Outcome.PICKED.ordinal()];
            long total = c[Outcome.ANSWERED.ordinal()] + c[Outcome.CLARIFIED.ordinal()] + c[Outcome.SUGGESTED.ordinal()]
                    + c[Outcome.SENT.ordinal()] + c[Outcome.ESCALATED.ordinal()] + takenOver;
            if (total > 0) {
                nodes.add(new NodeInsight(node, c[Outcome.ANSWERED.ordinal()], c[Outcome.CLARIFIED.ordinal()],
                        c[Outcome.SUGGESTED.ordinal()], c[Outcome.SENT.ordinal()], c[Outcome.ESCALATED.ordinal()],
                        takenOver));
            }
        });
        List<GoalInsight> goals = decisions.escalationsByGoal(appId, from, to).stream()
                .map(row -> new GoalInsight(row[0] == null ? "unknown" : (String) row[0], (Long) row[1]))
                .toList();
        return new Insights(appId, from, to, nodes, goals);
    }
}
