package io.llmtraces.model;

import java.util.List;

/**
 * What the anomaly engine concluded about a trace or a span, and what it judged it against: the
 * columns the {@code traces} and {@code spans} tables share (see {@link TraceScore}, {@link
 * SpanScore} for what each means there).
 */
public interface Verdict {
  double score();

  List<AnomalyType> types();

  boolean anomalous();

  Double expectedMs();

  Double expectedP99Ms();

  Long baselineSamples();

  String baselineKey();

  Double ratio();

  String explanation();
}
