package io.llmtraces.demo;

import io.llmtraces.demo.TextPool.Topic;
import io.llmtraces.model.SpanKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A customer-support bot: an iftracer-decorated gateway whose OpenAI calls are written by
 * OpenLLMetry 0.50, calling a retrieval service instrumented with OpenInference. One trace mixes
 * all three conventions. A rare nightly digest makes traces of a few hundred spans.
 */
final class SupportBotWorkflows implements Workflows {
  static final String PROJECT = "support-bot";
  static final ServiceSpec GATEWAY =
      new ServiceSpec(
          "support-gateway", PROJECT, Family.IFTRACER, Family.GENAI_LEGACY, true, 60_000);
  static final ServiceSpec RAG =
      new ServiceSpec("support-rag", PROJECT, null, Family.OPENINFERENCE, true, 30_000);
  private static final Topic TOPIC = Topic.SUPPORT;

  @Override
  public String project() {
    return PROJECT;
  }

  @Override
  public List<ServiceSpec> services() {
    return List.of(GATEWAY, RAG);
  }

  @Override
  public double weight() {
    return 0.5;
  }

  @Override
  public void shape(TracePlan plan, Calls calls, RandomGenerator rng) {
    double r = rng.nextDouble();
    if (r < 0.004) {
      nightlyDigest(plan, calls, rng);
    } else if (r < 0.72) {
      answerTicket(plan, calls, rng);
    } else {
      summarizeConversation(plan, calls, rng);
    }
  }

  private void answerTicket(TracePlan plan, Calls calls, RandomGenerator rng) {
    SpanPlan root = plan.root(SpanKind.WORKFLOW, GATEWAY, "answer_ticket");
    plan.setQuestion(calls.text().question(TOPIC, rng));
    root.setInput(plan.question());
    SpanPlan classify = plan.child(root, SpanKind.TASK, GATEWAY, "classify_intent");
    classify.setInput(root.input());
    SpanPlan intent =
        calls.chat(plan, classify, GATEWAY, Models.GPT_4O_MINI, TOPIC, 320, 4, 0, rng);
    intent.setOutput("billing");
    classify.setOutput("\"billing\"");

    SpanPlan retrieve = plan.child(root, SpanKind.TASK, GATEWAY, "retrieve_context");
    retrieve.setInput(root.input());
    SpanPlan query = plan.child(retrieve, SpanKind.TASK, RAG, "RetrieverQueryEngine.query");
    query.setInput(root.input());
    SpanPlan retriever =
        calls.retrieval(plan, query, RAG, "VectorIndexRetriever.retrieve", TOPIC, rng);
    calls.embedding(plan, retriever, RAG, "OpenAIEmbedding", false, 24, TOPIC, rng);
    query.setOutput(calls.text().document(rng));
    retrieve.setOutput(query.output());

    SpanPlan draft = plan.child(root, SpanKind.TASK, GATEWAY, "draft_reply");
    draft.setInput(root.input());
    SpanPlan answer = calls.chat(plan, draft, GATEWAY, Models.GPT_4O, TOPIC, 2600, 170, 0.4, rng);
    draft.setOutput(answer.output());
    if (rng.nextDouble() < 0.3) {
      SpanPlan policy = plan.child(root, SpanKind.TASK, GATEWAY, "check_policy");
      policy.setInput(answer.output());
      calls.chat(plan, policy, GATEWAY, Models.GPT_4O_MINI, TOPIC, 600, 3, 0, rng);
      policy.setOutput("{\"allowed\": true}");
    }
    root.setOutput(answer.output());
  }

  private void summarizeConversation(TracePlan plan, Calls calls, RandomGenerator rng) {
    SpanPlan root = plan.root(SpanKind.WORKFLOW, GATEWAY, "summarize_conversation");
    root.setInput(plan.sessionId());
    calls.function(plan, root, GATEWAY, "load_history", 22, plan.sessionId());
    SpanPlan summarize = plan.child(root, SpanKind.TASK, GATEWAY, "summarize");
    SpanPlan summary =
        calls.chat(plan, summarize, GATEWAY, Models.CLAUDE_HAIKU, TOPIC, 1800, 130, 0.2, rng);
    summarize.setOutput(summary.output());
    // Tagging does not need the summary, so the application runs it at the same time.
    SpanPlan tag = plan.child(root, SpanKind.TASK, GATEWAY, "tag_conversation", true);
    calls.chat(plan, tag, GATEWAY, Models.GPT_4O_MINI, TOPIC, 1700, 12, 0, rng);
    tag.setOutput("[\"billing\", \"refund\"]");
    root.setOutput(summary.output());
  }

  private void nightlyDigest(TracePlan plan, Calls calls, RandomGenerator rng) {
    SpanPlan root = plan.root(SpanKind.WORKFLOW, GATEWAY, "nightly_digest");
    root.setInput("{\"date\": \"yesterday\"}");
    calls.function(plan, root, GATEWAY, "list_open_tickets", 60, "{\"status\": \"open\"}");
    int tickets = 40 + rng.nextInt(120);
    SpanPlan batch = null;
    for (int i = 0; i < tickets; i++) {
      // Eight tickets at a time: a thread pool of eight workers under one batch task.
      if (i % 8 == 0) {
        batch = plan.child(root, SpanKind.TASK, GATEWAY, "summarize_batch");
      }
      SpanPlan ticket = plan.child(batch, SpanKind.TASK, GATEWAY, "summarize_ticket", true);
      ticket.setInput(calls.text().question(TOPIC, rng));
      SpanPlan s = calls.chat(plan, ticket, GATEWAY, Models.GPT_4O_MINI, TOPIC, 900, 90, 0, rng);
      ticket.setOutput(s.output());
    }
    SpanPlan compose = plan.child(root, SpanKind.TASK, GATEWAY, "compose_digest");
    SpanPlan digest = calls.chat(plan, compose, GATEWAY, Models.GPT_4O, TOPIC, 9000, 600, 0, rng);
    compose.setOutput(digest.output());
    root.setOutput(digest.output());
  }
}
