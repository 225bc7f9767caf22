package io.llmtraces.schema;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg tables the job writes and the page reads, defined once.
 *
 * <p>Field ids are part of the contract: Iceberg maps columns by id, so a column keeps its id for
 * ever and new columns take new ids (schema evolution, never renumbering).
 */
public final class TableSchemas {
  public static final Namespace NAMESPACE = Namespace.of("llm_traces");
  public static final TableIdentifier TRACES = TableIdentifier.of(NAMESPACE, "traces");
  public static final TableIdentifier SPANS = TableIdentifier.of(NAMESPACE, "spans");

  public static final Schema TRACES_SCHEMA =
      new Schema(
          required(1, "project", Types.StringType.get(), "Trace project the spans were sent to"),
          required(2, "trace_id", Types.StringType.get(), "OTLP trace id, 32 lower-case hex digits"),
          required(3, "version", Types.IntegerType.get(), "1 when first written; +1 each time late spans rewrite the trace"),
          required(4, "start_time", Types.TimestampType.withZone(), "Earliest span start"),
          required(5, "end_time", Types.TimestampType.withZone(), "Latest span end"),
          required(6, "duration_ms", Types.DoubleType.get(), "end_time - start_time in milliseconds"),
          optional(7, "root_span_name", Types.StringType.get(), "Name of the root span (null when the root never arrived)"),
          optional(8, "service_name", Types.StringType.get(), "service.name of the root span, else of the earliest span"),
          optional(9, "workflow_name", Types.StringType.get(), "Workflow name from iftracer/traceloop attributes, else the root span's name"),
          required(10, "span_count", Types.IntegerType.get(), "Spans kept in the trace (duplicates counted once)"),
          required(11, "error_count", Types.IntegerType.get(), "Spans with is_error"),
          required(12, "llm_call_count", Types.IntegerType.get(), "Spans of kind llm or embedding"),
          required(13, "models", Types.ListType.ofRequired(14, Types.StringType.get()), "Distinct requested models of the trace's LLM spans, sorted"),
          optional(15, "input_tokens", Types.LongType.get(), "Sum over LLM spans that reported it; null when none did"),
          optional(16, "output_tokens", Types.LongType.get(), "Sum over LLM spans that reported it; null when none did"),
          optional(17, "total_tokens", Types.LongType.get(), "Sum over LLM spans of their total (else input + output); null when none reported"),
          required(18, "token_size_bytes", Types.LongType.get(), "UTF-8 bytes of prompt and completion text over LLM spans"),
          required(19, "root_missing", Types.BooleanType.get(), "True when no span without a parent arrived before the trace was closed"),
          required(20, "dropped_span_count", Types.IntegerType.get(), "Spans beyond the per-trace cap, counted and not stored"),
          optional(21, "session_id", Types.StringType.get(), "First session id seen on the trace's spans"),
          optional(22, "user_id", Types.StringType.get(), "First user id seen on the trace's spans"),
          required(23, "ingested_at", Types.TimestampType.withZone(), "When the job wrote this version"),
          // Anomaly columns: optional because they were added to existing tables by schema evolution.
          optional(24, "anomaly_score", Types.DoubleType.get(), "0-100, higher is worse: the largest of the trace-duration score and its spans' scores"),
          optional(25, "anomaly_types", Types.ListType.ofRequired(26, Types.StringType.get()), "TRACE_RESPONSE_TIME, SPAN_RESPONSE_TIME, SPAN_NO_PROMPT_RESPONSE, SPAN_ERROR found in the trace"),
          optional(27, "is_anomalous", Types.BooleanType.get(), "anomaly_score reached the threshold"),
          optional(28, "expected_duration_ms", Types.DoubleType.get(), "Median trace duration of the baseline it was judged against"),
          optional(29, "expected_p99_ms", Types.DoubleType.get(), "p99 trace duration of that baseline"),
          optional(30, "baseline_samples", Types.LongType.get(), "Traces the baseline had seen when this one was judged"),
          optional(31, "baseline_key", Types.StringType.get(), "The baseline used, after back-off (for example: project, workflow)"),
          optional(32, "duration_ratio", Types.DoubleType.get(), "duration_ms / expected_p99_ms"),
          optional(33, "anomaly_explanation", Types.StringType.get(), "The main reason in words"),
          optional(34, "anomalous_span_count", Types.IntegerType.get(), "Spans with is_anomalous"));

  public static final Schema SPANS_SCHEMA =
      new Schema(
          required(1, "project", Types.StringType.get(), "Trace project"),
          required(2, "trace_id", Types.StringType.get(), "OTLP trace id, hex"),
          required(3, "trace_version", Types.IntegerType.get(), "Version of the trace that first wrote this span"),
          required(4, "span_id", Types.StringType.get(), "OTLP span id, 16 hex digits"),
          optional(5, "parent_span_id", Types.StringType.get(), "Parent span id; null for a root span"),
          required(6, "name", Types.StringType.get(), "Span name"),
          required(7, "kind", Types.StringType.get(), "workflow, task, agent, tool, llm, retriever, embedding or other"),
          optional(8, "service_name", Types.StringType.get(), "Resource attribute service.name"),
          optional(9, "workflow_name", Types.StringType.get(), "iftracer/traceloop workflow name"),
          optional(10, "entity_name", Types.StringType.get(), "iftracer/traceloop entity name, agent or tool name"),
          required(11, "start_time", Types.TimestampType.withZone(), "Span start"),
          required(12, "end_time", Types.TimestampType.withZone(), "Span end"),
          required(13, "duration_ms", Types.DoubleType.get(), "end_time - start_time in milliseconds"),
          required(14, "status_code", Types.StringType.get(), "OTLP status: UNSET, OK or ERROR"),
          optional(15, "status_message", Types.StringType.get(), "Status message, else the exception message"),
          required(16, "is_error", Types.BooleanType.get(), "ERROR status, error.type, or an exception event"),
          optional(17, "error_type", Types.StringType.get(), "error.type or exception.type"),
          optional(18, "model", Types.StringType.get(), "Requested model (the baseline key)"),
          optional(19, "response_model", Types.StringType.get(), "Model named in the response (often a dated version)"),
          optional(20, "embedding_model", Types.StringType.get(), "Embedding model"),
          optional(21, "provider", Types.StringType.get(), "Model provider (openai, anthropic, ...)"),
          optional(22, "input_tokens", Types.LongType.get(), "Prompt tokens; null when not reported"),
          optional(23, "output_tokens", Types.LongType.get(), "Completion tokens; null when not reported"),
          optional(24, "total_tokens", Types.LongType.get(), "Total tokens, else input + output; null when not reported"),
          optional(25, "cache_read_tokens", Types.LongType.get(), "Prompt tokens read from the provider's cache"),
          optional(26, "reasoning_tokens", Types.LongType.get(), "Reasoning tokens"),
          required(27, "token_size_bytes", Types.LongType.get(), "UTF-8 bytes of prompt and completion text"),
          required(28, "has_prompt", Types.BooleanType.get(), "Prompt content was captured"),
          required(29, "has_response", Types.BooleanType.get(), "Completion content was captured"),
          optional(30, "finish_reason", Types.StringType.get(), "Finish reason(s), comma separated"),
          required(31, "is_streaming", Types.BooleanType.get(), "Streamed call"),
          optional(32, "ttft_ms", Types.DoubleType.get(), "Time to first chunk in milliseconds, for streamed calls"),
          optional(33, "session_id", Types.StringType.get(), "Session or conversation id"),
          optional(34, "user_id", Types.StringType.get(), "End user id"),
          required(35, "attributes", Types.MapType.ofRequired(36, 37, Types.StringType.get(), Types.StringType.get()), "Remaining span and resource attributes, bounded in count and length"),
          required(38, "span_json", Types.StringType.get(), "The span as OTLP/JSON (hex ids), for the page's JSON view"),
          required(39, "ingested_at", Types.TimestampType.withZone(), "When the job wrote this span"),
          optional(40, "anomaly_score", Types.DoubleType.get(), "0-100, higher is worse, comparable across anomaly types"),
          optional(41, "anomaly_types", Types.ListType.ofRequired(42, Types.StringType.get()), "SPAN_RESPONSE_TIME, SPAN_NO_PROMPT_RESPONSE, SPAN_ERROR"),
          optional(43, "is_anomalous", Types.BooleanType.get(), "anomaly_score reached the threshold"),
          optional(44, "self_time_ms", Types.DoubleType.get(), "Duration minus the time covered by its children: what a parent is judged on"),
          optional(45, "expected_duration_ms", Types.DoubleType.get(), "Median of the baseline it was judged against (for LLM calls: for its output tokens)"),
          optional(46, "expected_p99_ms", Types.DoubleType.get(), "p99 of that baseline"),
          optional(47, "baseline_samples", Types.LongType.get(), "Spans the baseline had seen when this one was judged"),
          optional(48, "baseline_key", Types.StringType.get(), "The baseline used, after back-off (for example: project, service, span name, model)"),
          optional(49, "duration_ratio", Types.DoubleType.get(), "Judged time / expected_p99_ms"),
          optional(50, "anomaly_explanation", Types.StringType.get(), "Why it is anomalous, in words"));

  /**
   * Spans are read one trace at a time (an expanded trace): smaller row groups than the traces
   * table's, so that what the bloom filter leaves to read is small (2 MB counted before
   * compression, as Parquet measures the page being filled: about 1,200-2,000 spans, 300 KB on
   * disk). The bloom filter is sized for the trace ids such a row group holds (at most one per
   * span; 8 KB at 1 % false positives); without a number of distinct values Parquet gave each row
   * group the maximum, 1 MB: three quarters of every file written.
   *
   * <p>And they are written many times faster than traces, mostly text: {@code span_json}
   * (kilobytes of unique JSON per span) and the attribute map. Nobody filters on {@code
   * span_json}, so it has no min/max statistics to compute (Parquet's) or to keep in manifests
   * (Iceberg's).
   */
  public static final Map<String, String> SPANS_PROPERTIES =
      Map.of(
          "write.parquet.row-group-size-bytes", "2097152",
          "write.parquet.bloom-filter-ndv.column.trace_id", "4096",
          "write.parquet.stats-enabled.column.span_json", "false",
          "write.metadata.metrics.column.span_json", "none");

  /** Page queries filter by project and a time range: both tables partition that way. */
  public static final PartitionSpec TRACES_PARTITIONING =
      PartitionSpec.builderFor(TRACES_SCHEMA).identity("project").day("start_time").build();

  public static final PartitionSpec SPANS_PARTITIONING =
      PartitionSpec.builderFor(SPANS_SCHEMA).identity("project").day("start_time").build();

  /**
   * Table properties set at creation. A bloom filter on trace_id lets a look-up by trace id skip
   * row groups (ids are random, so min/max statistics cannot), and row groups of 8 MB (instead
   * of 128 MB) make what is left to read after that small. The filter is sized for the distinct
   * ids a row group can hold (8 MB of trace rows is about 60,000 traces) at 1 % false
   * positives: 128 KB. Without a number of distinct values Parquet gives every row group a
   * filter of the maximum size, 1 MB, most of a file written in a checkpoint interval.
   *
   * <p>No dictionary encoding: Parquet's dictionaries hash and compare every value of every
   * column, start over in every row group and give up on columns of unique values (ids, times,
   * durations, span_json) only after filling a dictionary: a third of the cost of writing spans,
   * and a sixth of the thread that scores and writes traces. zstd still finds the repeats
   * (project, kind, model, attribute keys), and no query of the page or of docs/sql.md depends on
   * dictionaries.
   *
   * <p>zstd at level 1 rather than its default 3: writing spans took 8 % less CPU for files 3-4 %
   * larger (scripts/bench-stages, docs/performance.md).
   */
  public static final Map<String, String> TABLE_PROPERTIES =
      Map.ofEntries(
          Map.entry("write.parquet.bloom-filter-enabled.column.trace_id", "true"),
          Map.entry("write.parquet.bloom-filter-ndv.column.trace_id", "65536"),
          Map.entry("write.parquet.row-group-size-bytes", "8388608"),
          Map.entry("parquet.enable.dictionary", "false"),
          Map.entry("format-version", "2"),
          Map.entry("write.format.default", "parquet"),
          Map.entry("write.parquet.compression-codec", "zstd"),
          Map.entry("write.parquet.compression-level", "1"),
          Map.entry("write.metadata.delete-after-commit.enabled", "true"),
          Map.entry("write.metadata.previous-versions-max", "50"),
          Map.entry("write.distribution-mode", "none"));

  private TableSchemas() {}
}
