package io.llmtraces.ui.ingest;

import com.google.protobuf.ByteString;
import io.llmtraces.otlp.Hex;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one OTLP request into Kafka records: spans without a valid trace or span id are rejected
 * (reported as partial success), the project is stamped on every resource, and spans are grouped
 * per trace id, keeping their resource and scope, so that a trace's spans share a partition.
 * A trace's spans are cut into several records when one would pass {@code maxRecordBytes}.
 */
public final class TraceSplitter {
  /** The resource attribute the job reads the project from. */
  public static final String PROJECT_ATTRIBUTE = "iftracer.project";
  /** Tags and length prefixes a nested message adds, over-estimated. */
  private static final int FRAMING_BYTES = 12;

  /** The records, and what was refused with why. */
  public record Split(List<TraceRecord> records, int acceptedSpans, int rejectedSpans, String rejectMessage) {}

  private TraceSplitter() {}

  /**
   * @param project stamped as {@value #PROJECT_ATTRIBUTE} on every resource, replacing what the
   *     client sent; null leaves resources as they are
   */
  public static Split split(ExportTraceServiceRequest request, String project, int maxRecordBytes) {
    Map<ByteString, TraceRecords> traces = new LinkedHashMap<>();
    int accepted = 0;
    int rejected = 0;
    String firstReason = null;
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans rs = request.getResourceSpans(r);
      Resource resource = project == null ? rs.getResource() : stamp(rs.getResource(), project);
      for (int s = 0; s < rs.getScopeSpansCount(); s++) {
        ScopeSpans ss = rs.getScopeSpans(s);
        for (Span span : ss.getSpansList()) {
          String reason = invalid(span);
          if (reason != null) {
            rejected++;
            firstReason = firstReason != null ? firstReason : reason + " (span \"" + span.getName() + "\")";
            continue;
          }
          accepted++;
          traces
              .computeIfAbsent(span.getTraceId(), id -> new TraceRecords(id, maxRecordBytes))
              .add(r, rs, resource, s, ss, span);
        }
      }
    }
    List<TraceRecord> records = new ArrayList<>();
    traces.values().forEach(t -> t.finish(records));
    String message = rejected == 0 ? "" : rejected + " of " + (accepted + rejected) + " spans rejected: " + firstReason;
    return new Split(records, accepted, rejected, message);
  }

  private static String invalid(Span span) {
    if (Hex.isUnset(span.getTraceId())) {
      return "trace id is empty or all zeros";
    }
    if (Hex.isUnset(span.getSpanId())) {
      return "span id is empty or all zeros";
    }
    return null;
  }

  static Resource stamp(Resource resource, String project) {
    Resource.Builder b = resource.toBuilder().clearAttributes();
    for (KeyValue kv : resource.getAttributesList()) {
      if (!kv.getKey().equals(PROJECT_ATTRIBUTE)) {
        b.addAttributes(kv);
      }
    }
    b.addAttributes(KeyValue.newBuilder().setKey(PROJECT_ATTRIBUTE).setValue(AnyValue.newBuilder().setStringValue(project)));
    return b.build();
  }

  /** The records of one trace being built, resource and scope structure kept. */
  private static final class TraceRecords {
    private final byte[] key;
    private final int maxBytes;
    private final List<ExportTraceServiceRequest.Builder> done = new ArrayList<>();
    private final List<Integer> doneSpans = new ArrayList<>();
    private ExportTraceServiceRequest.Builder current;
    private ResourceSpans.Builder currentResource;
    private ScopeSpans.Builder currentScope;
    private int resourceIndex;
    private int scopeIndex;
    private long bytes;
    private int spans;

    TraceRecords(ByteString traceId, int maxBytes) {
      this.key = Hex.encode(traceId).getBytes(StandardCharsets.US_ASCII);
      this.maxBytes = maxBytes;
    }

    void add(int r, ResourceSpans rs, Resource resource, int s, ScopeSpans ss, Span span) {
      long spanBytes = span.getSerializedSize() + FRAMING_BYTES;
      if (current != null && spans > 0 && bytes + spanBytes > maxBytes) {
        close();
      }
      if (current == null) {
        current = ExportTraceServiceRequest.newBuilder();
        resourceIndex = -1;
      }
      if (resourceIndex != r) {
        currentResource = current.addResourceSpansBuilder().setResource(resource).setSchemaUrl(rs.getSchemaUrl());
        bytes += resource.getSerializedSize() + rs.getSchemaUrl().length() + FRAMING_BYTES;
        resourceIndex = r;
        scopeIndex = -1;
      }
      if (scopeIndex != s) {
        currentScope = currentResource.addScopeSpansBuilder().setScope(ss.getScope()).setSchemaUrl(ss.getSchemaUrl());
        bytes += ss.getScope().getSerializedSize() + ss.getSchemaUrl().length() + FRAMING_BYTES;
        scopeIndex = s;
      }
      currentScope.addSpans(span);
      bytes += spanBytes;
      spans++;
    }

    private void close() {
      done.add(current);
      doneSpans.add(spans);
      current = null;
      bytes = 0;
      spans = 0;
    }

    void finish(List<TraceRecord> out) {
      if (current != null) {
        close();
      }
      for (int i = 0; i < done.size(); i++) {
        out.add(new TraceRecord(key, done.get(i).build().toByteArray(), doneSpans.get(i)));
      }
    }
  }
}
