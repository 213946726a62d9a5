/**
 * The bytecode front end: class files to the method IR ({@link dev.noescape.ir}), then the same
 * engine and rules the javac plugin runs. Entry point: {@link dev.noescape.bytecode.BytecodeAnalysis#run}.
 *
 * <h2>The pipeline</h2>
 *
 * <pre>
 *   jars, dirs ──ClassFiles──> class names, versions, Problems
 *              ──SootUp view (one per run, no JDK)──> Jimple, class by class
 *              ──ProgramLowering pass 1──> Hierarchy (program classes; JDK by reflection)
 *              ──ProgramLowering pass 2 / MethodLowering──> MethodIR (bodies dropped after)
 *              ──BackEnd (engine, then rules)──> summaries bottom-up, site states, findings ──> those of the inputs
 * </pre>
 *
 * <p>Files, by concern:
 *
 * <ul>
 *   <li>{@code BytecodeAnalysis} — the run: inputs and class path into one SootUp view, the two passes,
 *       engine and rules, findings filtered to the input classes; target release from the input's
 *       class-file version, Guava from {@code com/google/common/collect/Maps} on the class path.
 *   <li>{@code ClassFiles} — lists class files itself, so every class has a name for a
 *       {@link dev.noescape.bytecode.BytecodeAnalysis.Problem} even when SootUp cannot read it, and
 *       reads what SootUp does not expose: the version, the SourceFile attribute (the findings' file:
 *       package path + SourceFile), the InnerClasses entry that makes a class anonymous, and the
 *       LocalVariableTable of methods that reuse a slot for differently named variables (SootUp names
 *       every variable of a slot after one of them: {@code i#1} for the {@code orders} that took a
 *       finished loop's {@code i}; {@code locals.Locals} renames them by the line of their first store).
 *   <li>{@code Dispatch} — once everything reached is lowered, virtual calls get their overrides from
 *       the lowered classes (the closed world); a JDK method the program implements is closed
 *       dispatch (JDK model joined with the program's implementations), one it does not stays open.
 *   <li>{@code References} — the classes a lowered method reaches: class-path classes are lowered
 *       only when the input reaches them.
 *   <li>{@code ProgramLowering} — pass 1 (hierarchy, anonymous classes' captures) and pass 2
 *       (bodies); the order in which bodies that inherit loop depth and hotness are lowered.
 *   <li>{@code hierarchy.Hierarchy} — declaring classes, varargs, subtypes, overriders, open dispatch.
 *   <li>{@code locals.Locals} — what Jimple locals stand for in the source, symbolic expressions
 *       (below both {@code loop} and {@code lower}, which read it).
 *   <li>{@code lower.MethodLowering} — one Jimple body to one MethodIR; iterating library
 *       methods are {@link dev.noescape.models.IteratingMethods}.
 *   <li>{@code loop.LoopForest} — natural loops from dominators; {@code loop.TripCounts} — javac's loop
 *       shapes and their trip counts.
 * </ul>
 *
 * <h2>Why the JDK is not in the view</h2>
 *
 * <p>SootUp scans every class of a view once type assignment asks for the hierarchy; with the JDK in
 * it that is ~27,000 classes and gigabytes. The front end needs few JDK facts — which class declares
 * an inherited method ({@code StringBuilder.append} is declared in {@code AbstractStringBuilder}, which
 * the IR must not name), whether a method is variable-arity, whether a type is a {@code Collection}
 * or {@code Map}, whether a class is final or generic — and the running JDK answers them by reflection
 * ({@code Class.forName(name, false, platformLoader)}: loaded, never initialized). Local types in
 * Jimple are a little less precise without the JDK; allocation types, call signatures and field
 * references stay exact, and they are all the IR uses.
 *
 * <h2>Memory</h2>
 *
 * <p>The view's class cache is an LRU of a few hundred classes, and a body is built, lowered and
 * dropped; what stays is the IR (and the hierarchy's small records). SootUp's default body
 * interceptors run except constant propagation, copy propagation and the aggregator: they erase
 * javac's locals ({@code int copy = 16; list.add(copy)} would box a constant) and fold the synthetic
 * loop variables the loop shapes are recognised by.
 *
 * <h2>Conventions shared with the javac front end</h2>
 *
 * <ul>
 *   <li>Method owners are the declaring class (resolved up the hierarchy), an inaccessible one replaced
 *       by the class the bytecode names; types erased, nested classes with {@code $}.
 *   <li>Sites: {@code new} ({@code NEW_OBJECT} with the constructor's parameter types and argument
 *       texts), arrays, {@code valueOf(primitive)} of the eight wrappers ({@code BOXING}, constant when
 *       the argument is one), the implicit array of a call to an {@code ACC_VARARGS} method (an
 *       unnamed array passed as the last argument; an explicit {@code new T[]{..}} argument looks the
 *       same in bytecode, an accepted difference), capturing {@code LambdaMetafactory} call sites
 *       ({@code LAMBDA} with the {@code lambda$} body, or {@code METHOD_REF}), anonymous classes
 *       (by the InnerClasses attribute, read with ASM while the class files are listed), {@code makeConcatWithConstants} ({@code STRING_CONCAT}, with the
 *       accumulator when the result is stored back into a local or field among its operands), and
 *       the same for the {@code StringBuilder} chain of Java 8 class files and
 *       {@code -XDstringConcat=inline} ({@code new StringBuilder}, {@code <init>()} or ecj's
 *       {@code <init>(String.valueOf(first))}, {@code append(x)}*, {@code toString()}; also
 *       {@code StringBuffer}): recognised when the builder and every {@code append} result are
 *       operand-stack temporaries used only by the next link, so a builder the user named (or kept
 *       in a slot, or used elsewhere) stays a {@code new}. The site has the {@code new}'s line, where
 *       the expression starts (the indy form has the line of the {@code invokedynamic}, which in a
 *       multi-line concatenation can be a later one).
 *   <li>Lambda bodies: {@code lambda$m$n} with slot 0 the lambda object and javac's leading captured
 *       parameters loaded from it ({@code FieldRef.captured(name)}, names from the LocalVariableTable);
 *       they inherit the creating expression's hotness and loop depth, plus one when the lambda goes to
 *       an iterating method. Anonymous classes' methods inherit the same.
 *   <li>Positions: the line table; column 0. The line is the instruction's (its statement's, or the
 *       last call's before it), not always where the reported expression starts: the source mapper
 *       moves a finding to its expression within the enclosing multi-line statement. Parameters have no line in bytecode: the line before the
 *       first statement (a constructor: its {@code super(...)} call) — the last line of a multi-line
 *       parameter list.
 *   <li>Loops: a statement is once per iteration of its innermost loop when it dominates every latch
 *       and every early exit (break, return, throw) that is not the loop's own test. Statements are
 *       emitted so each loop's ordinals are contiguous (exception handlers join the loop they return to).
 * </ul>
 *
 * <h2>Bad input</h2>
 *
 * <p>Nothing stops a run: an unreadable jar, a class file that is not one (bad header, truncated), a
 * class newer than SootUp reads, a class SootUp cannot build, a method whose body cannot be built or
 * lowered — each is one {@link dev.noescape.bytecode.BytecodeAnalysis.Problem} naming it, and the rest
 * is analyzed.
 */
package dev.noescape.bytecode;
