-- Generated from io.llmtraces.schema.TableSchemas; a test keeps this file equal to the code.

CREATE TABLE llm_traces.traces (
  project STRING NOT NULL COMMENT 'Trace project the spans were sent to',
  trace_id STRING NOT NULL COMMENT 'OTLP trace id, 32 lower-case hex digits',
  version INT NOT NULL COMMENT '1 when first written; +1 each time late spans rewrite the trace',
  start_time TIMESTAMP NOT NULL COMMENT 'Earliest span start',
  end_time TIMESTAMP NOT NULL COMMENT 'Latest span end',
  duration_ms DOUBLE NOT NULL COMMENT 'end_time - start_time in milliseconds',
  root_span_name STRING COMMENT 'Name of the root span (null when the root never arrived)',
  service_name STRING COMMENT 'service.name of the root span, else of the earliest span',
  workflow_name STRING COMMENT 'Workflow name from iftracer/traceloop attributes, else the root span''s name',
  span_count INT NOT NULL COMMENT 'Spans kept in the trace (duplicates counted once)',
  error_count INT NOT NULL COMMENT 'Spans with is_error',
  llm_call_count INT NOT NULL COMMENT 'Spans of kind llm or embedding',
  models ARRAY<STRING> NOT NULL COMMENT 'Distinct requested models of the trace''s LLM spans, sorted',
  input_tokens BIGINT COMMENT 'Sum over LLM spans that reported it; null when none did',
  output_tokens BIGINT COMMENT 'Sum over LLM spans that reported it; null when none did',
  total_tokens BIGINT COMMENT 'Sum over LLM spans of their total (else input + output); null when none reported',
  token_size_bytes BIGINT NOT NULL COMMENT 'UTF-8 bytes of prompt and completion text over LLM spans',
  root_missing BOOLEAN NOT NULL COMMENT 'True when no span without a parent arrived before the trace was closed',
  dropped_span_count INT NOT NULL COMMENT 'Spans beyond the per-trace cap, counted and not stored',
  session_id STRING COMMENT 'First session id seen on the trace''s spans',
  user_id STRING COMMENT 'First user id seen on the trace''s spans',
  ingested_at TIMESTAMP NOT NULL COMMENT 'When the job wrote this version',
  anomaly_score DOUBLE COMMENT '0-100, higher is worse: the largest of the trace-duration score and its spans'' scores',
  anomaly_types ARRAY<STRING> COMMENT 'TRACE_RESPONSE_TIME, SPAN_RESPONSE_TIME, SPAN_NO_PROMPT_RESPONSE, SPAN_ERROR found in the trace',
  is_anomalous BOOLEAN COMMENT 'anomaly_score reached the threshold',
  expected_duration_ms DOUBLE COMMENT 'Median trace duration of the baseline it was judged against',
  expected_p99_ms DOUBLE COMMENT 'p99 trace duration of that baseline',
  baseline_samples BIGINT COMMENT 'Traces the baseline had seen when this one was judged',
  baseline_key STRING COMMENT 'The baseline used, after back-off (for example: project, workflow)',
  duration_ratio DOUBLE COMMENT 'duration_ms / expected_p99_ms',
  anomaly_explanation STRING COMMENT 'The main reason in words',
  anomalous_span_count INT COMMENT 'Spans with is_anomalous'
) USING iceberg
PARTITIONED BY (project, days(start_time))
TBLPROPERTIES ('format-version'='2', 'parquet.enable.dictionary'='false', 'write.distribution-mode'='none', 'write.format.default'='parquet', 'write.metadata.delete-after-commit.enabled'='true', 'write.metadata.previous-versions-max'='50', 'write.parquet.bloom-filter-enabled.column.trace_id'='true', 'write.parquet.bloom-filter-ndv.column.trace_id'='65536', 'write.parquet.compression-codec'='zstd', 'write.parquet.compression-level'='1', 'write.parquet.row-group-size-bytes'='8388608');

CREATE TABLE llm_traces.spans (
  project STRING NOT NULL COMMENT 'Trace project',
  trace_id STRING NOT NULL COMMENT 'OTLP trace id, hex',
  trace_version INT NOT NULL COMMENT 'Version of the trace that first wrote this span',
  span_id STRING NOT NULL COMMENT 'OTLP span id, 16 hex digits',
  parent_span_id STRING COMMENT 'Parent span id; null for a root span',
  name STRING NOT NULL COMMENT 'Span name',
  kind STRING NOT NULL COMMENT 'workflow, task, agent, tool, llm, retriever, embedding or other',
  service_name STRING COMMENT 'Resource attribute service.name',
  workflow_name STRING COMMENT 'iftracer/traceloop workflow name',
  entity_name STRING COMMENT 'iftracer/traceloop entity name, agent or tool name',
  start_time TIMESTAMP NOT NULL COMMENT 'Span start',
  end_time TIMESTAMP NOT NULL COMMENT 'Span end',
  duration_ms DOUBLE NOT NULL COMMENT 'end_time - start_time in milliseconds',
  status_code STRING NOT NULL COMMENT 'OTLP status: UNSET, OK or ERROR',
  status_message STRING COMMENT 'Status message, else the exception message',
  is_error BOOLEAN NOT NULL COMMENT 'ERROR status, error.type, or an exception event',
  error_type STRING COMMENT 'error.type or exception.type',
  model STRING COMMENT 'Requested model (the baseline key)',
  response_model STRING COMMENT 'Model named in the response (often a dated version)',
  embedding_model STRING COMMENT 'Embedding model',
  provider STRING COMMENT 'Model provider (openai, anthropic, ...)',
  input_tokens BIGINT COMMENT 'Prompt tokens; null when not reported',
  output_tokens BIGINT COMMENT 'Completion tokens; null when not reported',
  total_tokens BIGINT COMMENT 'Total tokens, else input + output; null when not reported',
  cache_read_tokens BIGINT COMMENT 'Prompt tokens read from the provider''s cache',
  reasoning_tokens BIGINT COMMENT 'Reasoning tokens',
  token_size_bytes BIGINT NOT NULL COMMENT 'UTF-8 bytes of prompt and completion text',
  has_prompt BOOLEAN NOT NULL COMMENT 'Prompt content was captured',
  has_response BOOLEAN NOT NULL COMMENT 'Completion content was captured',
  finish_reason STRING COMMENT 'Finish reason(s), comma separated',
  is_streaming BOOLEAN NOT NULL COMMENT 'Streamed call',
  ttft_ms DOUBLE COMMENT 'Time to first chunk in milliseconds, for streamed calls',
  session_id STRING COMMENT 'Session or conversation id',
  user_id STRING COMMENT 'End user id',
  attributes MAP<STRING, STRING> NOT NULL COMMENT 'Remaining span and resource attributes, bounded in count and length',
  span_json STRING NOT NULL COMMENT 'The span as OTLP/JSON (hex ids), for the page''s JSON view',
  ingested_at TIMESTAMP NOT NULL COMMENT 'When the job wrote this span',
  anomaly_score DOUBLE COMMENT '0-100, higher is worse, comparable across anomaly types',
  anomaly_types ARRAY<STRING> COMMENT 'SPAN_RESPONSE_TIME, SPAN_NO_PROMPT_RESPONSE, SPAN_ERROR',
  is_anomalous BOOLEAN COMMENT 'anomaly_score reached the threshold',
  self_time_ms DOUBLE COMMENT 'Duration minus the time covered by its children: what a parent is judged on',
  expected_duration_ms DOUBLE COMMENT 'Median of the baseline it was judged against (for LLM calls: for its output tokens)',
  expected_p99_ms DOUBLE COMMENT 'p99 of that baseline',
  baseline_samples BIGINT COMMENT 'Spans the baseline had seen when this one was judged',
  baseline_key STRING COMMENT 'The baseline used, after back-off (for example: project, service, span name, model)',
  duration_ratio DOUBLE COMMENT 'Judged time / expected_p99_ms',
  anomaly_explanation STRING COMMENT 'Why it is anomalous, in words'
) USING iceberg
PARTITIONED BY (project, days(start_time))
TBLPROPERTIES ('format-version'='2', 'parquet.enable.dictionary'='false', 'write.distribution-mode'='none', 'write.format.default'='parquet', 'write.metadata.delete-after-commit.enabled'='true', 'write.metadata.metrics.column.span_json'='none', 'write.metadata.previous-versions-max'='50', 'write.parquet.bloom-filter-enabled.column.trace_id'='true', 'write.parquet.bloom-filter-ndv.column.trace_id'='4096', 'write.parquet.compression-codec'='zstd', 'write.parquet.compression-level'='1', 'write.parquet.row-group-size-bytes'='2097152', 'write.parquet.stats-enabled.column.span_json'='false');

CREATE VIEW llm_traces.traces_latest AS
SELECT * FROM (
  SELECT t.*, ROW_NUMBER() OVER (PARTITION BY project, trace_id ORDER BY version DESC, span_count DESC) AS version_rank
  FROM llm_traces.traces t
) WHERE version_rank = 1;
