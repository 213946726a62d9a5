package it.profile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the code long enough for the recording to sample it. */
class BatchTest {
  @Test
  void runs() {
    long[] samples = new long[10_000];
    for (int i = 0; i < samples.length; i++) samples[i] = i;
    long sum = 0;
    for (int r = 0; r < 3_000; r++) {
      sum += Batch.total(samples);
      sum += Batch.names(200);
    }
    assertTrue(sum != 0);
  }
}
