package io.tandem.sandbox.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Numeric ids for conversations, their sources and parts, like Intercom's.
 */
@ApplicationScoped
public class IdSequence {

    // seeded from the clock so a restarted sandbox never hands out an id Tandem has already seen
    private final AtomicLong last = new AtomicLong(System.currentTimeMillis() * 1000);

    public String next() {
        return Long.toString(last.incrementAndGet());
    }
}
