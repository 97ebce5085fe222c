package io.tandem.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void theSameCauseAlwaysYieldsTheSameId() {
        assertThat(EventIds.derive("message-classified", "abc")).isEqualTo(EventIds.derive("message-classified", "abc"));
    }

    @Test
    void differentKindsOrCausesYieldDifferentIds() {
        assertThat(EventIds.derive("a", "x")).isNotEqualTo(EventIds.derive("b", "x"));
        assertThat(EventIds.derive("a", "x")).isNotEqualTo(EventIds.derive("a", "y"));
        assertThat(EventIds.derive("a", "ab", "c")).isNotEqualTo(EventIds.derive("a", "a", "bc"));
    }

    @Test
    void idsAreVersion5NameBasedUuids() {
        UUID id = UUID.fromString(EventIds.derive("webhook-received", "app", "notif_1"));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void matchesTheRfc9562Version5AlgorithmForAKnownName() {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com"
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(EventIds.nameBased(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void eachEventKindDerivesItsIdFromItsCause() {
        String raw = WebhookReceived.idFor("app", "notif_1");
        String received = ConversationEvent.idFor("app", "c-1", "p-1");

        assertThat(raw).isNotEqualTo(received);
        assertThat(MessageClassified.idFor(received)).isEqualTo(MessageClassified.idFor(received));
        assertThat(ActionDecided.idFor("x", 0)).isNotEqualTo(ActionDecided.idFor("x", 1));
        assertThat(ActionPerformed.idFor("x")).isNotEqualTo(ActionDecided.idFor("x", 0));
    }
}
