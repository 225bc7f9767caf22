package io.llmtraces.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Writes bytes up to the limit, keeps the head it could write, and is reused from the start. */
class BoundedOutputTest {

  @Test
  void growsPastItsInitialCapacityUpToTheLimit() throws Exception {
    BoundedOutput out = new BoundedOutput(4);
    out.reset(100);
    byte[] text = "0123456789 ünïcödé ✓".getBytes(StandardCharsets.UTF_8);
    out.write(text, 0, text.length);
    out.write('!');
    assertThat(out.toString()).isEqualTo("0123456789 ünïcödé ✓!");
    assertThat(out.length()).isEqualTo(text.length + 1);
  }

  @Test
  void keepsTheHeadThatFitsAndThrowsAtTheLimit() throws Exception {
    BoundedOutput out = new BoundedOutput(2);
    out.reset(8);
    out.write("abcde".getBytes(StandardCharsets.UTF_8), 0, 5);
    assertThatThrownBy(() -> out.write("fghijk".getBytes(StandardCharsets.UTF_8), 0, 6))
        .isSameAs(OutputLimitReached.INSTANCE);
    assertThat(out.toString()).isEqualTo("abcdefgh");
    assertThatThrownBy(() -> out.write('x')).isSameAs(OutputLimitReached.INSTANCE);

    out.reset(40);
    assertThatThrownBy(() -> out.write(new byte[1000], 0, 1000)).isSameAs(OutputLimitReached.INSTANCE);
    assertThat(out.length()).isEqualTo(40);
    assertThat(out.bytes()).hasSize(40); // grown to the limit, not to what was offered
  }

  @Test
  void aResetStartsOverInTheSameArrayWithItsOwnLimit() throws Exception {
    BoundedOutput out = new BoundedOutput(64);
    byte[] array = out.bytes();
    out.reset(64);
    out.write("leftovers from the span before".getBytes(StandardCharsets.UTF_8), 0, 30);
    out.reset(4);
    out.write("{}".getBytes(StandardCharsets.UTF_8), 0, 2);
    assertThat(out.toString()).isEqualTo("{}");
    assertThat(out.bytes()).isSameAs(array);
    assertThatThrownBy(() -> out.write("xyz".getBytes(StandardCharsets.UTF_8), 0, 3))
        .isSameAs(OutputLimitReached.INSTANCE);

    out.replaceWith("{\"truncated\":true}".getBytes(StandardCharsets.UTF_8));
    assertThat(out.toString()).isEqualTo("{\"truncated\":true}");
  }
}
