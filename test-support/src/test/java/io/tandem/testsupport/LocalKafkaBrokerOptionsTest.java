package io.tandem.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocalKafkaBrokerOptionsTest {

    @Test
    void extraOptionsAreSplitOnWhitespace() {
        assertEquals(List.of("-Xlog:gc:file=/tmp/kafka-gc.log", "-XX:+AlwaysPreTouch"),
                LocalKafkaBroker.extraJavaOptions("  -Xlog:gc:file=/tmp/kafka-gc.log \t -XX:+AlwaysPreTouch "));
    }

    @Test
    void noVariableAddsNothing() {
        assertEquals(List.of(), LocalKafkaBroker.extraJavaOptions(null));
        assertEquals(List.of(), LocalKafkaBroker.extraJavaOptions("  "));
    }
}
