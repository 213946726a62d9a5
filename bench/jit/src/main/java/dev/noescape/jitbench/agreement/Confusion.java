package dev.noescape.jitbench.agreement;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.report.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A 2 × 2 confusion matrix: predicted heap / scalar-replaced × measured heap / scalar-replaced. */
public final class Confusion {
  private int heapHeap;
  private int heapSr;
  private int srHeap;
  private int srSr;

  /** Counts one site; a null on either side (invalid measurement, no prediction) is not counted. */
  public void add(Expect predicted, Expect measured) {
    if (predicted == null || measured == null) return;
    if (predicted == Expect.HEAP) {
      if (measured == Expect.HEAP) heapHeap++;
      else heapSr++;
    } else if (measured == Expect.HEAP) {
      srHeap++;
    } else {
      srSr++;
    }
  }

  public int total() {
    return heapHeap + heapSr + srHeap + srSr;
  }

  public int agree() {
    return heapHeap + srSr;
  }

  /** The four cells, predicted-measured: heap-heap, heap-sr, sr-heap, sr-sr. */
  public int[] cells() {
    return new int[] {heapHeap, heapSr, srHeap, srSr};
  }

  /** The matrix as a small table. */
  public String matrix() {
    return Markdown.table(List.of("", "measured heap", "measured scalar-replaced"), List.of(
        List.of("**predicted heap**", Integer.toString(heapHeap), Integer.toString(heapSr)),
        List.of("**predicted scalar-replaced**", Integer.toString(srHeap), Integer.toString(srSr))))
        + "\nagreement " + Markdown.ratio(agree(), total()) + "\n";
  }

  /** One row per key (condition, JDK…): the four cells and the agreement. */
  public static String rows(String keyName, Map<String, Confusion> byKey) {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Confusion> e : byKey.entrySet()) {
      Confusion c = e.getValue();
      rows.add(List.of(e.getKey(), Integer.toString(c.heapHeap), Integer.toString(c.heapSr),
          Integer.toString(c.srHeap), Integer.toString(c.srSr), Markdown.ratio(c.agree(), c.total())));
    }
    return Markdown.table(List.of(keyName, "pred heap / meas heap", "pred heap / meas SR",
        "pred SR / meas heap", "pred SR / meas SR", "agreement"), rows);
  }
}
