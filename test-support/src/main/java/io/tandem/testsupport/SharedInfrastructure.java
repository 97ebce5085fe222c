package io.tandem.testsupport;

/** One {@link Infrastructure} per JVM, started on first use and stopped at JVM exit. */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            Infrastructure started = Infrastructure.startThrowaway();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tandem-infrastructure-stop"));
            instance = started;
        }
        return instance;
    }
}
