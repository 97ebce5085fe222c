package io.tandem.bench;

/**
 * The options of {@code ./tandem bench responder}.
 */
record ResponderBenchOptions(int actions, int conversations, int rate, int intercomMs) {

    static final String USAGE = """
            Usage: ./tandem bench responder [--actions N] [--conversations N] [--rate PER_S] [--intercom-ms MS]
              --actions N        actions per measured run (default 3000)
              --conversations N  conversations they are spread over (default 300)
              --rate PER_S       rate of the steady run whose latency is measured (default 200)
              --intercom-ms MS   how long the stand-in Intercom takes to answer a call (default 0)""";

    /** The options, or null (usage printed) when asked for help. */
    static ResponderBenchOptions parse(String[] args) {
        int actions = 3000;
        int conversations = 300;
        int rate = 200;
        int intercomMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return null;
                }
                case "--actions" -> actions = positive(args, ++i);
                case "--conversations" -> conversations = positive(args, ++i);
                case "--rate" -> rate = positive(args, ++i);
                case "--intercom-ms" -> intercomMs = Math.max(0, number(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new ResponderBenchOptions(actions, conversations, rate, intercomMs);
    }

    private static int positive(String[] args, int i) {
        int value = number(args, i);
        if (value <= 0) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive\n" + USAGE);
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
