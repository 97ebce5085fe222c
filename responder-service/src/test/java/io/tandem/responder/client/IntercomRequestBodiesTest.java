package io.tandem.responder.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class IntercomRequestBodiesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void commentIsAnAdminReplyTheCustomerSees() throws Exception {
        assertThat(json.readTree(json.writeValueAsString(AdminReply.comment("991267459", "Hello there!"))))
                .isEqualTo(json.readTree("""
                        {"message_type":"comment","type":"admin","admin_id":"991267459","body":"Hello there!"}
                        """));
    }

    @Test
    void noteIsAnAdminReplyOnlyTeammatesSee() throws Exception {
        assertThat(json.readTree(json.writeValueAsString(AdminReply.note("991267459", "Heads up"))))
                .isEqualTo(json.readTree("""
                        {"message_type":"note","type":"admin","admin_id":"991267459","body":"Heads up"}
                        """));
    }

    @Test
    void assignmentIsPerformedByTheBotAdmin() throws Exception {
        assertThat(json.readTree(json.writeValueAsString(Assignment.by("991267459", "5017691"))))
                .isEqualTo(json.readTree("""
                        {"message_type":"assignment","type":"admin","admin_id":"991267459","assignee_id":"5017691"}
                        """));
    }
}
