package io.tandem.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of {@code ./tandem bench NAME [ARGS]}: runs {@code io.tandem.bench.<Name>Bench}'s {@code main} with
 * the remaining arguments. Each benchmark starts what it measures, drives it from this process and prints its
 * figures.
 */
public final class Bench {

    /** The benchmarks there are, by the name {@code ./tandem bench} takes. */
    public static final List<String> NAMES = List.of("ingest", "router", "responder", "intents", "e2e");

    private Bench() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0 || !NAMES.contains(args[0])) {
            System.err.println("Usage: ./tandem bench <" + String.join("|", NAMES) + "> [options]"
                    + (args.length == 0 ? "" : "\nunknown benchmark '" + args[0] + "'"));
            System.exit(2);
        }
        Class<?> bench = Class.forName(className(args[0]));
        MethodHandles.publicLookup()
                .findStatic(bench, "main", MethodType.methodType(void.class, String[].class))
                .invokeExact(Arrays.copyOfRange(args, 1, args.length));
    }

    static String className(String name) {
        return Bench.class.getPackageName() + "." + name.substring(0, 1).toUpperCase(Locale.ROOT)
                + name.substring(1) + "Bench";
    }
}
