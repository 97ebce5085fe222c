package io.tandem.responder.client;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the client can send conforms to the sandbox's description of Intercom's API (the subset it
 * enforces, in this repository) and, with {@code -Pshared-corpus}, to Intercom's published 2.14 description.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntercomRequestContractTest {

    /** The sandbox's own subset of Intercom's description, which it validates every request against. */
    private static final Path SANDBOX_SUBSET = Path.of("..", "intercom-sandbox", "src", "main", "resources",
            "openapi", "intercom-subset.yaml");

    private IntercomRequestContract sandbox;

    static List<IntercomRequests.Request> requests() {
        return IntercomRequests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestConformsToTheSandboxsDescription(IntercomRequests.Request request) {
        if (sandbox == null) {
            sandbox = IntercomRequestContract.of(SANDBOX_SUBSET);
        }
        sandbox.assertConforms(request);
    }

    @Tag("shared-corpus")
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestConformsToIntercomsPublished214Description(IntercomRequests.Request request) {
        String shared = System.getProperty("tandem.shared.dir", "");
        assertThat(shared).as("system property tandem.shared.dir (run with -Pshared-corpus)").isNotBlank();
        Published.CONTRACT.assertConforms(request);
    }

    /** Intercom's 2.14 description is large: read once. */
    private static final class Published {
        static final IntercomRequestContract CONTRACT = IntercomRequestContract.ofOperations(Path.of(
                System.getProperty("tandem.shared.dir"), "intercom", "openapi", IntercomGateway.API_VERSION,
                "api.intercom.io.yaml"), List.of("/me", "/conversations/{conversation_id}",
                        "/conversations/{conversation_id}/reply", "/conversations/{conversation_id}/parts"));
    }
}
