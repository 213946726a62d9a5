package dev.noescape.jitbench.compilelog;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <parse>} of a C2 compilation: a method parsed into the compiled code, either the
 * compiled method itself or a callee inlined into it (also late, after parsing).
 *
 * @param method the parsed method
 * @param callers where it was inlined, innermost first: the caller and the bci of the call, up to
 *     the compiled method (empty for the compiled method itself). Together with a bci in
 *     {@code method} this is the JVM state C2 records for a node, as in {@link Elimination#chain}.
 */
public record Parse(LogMethod method, List<Frame> callers, List<Trap> traps, List<InlineFailure> inlineFailures) {
  public Parse(LogMethod method, List<Frame> callers) {
    this(method, List.copyOf(callers), new ArrayList<>(), new ArrayList<>());
  }

  /** The JVM state of {@code bci} in this parse, innermost first. */
  public List<Frame> chainAt(int bci) {
    List<Frame> chain = new ArrayList<>(callers.size() + 1);
    chain.add(new Frame(method, bci));
    chain.addAll(callers);
    return chain;
  }
}
