package io.llmtraces.demo;

import io.llmtraces.demo.TextPool.Topic;
import io.llmtraces.model.SpanKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A research agent written against the OpenTelemetry GenAI conventions: a plan-act loop of model
 * calls and (partly parallel) tool calls, sometimes delegating to a sub-agent. It has no {@code
 * iftracer.project}: its project is its {@code service.name}.
 */
final class ResearchAgentWorkflows implements Workflows {
  static final ServiceSpec AGENT =
      new ServiceSpec("research-agent", null, null, Family.GENAI_SEMCONV, true, 120_000);
  private static final Topic TOPIC = Topic.RESEARCH;

  private record Tool(String name, double medianMs, double sigma) {}

  private static final Tool[] TOOLS = {
    new Tool("web_search", 900, 0.6),
    new Tool("fetch_page", 1400, 0.8),
    new Tool("python_exec", 2500, 0.7),
    new Tool("calculator", 3, 0.5),
  };

  @Override
  public String project() {
    return AGENT.project();
  }

  @Override
  public List<ServiceSpec> services() {
    return List.of(AGENT);
  }

  @Override
  public double weight() {
    return 0.25;
  }

  @Override
  public void shape(TracePlan plan, Calls calls, RandomGenerator rng) {
    SpanPlan root = plan.root(SpanKind.AGENT, AGENT, "research_assistant");
    plan.setQuestion(calls.text().question(TOPIC, rng));
    root.setInput(plan.question());
    if (rng.nextDouble() < 0.2) {
      // A question the agent answers from what it knows: a quick triage, then the answer.
      calls.chat(plan, root, AGENT, Models.CLAUDE_HAIKU, TOPIC, 900, 8, 0, rng);
      SpanPlan answer =
          calls.chat(plan, root, AGENT, Models.CLAUDE_SONNET_4, TOPIC, 1200, 250, 0.7, rng);
      root.setOutput(answer.output());
      return;
    }
    ModelSpec planner = rng.nextDouble() < 0.12 ? Models.O4_MINI : Models.CLAUDE_SONNET_4;
    int context = 1800;
    int steps = 1;
    while (steps < 6 && rng.nextDouble() < 0.55) {
      steps++;
    }
    for (int step = 0; step < steps; step++) {
      calls.toolChoice(plan, root, AGENT, planner, TOPIC, context, rng);
      int tools = 1 + rng.nextInt(3);
      for (int t = 0; t < tools; t++) {
        Tool tool = TOOLS[rng.nextInt(TOOLS.length)];
        // Tool calls asked for in one model turn run in parallel.
        calls.tool(
            plan, root, AGENT, tool.name(), t > 0, tool.medianMs(), tool.sigma(), TOPIC, rng);
      }
      context += tools * 900;
      if (rng.nextDouble() < 0.15) {
        factCheck(plan, root, calls, rng);
      }
    }
    SpanPlan answer =
        calls.chat(plan, root, AGENT, Models.CLAUDE_SONNET_4, TOPIC, context, 450, 0.7, rng);
    root.setOutput(answer.output());
  }

  /** A sub-agent with its own model and tools: one level deeper. */
  private void factCheck(TracePlan plan, SpanPlan parent, Calls calls, RandomGenerator rng) {
    SpanPlan agent = plan.child(parent, SpanKind.AGENT, AGENT, "fact_checker");
    agent.setInput(calls.text().question(TOPIC, rng));
    calls.toolChoice(plan, agent, AGENT, Models.CLAUDE_HAIKU, TOPIC, 1500, rng);
    calls.tool(plan, agent, AGENT, "web_search", false, 900, 0.6, TOPIC, rng);
    SpanPlan verdict =
        calls.chat(plan, agent, AGENT, Models.CLAUDE_HAIKU, TOPIC, 2500, 120, 0, rng);
    agent.setOutput(verdict.output());
  }
}
