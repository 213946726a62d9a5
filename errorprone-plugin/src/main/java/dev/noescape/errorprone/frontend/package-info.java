/**
 * The javac front end: attributed javac trees of one compilation unit to the method IR
 * ({@link dev.noescape.ir}). Entry point: {@link dev.noescape.errorprone.frontend.JavacFrontEnd#build}.
 *
 * <p>Classes:
 *
 * <ul>
 *   <li>{@code JavacFrontEnd} — the entry point; never throws.
 *   <li>{@code UnitContext} — per-unit services, the queue of nested bodies, fault isolation, results.
 *   <li>{@code UnitIndex} — one scan of the unit: javac's lambda names, declared methods for
 *       {@code overrides} and {@code dispatchOpen}.
 *   <li>{@code ClassLowering} — members of a class: methods, constructors with the instance
 *       initializers, {@code <clinit>}, lambda bodies.
 *   <li>{@code BodyLowering} — the statement and expression walk of one body.
 *   <li>{@code LoopTripCounts} — trip counts and the reasons when there is none.
 *   <li>{@code Captures} — what a lambda or local/anonymous class captures.
 *   <li>{@code Descriptors}, {@code Positions} — naming and source positions.
 * </ul>
 *
 * <p>Decisions worth knowing when reading the IR it produces:
 *
 * <ul>
 *   <li>Method owners are the class declaring the method javac resolved; when that class is not
 *       accessible from the call site (a package-private JDK class such as
 *       {@code AbstractStringBuilder}) the receiver's static type is named instead, as in bytecode.
 *   <li>Constructors: slot 0 the new object; enum constructors have {@code (java.lang.String, int)}
 *       and inner member classes the enclosing instance before the declared parameters, as in
 *       bytecode. Local and anonymous class constructors do not get javac's appended captured
 *       values: captures are {@code FieldRef.captured} stores after the allocation instead.
 *   <li>Instance field initializers and instance initializer blocks are lowered into every
 *       constructor that calls {@code super(...)}, right after that call; the lambda and
 *       anonymous-class bodies inside them are lowered once.
 *   <li>{@code finally} blocks are lowered unconditionally, after the {@code try} body and before
 *       the {@code catch} blocks (which are conditional).
 *   <li>{@code MethodIR.sourceFile} is the path of the unit's URI, or the file object's name when the
 *       URI has no path (in-memory sources).
 *   <li>Lambda bodies: {@code lambda$<method>$<n>} following the running javac's numbering (javac 23+
 *       per method name, outer first; older javac per class, inner first); slot 0 is the lambda
 *       object, captured values are loaded from it. {@link
 *       dev.noescape.errorprone.frontend.FrontEndResult#functionalBodies()} links each capturing
 *       lambda and anonymous-class site to the bodies its object runs.
 * </ul>
 */
package dev.noescape.errorprone.frontend;
