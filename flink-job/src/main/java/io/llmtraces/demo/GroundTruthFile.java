package io.llmtraces.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmtraces.model.AnomalyType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground truth file: JSON lines, one {@link GroundTruth} per trace. Field names are snake case
 * like the tables' columns; {@code start_time} is ISO-8601 UTC with microseconds.
 */
public final class GroundTruthFile implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final BufferedWriter out;

  private GroundTruthFile(BufferedWriter out) {
    this.out = out;
  }

  /** A new file at {@code path} (replacing one that is there), written line by line. */
  public static GroundTruthFile create(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new GroundTruthFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
  }

  /** Appends one trace. */
  public void write(GroundTruth truth) throws IOException {
    out.write(toJson(truth));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Every trace of a ground truth file, in file order. */
  public static List<GroundTruth> read(Path path) throws IOException {
    List<GroundTruth> out = new ArrayList<>();
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      lines.filter(l -> !l.isBlank()).forEach(l -> out.add(fromJson(l)));
    }
    return out;
  }

  /** One trace as one line of JSON. */
  public static String toJson(GroundTruth t) {
    StringWriter s = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("project", t.project());
      g.writeStringField("trace_id", t.traceId());
      g.writeStringField("start_time", instant(t.startMicros()).toString());
      g.writeNumberField("span_count", t.spanCount());
      g.writeArrayFieldStart("faults");
      for (LabelledFault f : t.faults()) {
        g.writeStartObject();
        g.writeStringField("type", f.type().name());
        g.writeStringField("span_id", f.spanId());
        g.writeBooleanField("injected", f.injected());
        g.writeNumberField("magnitude", f.magnitude());
        g.writeStringField("detail", f.detail());
        g.writeStringField("scenario", f.scenario());
        g.writeStringField("expectation", f.expectation().name());
        g.writeArrayFieldStart("expected");
        for (AnomalyType type : f.expected()) {
          g.writeString(type.name());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /** One line of JSON back into a trace. */
  public static GroundTruth fromJson(String line) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a ground truth line: " + line, e);
    }
    List<LabelledFault> faults = new ArrayList<>();
    for (JsonNode f : n.path("faults")) {
      List<AnomalyType> expected = new ArrayList<>();
      for (JsonNode type : f.path("expected")) {
        expected.add(AnomalyType.valueOf(type.asText()));
      }
      faults.add(
          new LabelledFault(
              FaultType.valueOf(f.path("type").asText()),
              f.path("span_id").asText(),
              f.path("injected").asBoolean(),
              f.path("magnitude").asDouble(),
              f.path("detail").asText(),
              f.path("scenario").asText(),
              Expectation.valueOf(f.path("expectation").asText()),
              expected));
    }
    return new GroundTruth(
        n.path("project").asText(),
        n.path("trace_id").asText(),
        micros(Instant.parse(n.path("start_time").asText())),
        n.path("span_count").asInt(),
        faults);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }
}
