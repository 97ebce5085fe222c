package io.tandem.responder.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JacksonException;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.tandem.responder.config.ResponderConfig;

/**
 * Intercom as Tandem's bot in a workspace: adds the app's access token and API version to every call, acts as the
 * admin the token belongs to, and retries what Intercom could not take now. Delays are tunable with
 * {@code quarkus.fault-tolerance."io.tandem.responder.client.IntercomGateway".retry.*}.
 */
@ApplicationScoped
@Retry(retryOn = IntercomUnavailableException.class, maxRetries = 3, delay = 200, jitter = 50)
@ExponentialBackoff(factor = 2, maxDelay = 5_000)
public class IntercomGateway {

    /** The Intercom API version Tandem is written against. */
    public static final String API_VERSION = "2.14";

    @Inject
    @RestClient
    IntercomApi api;

    @Inject
    ResponderConfig config;

    /** The bot's admin id per app_id, from {@code GET /me}; it does not change for a token. */
    private final Map<String, String> botAdminIds = new ConcurrentHashMap<>();

    /** Replies to the customer in the conversation as the bot. */
    public IntercomConversation reply(String appId, String conversationId, String body) {
        String authorization = authorization(appId);
        AdminReply reply = AdminReply.comment(botAdminId(appId, authorization), body);
        return call(() -> api.reply(authorization, API_VERSION, conversationId, reply));
    }

    /** Leaves a note for teammates in the conversation as the bot. */
    public IntercomConversation note(String appId, String conversationId, String body) {
        String authorization = authorization(appId);
        AdminReply note = AdminReply.note(botAdminId(appId, authorization), body);
        return call(() -> api.reply(authorization, API_VERSION, conversationId, note));
    }

    /** Assigns the conversation to an admin or team, the bot performing the assignment. */
    public IntercomConversation assign(String appId, String conversationId, String assigneeId) {
        String authorization = authorization(appId);
        Assignment assignment = Assignment.by(botAdminId(appId, authorization), assigneeId);
        return call(() -> api.manage(authorization, API_VERSION, conversationId, assignment));
    }

    private String authorization(String appId) {
        ResponderConfig.App app = config.apps().get(appId);
        if (app == null || app.accessToken() == null || app.accessToken().isBlank()) {
            throw new UnknownAppException(appId);
        }
        return "Bearer " + app.accessToken();
    }

    private String botAdminId(String appId, String authorization) {
        String cached = botAdminIds.get(appId);
        if (cached != null) {
            return cached;
        }
        IntercomAdmin me = call(() -> api.me(authorization, API_VERSION));
        if (me == null || me.id() == null) {
            throw new IntercomRejectedException("Intercom answered GET /me without an admin id");
        }
        botAdminIds.put(appId, me.id());
        return me.id();
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            if (causedBy(e, JacksonException.class)) {
                // Intercom took the call but answered in another shape: calling again would repeat the action
                throw new IntercomRejectedException("Intercom's answer could not be read");
            }
            // no answer at all (refused, reset, timed out); the class name is enough and holds no secret
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IntercomUnavailableException("Intercom did not answer (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
