package dev.noescape.rules;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.StmtContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls whose own work on every call dwarfs a small array allocation ({@link Kind}): the library
 * knowledge behind {@code VarargsAllocation}'s "not a warning" for a variable-arity call to one of
 * them. The table is data, {@code dev/noescape/models/costly-calls}, where each kind's contract and
 * what is left out on purpose are written down; its reader lives here because only the rules ask
 * and the rules may not use the {@code models} package (docs/design.md, the layering).
 */
final class CostlyCalls {
  private CostlyCalls() {}

  private static final String RESOURCE = "/dev/noescape/models/costly-calls";

  /** The kinds of the data file, in its words. */
  enum Kind {
    /** Formats its arguments and writes them to a stream ({@code PrintStream.printf}). */
    OUTPUT,
    /** A file-system operation ({@code Files.write}, {@code FileChannel.open}). */
    IO,
    /** A reflective call or lookup ({@code Method.invoke}, {@code Class.getMethod}). */
    REFLECTION
  }

  /** The methods of one listed class: their names, or every method. */
  record Entry(Kind kind, Set<String> names, boolean all) {}

  private static final Map<String, Entry> TABLE = parse(ModelFiles.rows(RESOURCE));

  /**
   * Per loop of a method (by {@link dev.noescape.ir.Loop#id}), the first call that does I/O or
   * writes output ({@link Kind#IO}, {@link Kind#OUTPUT}) on every iteration of it: not under a
   * condition, not on a cold path. Reflection does not count here: a reflective call costs tens
   * of nanoseconds, as much as the allocations beside it, where a system call costs microseconds.
   */
  private static final LastMethod<MethodIR, Map<Integer, Stmt.Call>> IO_EVERY_ITERATION = new LastMethod<>(CostlyCalls::ioLoops);

  /** The call that does I/O or writes output on every iteration of loop {@code loopId} of {@code m}, or null. */
  static Stmt.Call ioEveryIteration(MethodIR m, int loopId) {
    return loopId < 0 ? null : IO_EVERY_ITERATION.of(m).get(loopId);
  }

  /**
   * A call that does I/O or writes output whenever statement {@code at} of loop {@code loopId} runs
   * (not on a cold path), in the same iteration: one on every iteration ({@link #ioEveryIteration}),
   * else one in the arm {@code at} runs in or an arm enclosing it ({@link
   * dev.noescape.ir.Arms#runsWhenever}: netty's {@code ctx.writeAndFlush(frame).addListener(future
   * -> …)} on one arm of a branch, the listener beside the write it listens to), else one that runs
   * before {@code at} on every path to it or after it on every path from it through the iteration
   * ({@link dev.noescape.ir.Dominance#runsWhenever}: the straight-line code after an early {@code
   * continue} or {@code return}). Outside loops ({@code loopId} -1) only in a body that repeats
   * with the loop it is created in ({@link StmtContext#inLoop()}: a lambda handed to a stream), one
   * of the body's own statements that runs whenever {@code at} does: commons-compress's {@code
   * String.format} of a split archive's segment name beside the {@code Files.exists} that probes
   * for it. Null when there is none.
   */
  static Stmt.Call ioWhenever(MethodIR m, int loopId, StmtContext at) {
    Stmt.Call every = ioEveryIteration(m, loopId);
    if (every != null || loopId < 0 && !at.inLoop()) return every;
    for (Stmt st : m.stmts()) {
      if (!(st instanceof Stmt.Call c)) continue;
      StmtContext ctx = c.ctx();
      if (ctx.loopId() != loopId || ctx.isCold() || !writesOrDoesIo(c)) continue;
      int io = ctx.ordinal(), site = at.ordinal();
      if (m.control().arms().runsWhenever(io, site) || m.control().dominance().runsWhenever(io, site)) return c;
    }
    return null;
  }

  private static Map<Integer, Stmt.Call> ioLoops(MethodIR m) {
    Map<Integer, Stmt.Call> out = new HashMap<>();
    for (Stmt st : m.stmts()) {
      if (!(st instanceof Stmt.Call c)) continue;
      StmtContext ctx = c.ctx();
      if (ctx.loopId() < 0 || !ctx.oncePerIteration() || ctx.isCold()) continue;
      if (writesOrDoesIo(c)) out.putIfAbsent(ctx.loopId(), c);
    }
    return out;
  }

  /** Whether {@code c} writes output or does I/O ({@link Kind#OUTPUT}, {@link Kind#IO}): reflection does not count here. */
  private static boolean writesOrDoesIo(Stmt.Call c) {
    Kind k = kind(c.callee());
    return k == Kind.IO || k == Kind.OUTPUT;
  }

  /** The kind of a call to {@code callee}, or null when the call is not listed. */
  static Kind kind(MethodRef callee) {
    return kind(TABLE, callee);
  }

  static Kind kind(Map<String, Entry> table, MethodRef callee) {
    if (callee == null) return null;
    Entry e = table.get(callee.owner());
    return e != null && (e.all() || e.names().contains(callee.name())) ? e.kind() : null;
  }

  /** The table of {@code rows} in the resource's format: {@code class kind method...}. */
  static Map<String, Entry> parse(List<String[]> rows) {
    Map<String, Entry> out = new HashMap<>();
    for (String[] words : rows) {
      String line = String.join(" ", words);
      if (words.length < 3) throw new IllegalStateException(RESOURCE + ": expected 'class kind method...': " + line);
      Kind k = ModelFiles.kind(Kind.class, words[1], RESOURCE, words);
      Set<String> names = Set.of(java.util.Arrays.copyOfRange(words, 2, words.length));
      boolean all = names.contains("*");
      if (all && names.size() > 1) throw new IllegalStateException(RESOURCE + ": '*' and names: " + line);
      if (out.put(words[0], new Entry(k, all ? Set.of() : names, all)) != null) {
        throw new IllegalStateException(RESOURCE + ": listed twice: " + words[0]);
      }
    }
    return Map.copyOf(out);
  }
}
