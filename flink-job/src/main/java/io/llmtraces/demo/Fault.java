package io.llmtraces.demo;

/**
 * One fault put into a generated trace, recorded so evaluation can tell labelled from found.
 *
 * @param type what happened
 * @param spanIdHex the span it happened to (for {@link FaultType#UNEXPORTED_SPANS}: the failing
 *     span whose exception escaped)
 * @param injected false for the generator's natural background faults, true for anomalies injected
 *     on purpose
 * @param magnitude how big: a latency factor, a count of dropped spans; 1 when it has no size
 * @param detail a short human-readable note (exception type, dropped span names)
 */
public record Fault(
    FaultType type, String spanIdHex, boolean injected, double magnitude, String detail) {}
