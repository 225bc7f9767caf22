package io.llmtraces.sink;

import static io.llmtraces.sink.RowValues.micros;
import static io.llmtraces.sink.RowValues.position;
import static io.llmtraces.sink.RowValues.string;
import static io.llmtraces.sink.RowValues.utf8;
import static io.llmtraces.sink.RowValues.utf8Map;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.model.SpanScore;
import io.llmtraces.scoring.WritableSpan;
import io.llmtraces.trace.SpanCodec;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/**
 * A scored span as a row of the {@code spans} table: the one place its body is decoded again,
 * and then only from compressed bytes to UTF-8 bytes (the attributes and span_json, most of a
 * row, never become Java strings on their way to Parquet).
 */
public class SpanRows implements MapFunction<WritableSpan, RowData> {
  private static final Schema S = TableSchemas.SPANS_SCHEMA;
  private static final int PROJECT = position(S, "project");
  private static final int TRACE_ID = position(S, "trace_id");
  private static final int TRACE_VERSION = position(S, "trace_version");
  private static final int SPAN_ID = position(S, "span_id");
  private static final int PARENT = position(S, "parent_span_id");
  private static final int NAME = position(S, "name");
  private static final int KIND = position(S, "kind");
  private static final int SERVICE = position(S, "service_name");
  private static final int WORKFLOW = position(S, "workflow_name");
  private static final int ENTITY = position(S, "entity_name");
  private static final int START = position(S, "start_time");
  private static final int END = position(S, "end_time");
  private static final int DURATION = position(S, "duration_ms");
  private static final int STATUS_CODE = position(S, "status_code");
  private static final int STATUS_MESSAGE = position(S, "status_message");
  private static final int IS_ERROR = position(S, "is_error");
  private static final int ERROR_TYPE = position(S, "error_type");
  private static final int MODEL = position(S, "model");
  private static final int RESPONSE_MODEL = position(S, "response_model");
  private static final int EMBEDDING_MODEL = position(S, "embedding_model");
  private static final int PROVIDER = position(S, "provider");
  private static final int INPUT_TOKENS = position(S, "input_tokens");
  private static final int OUTPUT_TOKENS = position(S, "output_tokens");
  private static final int TOTAL_TOKENS = position(S, "total_tokens");
  private static final int CACHE_READ_TOKENS = position(S, "cache_read_tokens");
  private static final int REASONING_TOKENS = position(S, "reasoning_tokens");
  private static final int TOKEN_SIZE = position(S, "token_size_bytes");
  private static final int HAS_PROMPT = position(S, "has_prompt");
  private static final int HAS_RESPONSE = position(S, "has_response");
  private static final int FINISH_REASON = position(S, "finish_reason");
  private static final int IS_STREAMING = position(S, "is_streaming");
  private static final int TTFT = position(S, "ttft_ms");
  private static final int SESSION = position(S, "session_id");
  private static final int USER = position(S, "user_id");
  private static final int ATTRIBUTES = position(S, "attributes");
  private static final int SPAN_JSON = position(S, "span_json");
  private static final int INGESTED = position(S, "ingested_at");
  private static final int SELF_TIME = position(S, "self_time_ms");
  private static final VerdictColumns VERDICT = new VerdictColumns(S);

  @Override
  public RowData map(WritableSpan scored) {
    SpanCodec.FactsAndBody decoded = SpanCodec.decodeForWriting(scored.span());
    NormalizedSpan s = decoded.facts();
    SpanCodec.Utf8Body body = decoded.body();
    SpanScore a = scored.score();
    GenericRowData row = new GenericRowData(S.columns().size());
    row.setField(PROJECT, string(s.project()));
    row.setField(TRACE_ID, string(s.traceId()));
    row.setField(TRACE_VERSION, scored.traceVersion());
    row.setField(SPAN_ID, string(s.spanId()));
    row.setField(PARENT, string(s.isRoot() ? null : s.parentSpanId()));
    row.setField(NAME, string(s.name()));
    row.setField(KIND, string(s.kind().label()));
    row.setField(SERVICE, string(s.serviceName()));
    row.setField(WORKFLOW, string(s.workflowName()));
    row.setField(ENTITY, string(s.entityName()));
    row.setField(START, micros(s.startMicros()));
    row.setField(END, micros(s.endMicros()));
    row.setField(DURATION, s.durationMs());
    row.setField(STATUS_CODE, string(s.statusCode()));
    row.setField(STATUS_MESSAGE, string(s.statusMessage()));
    row.setField(IS_ERROR, s.isError());
    row.setField(ERROR_TYPE, string(s.errorType()));
    row.setField(MODEL, string(s.model()));
    row.setField(RESPONSE_MODEL, string(s.responseModel()));
    row.setField(EMBEDDING_MODEL, string(s.embeddingModel()));
    row.setField(PROVIDER, string(s.provider()));
    row.setField(INPUT_TOKENS, s.inputTokens());
    row.setField(OUTPUT_TOKENS, s.outputTokens());
    row.setField(TOTAL_TOKENS, s.totalTokens());
    row.setField(CACHE_READ_TOKENS, s.cacheReadTokens());
    row.setField(REASONING_TOKENS, s.reasoningTokens());
    row.setField(TOKEN_SIZE, s.tokenSizeBytes());
    row.setField(HAS_PROMPT, s.hasPrompt());
    row.setField(HAS_RESPONSE, s.hasResponse());
    row.setField(FINISH_REASON, string(s.finishReason()));
    row.setField(IS_STREAMING, s.isStreaming());
    row.setField(TTFT, s.ttftMs());
    row.setField(SESSION, string(s.sessionId()));
    row.setField(USER, string(s.userId()));
    row.setField(ATTRIBUTES, utf8Map(body.attributeKeys(), body.attributeValues()));
    row.setField(SPAN_JSON, utf8(body.spanJson()));
    row.setField(INGESTED, micros(scored.ingestedAtMicros()));
    row.setField(SELF_TIME, a.selfTimeMs());
    VERDICT.set(row, a);
    return row;
  }
}
