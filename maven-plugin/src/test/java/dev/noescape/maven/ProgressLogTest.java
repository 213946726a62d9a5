package dev.noescape.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress INFO lines of a long module, on a fake clock. */
class ProgressLogTest {
  long now = 1_000L;

  void advance(double seconds) {
    now += (long) (seconds * TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void aShortModuleLogsNothing() {
    List<String> lines = new ArrayList<>();
    ProgressLog p = new ProgressLog(() -> now, lines::add);
    for (int i = 1; i <= 100; i++) {
      advance(0.04);
      p.update("lowering", i, 100);
    }
    p.update("solving", 0, 1);
    assertEquals(List.of(), lines);
    assertFalse(p.logged);
  }

  @Test
  void aLongModuleLogsAboutEveryFiveSeconds() {
    List<String> lines = new ArrayList<>();
    ProgressLog p = new ProgressLog(() -> now, lines::add);
    for (int i = 1; i <= 300; i++) {
      advance(0.05);
      p.update(i <= 100 ? "loading" : "lowering", i <= 100 ? i : i - 100, i <= 100 ? 100 : 200);
    }
    advance(4);
    p.update("solving", 0, 1);
    advance(1);
    p.update("rules", 0, 1);
    assertEquals(List.of(
        "noescape: loading 100/100 classes, 5.0 s",
        "noescape: lowering 100/200 classes, 10.0 s",
        "noescape: lowering 200/200 classes, 15.0 s",
        "noescape: rules, 20.0 s"), lines);
    assertTrue(p.logged);
    assertEquals("20.0 s", p.elapsed());
    // The time split -X logs: each phase from its first report to the next phase's.
    advance(0.25);
    assertEquals("setup 0.05 s, loading 5.00 s, lowering 13.95 s, solving 1.00 s, rules 0.25 s", p.split(now));
  }
}
