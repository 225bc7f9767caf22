package io.llmtraces.baseline;

import java.io.Serializable;

/**
 * How baselines learn.
 *
 * @param minSamples a baseline judges only once it has seen this many samples; until then the
 *     next coarser key judges (30)
 * @param minAlpha the smallest weight of a new sample: the baseline forgets with a time constant
 *     of 1/minAlpha samples (0.01: about 100 samples), which bounds how long an intended change
 *     (a new model version, a lasting shift) takes to become the new normal
 * @param clipSigmas a sample further than this from the mean moves the baseline as if it were
 *     exactly this far (3): outliers barely move it, a lasting shift still does
 * @param sigmaFloor the smallest spread in log space (0.05, i.e. about 5 %): a very steady key
 *     does not flag tiny wobbles
 * @param warmupSigma the spread assumed for clipping while a baseline has fewer than minSamples
 *     (0.5), so anomalies during warm-up do not set the baseline
 * @param eventPrior the error and empty-response rate a key is assumed to have before it has
 *     history (0.01)
 */
public record BaselineOptions(
    int minSamples, double minAlpha, double clipSigmas, double sigmaFloor, double warmupSigma, double eventPrior)
    implements Serializable {

  public static final BaselineOptions DEFAULTS = new BaselineOptions(30, 0.01, 3.0, 0.05, 0.5, 0.01);

  /** The weight of the next sample: a plain mean while young, then exponential forgetting. */
  double alpha(long samplesSoFar) {
    return Math.max(1.0 / (samplesSoFar + 1), minAlpha);
  }
}
