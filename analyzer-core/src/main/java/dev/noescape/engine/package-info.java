/**
 * The escape engine: for every allocation site of every method, whether the object escapes
 * ({@link dev.noescape.engine.EscapeState}) and the shortest chain of reasons why; for every
 * method, a {@link dev.noescape.summary.MethodSummary} its callers use. Entry point:
 * {@link dev.noescape.engine.EscapeAnalysis#analyze}.
 *
 * <h2>Per method: a connection graph</h2>
 *
 * <p>A flow-insensitive, field-sensitive points-to graph in the style of Choi et al. (OOPSLA 1999,
 * the analysis HotSpot C2 runs) solved with Andersen-style inclusion constraints
 * ({@link dev.noescape.engine.ConnectionGraph}, propagated by a worklist of points-to deltas over
 * int ids and {@link java.util.BitSet}s). Abstract objects:
 *
 * <ul>
 *   <li>one per {@link dev.noescape.ir.AllocSite};
 *   <li>per parameter slot i, {@code P_i} (the object the parameter refers to on entry) and
 *       {@code C_i} (everything reachable from it on entry; {@code C_i.f = C_i});
 *   <li>{@code GLOBAL}: the heap outside the method — static field values, results of unknown
 *       calls, whatever unknown code can reach ({@code GLOBAL.f = GLOBAL});
 *   <li>per call with a fresh result, {@code R_k} (that result and the fresh objects it holds);
 *       per call whose computed callee stores objects of its own into argument j,
 *       {@code F_kj} (so {@code new Foo().items.add(x)} sees the list the constructor made).
 * </ul>
 *
 * <p>Statements become constraints: {@code x = new} seeds, copies are edges, loads and stores are
 * complex constraints on their base's objects, static loads read GLOBAL. A load of field f reads
 * {@code o.f} and {@code o.CONTENT} ("some field", written by summaries); a load of CONTENT reads
 * every field. Calls apply the callee's summary ({@link dev.noescape.engine.Calls}): which
 * arguments escape, flow to the result, or are stored into the content of other arguments.
 * Returns, throws, static stores and escaping call slots are read afterwards as the direct
 * <em>causes</em> of escape ({@link dev.noescape.engine.Causes}).
 *
 * <p>Stores also define the <em>holder relation</em>: {@code o holds x} when x was stored into a
 * field of o, i.e. x is in the points-to set of o's all-fields node
 * ({@link dev.noescape.engine.HolderGraph}; never materialized as pairs, the first statement of an
 * edge is looked up only for the edges a reason chain walks). Escape is reachability in this
 * relation ({@link dev.noescape.engine.Escapes}): an object escapes globally when it has a direct
 * cause (returned, thrown, stored into a static, passed to a slot that escapes) or is held by
 * something that escapes — GLOBAL, a parameter, a parameter's content, anything escaping, or an
 * object whose content is handed to code that lets it escape. Otherwise it is
 * {@code ARG_ESCAPE} when passed to a call that does not keep it (or held by such an object), else
 * {@code NO_ESCAPE}.
 *
 * <p>Objects that escape to code outside the method's control (not merely returned or stored into
 * a parameter) may have anything stored into them by that code, so their content is given GLOBAL
 * and the graph is propagated again ({@link dev.noescape.engine.Solver}); this only adds facts and
 * ends quickly.
 *
 * <h2>Reasons</h2>
 *
 * <p>{@link dev.noescape.engine.ReasonChains} rebuilds, for every escaping site, the shortest
 * chain from the breadth-first distances: first what happened to the object ({@code stored into
 * Cache.map (line 20)}), then to the object holding it ({@code Cache object is reachable from
 * static field Cache.INSTANCE (line 21)}). Among equally short ways a definite one (a store, a
 * return, a resolved callee) beats an assumed one (a call nothing resolved), then the earliest
 * statement, then the lowest holder id, so output never depends on hash order.
 *
 * <p>A chain ends in its terminal cause, also across calls: a summary's reason for an escaping slot
 * ({@link dev.noescape.summary.ParamTag#why()}, read off the callee's own search in
 * {@link dev.noescape.engine.Leaks}) is where the escape finally happens, not the first call it
 * goes through: {@code passed to Cache.put: … stored in static field Cache.ALL}, the {@code … }
 * marking calls left out between. A callee the engine could not resolve is named for why:
 * {@code passed to unknown Foo.bar} (no body, model or summary), {@code passed to overridable
 * Foo.bar} (a subclass outside the analyzed code may override the body the program has). An
 * escaping parameter is explained by how it escapes, not by the cheapest way it leaves the method.
 * Methods the compiler wrote are named as the front end names them (an accessor {@code access$000}
 * after the member it reaches).
 *
 * <h2>Summaries, bottom-up</h2>
 *
 * <p>{@link dev.noescape.engine.Leaks} reads a method's summary off its solved graph, as Go's
 * escape analysis writes "leaking param" tags: slot i escapes when {@code P_i} is reachable from
 * a global cause; flows to the result when held by (or is) a returned object; is stored into the
 * content of slot j when reachable from {@code P_j} or {@code C_j}; the content tags ask the same of
 * {@code C_i}. A slot may name itself: {@code this.b.add(this.a)} moves what the slot held into
 * something it holds, which reachability from {@code P_i} cannot show, so it is read off what the
 * method stored into {@code P_i}/{@code C_i}; callers apply it like any other slot (after
 * {@code o.m()}, {@code o.b} may hold {@code o.a}). Only for slots that do not escape: for an
 * escaping slot callers already treat everything it reaches as escaped. The result is fresh when every returned object is allocated here (or a fresh callee
 * result) and reachable from nothing global or passed in.
 *
 * <p>{@link dev.noescape.engine.CallGraph} orders the program's methods into strongly connected
 * components, callees first (Tarjan's algorithm with explicit stacks). A component without
 * recursion is analyzed once. A recursive one starts optimistic — nothing escapes, fresh result,
 * no allocation — and its members are re-analyzed while their summaries grow (callers of a changed
 * member are queued again). The lattice is finite and the transfer monotone, so this reaches the
 * least fixpoint; a budget of 30 analyses per member guards against anything else, after which
 * the members get {@link dev.noescape.summary.MethodSummary#unknown} (conservative, never wrong).
 *
 * <h2>Budgets</h2>
 *
 * <p>No input may make a run hang or exhaust memory ({@link dev.noescape.engine.Budget}). The
 * work of every method analysis is counted ({@link dev.noescape.engine.Meter}: words of points-to
 * sets copied, constraints applied, statements), not timed, so the same input always meets the
 * same limits and the output stays deterministic. A method too large, or whose analysis spends
 * its work budget, is not analyzed: its summary is unknown (callers treat it like a call into
 * unknown code), and rules skip it. A recursive component whose fixpoint spends the component's
 * work budget falls back to unknown summaries as above. An opt-in wall-clock deadline stops the
 * run: every method not analyzed by then is skipped the same way. Each hit is a
 * {@link dev.noescape.engine.BudgetHit} of the result, which the front ends report. The largest
 * work spent on one method and on one component ({@link dev.noescape.engine.WorkPeaks}, printed by
 * the command line's {@code --debug}) is what the defaults are calibrated against.
 *
 * <h2>Dispatch</h2>
 *
 * <p>Which code a call can run is decided in one place, {@link dev.noescape.engine.CallTargets},
 * which rules that explain the engine's results walk too. The front end names the callee (the
 * method declaring it), the program's implementations below it and whether dispatch may reach code
 * outside the program; the receiver narrows that down, with facts about classes the front end
 * answers ({@link dev.noescape.ir.TypeHierarchy}):
 *
 * <ul>
 *   <li>an array receiver runs Object's method, which nothing overrides ({@code bytes.clone()} is
 *       Object's {@code clone}, never an override in the program);
 *   <li>a receiver whose class is known exactly ({@link dev.noescape.engine.ExactReceivers}: every
 *       definition of the variable is a {@code new} of that class) runs the one method the class
 *       selects;
 *   <li>otherwise the receiver's static type (the class the call names, before the front end maps
 *       it to the declaring one) keeps only the overrides in its subtypes and supertypes, and
 *       closes dispatch when it is final, or when all its subclasses are the program's and closed
 *       in turn: a sealed type, a class whose constructors are private (only its nest can extend
 *       it), an enum, a local, anonymous or private nested class;
 *   <li>an abstract method of the program never runs: with dispatch closed its overrides are all
 *       there is; with dispatch open it is overridable;
 *   <li>an overridable method that implements a <em>protocol</em> method of the models
 *       ({@code Object#equals}, {@code CharSequence#charAt}, {@code Comparable#compareTo}: TRUST
 *       ASSUMPTION 1, lines marked {@code protocol} in jdk.models) joins the body the program has
 *       with the protocol's model, which holds every unseen override to the contract instead of
 *       leaving it unknown; a megamorphic call to a protocol method takes the model alone.
 * </ul>
 *
 * <p>Summary resolution per target: for a target outside the program that implements a method
 * the library describes (an exact {@code new ArrayList<>()} receiver selecting
 * {@code ArrayList#iterator} for {@code List#iterator}), the described method's summary: the
 * contract every JDK implementation honours (TRUST ASSUMPTION 3), as when the receiver was not
 * known. Otherwise a library summary (hand-checked models; they win), else the
 * computed summary when dispatch is closed and the program has the callee, else, when dispatch is
 * closed, a summary shipped by the callee's jar (an <em>implementation</em> summary: it describes
 * that one method body, so it is no answer for a call an unseen subclass may take over), else
 * unknown; joined over the targets. The summaries a run exports
 * ({@link dev.noescape.engine.AnalysisResult#exported}) fold the side facts the public format cannot
 * say into its tags, conservatively: a callee storing its own or global objects into a slot's
 * content exports that slot as {@code contentEscapes}, a fresh result holding globals as not fresh.
 *
 * <h2>Callbacks invoked and dropped</h2>
 *
 * <p>A slot tagged {@code contentEscapes} but not {@code escapes} ({@code forEach}'s consumer,
 * {@code removeIf}'s predicate, a comparator, and the receiver of the functional interfaces' own
 * methods, {@code supplier.get()} in a program method taking a {@code Supplier}) means: the callee
 * runs the callback during the call and does not keep it; a program method that only invokes its
 * callback parameter gets the same tag from the engine. Not seeing the callback's code, the model must assume that what it captures
 * is exposed to unknown code, so its content escapes. When the object is a {@code LAMBDA},
 * {@code METHOD_REF} or {@code ANONYMOUS_CLASS} site whose code is in the program
 * ({@link dev.noescape.ir.AllocSite.Capture#bodies()}: the lambda body, or the anonymous class's
 * methods and the concrete ones it inherits from program supertypes; none missing, none static),
 * {@link dev.noescape.engine.Calls.Resolver#invocable} reads the bodies' summaries instead: when,
 * for every body, slot 0 (the lambda object, {@code this}) neither escapes nor is returned or
 * stored into another slot, and the same holds for its content, and the body does not store slot 0
 * or its content into slot 0's content (its tag then names slot 0 itself;
 * {@code Calls.Extra.SELF_INTO_0} records the same for the engine), the call does not make the
 * site's content escape: the site is ArgEscape for it.
 *
 * <p>Why that is sound. The captured values are reachable only through the object's synthetic
 * fields, which only its own code reads; the library cannot reach them except by invoking that
 * code, and the slot says it keeps nothing after the call. What invoking a body can do to them is
 * therefore what its summary says of slot 0's content (escape, return to the library, store into an
 * argument, i.e. a value the library shows it), all excluded, plus storing things into them: values
 * the library passes in (already escaped: TRUST ASSUMPTION 4 of jdk.models tags what a callback is
 * shown {@code cesc}/{@code esc} on its own slot), objects the body creates, globals, and other
 * captures (excluded by {@code SELF_INTO_0}). The first three are covered by putting GLOBAL into the
 * content of the site and of everything it reaches ({@code Calls.invoked}), so whatever the caller
 * loads from a captured object afterwards counts as escaped. The object itself: a lambda cannot
 * reference its own instance, so invoking it cannot publish it; an anonymous class's method can
 * publish {@code this}, which its slot-0 tag {@code escapes} then says, and such a site escapes at
 * the call ({@link dev.noescape.engine.Calls.Resolver#publishes}; the library model alone would
 * trust it not to). The bodies get call-graph edges from the method that creates the site, so they
 * are summarized first, or iterate in its component when a body reaches back to it; the verdict
 * only turns conservative as their summaries grow, so the fixpoint still ascends. A slot that keeps
 * the callback ({@code escapes}: executors, threads, stream stages) is unaffected.
 *
 * <h2>Methods that run once</h2>
 *
 * <p>After the summaries, {@link dev.noescape.engine.OneTimeMethods} marks the methods only class
 * initialization calls ({@link dev.noescape.engine.MethodResult#oneTime}): private (or, in a
 * program of whole packages, package-private) methods whose every call and every lambda or method
 * reference that may invoke them is in a static initializer or in another such method. It builds
 * its own caller index rather than reuse the call graph: the call graph leaves out calls a library
 * summary answers and overridable targets, and a missing caller here would make a method look
 * one-time when it is not.
 *
 * <p>{@link dev.noescape.engine.ConstructionMethods} then marks set-up code ({@link
 * dev.noescape.engine.MethodResult#construction}): constructors, static factories and builder
 * methods not marked hot, and the helpers only they run, which run once per object they build. Both
 * are the same closure over that caller index ({@link dev.noescape.engine.CallerClosure}) from
 * different roots.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Never {@code NO_ESCAPE} or {@code ARG_ESCAPE} for an object that can escape: every
 *       imprecision errs toward more points-to facts and more escape.
 *   <li>Deterministic: statements are visited in program order, objects and nodes are int ids,
 *       hashed maps are only ever probed, never iterated for output.
 *   <li>No recursion proportional to program size: call graph, solver and searches use explicit
 *       worklists.
 *   <li>Cost: each object crosses each inclusion edge once, as part of a bit-set delta; deep-content
 *       nodes are shared per variable, so a method calling {@code list.get(i)} a thousand times
 *       builds one.
 * </ul>
 *
 * <h2>Simplifications, on purpose</h2>
 *
 * <ul>
 *   <li>Flow-insensitive (as C2 and Go): a variable points to the union over all paths.
 *   <li>Arrays are one pseudo-field; {@code GLOBAL}, {@code C_i}, {@code R_k} and {@code F_kj} are
 *       field-insensitive regions.
 *   <li>When a summary stores into "the content of slot j", the value lands in the content of the
 *       argument's objects and of what they reach through named fields, not through library
 *       content: elements of one list do not appear to hold each other.
 *   <li>Library summaries are trusted to describe every effect through their tags. Computed
 *       summaries carry three more facts in the engine ({@code Calls.Extra}: the callee stores its
 *       own or global objects into an argument; its result is only what the tags say) that the
 *       public summary format cannot hold yet.
 *   <li>A virtual call with more than {@code Calls.Resolver.MEGAMORPHIC} (32) implementations left
 *       after the receiver narrowed them is unknown (or a protocol method's model) and adds no
 *       call-graph edge. C2 does not inline such a call either, so the JIT could not remove what it
 *       is handed anyway; following it would join every implementation at every call site (work ~
 *       call sites × implementations) and merge large parts of the program into one component.
 *   <li>Summaries are not specialised to a call's receiver: a method's own calls on {@code this}
 *       are resolved for any subclass, even where the caller knows the receiver's class exactly
 *       ({@code new Builder(…)}'s constructor calling an overridable setter stays overridable).
 *   <li>A class whose constructors are private or synthetic is taken to be extended only by its
 *       nest, which is compiled into the same jar: javac's access constructors before Java 11 are
 *       callable by bytecode of the same package, which source never writes.
 *   <li>Other threads are not modelled: an object held only by a parameter is not assumed to be
 *       written concurrently.
 * </ul>
 */
package dev.noescape.engine;
