package io.llmtraces.demo;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Synthetic prompts, answers and documents, built once and then picked from: generating text per
 * span would dominate the cost of a million spans. Answers come in length buckets so a completion
 * is roughly as long as its output token count (about four characters a token).
 */
final class TextPool {
  /** What an application is about, which decides the questions its users ask. */
  enum Topic {
    SUPPORT,
    RESEARCH,
    DOCS
  }

  private static final int VARIANTS = 32;
  private static final int BUCKETS = 12; // answers of about 1, 2, 4, ... 2048 tokens
  private static final int CHARS_PER_TOKEN = 4;

  private static final String[][] QUESTION_PARTS = {
    { // SUPPORT
      "How do I", "Why can I not", "Is it possible to", "What happens when I", "Can you help me"
    },
    {
      "reset my password",
      "change the billing address",
      "cancel my subscription",
      "export my invoices",
      "add a second user",
      "recover a deleted project",
      "update the payment card",
      "get a refund for last month"
    },
    { // RESEARCH
      "Summarize recent work on",
      "Compare the main approaches to",
      "What is known about",
      "Find sources that explain",
      "Give me the key numbers on"
    },
    {
      "battery recycling in Europe",
      "solid state batteries",
      "heat pumps in cold climates",
      "small modular reactors",
      "carbon capture costs",
      "offshore wind supply chains",
      "green hydrogen pricing",
      "grid scale storage"
    },
    { // DOCS
      "How do I configure",
      "What is the default value of",
      "Where is the setting for",
      "Show an example of",
      "Why does my deployment fail after changing"
    },
    {
      "the retry policy",
      "the connection pool size",
      "TLS between services",
      "the checkpoint interval",
      "log retention",
      "the ingestion rate limit",
      "single sign on",
      "the webhook signing secret"
    },
  };

  private static final String[] SUBJECTS = {
    "The account",
    "Your workspace",
    "The report",
    "This setting",
    "The service",
    "The team",
    "Each request",
    "The latest release",
    "The new plan",
    "The main study",
    "The dashboard"
  };
  private static final String[] VERBS = {
    "keeps",
    "shows",
    "updates",
    "requires",
    "supports",
    "limits",
    "stores",
    "returns",
    "describes",
    "compares",
    "measures",
    "handles"
  };
  private static final String[] OBJECTS = {
    "the billing history", "every invoice", "the recent changes", "two factor login",
    "the usage per month", "a short summary", "the error rate", "the storage costs",
    "the retry window", "the access rules", "the published figures", "the import job"
  };
  private static final String[] TAILS = {
    "for each user", "after the next sync", "within a few minutes", "in the admin console",
    "by default", "when the limit is reached", "across all regions", "in most cases",
    "since the last update", "without any downtime"
  };

  private final String[][] questions = new String[Topic.values().length][VARIANTS];
  private final String[][] answers = new String[BUCKETS][VARIANTS];
  private final String[] documents = new String[VARIANTS];

  TextPool() {
    // A fixed seed: the pool is part of the generator's code, not of the traffic's randomness.
    SplittableRandom rng = new SplittableRandom(0x7e47L);
    for (Topic topic : Topic.values()) {
      String[] starts = QUESTION_PARTS[2 * topic.ordinal()];
      String[] ends = QUESTION_PARTS[2 * topic.ordinal() + 1];
      for (int i = 0; i < VARIANTS; i++) {
        questions[topic.ordinal()][i] = pick(starts, rng) + " " + pick(ends, rng) + "?";
      }
    }
    for (int b = 0; b < BUCKETS; b++) {
      for (int i = 0; i < VARIANTS; i++) {
        // Spread lengths across the bucket so lengths vary smoothly, not in steps of two.
        int tokens = (int) Math.round((1 << b) * (1 + rng.nextDouble()));
        answers[b][i] = paragraph(tokens * CHARS_PER_TOKEN, rng);
      }
    }
    for (int i = 0; i < VARIANTS; i++) {
      documents[i] = paragraph(300 + rng.nextInt(500), rng);
    }
  }

  /** A user question about the topic. */
  String question(Topic topic, RandomGenerator rng) {
    return questions[topic.ordinal()][rng.nextInt(VARIANTS)];
  }

  /** A text of about {@code tokens} tokens (longer ones are cut at the largest bucket). */
  String answer(int tokens, RandomGenerator rng) {
    int bucket = tokens <= 1 ? 0 : Math.min(BUCKETS - 1, 31 - Integer.numberOfLeadingZeros(tokens));
    return answers[bucket][rng.nextInt(VARIANTS)];
  }

  /** A retrieved document chunk of a few hundred characters. */
  String document(RandomGenerator rng) {
    return documents[rng.nextInt(VARIANTS)];
  }

  /** The system prompt an application of this topic sends. */
  static String systemPrompt(Topic topic) {
    return switch (topic) {
      case SUPPORT ->
          "You are a helpful support assistant. Answer briefly and cite the help centre.";
      case RESEARCH -> "You are a research agent. Plan, call tools when needed, cite every source.";
      case DOCS -> "Answer from the provided documentation only. Say so when it is not covered.";
    };
  }

  private static String paragraph(int chars, RandomGenerator rng) {
    StringBuilder sb = new StringBuilder(chars + 64);
    while (sb.length() < chars) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(pick(SUBJECTS, rng))
          .append(' ')
          .append(pick(VERBS, rng))
          .append(' ')
          .append(pick(OBJECTS, rng));
      if (rng.nextBoolean()) {
        sb.append(' ').append(pick(TAILS, rng));
      }
      sb.append('.');
    }
    return sb.toString();
  }

  private static String pick(String[] words, RandomGenerator rng) {
    return words[rng.nextInt(words.length)];
  }
}
