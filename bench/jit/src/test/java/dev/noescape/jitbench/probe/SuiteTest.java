package dev.noescape.jitbench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.jitbench.probes.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The suite's own rules: enough probes, one marker each, pairs that exist, a HotSpot source for every one. */
class SuiteTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void everyProbeHasExactlyOneMarkerInItsOwnFile() {
    List<ProbeSpec> probes = Suite.probes();
    Map<String, SiteMarkers.Site> sites = SiteMarkers.scan(SOURCES);
    assertEquals(List.of(), SiteMarkers.check(probes, sites));
    assertTrue(probes.size() >= 80, "at least 80 probes, found " + probes.size());
  }

  @Test
  void probesArePairedAndSourced() {
    for (ProbeSpec p : Suite.probes()) {
      assertFalse(p.hotspot().isBlank(), p.id() + " names no HotSpot source");
      assertTrue(p.hotspot().matches(".*\\.(cpp|hpp).*") || p.hotspot().startsWith("StringConcatFactory"),
          p.id() + ": the source should name a HotSpot file: " + p.hotspot());
      assertFalse(p.note().isBlank(), p.id());
    }
    // Every group has a pair: at least two probes, and at least one pairing inside the group.
    Map<String, List<ProbeSpec>> byGroup = Suite.probes().stream().collect(Collectors.groupingBy(ProbeSpec::group));
    for (Map.Entry<String, List<ProbeSpec>> g : byGroup.entrySet()) {
      if (g.getKey().equals("baseline")) continue;
      boolean paired = g.getValue().stream().anyMatch(p -> !p.pair().isEmpty());
      assertTrue(paired, "group " + g.getKey() + " has no pair");
    }
  }

  @Test
  void markerColumnsAndIds() {
    assertEquals(Map.of("a.b", 15), SiteMarkers.markers("    Point p = new Point(n, i); // site: a.b"));
    assertEquals(Map.of("x", 5, "y", 5), SiteMarkers.markers("    int r = call(1); // site: x, y"));
    assertEquals(Map.of(), SiteMarkers.markers("    int r = 1; // not a site"));
  }

  @Test
  void expectationsPerJdk() {
    ProbeSpec merge = Suite.probes().stream().filter(p -> p.id().equals("merge.if-else")).findFirst().orElseThrow();
    assertEquals(Expect.HEAP, merge.expected(17));
    assertEquals(Expect.SCALAR_REPLACED, merge.expected(25));
    assertEquals(null, merge.expected(21));
  }
}
