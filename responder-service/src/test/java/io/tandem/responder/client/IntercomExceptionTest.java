package io.tandem.responder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntercomExceptionTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreWorthRetryingButIntercomMayHaveActed(int status) {
        assertThat(IntercomException.forStatus(status, null, null, null))
                .isInstanceOfSatisfying(IntercomUnavailableException.class,
                        e -> assertThat(e.mayHaveActed()).isTrue());
    }

    @Test
    void throttlingSaysWhenTheWindowResets() {
        Instant reset = Instant.ofEpochSecond(1_800_000_000L);
        assertThat(IntercomException.forStatus(429, "rate_limit_exceeded", null, reset))
                .isInstanceOfSatisfying(IntercomRateLimitedException.class,
                        e -> assertThat(e.resetAt()).isEqualTo(reset));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedTokenOrAccessStopsTheWorkspace(int status) {
        assertThat(IntercomException.forStatus(status, null, null, null))
                .isInstanceOf(IntercomUnauthorizedException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void otherClientErrorsAreRefusalsKeepingIntercomsMessage(int status) {
        assertThat(IntercomException.forStatus(status, "parameter_invalid", "Body is required", null))
                .isInstanceOfSatisfying(IntercomRejectedException.class,
                        e -> assertThat(e.detail()).isEqualTo("Body is required"));
    }

    @Test
    void messageNamesStatusAndIntercomsErrorCode() {
        assertThat(IntercomException.forStatus(404, "not_found", "Resource Not Found", null).getMessage())
                .isEqualTo("Intercom answered HTTP 404 (not_found)");
        assertThat(IntercomException.forStatus(503, null, null, null).getMessage())
                .isEqualTo("Intercom answered HTTP 503");
    }

    @Test
    void errorCodeIsTakenOnlyWhenItLooksLikeAnIdentifier() {
        assertThat(errors("parameter_invalid").firstCode()).isEqualTo("parameter_invalid");
        assertThat(errors("token abc-123 is invalid").firstCode()).isNull();
        assertThat(new IntercomErrorList("error.list", List.of()).firstCode()).isNull();
        assertThat(new IntercomErrorList("error.list", null).firstCode()).isNull();
    }

    @Test
    void unknownAppSaysWhichApp() {
        assertThat(new UnknownAppException("xyz123").getMessage()).isEqualTo("no access token configured for app xyz123");
    }

    private static IntercomErrorList errors(String code) {
        return new IntercomErrorList("error.list", List.of(new IntercomErrorList.Error(code, "whatever")));
    }
}
