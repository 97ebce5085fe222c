package io.tandem.system.deploy;

import java.util.List;

/** A Quarkus service of Tandem as it is deployed: its Maven module (also its image and host name) and HTTP port. */
record TandemService(String module, int port) {

    static final TandemService INGEST = new TandemService("ingest-service", 8080);
    static final TandemService CLASSIFIER = new TandemService("classifier-service", 8081);
    static final TandemService ROUTER = new TandemService("router-service", 8082);
    static final TandemService RESPONDER = new TandemService("responder-service", 8083);
    static final TandemService SANDBOX = new TandemService("intercom-sandbox", 8090);

    /** The services that consume and produce Kafka records and own a database schema. */
    static final List<TandemService> PIPELINE = List.of(INGEST, CLASSIFIER, ROUTER, RESPONDER);

    static final List<TandemService> ALL = List.of(INGEST, CLASSIFIER, ROUTER, RESPONDER, SANDBOX);

    String image() {
        return "tandem/" + module;
    }
}
