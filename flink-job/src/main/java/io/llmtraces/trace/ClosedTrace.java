package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace version as the assembler closes it: its summary and the spans it writes (all of them
 * for version 1, only the late ones for later versions), the spans as {@link SpanCodec} bytes
 * because they cross the {@code keyBy} to scoring.
 */
public record ClosedTrace(TraceSummary summary, List<byte[]> spanBytes) {

  /** A closed trace of decoded spans (tests, and anything that builds one by hand). */
  public static ClosedTrace of(TraceSummary summary, List<NormalizedSpan> spans) {
    List<byte[]> bytes = new ArrayList<>(spans.size());
    for (NormalizedSpan span : spans) {
      bytes.add(SpanCodec.encode(span));
    }
    return new ClosedTrace(summary, bytes);
  }

  /** The spans, decoded (a new list on every call). */
  public List<NormalizedSpan> decodeSpans() {
    List<NormalizedSpan> spans = new ArrayList<>(spanBytes.size());
    for (byte[] bytes : spanBytes) {
      spans.add(SpanCodec.decode(bytes));
    }
    return spans;
  }
}
