package dev.noescape.profile;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.finding.Hotness;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Joins a recording's allocation samples to the engine's results for the analyzed program.
 *
 * <p>The samples are first credited to the program's frames ({@link Attribution}: the first frame of
 * each stack inside the program, with the frames above it as the path); each such frame is then
 * matched to what the engine knows of its method.
 *
 * <h2>Matching a frame to the analysis</h2>
 *
 * <p>The frame's method is the analyzed method with the same key, else the only one of that name in
 * the class (lambda bodies: the engine leaves out their captured parameters), else one of the class's
 * methods with a site or call on the frame's line. Within it, in order:
 *
 * <ol>
 *   <li>the allocation site at the frame's bytecode offset (the bytecode front end records it: a
 *       {@code new}, a {@code newarray}, the {@code invokestatic} of a boxing {@code valueOf}, the
 *       {@code invokedynamic} of a concatenation or a lambda);
 *   <li>the call at that offset: the callee allocated. A constructor's allocations, and those of a
 *       call that fills the object ({@link #FILLS}: {@code add}, {@code put}, {@code append}, …),
 *       belong to the object the call is made on when the method allocated it at one site (the
 *       array a list grows while it is filled is the cost of that list); any other call is the
 *       verdict itself ({@link Verdict.InsideCallee}: the callee allocated, at the program's request);
 *   <li>without an offset (the javac front end, a line SootUp's statements and the class file
 *       disagree on), the line: the site whose kind and type fit the allocated class and the callee
 *       the frame called ({@code Integer.valueOf} → a boxing to {@code Integer}; the concatenation
 *       helpers → a concatenation; the frame's own allocation → a site of that class), else a call on
 *       the line to the method the frame called, as above;
 *   <li>otherwise the place is {@link Verdict.Unmatched}: not explained.
 * </ol>
 *
 * <p>The result is deterministic: places are ordered by bytes, then file, line, method and site.
 */
public final class ProfileJoin {
  private ProfileJoin() {}

  /**
   * Calls that put something into the object they are made on, so that its internal storage grows:
   * the costs {@code UnpresizedCollection} and {@code HashMapCapacity} are about, and a builder's
   * buffer.
   */
  static final Set<String> FILLS = Set.of("add", "addAll", "addFirst", "addLast", "offer", "offerFirst", "offerLast",
      "push", "put", "putAll", "putIfAbsent", "merge", "compute", "computeIfAbsent", "computeIfPresent", "append",
      "insert", "write", "ensureCapacity", "addElement", "insertElementAt", "set", "setLength");

  /** Parts listed per place: the heaviest allocated classes and paths. */
  static final int PARTS = 5;

  private static final Set<String> WRAPPERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
      "java.lang.Character", "java.lang.Float", "java.lang.Double", "java.lang.Byte", "java.lang.Boolean");

  /**
   * The ranking of {@code profile} over the analyzed program.
   *
   * @param programClass whether a class (binary name) belongs to the analyzed program
   * @param methods the engine's results for the program's methods
   * @param predictor what the JIT does with sites that do not escape ({@link RuntimePredictor#NONE})
   */
  public static ProfileRanking join(AllocationProfile profile, Predicate<String> programClass, List<MethodResult> methods,
      RuntimePredictor predictor) {
    return join(Attribution.of(profile, programClass), methods, predictor);
  }

  /**
   * The ranking of samples already credited to the program's frames over the engine's results for
   * {@code methods} (all of the program's, or those of one compilation unit: frames of other methods
   * are then places the analysis has nothing for).
   */
  public static ProfileRanking join(Attribution attribution, List<MethodResult> methods, RuntimePredictor predictor) {
    Methods index = new Methods(methods);
    Map<Place.Key, Sum> places = new LinkedHashMap<>();
    for (Attribution.Hit hit : attribution.hits()) {
      Credit c = credit(index, hit.at(), hit.via(), hit.objectClass());
      Sum sum = places.computeIfAbsent(c.place().key(), p -> new Sum(c.place()));
      sum.bytes += hit.bytes();
      sum.samples += hit.samples();
      if (c.inside()) sum.inside += hit.bytes();
      sum.parts.merge(new PartKey(hit.objectClass(), hit.via()), hit.bytes(), Long::sum);
    }
    List<HotSite> sites = new ArrayList<>(places.size());
    long program = 0;
    long explained = 0;
    for (Sum sum : places.values()) {
      HotSite h = sum.place.toSite(sum, predictor);
      sites.add(h);
      program += h.bytes();
      if (h.verdict().explained()) explained += h.bytes();
    }
    sites.sort(Comparator.comparingLong(HotSite::bytes).reversed()
        .thenComparing(HotSite::file)
        .thenComparingInt(HotSite::line)
        .thenComparing(HotSite::methodKey)
        .thenComparingInt(HotSite::siteId)
        .thenComparingInt(HotSite::bci)
        .thenComparing(HotSite::what));
    return ProfileRanking.of(attribution.recordings(), attribution.problems(), attribution.sampledBytes(), program,
        explained, attribution.outsideBytes(), sites);
  }

  /** Where a sample goes, and whether it was allocated inside a call on a site's object (its constructor, a fill call). */
  private record Credit(Place place, boolean inside) {}

  private static Credit credit(Methods index, Frame at, List<Frame> via, String objectClass) {
    MethodResult mr = index.find(at);
    if (mr == null) return new Credit(Place.unmatched(at, "method not analyzed"), false);
    MethodIR m = mr.method();
    Frame callee = via.isEmpty() ? null : via.get(0);
    if (at.bci() >= 0) {
      for (AllocSite s : m.sites()) if (s.pos().bci() == at.bci()) return new Credit(Place.site(mr, s, false), false);
      for (Stmt st : m.stmts()) {
        if (st instanceof Stmt.Call c && c.ctx().pos().bci() == at.bci()) return call(mr, c, callee, false);
      }
    }
    // By line: the site that fits the allocated class and the callee; for an array the frame allocated
    // itself, any array site of the line when none has its exact type (javac erases a varargs T[]).
    AllocSite best = null;
    AllocSite anyArray = null;
    for (AllocSite s : m.sites()) {
      if (s.pos().line() != at.line()) continue;
      if (fits(s, callee, objectClass) && (best == null || s.id() < best.id())) best = s;
      if (callee == null && objectClass.endsWith("[]") && (s.kind() == SiteKind.NEW_ARRAY || s.kind() == SiteKind.VARARGS_ARRAY)
          && (anyArray == null || s.id() < anyArray.id())) {
        anyArray = s;
      }
    }
    if (best == null) best = anyArray;
    if (best != null) return new Credit(Place.site(mr, best, true), false);
    if (callee != null) {
      for (Stmt st : m.stmts()) {
        if (st instanceof Stmt.Call c && c.ctx().pos().line() == at.line() && c.callee().name().equals(callee.method())) {
          return call(mr, c, callee, true);
        }
      }
    }
    String why = callee == null
        ? "no allocation site of " + objectClass + " on this line"
        : "no site or call of " + callee.displayName() + " on this line";
    return new Credit(Place.unmatched(mr, at, why), false);
  }

  /** A call the callee allocated in: its object's growth, or the callee's own allocation. */
  private static Credit call(MethodResult mr, Stmt.Call c, Frame callee, boolean byLine) {
    boolean instance = !c.callee().isStatic() && !c.args().isEmpty();
    if (instance && (c.callee().isConstructor() || FILLS.contains(c.callee().name()))) {
      Set<Integer> objects = mr.sitesOf(c.args().get(0));
      if (objects.size() == 1) {
        AllocSite s = mr.method().site(objects.iterator().next());
        return new Credit(Place.site(mr, s, byLine), true);
      }
    }
    String name = callee != null ? callee.displayName() : c.callee().displayName();
    return new Credit(Place.call(mr, c, name, callee == null || callee.isJdk(), byLine), false);
  }

  /**
   * Whether site {@code s} can have made an object of {@code objectClass} when its line's frame
   * called {@code callee} (null: the frame itself allocated).
   */
  static boolean fits(AllocSite s, Frame callee, String objectClass) {
    SiteKind k = s.kind();
    if (callee == null) {
      return (k == SiteKind.NEW_OBJECT || k == SiteKind.ANONYMOUS_CLASS || k == SiteKind.NEW_ARRAY
          || k == SiteKind.VARARGS_ARRAY) && s.type().equals(objectClass);
    }
    String type = callee.type();
    return switch (k) {
      case BOXING -> callee.method().equals("valueOf") && WRAPPERS.contains(type) && type.equals(s.type());
      case STRING_CONCAT -> type.equals("java.lang.StringConcatHelper") || type.startsWith("java.lang.invoke.")
          || type.equals("java.lang.StringBuilder") || type.equals("java.lang.AbstractStringBuilder")
          || (type.equals("java.lang.String") && callee.method().equals("concat"));
      case LAMBDA, METHOD_REF -> type.contains("$$Lambda") || type.startsWith("java.lang.invoke.");
      default -> false;
    };
  }

  /** The analyzed methods by key, by class and name, and by class. */
  private static final class Methods {
    final Map<String, MethodResult> byKey = new HashMap<>();
    final Map<String, List<MethodResult>> byName = new HashMap<>();
    final Map<String, List<MethodResult>> byClass = new HashMap<>();

    Methods(List<MethodResult> methods) {
      for (MethodResult mr : methods) {
        var ref = mr.method().ref();
        byKey.putIfAbsent(ref.key(), mr);
        byName.computeIfAbsent(ref.owner() + "#" + ref.name(), k -> new ArrayList<>()).add(mr);
        byClass.computeIfAbsent(ref.owner(), k -> new ArrayList<>()).add(mr);
      }
    }

    MethodResult find(Frame f) {
      MethodResult mr = byKey.get(f.methodKey());
      if (mr != null) return mr;
      List<MethodResult> named = byName.getOrDefault(f.type() + "#" + f.method(), List.of());
      if (named.size() == 1) return named.get(0);
      // A lambda body whose captured parameters the engine left out, or a javac-named one: by line.
      List<MethodResult> candidates = named.isEmpty() ? byClass.getOrDefault(f.type(), List.of()) : named;
      MethodResult found = null;
      for (MethodResult c : candidates) {
        if (f.line() > 0 && hasLine(c.method(), f.line())) {
          if (found == null || c.method().synthetic() && !found.method().synthetic()) found = c;
        }
      }
      return found;
    }

    private static boolean hasLine(MethodIR m, int line) {
      for (Stmt st : m.stmts()) {
        if ((st instanceof Stmt.Call || st instanceof Stmt.Alloc) && st.ctx().pos().line() == line) return true;
      }
      return false;
    }
  }

  private record PartKey(String objectClass, List<Frame> via) {}

  private static final class Sum {
    final Place place;
    long bytes;
    long samples;
    long inside;
    final Map<PartKey, Long> parts = new HashMap<>();

    Sum(Place place) {
      this.place = place;
    }

    List<HotSite.Part> heaviestParts() {
      List<Map.Entry<PartKey, Long>> all = new ArrayList<>(parts.entrySet());
      all.sort(Map.Entry.<PartKey, Long>comparingByValue().reversed()
          .thenComparing(e -> e.getKey().objectClass())
          .thenComparing(e -> e.getKey().via().toString()));
      List<HotSite.Part> out = new ArrayList<>();
      for (int i = 0; i < Math.min(PARTS, all.size()); i++) {
        out.add(new HotSite.Part(all.get(i).getKey().objectClass(), all.get(i).getKey().via(), all.get(i).getValue()));
      }
      return out;
    }
  }

  /**
   * A place samples are credited to: a site (by method and id), a call (by method, line and offset)
   * or an unmatched frame (by method and line).
   */
  private record Place(String methodKey, int siteId, int line, int bci, String what, MethodResult mr, AllocSite site,
      Stmt.Call call, Verdict fixed, String method, String file, boolean byLine) {

    /** What tells places apart (a record's equality would compare the engine's whole results). */
    record Key(String methodKey, int siteId, int line, int bci, String what) {}

    Key key() {
      return new Key(methodKey, siteId, line, bci, what);
    }

    static Place site(MethodResult mr, AllocSite s, boolean byLine) {
      MethodIR m = mr.method();
      return new Place(m.ref().key(), s.id(), s.pos().line(), s.pos().bci(), s.description(), mr, s, null, null,
          m.displayName(), file(m), byLine && !s.pos().hasBci());
    }

    static Place call(MethodResult mr, Stmt.Call c, String callee, boolean jdk, boolean byLine) {
      MethodIR m = mr.method();
      return new Place(m.ref().key(), -1, c.ctx().pos().line(), c.ctx().pos().bci(), "call to " + callee, mr, null, c,
          new Verdict.InsideCallee(callee, jdk), m.displayName(), file(m), byLine && !c.ctx().pos().hasBci());
    }

    static Place unmatched(MethodResult mr, Frame f, String why) {
      MethodIR m = mr.method();
      return new Place(m.ref().key(), -1, f.line(), -1, f.toString(), mr, null, null, new Verdict.Unmatched(why),
          m.displayName(), file(m), false);
    }

    static Place unmatched(Frame f, String why) {
      String simple = f.type().substring(f.type().lastIndexOf('.') + 1);
      return new Place(f.methodKey(), -1, f.line(), -1, f.toString(), null, null, null, new Verdict.Unmatched(why),
          simple + "." + f.method(), sourceFileOf(f.type()), false);
    }

    private static String file(MethodIR m) {
      return m.sourceFile() == null ? "" : m.sourceFile();
    }

    HotSite toSite(Sum sum, RuntimePredictor predictor) {
      Verdict v = fixed;
      int hotness = 0;
      if (site != null) {
        SiteResult r = mr.site(site);
        v = new Verdict.Site(r.state(), r.chain(),
            r.state() == EscapeState.GLOBAL_ESCAPE ? java.util.Optional.empty() : predictor.predict(mr, r));
        hotness = Hotness.of(mr.method(), site);
        // ranked as the rules rank the site's finding (SiteRule); the profile view has no
        // ReportOutsideLoops, and the front ends mark configured hot annotations on the method
        hotness = Hotness.inColdMethod(hotness, mr.method(), site, mr.methodCold(site, mr.method().markedHot()));
      } else if (call != null) {
        MethodIR m = mr.method();
        var loop = m.loop(call.ctx().loopId());
        hotness = Hotness.rank(call.ctx().loopDepth(), loop != null && loop.hasTripCount(), m.hot(), null);
      }
      return new HotSite(methodKey, method, file, line, bci, siteId, what, v, sum.bytes, sum.samples, sum.inside,
          sum.heaviestParts(), hotness, byLine);
    }
  }

  /** {@code com/acme/Book.java} for {@code com.acme.Book$Level}: where javac puts a class's source. */
  static String sourceFileOf(String type) {
    String outer = type;
    int dollar = outer.indexOf('$');
    if (dollar > 0) outer = outer.substring(0, dollar);
    return outer.replace('.', '/') + ".java";
  }
}
