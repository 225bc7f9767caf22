package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The hook anomaly injection uses: change a planned trace, record the change, stay consistent. */
class TraceMutatorTest {
  @Test
  void aSlowedCallStretchesItsAncestors() {
    List<String> slowed = new ArrayList<>();
    TraceMutator slowFirstCall =
        (plan, start, latency, rng) -> {
          SpanPlan call = plan.modelCalls().get(0);
          call.setDurationMicros(call.durationMicros() * 10);
          slowed.add(call.spanIdHex());
        };
    DemoTrafficConfig config = DemoTrafficConfig.defaults(5).withFaultRates(0, 0, 0, 0);
    DemoTraffic clean = new DemoTraffic(config);
    DemoTraffic slow = new DemoTraffic(config, slowFirstCall);
    for (int i = 0; i < 200; i++) {
      TraceView before = new TraceView(clean.next(1_000_000_000L * i));
      TraceView after = new TraceView(slow.next(1_000_000_000L * i));
      assertThat(after.trace.traceIdHex()).isEqualTo(before.trace.traceIdHex());
      TraceView.SpanView call = after.byId.get(slowed.get(i));
      double original = before.byId.get(slowed.get(i)).durationMs();
      assertThat(call.durationMs()).isCloseTo(original * 10, Offset.offset(0.01));
      for (TraceView.SpanView s = call; !s.parentId().isEmpty(); s = after.byId.get(s.parentId())) {
        TraceView.SpanView parent = after.byId.get(s.parentId());
        assertThat(parent.span().getEndTimeUnixNano())
            .isGreaterThanOrEqualTo(s.span().getEndTimeUnixNano());
      }
      assertThat(after.trace.lastSpanEndMicros()).isGreaterThan(before.trace.lastSpanEndMicros());
    }
  }

  @Test
  void recordedChangesTravelWithTheTraceAsInjected() {
    TraceMutator emptyLastAnswer =
        (plan, start, latency, rng) -> {
          List<SpanPlan> calls = plan.modelCalls();
          SpanPlan call = calls.get(calls.size() - 1);
          if (!call.model().embedding()) {
            call.setOutput("");
            call.setTokens(call.inputTokens(), 0);
            latency.timeModelCall(call, rng);
            plan.record(new Fault(FaultType.EMPTY_RESPONSE, call.spanIdHex(), true, 1, "injected"));
          }
        };
    DemoTraffic traffic =
        new DemoTraffic(DemoTrafficConfig.defaults(8).withFaultRates(0, 0, 0, 0), emptyLastAnswer);
    int injected = 0;
    for (int i = 0; i < 300; i++) {
      TraceView t = new TraceView(traffic.next());
      for (Fault f : t.trace.faults()) {
        assertThat(f.injected()).isTrue();
        TraceView.SpanView s = t.byId.get(f.spanIdHex());
        Long out =
            s.num("gen_ai.usage.completion_tokens") != null
                ? s.num("gen_ai.usage.completion_tokens")
                : s.num("gen_ai.usage.output_tokens") != null
                    ? s.num("gen_ai.usage.output_tokens")
                    : s.num("llm.token_count.completion");
        assertThat(out).isIn(null, 0L);
        injected++;
      }
    }
    assertThat(injected).isGreaterThan(200);
  }

  @Test
  void modelSwitchesAreRetimedWithTheNewModel() {
    TraceMutator toLlama =
        (plan, start, latency, rng) -> {
          for (SpanPlan call : plan.modelCalls()) {
            if (!call.model().embedding()) {
              call.setModel(Models.LLAMA_3_1_70B);
              latency.timeModelCall(call, rng);
            }
          }
        };
    DemoTraffic traffic =
        new DemoTraffic(DemoTrafficConfig.defaults(6).withFaultRates(0, 0, 0, 0), toLlama);
    for (int i = 0; i < 100; i++) {
      TraceView t = new TraceView(traffic.next());
      for (TraceView.SpanView s : t.spans) {
        String model =
            s.str("gen_ai.request.model") != null
                ? s.str("gen_ai.request.model")
                : s.str("llm.model_name");
        if (model != null && !model.startsWith("text-embedding")) {
          assertThat(model).isEqualTo("llama-3.1-70b-instruct");
        }
      }
    }
  }
}
