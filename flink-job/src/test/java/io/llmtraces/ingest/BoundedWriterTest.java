package io.llmtraces.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Writes up to the limit, keeps the head it could write, and then refuses. */
class BoundedWriterTest {

  @Test
  void growsPastItsInitialCapacityUpToTheLimit() throws Exception {
    BoundedWriter w = new BoundedWriter(100, 4);
    w.write("0123456789".toCharArray(), 0, 10);
    w.write("ünïcödé ✓", 0, 9);
    w.write('!');
    assertThat(w.toString()).isEqualTo("0123456789ünïcödé ✓!");
  }

  @Test
  void keepsTheHeadThatFitsAndThrowsAtTheLimit() throws Exception {
    BoundedWriter w = new BoundedWriter(8, 2);
    w.write("abcde", 0, 5);
    assertThatThrownBy(() -> w.write("fghijk".toCharArray(), 0, 6)).isSameAs(OutputLimitReached.INSTANCE);
    assertThat(w.toString()).isEqualTo("abcdefgh");
    assertThatThrownBy(() -> w.write('x')).isSameAs(OutputLimitReached.INSTANCE);
    assertThatThrownBy(() -> w.write("y", 0, 1)).isSameAs(OutputLimitReached.INSTANCE);
    assertThat(w.toString()).isEqualTo("abcdefgh");
  }
}
