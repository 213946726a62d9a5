package corpus.cold;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Once-branches (docs/design.md, "Cold paths"): in a loop, the arm of an {@code if} whose guard
 * tests a one-time flag or a sentinel that the arm itself sets, and that nothing else in the loop
 * brings back, runs at most once per call, so its allocations do not repeat. Each cold case has a
 * twin that is still reported: the flag reset in the loop, the store only on some paths of the arm
 * or only under a nested {@code if}, the sentinel stored again, the flag declared inside the loop.
 */
public class OnceBranches {
  private boolean headerWritten;
  /** Where the arms put their lines: an in-memory list, not output that would dwarf the arm's allocations. */
  private static final List<String> notes = new ArrayList<>();

  /** HdrHistogram's HistogramLogProcessor.run: the start time is written once, when the first interval has one. */
  void startTimes(PrintStream out, PrintStream copy, double[] starts) {
    double firstStart = 0.0;
    for (double s : starts) {
      if (firstStart == 0.0 && s != 0.0) {
        firstStart = s;
        outputStartTime(out, firstStart); // ok: BoxingAllocation -- once-branch: firstStart is the sentinel 0.0 until this arm sets it
        if (copy != null) {
          outputStartTime(copy, firstStart); // ok: BoxingAllocation -- the same once-branch, under a nested if
        }
      }
      out.println(s);
    }
  }

  /** The same, but a new log section starts over: the sentinel comes back and the arm runs again. */
  void startTimesPerSection(PrintStream out, PrintStream copy, double[] starts) {
    double firstStart = 0.0;
    for (double s : starts) {
      if (firstStart == 0.0 && s != 0.0) {
        firstStart = s;
        outputStartTime(out, firstStart); // expect: BoxingAllocation
        if (copy != null) {
          outputStartTime(copy, firstStart); // ok: BoxingAllocation -- firstStart again, in an arm within the arm of the box above, which runs whenever this one does: part of its finding
        }
      }
      if (s < 0) {
        firstStart = 0.0; // the sentinel again
      }
    }
  }

  private static void outputStartTime(PrintStream log, Double startTime) {
    log.println(startTime);
  }

  /** The one-time flag of the same loop: the legend is written before the first line. */
  void legend(PrintStream out, int[] counts) {
    boolean legendWritten = false;
    for (int c : counts) {
      if (!legendWritten) {
        legendWritten = true;
        notes.add(String.format("%d columns", counts.length)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the arm sets its flag
      }
      out.println(c);
    }
  }

  /** The flag is reset in the loop: the legend is written again after every empty count. */
  void legendPerGroup(PrintStream out, int[] counts) {
    boolean legendWritten = false;
    int i = 0;
    while (i < counts.length) {
      if (!legendWritten) {
        legendWritten = true;
        notes.add(String.format("%d columns", counts.length - i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
      legendWritten = counts[i++] != 0;
    }
  }

  /** A field flag tested with == false, set after the work it guards: what runs before the store runs once too. */
  void header(PrintStream out, int[] widths) {
    for (int w : widths) {
      if (headerWritten == false) {
        notes.add(String.format("width %d", w)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: every path of the arm goes on to set the flag
        headerWritten = true;
      }
      out.println(w);
    }
  }

  /** The flag is set only under a nested if: until then the arm runs on every iteration. */
  void headerWhenWide(PrintStream out, int[] widths) {
    for (int w : widths) {
      if (!headerWritten) {
        notes.add(String.format("width %d", w)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        if (w > 80) {
          headerWritten = true;
          notes.add(String.format("wide %d", w)); // ok: VarargsAllocation, BoxingAllocation -- after the store: the flag is set, the arm does not run again
        }
      }
    }
  }

  /** The store is on some paths of the arm only: what precedes the continue runs on every skipped iteration. */
  void firstPositive(PrintStream out, int[] values) {
    boolean found = false;
    for (int v : values) {
      if (!found) {
        notes.add(String.format("candidate %d", v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        if (v <= 0) {
          continue;
        }
        notes.add(String.format("first %d", v)); // ok: VarargsAllocation, BoxingAllocation -- from here every path sets the flag
        found = true;
      }
    }
  }

  /** A lazily created list whose arm does more than the assignment. */
  List<String> collect(int[] values) {
    List<String> lines = null;
    for (int v : values) {
      if (lines == null) {
        lines = new ArrayList<>();
        lines.add(String.format("first %d", v)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the arm sets the local its null check tests
      }
      lines.add("x");
    }
    return lines;
  }

  /** The loop stores null into the list: it is created again for every group. */
  List<List<String>> collectGroups(int[] values) {
    List<List<String>> groups = new ArrayList<>();
    List<String> lines = null;
    for (int v : values) {
      if (lines == null) {
        lines = new ArrayList<>();
        lines.add(String.format("first %d", v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        groups.add(lines);
      }
      if (v < 0) {
        lines = null;
      }
    }
    return groups;
  }

  /** The else arm of the test the sentinel fails is the once-branch, written the other way round. */
  List<String> collectElse(int[] values) {
    List<String> lines = null;
    for (int v : values) {
      if (lines != null) {
        lines.add("x");
      } else {
        lines = new ArrayList<>();
        lines.add(String.format("first %d", v)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the else arm of lines != null sets lines
      }
    }
    return lines;
  }

  /** The else arm also runs when the chunk is full (the negation of an && is no sentinel test): once per chunk. */
  void chunks(List<List<String>> out, int[] values) {
    List<String> chunk = null;
    for (int v : values) {
      if (chunk != null && chunk.size() < 8) {
        chunk.add("x");
      } else {
        chunk = new ArrayList<>();
        out.add(chunk);
        chunk.add(String.format("first %d", v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
    }
  }

  /** After if (done) continue; the rest of the body is the arm where the flag is still false. */
  void untilDone(PrintStream out, int[] values) {
    boolean done = false;
    for (int v : values) {
      if (done) {
        continue;
      }
      notes.add(String.format("first %d", v)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the rest of the body after if (done) continue; sets done
      done = true;
    }
  }

  /** The same, but the flag is set only for a positive value: until then the rest runs on every iteration. */
  void untilPositive(PrintStream out, int[] values) {
    boolean done = false;
    for (int v : values) {
      if (done) {
        continue;
      }
      notes.add(String.format("candidate %d", v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      if (v > 0) {
        done = true;
      }
    }
  }

  /** The last index seen, -1 until the first match: an int sentinel. */
  int firstMatch(PrintStream out, int[] values, int wanted) {
    int first = -1;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == wanted && first == -1) {
        first = i;
        notes.add(String.format("first at %d", i)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: an operand of the && tests the sentinel -1
      }
    }
    return first;
  }

  /** A long sentinel (compared through lcmp in bytecode): the first timestamp is printed once. */
  void firstTimestamp(PrintStream out, long[] stamps) {
    long first = 0L;
    for (long t : stamps) {
      if (first == 0L) {
        first = t;
        notes.add(String.format("from %d", first)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: first is the sentinel 0 until this arm sets it
      }
    }
  }

  /** A countdown: the number is stored outside the arm too, and comes back to the sentinel every batch. */
  void batches(PrintStream out, long[] stamps, long size) {
    long left = 0L;
    for (long t : stamps) {
      if (left == 0L) {
        left = size;
        notes.add(String.format("batch from %d", t)); // expect: VarargsAllocation(and 1 box (long)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
      left--;
    }
  }

  private static boolean warned;

  /** A static one-time flag: the warning is printed once (per call, and here once per class). */
  static void warnOnce(PrintStream out, int[] codes) {
    for (int code : codes) {
      if (code < 0 && !warned) {
        warned = true;
        notes.add(String.format("negative code %d", code)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the arm sets the static flag
      }
    }
  }

  /** The static flag is set from a condition, not to true: it may stay false. */
  static void warnWhileQuiet(PrintStream out, int[] codes, boolean verbose) {
    for (int code : codes) {
      if (!warned) {
        warned = verbose;
        notes.add(String.format("code %d", code)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
    }
  }

  /** A loop inside a once-branch still repeats its body. */
  void columns(PrintStream out, int[][] rows) {
    boolean titled = false;
    for (int[] row : rows) {
      if (!titled) {
        titled = true;
        StringBuilder title = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
          title.append(String.format("c%d ", c)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        }
        out.println(title); // once, after the loop: printing on every iteration would dwarf the array (varargs/CostlyCallees)
      }
    }
  }

  /** The flag is declared in the outer loop: the inner arm runs once per row, on every row. */
  void perRow(PrintStream out, int[][] rows) {
    for (int[] row : rows) {
      boolean seen = false;
      for (int v : row) {
        if (!seen) {
          seen = true;
          notes.add(String.format("row starts with %d", v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        }
      }
    }
  }
}
