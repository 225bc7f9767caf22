package io.llmtraces.demo;

import io.llmtraces.demo.TextPool.Topic;
import io.llmtraces.model.SpanKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A documentation Q&A service on LangChain with OpenInference, answering with Llama on a local vLLM
 * server (GPT-4o as fallback), and an indexer with Traceloop decorators that runs with content
 * capture off.
 */
final class DocsQaWorkflows implements Workflows {
  static final String PROJECT = "docs-qa";
  static final ServiceSpec API =
      new ServiceSpec("docs-api", PROJECT, null, Family.OPENINFERENCE, true, 60_000);
  static final ServiceSpec INDEXER =
      new ServiceSpec(
          "docs-indexer", PROJECT, Family.TRACELOOP, Family.GENAI_SEMCONV, false, 60_000);
  private static final Topic TOPIC = Topic.DOCS;

  @Override
  public String project() {
    return PROJECT;
  }

  @Override
  public List<ServiceSpec> services() {
    return List.of(API, INDEXER);
  }

  @Override
  public double weight() {
    return 0.25;
  }

  @Override
  public void shape(TracePlan plan, Calls calls, RandomGenerator rng) {
    if (rng.nextDouble() < 0.15) {
      indexDocuments(plan, calls, rng);
    } else {
      askDocs(plan, calls, rng);
    }
  }

  private void askDocs(TracePlan plan, Calls calls, RandomGenerator rng) {
    SpanPlan root = plan.root(SpanKind.WORKFLOW, API, "RetrievalQA");
    plan.setQuestion(calls.text().question(TOPIC, rng));
    root.setInput(plan.question());
    if (rng.nextDouble() < 0.5) {
      // A follow-up question is first rewritten to stand on its own.
      SpanPlan condense = plan.child(root, SpanKind.TASK, API, "CondenseQuestionChain");
      condense.setInput(root.input());
      SpanPlan rewrite =
          calls.chat(plan, condense, API, Models.LLAMA_3_1_70B, TOPIC, 500, 25, 0, rng);
      condense.setOutput(rewrite.output());
    }
    SpanPlan retriever = calls.retrieval(plan, root, API, "VectorStoreRetriever", TOPIC, rng);
    calls.embedding(plan, retriever, API, "OpenAIEmbeddings", false, 24, TOPIC, rng);
    SpanPlan stuff = plan.child(root, SpanKind.TASK, API, "StuffDocumentsChain");
    stuff.setInput(root.input());
    ModelSpec model = rng.nextDouble() < 0.8 ? Models.LLAMA_3_1_70B : Models.GPT_4O;
    SpanPlan answer = calls.chat(plan, stuff, API, model, TOPIC, 3500, 250, 0.5, rng);
    stuff.setOutput(answer.output());
    root.setOutput(answer.output());
  }

  private void indexDocuments(TracePlan plan, Calls calls, RandomGenerator rng) {
    SpanPlan root = plan.root(SpanKind.WORKFLOW, INDEXER, "index_documents");
    root.setInput("{\"source\": \"docs-site\"}");
    calls.function(plan, root, INDEXER, "fetch_sources", 300, "{\"since\": \"1h\"}");
    calls.function(plan, root, INDEXER, "chunk_documents", 40, "{\"chunk_size\": 800}");
    SpanPlan embed = plan.child(root, SpanKind.TASK, INDEXER, "embed_chunks");
    int batches = 1 + rng.nextInt(6);
    for (int i = 0; i < batches; i++) {
      // Two embedding requests in flight at a time.
      calls.embedding(plan, embed, INDEXER, "embeddings", i % 2 == 1, 6000, TOPIC, rng);
    }
    calls.function(plan, root, INDEXER, "upsert_vectors", 120, "{\"collection\": \"docs\"}");
  }
}
