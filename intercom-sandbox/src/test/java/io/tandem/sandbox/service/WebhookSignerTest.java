package io.tandem.sandbox.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tandem.sandbox.config.SandboxConfig;

class WebhookSignerTest {

    @Test
    void signsWithHexHmacSha1PrefixedBySha1() {
        WebhookSigner signer = new WebhookSigner(configWithSecret("key"));

        // the well-known HMAC-SHA1 example (Wikipedia, "HMAC")
        assertThat(signer.signatureOf("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
    }

    @Test
    void aDifferentSecretGivesADifferentSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(new WebhookSigner(configWithSecret("one")).signatureOf(body))
                .isNotEqualTo(new WebhookSigner(configWithSecret("two")).signatureOf(body));
    }

    private static SandboxConfig configWithSecret(String secret) {
        return new SandboxConfig() {
            @Override
            public String appId() {
                return "local";
            }

            @Override
            public String accessToken() {
                return "token";
            }

            @Override
            public String webhookSecret() {
                return secret;
            }

            @Override
            public URI webhookUrl() {
                return URI.create("http://localhost/webhooks/intercom");
            }

            @Override
            public String botAdminId() {
                return "1";
            }

            @Override
            public Duration webhookRetryDelay() {
                return Duration.ofSeconds(60);
            }
        };
    }
}
