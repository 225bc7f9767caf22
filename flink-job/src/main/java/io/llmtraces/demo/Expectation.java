package io.llmtraces.demo;

/** What a detector should do with a labelled span: the three labels of the ground truth. */
public enum Expectation {
  /** Flag it, with the expected anomaly types: missing it is a false negative. */
  ANOMALY,
  /** Do not flag it: a flag is a false positive. */
  NORMAL,
  /** Either is fine: neither counted as found nor as a false alarm (a new key's first samples). */
  UNSCORED
}
