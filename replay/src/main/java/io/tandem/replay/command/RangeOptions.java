package io.tandem.replay.command;

import java.time.Instant;

import io.tandem.replay.kafka.Range;
import io.tandem.replay.kafka.RecordFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which records: a time or offset range, one workspace, one conversation. */
public class RangeOptions {

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "first record's time, inclusive: 2026-11-26T10:00:00Z, 2026-11-26T11:00+01:00 or 2026-11-26")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "end of the range, exclusive (default: what the topic holds now)")
    Instant to;

    @Option(names = "--from-offset", paramLabel = "OFFSET", description = "first offset, in every partition")
    Long fromOffset;

    @Option(names = "--to-offset", paramLabel = "OFFSET", description = "end offset, exclusive, in every partition")
    Long toOffset;

    @Option(names = "--app", paramLabel = "APP_ID", description = "only this workspace (Intercom app_id)")
    String appId;

    @Option(names = "--conversation", paramLabel = "ID", description = "only this conversation")
    String conversationId;

    Range range(CommandSpec spec) {
        if (fromOffset != null && fromOffset < 0) {
            throw new ParameterException(spec.commandLine(), "--from-offset must not be negative");
        }
        if (toOffset != null && toOffset < 0) {
            throw new ParameterException(spec.commandLine(), "--to-offset must not be negative");
        }
        try {
            return new Range(from, to, fromOffset, toOffset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    RecordFilter filter() {
        return new RecordFilter(appId, conversationId);
    }
}
