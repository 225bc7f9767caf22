package io.llmtraces.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpBodyTest {
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] read(byte[] body, String encoding, long length, int limit) throws IOException {
    return OtlpBody.read(new ByteArrayInputStream(body), encoding, length, limit);
  }

  private static void assertStatus(ThrowingRead r, int status, String message) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(IngestError.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).contains(message);
    });
  }

  private interface ThrowingRead {
    void run() throws Exception;
  }

  @Test
  void plainAndGzipBodies() throws Exception {
    byte[] data = "hello".getBytes();
    assertThat(read(data, null, data.length, 100)).isEqualTo(data);
    assertThat(read(data, "identity", -1, 100)).isEqualTo(data);
    assertThat(read(gzip(data), "gzip", -1, 100)).isEqualTo(data);
    assertThat(read(gzip(data), "GZIP", -1, 100)).isEqualTo(data);
  }

  @Test
  void tooLargeBeforeOrAfterInflating() throws Exception {
    assertStatus(() -> read(new byte[10], null, 200, 100), 413, "200 bytes");
    assertStatus(() -> read(new byte[101], null, -1, 100), 413, "exceeds the limit of 100");
    // A gzip bomb: 64 MiB of zeros in about 64 KiB; inflating stops at the limit.
    byte[] bomb = gzip(new byte[64 << 20]);
    assertThat(bomb.length).isLessThan(100_000);
    long before = System.nanoTime();
    assertStatus(() -> read(bomb, "gzip", bomb.length, 1 << 20), 413, "after gunzip");
    assertThat(System.nanoTime() - before).isLessThan(2_000_000_000L);
  }

  @Test
  void badOrUnknownEncodings() {
    assertStatus(() -> read("not gzip".getBytes(), "gzip", -1, 100), 400, "not valid gzip");
    assertStatus(() -> read(new byte[] {1}, "br", -1, 100), 415, "Content-Encoding br");
  }
}
