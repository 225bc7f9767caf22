package io.llmtraces.evaluation;

/**
 * True positives, false positives and false negatives of one comparison of flags with labels.
 *
 * @param tp labelled anomalies flagged with the expected type
 * @param fp flags of a type on spans (or traces) not labelled with it, and not exempt
 * @param fn labelled anomalies not flagged with the expected type
 */
public record Counts(long tp, long fp, long fn) {
  public static final Counts ZERO = new Counts(0, 0, 0);

  /** tp / (tp + fp); null when nothing was flagged. */
  public Double precision() {
    return ratio(tp, tp + fp);
  }

  /** tp / (tp + fn); null when nothing was labelled. */
  public Double recall() {
    return ratio(tp, tp + fn);
  }

  /** The labelled anomalies: tp + fn. */
  public long positives() {
    return tp + fn;
  }

  public Counts plus(Counts o) {
    return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
  }

  /** {@code num / den}, null when {@code den} is 0. */
  public static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }

  /**
   * The precision a detector with this {@code recall} would have if every labelled anomaly of the
   * type behaved like these: recall / (recall + false positives per labelled anomaly of the type).
   * It puts scenarios of different sizes on the type's prevalence; null when undefined.
   */
  public static Double precisionAtPrevalence(Double recall, Counts type) {
    if (recall == null || type.positives() == 0) {
      return null;
    }
    double fpPerPositive = (double) type.fp() / type.positives();
    return recall + fpPerPositive == 0 ? null : recall / (recall + fpPerPositive);
  }
}
