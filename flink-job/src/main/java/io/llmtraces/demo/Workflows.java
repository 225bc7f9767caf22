package io.llmtraces.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** The traffic of one demo project: its services and the shapes of the traces it produces. */
interface Workflows {
  /** The project name a receiver files these traces under. */
  String project();

  /** Every service this project's traces touch. */
  List<ServiceSpec> services();

  /** Relative share of all traffic. */
  double weight();

  /** Adds a root and its descendants to {@code plan}: one request through the application. */
  void shape(TracePlan plan, Calls calls, RandomGenerator rng);
}
