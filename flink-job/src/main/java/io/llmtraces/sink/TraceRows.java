package io.llmtraces.sink;

import static io.llmtraces.sink.RowValues.micros;
import static io.llmtraces.sink.RowValues.position;
import static io.llmtraces.sink.RowValues.string;
import static io.llmtraces.sink.RowValues.strings;

import io.llmtraces.model.TraceScore;
import io.llmtraces.model.TraceSummary;
import io.llmtraces.scoring.ScoredTrace;
import io.llmtraces.schema.TableSchemas;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/** A scored trace version as a row of the {@code traces} table. */
public class TraceRows implements MapFunction<ScoredTrace, RowData> {
  private static final Schema S = TableSchemas.TRACES_SCHEMA;
  private static final int PROJECT = position(S, "project");
  private static final int TRACE_ID = position(S, "trace_id");
  private static final int VERSION = position(S, "version");
  private static final int START = position(S, "start_time");
  private static final int END = position(S, "end_time");
  private static final int DURATION = position(S, "duration_ms");
  private static final int ROOT_NAME = position(S, "root_span_name");
  private static final int SERVICE = position(S, "service_name");
  private static final int WORKFLOW = position(S, "workflow_name");
  private static final int SPAN_COUNT = position(S, "span_count");
  private static final int ERROR_COUNT = position(S, "error_count");
  private static final int LLM_CALLS = position(S, "llm_call_count");
  private static final int MODELS = position(S, "models");
  private static final int INPUT_TOKENS = position(S, "input_tokens");
  private static final int OUTPUT_TOKENS = position(S, "output_tokens");
  private static final int TOTAL_TOKENS = position(S, "total_tokens");
  private static final int TOKEN_SIZE = position(S, "token_size_bytes");
  private static final int ROOT_MISSING = position(S, "root_missing");
  private static final int DROPPED = position(S, "dropped_span_count");
  private static final int SESSION = position(S, "session_id");
  private static final int USER = position(S, "user_id");
  private static final int INGESTED = position(S, "ingested_at");
  private static final int ANOMALOUS_SPANS = position(S, "anomalous_span_count");
  private static final VerdictColumns VERDICT = new VerdictColumns(S);

  @Override
  public RowData map(ScoredTrace scored) {
    TraceSummary t = scored.summary();
    TraceScore a = scored.score();
    GenericRowData row = new GenericRowData(S.columns().size());
    row.setField(PROJECT, string(t.project()));
    row.setField(TRACE_ID, string(t.traceId()));
    row.setField(VERSION, t.version());
    row.setField(START, micros(t.startMicros()));
    row.setField(END, micros(t.endMicros()));
    row.setField(DURATION, t.durationMs());
    row.setField(ROOT_NAME, string(t.rootSpanName()));
    row.setField(SERVICE, string(t.serviceName()));
    row.setField(WORKFLOW, string(t.workflowName()));
    row.setField(SPAN_COUNT, t.spanCount());
    row.setField(ERROR_COUNT, t.errorCount());
    row.setField(LLM_CALLS, t.llmCallCount());
    row.setField(MODELS, strings(t.models()));
    row.setField(INPUT_TOKENS, t.inputTokens());
    row.setField(OUTPUT_TOKENS, t.outputTokens());
    row.setField(TOTAL_TOKENS, t.totalTokens());
    row.setField(TOKEN_SIZE, t.tokenSizeBytes());
    row.setField(ROOT_MISSING, t.rootMissing());
    row.setField(DROPPED, t.droppedSpanCount());
    row.setField(SESSION, string(t.sessionId()));
    row.setField(USER, string(t.userId()));
    row.setField(INGESTED, micros(t.ingestedAtMicros()));
    row.setField(ANOMALOUS_SPANS, a.anomalousSpanCount());
    VERDICT.set(row, a);
    return row;
  }
}
