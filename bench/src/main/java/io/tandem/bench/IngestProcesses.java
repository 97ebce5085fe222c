package io.tandem.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;

/**
 * The processes of the ingest bench whose CPU time it reports: the service JVM, this process (the load generator),
 * the Kafka broker and PostgreSQL (the postmaster and its backends). All run under this process, on the same box.
 */
final class IngestProcesses {

    private final Optional<ProcessHandle> service;
    private final Optional<ProcessHandle> kafka;
    private final OperatingSystemMXBean self;

    private IngestProcesses(Optional<ProcessHandle> service, Optional<ProcessHandle> kafka) {
        this.service = service;
        this.kafka = kafka;
        this.self = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    /** Finds them among this process' descendants (the JVMs run under ChildProcess' wrapper). */
    static IngestProcesses find(Path serviceJar) {
        String jar = serviceJar.toAbsolutePath().toString();
        List<ProcessHandle> descendants = ProcessHandle.current().descendants().toList();
        return new IngestProcesses(javaRunning(descendants, jar), javaRunning(descendants, "kafka.Kafka"));
    }

    private static Optional<ProcessHandle> javaRunning(List<ProcessHandle> processes, String argument) {
        return processes.stream()
                .filter(process -> process.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(process -> String.join(" ", CommandLines.of(process)).contains(argument))
                .findFirst();
    }

    CpuTimes cpuTimes() {
        // backends come and go with connections; the pools keep theirs open, so the sum is close
        long postgres = ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(IngestProcesses::cpuNanos).filter(nanos -> nanos >= 0).sum();
        return new CpuTimes(service.map(IngestProcesses::cpuNanos).orElse(-1L), self.getProcessCpuTime(),
                kafka.map(IngestProcesses::cpuNanos).orElse(-1L), postgres == 0 ? -1 : postgres);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** CPU time in nanoseconds of each, -1 when unknown. */
    record CpuTimes(long service, long load, long kafka, long postgres) {

        CpuTimes minus(CpuTimes before) {
            return new CpuTimes(difference(service, before.service), difference(load, before.load),
                    difference(kafka, before.kafka), difference(postgres, before.postgres));
        }

        private static long difference(long after, long before) {
            return after < 0 || before < 0 ? -1 : after - before;
        }
    }
}
