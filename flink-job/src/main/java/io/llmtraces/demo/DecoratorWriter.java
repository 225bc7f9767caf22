package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * iftracer-sdk and Traceloop SDK decorator spans ({@code @workflow}, {@code @task}, ...): named
 * {@code <name>.<kind>}, with {@code <prefix>.entity.input} as {@code {"args": [...], "kwargs":
 * {...}}} JSON and the association properties on every span.
 */
final class DecoratorWriter implements FamilyWriter {
  private final String prefix;
  private final boolean copiesUsageToWorkflow;
  private final String scope;

  /**
   * @param prefix {@code iftracer} or {@code traceloop}
   * @param copiesUsageToWorkflow iftracer copies its LLM token counts onto the workflow span, a
   *     trap for anyone who sums tokens over every span
   */
  DecoratorWriter(String prefix, boolean copiesUsageToWorkflow) {
    this.prefix = prefix;
    this.copiesUsageToWorkflow = copiesUsageToWorkflow;
    this.scope = prefix.equals("iftracer") ? "iftracer.sdk" : "traceloop.tracer";
  }

  @Override
  public String name(SpanPlan span) {
    return span.entityName() + "." + kindLabel(span.kind());
  }

  @Override
  public String scope(SpanPlan span) {
    return scope;
  }

  @Override
  public void write(SpanPlan span, TracePlan trace, Span.Builder out) {
    Attrs.str(out, prefix + ".span.kind", kindLabel(span.kind()));
    Attrs.str(out, prefix + ".entity.name", span.entityName());
    SpanPlan workflow = workflowOf(span);
    if (workflow != null) {
      Attrs.str(out, prefix + ".workflow.name", workflow.entityName());
    }
    if (span.service().captureContent()) {
      String arg = span.input() == null ? "" : Attrs.jsonValue(span.input());
      Attrs.str(out, prefix + ".entity.input", "{\"args\": [" + arg + "], \"kwargs\": {}}");
      Attrs.str(out, prefix + ".entity.output", Attrs.jsonValue(span.output()));
    }
    Attrs.str(out, prefix + ".association.properties.session_id", trace.sessionId());
    Attrs.str(out, prefix + ".association.properties.user_id", trace.userId());
    if (copiesUsageToWorkflow && span.kind() == SpanKind.WORKFLOW) {
      copyUsage(span, out);
    }
  }

  private static void copyUsage(SpanPlan workflow, Span.Builder out) {
    long input = 0;
    long output = 0;
    boolean any = false;
    for (SpanPlan s : descendants(workflow)) {
      if (s.kind() == SpanKind.LLM && s.usageReported()) {
        input += s.inputTokens();
        output += s.outputTokens();
        any = true;
      }
    }
    if (any) {
      Attrs.num(out, "gen_ai.usage.prompt_tokens", input);
      Attrs.num(out, "gen_ai.usage.completion_tokens", output);
      Attrs.num(out, "llm.usage.total_tokens", input + output);
    }
  }

  private static List<SpanPlan> descendants(SpanPlan span) {
    List<SpanPlan> out = new ArrayList<>();
    ArrayDeque<SpanPlan> todo = new ArrayDeque<>(span.children());
    while (!todo.isEmpty()) {
      SpanPlan s = todo.pop();
      out.add(s);
      todo.addAll(s.children());
    }
    return out;
  }

  /** The decorated workflow this span runs in: context does not cross into another service. */
  private static SpanPlan workflowOf(SpanPlan span) {
    for (SpanPlan s = span; s != null && s.service() == span.service(); s = s.parent()) {
      if (s.kind() == SpanKind.WORKFLOW) {
        return s;
      }
    }
    return null;
  }

  private static String kindLabel(SpanKind kind) {
    return switch (kind) {
      case WORKFLOW -> "workflow";
      case AGENT -> "agent";
      case TOOL -> "tool";
      default -> "task";
    };
  }
}
