package corpus.loops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Loop depth of every kind of loop part: body, condition and update run once per iteration
 * (inside); a for-init and the iterable of an enhanced for run once (outside). A lambda body
 * passed to an iterating method (forEach, removeIf, replaceAll, stream operations) is one level
 * deeper than the expression that creates it; other lambda bodies inherit its depth.
 */
final class LoopShapes {
  private final List<Object> seen = new ArrayList<>();

  void forBody(int n) {
    for (int i = 0; i < n; i++) {
      seen.add(i); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void forUpdate(int n) {
    Long ticks = 0L; // ok: BoxingAllocation -- before the loop, and 0L is cached
    for (int i = 0; i < n; i++, ticks++) { // expect: BoxingAllocation
      seen.add("tick");
    }
    seen.add(ticks);
  }

  void forInit(int start, int n) {
    for (Object marker = Integer.valueOf(start); n > 0; n--) { // ok: BoxingAllocation -- for-init runs once
      seen.add(marker);
    }
  }

  void forCondition(Set<Integer> open, int limit) {
    for (int id = 0; !open.contains(id) && id < limit; id++) { // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      seen.add("closed");
    }
  }

  void whileCondition(Set<Long> used, long seed) {
    long next = seed;
    while (used.contains(next)) { // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      next = next * 31 + 7;
    }
    seen.add(next); // ok: BoxingAllocation -- after the loop, cold method
  }

  void doWhile(Iterator<String> it) {
    int index = 0;
    do {
      seen.add(String.format("%d:%s", index, it.next())); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      index++;
    } while (it.hasNext() && !seen.contains(index)); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
  }

  void iterableExpression(int a, int b, int c) {
    for (Integer v : Arrays.asList(a, b, c)) { // ok: VarargsAllocation -- the iterable runs once; ok: BoxingAllocation, BoxingAllocation, BoxingAllocation -- outside the loop
      seen.add(v);
    }
  }

  void nested(int[][] grid) {
    for (int[] row : grid) {
      for (int cell : row) {
        seen.add(cell); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      }
      seen.add(row.length); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void labeled(int[][] grid, int target) {
    outer:
    for (int r = 0; r < grid.length; r++) {
      for (int c = 0; c < grid[r].length; c++) {
        if (grid[r][c] == target) {
          seen.add(new int[] {r, c});
          break outer;
        }
        if (grid[r][c] < 0) {
          continue outer;
        }
        seen.add(grid[r][c] * 2.0); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      }
    }
  }

  void switchAndTry(List<String> commands) {
    for (String cmd : commands) {
      switch (cmd) {
        case "count" -> seen.add(commands.size()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
        case "flag" -> seen.add(Boolean.TRUE); // ok: BoxingAllocation -- a constant field, no conversion
        default -> seen.add(cmd);
      }
      try {
        seen.add(Integer.parseInt(cmd)); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      } catch (NumberFormatException e) {
        seen.add(cmd.length()); // ok: BoxingAllocation -- in a catch block: an error path, not a warning (information at -m=2)
      }
    }
  }

  // ---- lambda bodies -----------------------------------------------------------------------------

  List<Integer> streams(List<Integer> xs, int offset) {
    return xs.stream()
        .map(x -> x * 2) // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
        .filter(x -> x > offset) // ok: CapturingLambda -- created once: the stream pipeline is outside loops
        .collect(Collectors.toList());
  }

  void forEachBodies(List<String> names, Map<String, Integer> ages) {
    names.forEach(n -> seen.add(n.length())); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: CapturingLambda -- created once
    ages.forEach((k, v) -> seen.add(v + 1)); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: CapturingLambda -- created once
    ages.replaceAll((k, v) -> v + k.length()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    names.removeIf(n -> n.length() > 1000); // ok: BoxingAllocation -- comparison, nothing boxed
  }

  IntSupplier cold(List<String> names) {
    Runnable r = () -> seen.add(names.size()); // ok: BoxingAllocation -- the lambda body is cold (not iterated, not in a loop); ok: CapturingLambda -- created once
    r.run();
    return names::size; // ok: CapturingLambda -- created once, outside loops
  }

  void lambdaInLoop(List<List<String>> batches) {
    for (List<String> batch : batches) {
      Runnable r = () -> seen.add(batch.size()); // expect: CapturingLambda // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      r.run();
    }
  }

  void loopInsideLambda(List<int[]> chunks) {
    Runnable r = () -> { // ok: CapturingLambda -- created once
      for (int[] chunk : chunks) {
        seen.add(chunk.length); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      }
    };
    r.run();
  }

  // ---- expression forms ----------------------------------------------------------------------------

  private Integer runningTotal = 0;

  void expressionForms(int[] values, boolean keepNulls) {
    for (int v : values) {
      Integer maybe = keepNulls ? v : null; // ok: BoxingAllocation -- forced: List.add requires the box kept in maybe on line 163 of the same iteration, and v changes (information at -m=2)
      runningTotal += v; // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      var single = java.util.Collections.singletonList(v); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      var opt = java.util.Optional.of(v * 2L); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      Character upperA = Character.valueOf((char) 65); // ok: BoxingAllocation -- constant 65 is inside the Character cache
      Object kind = switch (v % 3) {
        case 0 -> "zero";
        case 1 -> v; // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // bytecode-gap: BoxingAllocation -- SootUp gives the valueOf of a switch-expression arm the line of the store after the switch (162)
        default -> 127; // ok: BoxingAllocation -- cached constant
      }; // bytecode-gap: BoxingAllocation -- the boxing of line 160 is reported here (SootUp: line of the store)
      seen.add(maybe);
      seen.add(single);
      seen.add(opt);
      seen.add(upperA);
      seen.add(kind);
    }
  }

  String withVar(List<String> words) {
    var text = "";
    var out = new ArrayList<String>(); // expect: UnpresizedCollection(words.size())
    for (var w : words) {
      text += w; // expect: StringConcatInLoop
      out.add(w);
    }
    return text + out.size();
  }
}
