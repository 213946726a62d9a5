package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Test fixtures: IR written by hand with {@link MethodIRBuilder}, engine results written by hand. */
final class Fx {
  private Fx() {}

  static final String FILE = "src/main/java/com/acme/OrderBook.java";

  static MethodIRBuilder method(String name) {
    return method("com.acme.OrderBook", name, FILE, false);
  }

  static MethodIRBuilder method(String owner, String name, String file, boolean isStatic) {
    MethodRef ref = new MethodRef(owner, name, List.of(), "void", isStatic);
    String simple = owner.substring(owner.lastIndexOf('.') + 1);
    return new MethodIRBuilder(ref, simple + "." + name, file, SourcePos.line(1));
  }

  static SourcePos at(int line) {
    return SourcePos.of(line, 9);
  }

  static MethodRef ref(String owner, String name, String ret, boolean isStatic, String... params) {
    return new MethodRef(owner, name, Arrays.asList(params), ret, isStatic);
  }

  /** An instance call {@code recv.name(args)} whose parameters are all {@code Object}. */
  static Stmt.Call call(MethodIRBuilder b, Var recv, String owner, String name, int line, Var... args) {
    String[] ps = new String[args.length];
    Arrays.fill(ps, "java.lang.Object");
    List<Var> slots = new ArrayList<>();
    slots.add(recv);
    slots.addAll(Arrays.asList(args));
    return b.call(null, ref(owner, name, "java.lang.Object", false, ps), slots, at(line));
  }

  /** {@code new T()} with the default constructor, plus its {@code <init>} call. */
  static AllocSite newDefault(MethodIRBuilder b, Var target, String type, int line) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    AllocSite s = b.alloc(target, SiteKind.NEW_OBJECT, type, at(line),
        new AllocSite.Constructor(List.of(), List.of(), simple + "<>", null));
    b.call(null, ref(type, MethodRef.CONSTRUCTOR, "void", false), List.of(target), at(line));
    return s;
  }

  /** {@code new T(n)} with the one-int constructor, plus its {@code <init>} call. */
  static AllocSite newSized(MethodIRBuilder b, Var target, String type, SymbolicExpr n, int line) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    AllocSite s = b.alloc(target, SiteKind.NEW_OBJECT, type, at(line),
        new AllocSite.Constructor(List.of("int"), List.of(n), simple + "<>", null));
    List<Var> slots = new ArrayList<>();
    slots.add(target);
    slots.add(null);
    b.call(null, ref(type, MethodRef.CONSTRUCTOR, "void", false, "int"), slots, at(line));
    return s;
  }

  static RuleContext ctx(int release, boolean guava, boolean outside, int verbosity) {
    return new RuleContext(release, guava, outside, verbosity, Set.of());
  }

  static RuleContext defaults() {
    return RuleContext.defaults();
  }

  static Reason reason(Reason.Kind kind, String text, int line) {
    return new Reason(kind, text, SourcePos.line(line));
  }

  /** Asserts {@code fs} is one finding of {@code rule}, with {@code severity} and {@code message}; returns it. */
  static Finding onlyFinding(List<Finding> fs, RuleId rule, Severity severity, String message) {
    assertEquals(1, fs.size());
    Finding f = fs.get(0);
    assertEquals(message, f.message());
    assertEquals(rule, f.rule());
    assertEquals(severity, f.severity());
    return f;
  }

  static List<String> messages(List<Finding> fs) {
    List<String> out = new ArrayList<>();
    for (Finding f : fs) out.add(f.message());
    return out;
  }

  /** Builds a {@link MethodResult} by hand: every site NO_ESCAPE unless told, every param NONE unless told. */
  static final class Results {
    private final MethodIR ir;
    private final List<SiteResult> sites = new ArrayList<>();
    private final List<ParamTag> tags = new ArrayList<>();
    private final List<List<Reason>> chains = new ArrayList<>();
    private final Map<Integer, Set<Integer>> pointsTo = new HashMap<>();

    Results(MethodIR ir) {
      this.ir = ir;
      for (AllocSite s : ir.sites()) sites.add(new SiteResult(s, EscapeState.NO_ESCAPE, List.of()));
      for (int i = 0; i < ir.params().size(); i++) {
        tags.add(ParamTag.NONE);
        chains.add(List.of());
      }
      // The only points-to fact derived automatically: the target of an allocation points to its site.
      for (Stmt st : ir.stmts()) {
        if (st instanceof Stmt.Alloc a && a.target() != null) pointsTo(a.target(), a.site());
      }
    }

    static Results of(MethodIR ir) {
      return new Results(ir);
    }

    Results state(AllocSite s, EscapeState state, Reason... chain) {
      sites.set(s.id(), new SiteResult(s, state, List.of(chain)));
      return this;
    }

    Results pointsTo(Var v, AllocSite... ss) {
      Set<Integer> set = pointsTo.computeIfAbsent(v.id(), k -> new TreeSet<>());
      for (AllocSite s : ss) set.add(s.id());
      return this;
    }

    Results param(int slot, ParamTag tag, Reason... chain) {
      tags.set(slot, tag);
      chains.set(slot, List.of(chain));
      return this;
    }

    MethodResult build() {
      MethodSummary summary = new MethodSummary(tags, false, Allocates.NO, "computed");
      Map<Integer, Set<Integer>> pt = new HashMap<>();
      pointsTo.forEach((k, v) -> pt.put(k, Set.copyOf(v)));
      return new MethodResult(ir, sites, summary, chains, pt);
    }
  }
}
