package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // RFC 2202, HMAC-SHA1 test case 2
    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "Jefe";
    private static final String EXPECTED = "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";

    @Test
    void signsWithHexHmacSha1OfTheBodyKeyedWithTheSecret() {
        assertThat(WebhookSignature.sign(BODY, SECRET)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsTheSignatureOfTheBody() {
        assertThat(WebhookSignature.matches(BODY, SECRET, EXPECTED)).isTrue();
    }

    @Test
    void acceptsUpperCaseHex() {
        assertThat(WebhookSignature.matches(BODY, SECRET, "sha1=" + EXPECTED.substring(5).toUpperCase())).isTrue();
    }

    @Test
    void rejectsTheSignatureOfAnotherBody() {
        byte[] tampered = "what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII);
        assertThat(WebhookSignature.matches(tampered, SECRET, EXPECTED)).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        assertThat(WebhookSignature.matches(BODY, "jefe", EXPECTED)).isFalse();
    }

    @Test
    void rejectsMissingPrefixWrongAlgorithmNonHexAndTruncatedSignatures() {
        assertThat(WebhookSignature.matches(BODY, SECRET, EXPECTED.substring(5))).isFalse();
        assertThat(WebhookSignature.matches(BODY, SECRET, "sha256=" + EXPECTED.substring(5))).isFalse();
        assertThat(WebhookSignature.matches(BODY, SECRET, "sha1=not-hex")).isFalse();
        assertThat(WebhookSignature.matches(BODY, SECRET, EXPECTED.substring(0, EXPECTED.length() - 2))).isFalse();
        assertThat(WebhookSignature.matches(BODY, SECRET, "sha1=")).isFalse();
        assertThat(WebhookSignature.matches(BODY, SECRET, null)).isFalse();
    }

    @Test
    void signsEachBodyOnItsOwnWhateverWasSignedBeforeOnTheThread() {
        // RFC 2202, HMAC-SHA1 test case 1: key 0x0b × 20, "Hi There"
        String otherSecret = new String(new byte[20], StandardCharsets.ISO_8859_1).replace('\0', '\u000b');
        byte[] otherBody = "Hi There".getBytes(StandardCharsets.US_ASCII);

        for (int round = 0; round < 3; round++) {
            assertThat(WebhookSignature.sign(BODY, SECRET)).isEqualTo(EXPECTED);
            assertThat(WebhookSignature.matches(otherBody, SECRET, EXPECTED)).isFalse();
            assertThat(WebhookSignature.sign(otherBody, otherSecret))
                    .isEqualTo("sha1=b617318655057264e28bc0b6fb378c8ef146be00");
        }
    }
}
