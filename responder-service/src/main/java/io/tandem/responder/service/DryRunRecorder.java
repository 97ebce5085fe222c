package io.tandem.responder.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.contracts.ActionDecided;
import io.tandem.responder.persistence.DryRunRepository;

/**
 * Records, for a dry run, the Intercom requests an action would have made: method, path, delay and body.
 */
@ApplicationScoped
public class DryRunRecorder {

    @Inject
    DryRunRepository repository;

    @Inject
    ObjectMapper json;

    public void record(ActionDecided action, List<PlannedCall> calls) {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (PlannedCall call : calls) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("method", "POST");
            boolean reply = call instanceof PlannedCall.Reply;
            request.put("path", "/conversations/" + action.conversationId() + (reply ? "/reply" : "/parts"));
            request.put("delay_ms", call.delayBeforeMs());
            request.put("body", reply ? ((PlannedCall.Reply) call).reply() : ((PlannedCall.Assign) call).assignment());
            requests.add(request);
        }
        try {
            repository.record(action, json.writeValueAsString(requests), ActionLedger.now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dry-run requests could not be written", e);
        }
    }
}
