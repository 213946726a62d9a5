package corpus.loops;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The loop a message names is the loop statement's own line for every shape: a loop with no
 * condition of its own ({@code for (;;)}, {@code while (true)}, {@code do}) has no instruction on
 * that line in bytecode, where the loop starts with its body; the bytecode front end takes the line
 * from the source when it has it ({@code @-N}: N lines above the marker). And the trip counts of
 * decrementing loops: {@code for (i = len; --i >= 0;)} runs {@code len} times, not {@code len + 1}.
 */
@dev.noescape.annotations.HotPath final class LoopLines { // hot, so that its boxes are warnings whatever requires them: the file is about loop lines
  private final List<Object> seen = new ArrayList<>();

  void forever(Iterator<String> it) {
    for (;;) {
      if (!it.hasNext()) return;
      String s = it.next();
      seen.add(s.length()); // expect: BoxingAllocation(the loop (line @-3))
    }
  }

  void whileTrue(BufferedReader in) throws IOException {
    while (true) {
      String line = in.readLine();
      if (line == null) break;
      seen.add(line.length()); // expect: BoxingAllocation(the loop (line @-3))
    }
  }

  void doWhile(Iterator<String> it) {
    do {
      String s = it.next();
      seen.add(s.hashCode()); // expect: BoxingAllocation(the loop (line @-2))
    } while (it.hasNext());
  }

  void labeled(List<int[]> rows) {
    scan:
    for (;;) {
      for (int[] row : rows) {
        seen.add(row.length); // expect: BoxingAllocation(the loop (line @-1))
        if (row.length == 0) break scan;
      }
      seen.add(rows.size()); // expect: BoxingAllocation(the loop (line @-5))
    }
  }

  void nestedFirst(List<List<String>> batches) {
    while (true) {
      for (List<String> batch : batches) {
        seen.add(batch.size()); // expect: BoxingAllocation(the loop (line @-1))
      }
      seen.add(batches.hashCode()); // expect: BoxingAllocation(the loop (line @-4))
    }
  }

  void eitherSide(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      seen.add(i < a.length() ? a.charAt(i++) : b.charAt(j++)); // expect: BoxingAllocation(the loop (line @-1))
    }
  }

  // ---- decrementing loops: the trip count is len, not len + 1 ----------------------------------------

  List<String> preDecrement(String[] names, int len) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with len elements)
    for (int i = len; --i >= 0;) {
      out.add(names[i]);
    }
    return out;
  }

  List<String> postDecrement(String[] names, int len) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with len elements)
    for (int i = len; i-- > 0;) {
      out.add(names[i]);
    }
    return out;
  }

  List<String> downToOne(String[] names, int len) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with len elements)
    for (int i = len; i > 0; i--) {
      out.add(names[i - 1]);
    }
    return out;
  }

  List<String> downToZero(String[] names) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with names.length elements)
    for (int i = names.length - 1; i >= 0; i--) {
      out.add(names[i]);
    }
    return out;
  }

  List<String> untilZero(String[] names, int len) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with len elements)
    for (int i = len; i != 0; i--) {
      out.add(names[i - 1]);
    }
    return out;
  }

  List<String> countedUp(String[] names, int len) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with len elements)
    for (int i = 0; i != len; i++) {
      out.add(names[i]);
    }
    return out;
  }

  List<Integer> fewFromTheTop() {
    List<Integer> out = new ArrayList<>(); // ok: UnpresizedCollection -- --i >= 0 from 10 runs 10 times, which the default capacity holds
    for (int i = 10; --i >= 0;) {
      out.add(i * 1000); // expect: BoxingAllocation
    }
    return out;
  }

  List<Integer> elevenFromTheTop() {
    List<Integer> out = new ArrayList<>(); // expect: UnpresizedCollection(filled with 11 elements)
    for (int i = 11; --i >= 0;) {
      out.add(i * 1000); // expect: BoxingAllocation
    }
    return out;
  }

  void rangedDown() {
    for (int i = 128; i-- > 0;) {
      seen.add(i); // ok: BoxingAllocation -- i-- > 0 from 128: the body sees 127..0, all in the Integer cache
    }
    for (int i = 129; --i >= 0;) {
      seen.add(i); // expect: BoxingAllocation(values 0..128)
    }
  }

  List<String> whileDecrement(String[] names, int len) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- a while loop has no trip count (only counted for loops do)
    int i = len;
    while (--i >= 0) {
      out.add(names[i]);
    }
    return out;
  }
}
