package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A per-method fact is computed once for the method asked about, however many of its sites ask. */
class LastMethodTest {
  @Test
  void computesOncePerMethodAskedAboutInARow() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    LastMethod<Object, List<Integer>> fact = new LastMethod<>(m -> List.of(computed.incrementAndGet()));
    Object a = new Object();
    Object b = new Object();
    List<Integer> first = fact.of(a);
    for (int site = 0; site < 100; site++) assertSame(first, fact.of(a));
    assertEquals(1, computed.get(), "100 sites of one method, one computation");
    assertEquals(List.of(2), fact.of(b));
    assertEquals(List.of(3), fact.of(a), "only the last method is kept: nothing accumulates");
    // Each thread checks its own methods: another thread's method is never served.
    List<List<Integer>> other = new ArrayList<>();
    Thread t = new Thread(() -> other.add(fact.of(a)));
    t.start();
    t.join();
    assertEquals(List.of(List.of(4)), other);
    assertEquals(List.of(3), fact.of(a));
  }

  /** Every varargs site's message asks for its call's boxes: the method's statements are walked once, not once per site. */
  @Test
  void aMethodsVarargsBoxesAreFoundOnce() {
    MethodIR m = RulesAndRunnerTest.formatOfABox().method();
    Map<Integer, List<AllocSite>> boxes = VarargsBoxes.byCall(m);
    assertEquals(1, boxes.size());
    assertEquals(List.of("boxing int to Integer"),
        boxes.values().iterator().next().stream().map(dev.noescape.ir.SiteIdentity::of).toList());
    assertSame(boxes, VarargsBoxes.byCall(m));
    MethodIR copy = RulesAndRunnerTest.formatOfABox().method();
    assertNotSame(boxes, VarargsBoxes.byCall(copy));
    assertEquals(boxes, VarargsBoxes.byCall(copy));
  }
}
