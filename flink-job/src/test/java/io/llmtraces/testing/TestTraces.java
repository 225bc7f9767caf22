package io.llmtraces.testing;

import static io.llmtraces.testing.Otlp.attr;
import static io.llmtraces.testing.Otlp.request;
import static io.llmtraces.testing.Otlp.resource;
import static io.llmtraces.testing.Otlp.span;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;

/**
 * Traces of a known shape for end-to-end runs: each is one Kafka record with a workflow root,
 * a retrieval task and an LLM call, so that every span sent can be found in the tables again.
 */
public final class TestTraces {
  public static final int SPANS_PER_TRACE = 3;

  private TestTraces() {}

  /** The id of trace {@code i} of a run: distinct per run and index. */
  public static String traceId(int run, int i) {
    return String.format("%08x%08x%016x", 0x7e57_0000 + run, i, 0xabcdefL * (i + 1));
  }

  /** The span ids of a trace, root first. */
  public static List<String> spanIds(String traceId) {
    String stem = traceId.substring(8, 20);
    return List.of(stem + "0001", stem + "0002", stem + "0003");
  }

  /** A complete trace of project {@code project} starting at {@code startNanos}. */
  public static ExportTraceServiceRequest trace(String project, String traceId, long startNanos, long llmMs) {
    List<String> ids = spanIds(traceId);
    return request(
        resource("service.name", "support-bot", "iftracer.project", project),
        span(traceId, ids.get(0), null, "chat.workflow", startNanos, 0, 40 + llmMs)
            .addAttributes(attr("traceloop.span.kind", "workflow"))
            .addAttributes(attr("traceloop.workflow.name", "chat")).build(),
        span(traceId, ids.get(1), ids.get(0), "retrieve.task", startNanos, 5, 20)
            .addAttributes(attr("traceloop.span.kind", "task")).build(),
        span(traceId, ids.get(2), ids.get(0), "openai.chat", startNanos, 30, llmMs)
            .addAttributes(attr("gen_ai.system", "openai"))
            .addAttributes(attr("gen_ai.request.model", "gpt-4o"))
            .addAttributes(attr("gen_ai.usage.input_tokens", 100))
            .addAttributes(attr("gen_ai.usage.output_tokens", 20))
            .addAttributes(attr("gen_ai.prompt.0.content", "question"))
            .addAttributes(attr("gen_ai.completion.0.content", "answer")).build());
  }

  /** How often each value of a column occurs. */
  public static Map<Object, Long> counts(List<Record> rows, String column) {
    return rows.stream().collect(Collectors.groupingBy(r -> r.getField(column), Collectors.counting()));
  }

  /** Rows by the value of a column that is unique in them. */
  public static Map<Object, Record> byColumn(List<Record> rows, String column) {
    return rows.stream().collect(Collectors.toMap(r -> r.getField(column), Function.identity()));
  }
}
