package io.tandem.bench;

/**
 * The options of {@code ./tandem bench e2e}.
 */
record E2eBenchOptions(int rate, int seconds, int warmUpSeconds, int warmUpRate) {

    static final String USAGE = """
            Usage: ./tandem bench e2e [--rate PER_S] [--seconds N] [--warm-up N] [--warm-up-rate PER_S]
              --rate PER_S          customer messages a second, each opening a sandbox conversation (default 50)
              --seconds N           how long the measured run sends (default 30)
              --warm-up N           seconds of traffic before measuring, not counted (default 10); the JVMs need
                                    minutes of traffic before their JIT compilers are done (see bench/README.md)
              --warm-up-rate PER_S  the warm-up's rate (default: --rate), e.g. one the system sustains while it
                                    still compiles, before measuring at a higher one""";

    /** The options, or null (usage printed) when asked for help. */
    static E2eBenchOptions parse(String[] args) {
        int rate = 50;
        int seconds = 30;
        int warmUp = 10;
        Integer warmUpRate = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return null;
                }
                case "--rate" -> rate = positive(args, ++i);
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warm-up" -> warmUp = notNegative(args, ++i);
                case "--warm-up-rate" -> warmUpRate = positive(args, ++i);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new E2eBenchOptions(rate, seconds, warmUp, warmUpRate == null ? rate : warmUpRate);
    }

    private static int positive(String[] args, int i) {
        int value = number(args, i);
        if (value <= 0) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive\n" + USAGE);
        }
        return value;
    }

    private static int notNegative(String[] args, int i) {
        int value = number(args, i);
        if (value < 0) {
            throw new IllegalArgumentException(args[i - 1] + " must not be negative\n" + USAGE);
        }
        return value;
    }

    private static int number(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        try {
            return Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number, not " + args[i] + "\n" + USAGE);
        }
    }
}
