package io.tandem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JIT compiler threads ({@code C1 CompilerThreadN}, {@code C2 CompilerThreadN}) of processes, from
 * {@code /proc}. A JVM that still compiles much of its code spends a large share of its CPU there; a bench that
 * measures before it is done measures the warm-up, not the service. Threads that ended between two snapshots are
 * not counted, so the figure is a lower bound (HotSpot stops idle compiler threads).
 */
final class JitCpu {

    /** Linux reports thread CPU in clock ticks of 1/100 s (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private JitCpu() {
    }

    /** CPU nanoseconds per compiler thread ({@code pid/tid}) of the given processes; empty without {@code /proc}. */
    static Map<String, Long> snapshot(Stream<ProcessHandle> processes) {
        Map<String, Long> threads = new HashMap<>();
        processes.forEach(process -> {
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            try (Stream<Path> tids = Files.list(tasks)) {
                tids.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        if (isCompilerThread(stat)) {
                            threads.put(process.pid() + "/" + task.getFileName(), cpuTicks(stat) * NANOS_PER_TICK);
                        }
                    } catch (IOException | UncheckedIOException e) {
                        // the thread ended meanwhile
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // the process ended meanwhile, or no /proc here
            }
        });
        return threads;
    }

    /** Nanoseconds the compiler threads in {@code after} spent since {@code before}. */
    static long since(Map<String, Long> before, Map<String, Long> after) {
        long nanos = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            nanos += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return nanos;
    }

    /** @param stat a {@code /proc/PID/task/TID/stat} line: {@code tid (comm) state ...} */
    static boolean isCompilerThread(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return false;
        }
        String name = stat.substring(open + 1, close);
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** utime + stime, the 14th and 15th fields, counted after the command name (which may hold spaces). */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is the state (field 3), so utime (field 14) is fields[11] and stime fields[12]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
