package io.tandem.bench;

/**
 * What {@code ./tandem bench ingest} is told.
 *
 * @param rate          webhooks offered per second
 * @param seconds       length of each measured phase (first deliveries, then redeliveries)
 * @param warmupSeconds length of the unmeasured warm-up at the same rate
 * @param serviceJvm    JVM options of the ingest-service process
 */
record IngestBenchOptions(int rate, int seconds, int warmupSeconds, String serviceJvm) {

    static final String USAGE = """
            Usage: ./tandem bench ingest [--rate N] [--seconds N] [--warmup N] [--service-jvm "OPTIONS"]
              --rate         webhooks per second offered, open loop (default 2000)
              --seconds      length of each measured phase (default 20)
              --warmup       seconds of unmeasured warm-up at the same rate (default 15)
              --service-jvm  JVM options of the ingest-service (default: the launcher's,
                             "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError")""";

    static final IngestBenchOptions DEFAULTS = new IngestBenchOptions(2000, 20, 15,
            "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError");

    /** @return null when help was asked for */
    static IngestBenchOptions parse(String[] args) {
        IngestBenchOptions options = DEFAULTS;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            options = switch (name) {
                case "--rate" -> new IngestBenchOptions(positive(name, value), options.seconds, options.warmupSeconds,
                        options.serviceJvm);
                case "--seconds" -> new IngestBenchOptions(options.rate, positive(name, value), options.warmupSeconds,
                        options.serviceJvm);
                case "--warmup" -> new IngestBenchOptions(options.rate, options.seconds, nonNegative(name, value),
                        options.serviceJvm);
                case "--service-jvm" -> new IngestBenchOptions(options.rate, options.seconds, options.warmupSeconds,
                        value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            };
        }
        return options;
    }

    private static int positive(String name, String value) {
        int number = nonNegative(name, value);
        if (number == 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return number;
    }

    private static int nonNegative(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value, e);
        }
    }
}
