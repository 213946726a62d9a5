package dev.noescape.jitbench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeRunTest {
  private static ProbeRun run(String status, boolean osr, long... bytes) {
    return new ProbeRun("p", 17, "main", 0, status, 5, osr, 1000, bytes, 1, 10, 20, null, "", "");
  }

  @Test
  void medianOfRoundsPerCall() {
    assertEquals(24.0, run("ok", false, 24_000, 24_328, 24_000).bytesPerCall());
    assertEquals(0.0, run("ok", false, 0, 328, 0, 0, 0).bytesPerCall(), "a stray allocation in one round does not count");
    assertTrue(Double.isNaN(run("failed", false).bytesPerCall()));
  }

  @Test
  void onlyOkNonOsrRunsAreMeasurements() {
    assertTrue(run("ok", false, 1).measured());
    assertFalse(run("ok", true, 1).measured());
    assertFalse(run("unstable", false, 1).measured());
  }
}
