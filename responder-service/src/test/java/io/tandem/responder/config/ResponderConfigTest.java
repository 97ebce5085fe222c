package io.tandem.responder.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.responder.client.IntercomWireMock;
import io.tandem.testsupport.TandemInfraResource;

/**
 * Surefire sets TANDEM_RESPONDER_APPS_LOCAL_ACCESS_TOKEN the way the launcher does; the running service must see it.
 */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class ResponderConfigTest {

    @Inject
    ResponderConfig config;

    @Test
    void accessTokenEnvVarOfAnAppBecomesThatAppsEntry() {
        assertThat(config.apps()).containsOnlyKeys("local");
        assertThat(config.apps().get("local").accessToken())
                .isNotBlank()
                .isEqualTo(System.getProperty("test.intercom.access-token"));
    }
}
