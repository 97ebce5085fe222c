package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void everyNamedBenchmarkHasAPublicStaticMain() throws Exception {
        for (String name : Bench.NAMES) {
            Method main = Class.forName(Bench.className(name)).getMethod("main", String[].class);

            assertThat(Modifier.isStatic(main.getModifiers())).as(name).isTrue();
        }
    }

    @Test
    void mapsACommandNameToItsClass() {
        assertThat(Bench.className("ingest")).isEqualTo("io.tandem.bench.IngestBench");
    }
}
