package io.llmtraces.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast escaper writes exactly what Jackson's own writeString writes. */
class JsonTextTest {
  private static final String ALPHABET =
      "abcdefghij KLMNOP 0123456789 .,;:!?-_/'\"\\\n\r\t\b\f\u0000\u0001\u001f\u007f"
          + "éüñß€ жя 中文 ✓ \uD83D\uDE80\uD83D\uDE00";

  private static byte[] jackson(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = OtlpJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeString(s);
    }
    return out.toByteArray();
  }

  private static byte[] fast(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = OtlpJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      JsonText.writeString(g, s);
    }
    return out.toByteArray();
  }

  @Test
  void randomTextOfEveryKindComesOutByteForByteAsJacksonWritesIt() throws Exception {
    Random random = new Random(42);
    int[] codePoints = ALPHABET.codePoints().toArray();
    for (int round = 0; round < 3_000; round++) {
      int length = random.nextInt(300);
      StringBuilder sb = new StringBuilder();
      // Some strings are mostly plain text (long runs), others dense with escapes.
      boolean plain = random.nextBoolean();
      for (int i = 0; i < length; i++) {
        sb.appendCodePoint(plain && random.nextInt(20) > 0 ? 'a' + random.nextInt(26) : codePoints[random.nextInt(codePoints.length)]);
      }
      String s = sb.toString();
      assertThat(new String(fast(s), StandardCharsets.UTF_8)).as("round %d", round).isEqualTo(new String(jackson(s), StandardCharsets.UTF_8));
    }
  }

  @Test
  void escapesAtEveryPositionOfAWordAndAtTheEnd() throws Exception {
    for (int at = 0; at < 80; at++) {
      for (String special : new String[] {"\"", "\\", "\n", "\u0003", "ü", "\uD83D\uDE80"}) {
        String s = "x".repeat(at) + special + "y".repeat(80 - at);
        assertThat(fast(s)).as("%s at %d", special, at).isEqualTo(jackson(s));
        String tail = "x".repeat(64 + at) + special;
        assertThat(fast(tail)).isEqualTo(jackson(tail));
      }
    }
  }

  @Test
  void aLongStringFullOfEscapesGrowsTheBuffer() throws Exception {
    String s = "\u0001\"".repeat(30_000);
    assertThat(fast(s)).isEqualTo(jackson(s));
    String huge = "\u0001\"".repeat(50_000); // past MAX_CHARS: Jackson's own
    assertThat(fast(huge)).isEqualTo(jackson(huge));
  }

  @Test
  void otherGeneratorsGetJacksonsOwnWriting() throws Exception {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = OtlpJson.FACTORY.createGenerator(w)) {
      JsonText.writeString(g, "q\"".repeat(100));
    }
    assertThat(w.toString()).isEqualTo("\"" + "q\\\"".repeat(100) + "\"");
  }
}
