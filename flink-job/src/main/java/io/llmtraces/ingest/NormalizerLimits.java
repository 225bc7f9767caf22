package io.llmtraces.ingest;

/**
 * Bounds on what one normalized span may carry into the tables, so a misbehaving SDK cannot blow
 * up a row.
 *
 * @param maxAttributes entries kept in the {@code attributes} map (span ones first, then
 *     resource ones); default 128, the OpenTelemetry SDKs' own default attribute count limit
 * @param maxValueChars chars kept per attribute value and per canonical string field (model,
 *     names, ids of sessions, messages); longer values end in an ellipsis; default 1024
 * @param maxSpanJsonBytes bytes (UTF-8) of {@code span_json}; a larger span is written again
 *     with cut values and fewer list items (marked {@code "truncated":true}), always valid JSON;
 *     default 64 KiB, at least 4096
 */
public record NormalizerLimits(int maxAttributes, int maxValueChars, int maxSpanJsonBytes)
    implements java.io.Serializable {
  /** The defaults described above. */
  public static final NormalizerLimits DEFAULTS = new NormalizerLimits(128, 1024, 64 * 1024);

  public NormalizerLimits {
    if (maxAttributes < 0) {
      throw new IllegalArgumentException("maxAttributes must be >= 0: " + maxAttributes);
    }
    if (maxValueChars < 16) {
      throw new IllegalArgumentException("maxValueChars must be >= 16: " + maxValueChars);
    }
    // The smallest span_json form (ids, name, times, status; strings cut to 256) needs ~2 KB.
    if (maxSpanJsonBytes < 4096) {
      throw new IllegalArgumentException("maxSpanJsonBytes must be >= 4096: " + maxSpanJsonBytes);
    }
  }
}
