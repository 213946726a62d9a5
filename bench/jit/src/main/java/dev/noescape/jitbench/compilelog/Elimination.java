package dev.noescape.jitbench.compilelog;

import java.util.List;

/**
 * An {@code <eliminate_allocation>}, {@code <eliminate_boxing>} or {@code <eliminate_lock>} entry
 * of a C2 compilation.
 *
 * @param kind {@code allocation}, {@code boxing} or {@code lock}
 * @param type the allocated class for allocations and boxing (null for locks)
 * @param chain the JVM state of the eliminated node, innermost frame first: the allocation's
 *     own method and bci, then each caller with the bci of the call, up to the compiled method
 */
public record Elimination(String kind, String type, List<Frame> chain) {}
