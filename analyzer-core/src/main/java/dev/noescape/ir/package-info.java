/**
 * The method IR: a small, front-end-neutral, flow-insensitive statement list per method.
 *
 * <p>Both front ends (javac trees in {@code noescape-errorprone}, class files through SootUp in
 * this module) lower a method to a {@link dev.noescape.ir.MethodIR}; nothing downstream knows
 * which front end produced it. The IR keeps only what escape analysis and the allocation rules
 * need:
 *
 * <ul>
 *   <li>reference-typed variables ({@link dev.noescape.ir.Var}); primitives are not tracked;
 *   <li>statements ({@link dev.noescape.ir.Stmt}): allocation, copy, field load/store (array
 *       elements are the one pseudo-field {@link dev.noescape.ir.FieldRef#ARRAY_ELEMENT}), static
 *       load/store, call, return, throw, monitor. Lambda and anonymous-class captures are an
 *       allocation followed by stores into {@link dev.noescape.ir.FieldRef#captured} fields;
 *   <li>allocation sites ({@link dev.noescape.ir.AllocSite}) with kind, type, position, loop depth
 *       and the kind-specific facts the rules read (boxing constant, constructor arguments,
 *       string-concat accumulator);
 *   <li>loops ({@link dev.noescape.ir.Loop}) with their nesting and, when the front end can
 *       prove it, the trip count known before the loop starts.
 * </ul>
 *
 * <p>{@link dev.noescape.ir.Reason}, a step of the chain that explains an escape, lives here
 * rather than with the engine that builds it: findings and the report writers carry chains, and
 * they may depend on the IR but not on the engine.
 *
 * <p>Flow-insensitive on purpose: the escape engine unions over all paths, as HotSpot C2's and
 * Go's escape analyses do. The few order-dependent facts the rules need (is this call inside that
 * loop, does it run once per iteration, does it come before the loop) are carried as
 * {@link dev.noescape.ir.StmtContext} per statement rather than by a control-flow graph; which
 * statements run once per iteration only together (one on every arm of an {@code if}/{@code else}
 * or a {@code switch}) is {@link dev.noescape.ir.Arms}, a branch structure rather than a graph;
 * which statements run whenever another does within an iteration is
 * {@link dev.noescape.ir.Dominance}, the dominator and post-dominator trees as two chains of places.
 * These two and the statements that run only on a cache miss ({@link dev.noescape.ir.CacheMisses})
 * are one part of a method's IR, its {@link dev.noescape.ir.ControlFacts}.
 */
package dev.noescape.ir;
