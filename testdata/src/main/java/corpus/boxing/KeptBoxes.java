package corpus.boxing;

import dev.noescape.annotations.HotPath;
import java.util.List;
import java.util.Map;

/**
 * A box kept in a local of its own type on its way to a use (docs/design.md, "Boxing"): what
 * requires the box is the use, not the local. When a use in the same iteration hands the local on
 * where an object is required (a collection's add or put, a return), the box is required there, and
 * the message names that use and its line; keeping the local primitive would only move the box.
 * When the local is only unboxed, or handed on only after the loop (one box, made there), it can
 * stay primitive. The shapes are those of commons-compress 1.28.0's pack200 ClassBands and
 * NewAttributeBands (renumberOffsetBci). Hot methods keep the required boxes warnings, so their
 * messages can be checked; the twin outside a hot method is a forced box.
 */
public class KeptBoxes {
  /** commons-compress's renumberOffsetBci: the box goes back into the band it came from. */
  @HotPath
  void renumber(List<Object> band, int[] offsets, int base) {
    for (int i = band.size() - 1; i >= 0; i--) {
      if (band.get(i) instanceof String) {
        band.remove(i);
        final Integer renumbered = Integer.valueOf(offsets[i] - base); // expect: BoxingAllocation(List.add takes an object (line @+1), so the box is required)
        band.add(i, renumbered);
      }
    }
  }

  /** The same loop outside a hot method: a forced box, as band.add(i, Integer.valueOf(...)) is. */
  void renumberCold(List<Object> band, int[] offsets, int base) {
    for (int i = band.size() - 1; i >= 0; i--) {
      if (band.get(i) instanceof String) {
        band.remove(i);
        final Integer renumbered = Integer.valueOf(offsets[i] - base); // ok: BoxingAllocation -- forced: List.add on the next line requires the box kept in renumbered, and the value changes (information at -m=2)
        band.add(i, renumbered);
      }
    }
  }

  /** The same box only unboxed in its iteration, outside a hot method too: the local can stay primitive. */
  long renumberedSum(List<Object> band, int[] offsets, int base) {
    long sum = 0;
    for (int i = band.size() - 1; i >= 0; i--) {
      final Integer renumbered = Integer.valueOf(offsets[i] - base); // expect: BoxingAllocation(keep the value primitive (int))
      sum += renumbered.intValue() * 2L;
    }
    return sum;
  }

  /** Autoboxing into a local, then a map's put in the same iteration. */
  @HotPath
  void countLengths(List<String> words, Map<String, Integer> lengths) {
    for (String w : words) {
      int n = w.length() * 31;
      Integer boxed = n; // expect: BoxingAllocation(Map.put takes an object (line @+1), so the box is required)
      lengths.put(w, boxed);
    }
  }

  /** Its twin: the local is compared, never handed on. */
  @HotPath
  int countLong(List<String> words, int limit) {
    int count = 0;
    for (String w : words) {
      int n = w.length() * 31;
      Integer boxed = n; // expect: BoxingAllocation(keep the value primitive (int))
      if (boxed > limit) count++;
    }
    return count;
  }

  /** The box is handed on only after the loop: one box there, so the local can stay primitive in it. */
  @HotPath
  void lastLength(List<String> words, List<Object> out) {
    Integer last = null;
    for (String w : words) {
      last = w.length() * 31; // expect: BoxingAllocation(keep the value primitive (int))
    }
    out.add(last);
  }

  /** Its twin: handed on in the loop, after the assignment. */
  @HotPath
  void everyLength(List<String> words, List<Object> out) {
    Integer last = null;
    for (String w : words) {
      last = w.length() * 31; // expect: BoxingAllocation(List.add takes an object (line @+1), so the box is required)
      out.add(last);
    }
  }

  /**
   * Returned from the loop: the return type requires a box, but the return runs once, on the way out
   * of the loop, so one box made there would do, as after the loop.
   */
  @HotPath
  Integer firstLong(List<String> words, int limit) {
    for (String w : words) {
      Integer n = w.length() * 31; // expect: BoxingAllocation(keep the value primitive (int))
      if (n > limit) {
        return n;
      }
    }
    return null;
  }

  private Integer latest;

  /** Stored into a field of the box's type on every iteration: the field requires the box. */
  @HotPath
  void track(int[] readings) {
    for (int r : readings) {
      Integer reading = r * 7; // expect: BoxingAllocation(field KeptBoxes.latest holds an object (line @+1), so the box is required)
      latest = reading;
    }
  }

  /**
   * Its twin: stored only under a condition of its own, on fewer iterations than the box is made on.
   * A primitive local boxed at the store would allocate only there.
   */
  @HotPath
  void trackPositive(int[] readings) {
    for (int r : readings) {
      Integer reading = r * 7; // expect: BoxingAllocation(keep the value primitive (int))
      if (reading > 0) {
        latest = reading;
      }
    }
  }

  /** Made and stored in the same arm of a branch: the store runs whenever the box is made. */
  @HotPath
  void trackEachPositive(int[] readings) {
    for (int r : readings) {
      if (r > 0) {
        Integer reading = r * 7; // expect: BoxingAllocation(field KeptBoxes.latest holds an object (line @+1), so the box is required)
        latest = reading;
      }
    }
  }

  /** A box in an inner loop, handed on after the inner loop: one box per outer iteration would do. */
  @HotPath
  void rowMaxima(int[][] rows, List<Object> out) {
    for (int[] row : rows) {
      Integer max = null;
      for (int v : row) {
        if (max == null || v > max) max = v; // expect: BoxingAllocation(keep the value primitive (int))
      }
      out.add(max);
    }
  }
}
