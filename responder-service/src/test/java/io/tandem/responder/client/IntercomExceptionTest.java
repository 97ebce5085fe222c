package io.tandem.responder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IntercomExceptionTest {

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void throttlingAndServerErrorsAreWorthRetrying(int status) {
        assertThat(IntercomException.forStatus(status, null)).isInstanceOf(IntercomUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorsAreRefusals(int status) {
        assertThat(IntercomException.forStatus(status, null)).isInstanceOf(IntercomRejectedException.class);
    }

    @Test
    void messageNamesStatusAndIntercomsErrorCode() {
        assertThat(IntercomException.forStatus(404, "not_found").getMessage())
                .isEqualTo("Intercom answered HTTP 404 (not_found)");
        assertThat(IntercomException.forStatus(503, null).getMessage()).isEqualTo("Intercom answered HTTP 503");
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
