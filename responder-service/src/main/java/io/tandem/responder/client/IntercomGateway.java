package io.tandem.responder.client;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JacksonException;

import io.tandem.responder.config.ResponderConfig;

/**
 * Intercom as Tandem's bot in a workspace: adds the app's access token and the pinned API version to every call,
 * takes each call from the app's rate budget (shared by all replicas) and feeds the budget Intercom's rate limit
 * headers. It does not retry: whether a call may be repeated depends on what it does, which the caller knows.
 */
@ApplicationScoped
public class IntercomGateway {

    /** The Intercom API version Tandem is written against, pinned here and only here. */
    public static final String API_VERSION = "2.14";

    @Inject
    @RestClient
    IntercomApi api;

    @Inject
    ResponderConfig config;

    @Inject
    RateBudget budget;

    /** The bot's admin id per app_id, from {@code GET /me}; it does not change for a token. */
    private final Map<String, String> botAdminIds = new ConcurrentHashMap<>();

    /** Whether an access token is configured for the app. */
    public boolean knows(String appId) {
        ResponderConfig.App app = config.apps().get(appId);
        return app != null && app.accessToken() != null && !app.accessToken().isBlank();
    }

    /** The admin the app's token acts as ({@code GET /me}), asked once per app. */
    public String botAdminId(String appId) {
        String cached = botAdminIds.get(appId);
        if (cached != null) {
            return cached;
        }
        IntercomAdmin me = me(appId);
        if (me == null || me.id() == null) {
            throw new IntercomRejectedException("Intercom answered GET /me without an admin id");
        }
        botAdminIds.put(appId, me.id());
        return me.id();
    }

    /** {@code GET /me}: also tells whether Intercom takes the app's token. */
    public IntercomAdmin me(String appId) {
        String authorization = authorization(appId);
        return call(appId, false, () -> api.me(authorization, API_VERSION));
    }

    /** {@code GET /conversations/{id}}: the conversation with its parts. */
    public IntercomConversation conversation(String appId, String conversationId) {
        String authorization = authorization(appId);
        return call(appId, false, () -> api.conversation(authorization, API_VERSION, conversationId));
    }

    /** Replies (comment, quick reply) or notes in the conversation as an admin. */
    public IntercomConversation reply(String appId, String conversationId, AdminReply reply) {
        String authorization = authorization(appId);
        return call(appId, true, () -> api.reply(authorization, API_VERSION, conversationId, reply));
    }

    /** Assigns the conversation to an admin, a team or nobody. */
    public IntercomConversation assign(String appId, String conversationId, Assignment assignment) {
        String authorization = authorization(appId);
        return call(appId, true, () -> api.manage(authorization, API_VERSION, conversationId, assignment));
    }

    private String authorization(String appId) {
        if (!knows(appId)) {
            throw new UnknownAppException(appId);
        }
        return "Bearer " + config.apps().get(appId).accessToken();
    }

    /**
     * @param acts whether the call changes the conversation: an unreadable answer then still means it acted
     */
    private <T> T call(String appId, boolean acts, Supplier<RestResponse<T>> request) {
        budget.take(appId);
        try {
            RestResponse<T> response = request.get();
            budget.observe(appId, RateLimitHeaders.of(response.getHeaders()));
            return response.getEntity();
        } catch (IntercomRateLimitedException e) {
            budget.exhausted(appId, e.resetAt());
            throw e;
        } catch (IntercomRejectedException e) {
            throw new IntercomRejectedException(e.getMessage(), withoutSecrets(appId, e.detail()));
        } catch (ProcessingException e) {
            if (causedBy(e, JacksonException.class)) {
                if (acts) {
                    // Intercom took the call but answered in another shape: the part exists, its id is unknown
                    return null;
                }
                throw new IntercomUnavailableException("Intercom's answer could not be read", false);
            }
            // no answer at all (refused, reset, timed out); the class name is enough and holds no secret
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IntercomUnavailableException("Intercom did not answer (" + cause.getClass().getSimpleName() + ")",
                    !causedBy(e, ConnectException.class));
        }
    }

    /** Intercom's error message as it may go to the dead letter topic: no token, no line breaks, short. */
    String withoutSecrets(String appId, String detail) {
        if (detail == null) {
            return null;
        }
        String token = config.apps().get(appId).accessToken();
        String cleaned = detail.replace(token, "[redacted]").replaceAll("[\\r\\n\\t]+", " ");
        return cleaned.length() > 300 ? cleaned.substring(0, 300) : cleaned;
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
