package dev.noescape.bench;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic program of library shape, the engine benchmark's fixed workload.
 *
 * <p>{@code classes} classes {@code bench.C<i>}, each with three instance fields, one static field
 * and {@code methodsPerClass} instance methods of two object parameters. Every method body is drawn
 * from a {@link Random} with a fixed seed, from the statement mix real code lowers to: objects made
 * and kept local, stored into fields or statics, or returned; a list filled in a counted loop with
 * boxed ints (UnpresizedCollection, BoxingAllocation); varargs arrays for {@code String.format};
 * capturing lambdas handed to {@code List.forEach}; string accumulation in a loop; field loads and
 * stores through parameters; and calls. Calls stay within a "package" of four classes (both ways, so
 * the call graph has strongly connected components of up to 40 methods, as real code has, and the
 * solver iterates) or go "down" to a later package, as code calls its helpers. Every tenth
 * call is virtual with open dispatch. The JDK calls are the real models' keys, so the engine reads
 * {@code JdkModels} as it does on real code.
 *
 * <p>Same arguments, same program: benchmark results are comparable across commits as long as this
 * class does not change.
 */
final class SyntheticProgram {
  private SyntheticProgram() {}

  /** Classes per "package": calls cycle within one, never back to an earlier one. */
  private static final int GROUP = 2;

  private static final String OBJ = "java.lang.Object";
  private static final String LIST = "java.util.List";
  private static final String ARRAY_LIST = "java.util.ArrayList";
  private static final MethodRef LIST_INIT = new MethodRef(ARRAY_LIST, MethodRef.CONSTRUCTOR, List.of(), "void", false);
  private static final MethodRef LIST_ADD = new MethodRef(LIST, "add", List.of(OBJ), "boolean", false);
  private static final MethodRef FOR_EACH = new MethodRef(ARRAY_LIST, "forEach", List.of("java.util.function.Consumer"), "void", false);
  private static final MethodRef FORMAT =
      new MethodRef("java.lang.String", "format", List.of("java.lang.String", "java.lang.Object[]"), "java.lang.String", true);

  /** The program of {@code classes * methodsPerClass} methods drawn from {@code seed}. */
  static Program generate(int classes, int methodsPerClass, long seed) {
    Random rnd = new Random(seed);
    MethodRef[][] refs = new MethodRef[classes][methodsPerClass];
    for (int c = 0; c < classes; c++) {
      for (int m = 0; m < methodsPerClass; m++) refs[c][m] = new MethodRef(owner(c), "m" + m, List.of(OBJ, OBJ), OBJ, false);
    }
    List<MethodIR> methods = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      for (int m = 0; m < methodsPerClass; m++) methods.add(method(rnd, refs, c, m));
    }
    return new Program(methods);
  }

  private static String owner(int c) {
    return "bench.C" + c;
  }

  private static MethodIR method(Random rnd, MethodRef[][] refs, int c, int m) {
    MethodRef ref = refs[c][m];
    MethodIRBuilder b = new MethodIRBuilder(ref, ref.displayName(), "C" + c + ".java", SourcePos.line(1));
    Var self = b.param("this", ref.owner(), SourcePos.line(1));
    Var p = b.param("p", OBJ, SourcePos.line(1));
    Var q = b.param("q", OBJ, SourcePos.line(1));
    List<Var> locals = new ArrayList<>();
    for (int i = 0; i < 6; i++) locals.add(b.local("v" + i, OBJ));
    FieldRef[] fields = {new FieldRef(ref.owner(), "f0", false), new FieldRef(ref.owner(), "f1", false),
        new FieldRef(ref.owner(), "f2", false)};
    FieldRef statics = new FieldRef(ref.owner(), "S", true);
    int line = 2;
    int statements = 12 + rnd.nextInt(16);
    for (int k = 0; k < statements; k++, line += 2) {
      Var x = locals.get(rnd.nextInt(locals.size()));
      Var y = pick(rnd, locals, p, q, self);
      SourcePos at = SourcePos.line(line);
      switch (rnd.nextInt(16)) {
        case 0, 1, 2 -> newObject(b, x, "bench.D" + rnd.nextInt(8), at);
        case 3 -> b.store(self, fields[rnd.nextInt(3)], y, at);
        case 4 -> b.store(pick(rnd, locals, p, q, self), fields[rnd.nextInt(3)], x, at);
        case 5 -> b.load(x, pick(rnd, locals, p, q, self), fields[rnd.nextInt(3)], at);
        case 6 -> b.copy(x, y, at);
        case 7 -> {
          if (rnd.nextInt(4) == 0) b.staticStore(statics, y, at);
          else b.staticLoad(x, statics, at);
        }
        case 8, 9, 10 -> call(b, rnd, refs, c, x, self, y, at);
        case 11 -> fillList(b, x, line);
        case 12 -> format(b, x, y, at);
        case 13 -> capture(b, x, y, ref, at);
        case 14 -> concatInLoop(b, line);
        default -> b.ret(y, at);
      }
    }
    b.ret(pick(rnd, locals, p, q, self), SourcePos.line(line));
    return b.build();
  }

  private static Var pick(Random rnd, List<Var> locals, Var p, Var q, Var self) {
    int i = rnd.nextInt(locals.size() + 3);
    return i < locals.size() ? locals.get(i) : i == locals.size() ? p : i == locals.size() + 1 ? q : self;
  }

  /** {@code x = new T()}. */
  private static void newObject(MethodIRBuilder b, Var x, String type, SourcePos at) {
    b.alloc(x, SiteKind.NEW_OBJECT, type, at,
        new AllocSite.Constructor(List.of(), List.of(), type.substring(type.lastIndexOf('.') + 1), null));
    b.call(null, new MethodRef(type, MethodRef.CONSTRUCTOR, List.of(), "void", false), List.of(x), at);
  }

  /**
   * {@code x = C<j>.m<k>(this, y, x)}: half the calls stay in the class's package (its group of
   * {@value #GROUP} classes, either way: cycles), the others go to a later group (helpers).
   */
  private static void call(MethodIRBuilder b, Random rnd, MethodRef[][] refs, int c, Var x, Var self, Var y, SourcePos at) {
    int classes = refs.length;
    int group = c / GROUP * GROUP;
    int target = rnd.nextInt(3) == 0
        ? Math.min(classes - 1, group + rnd.nextInt(GROUP))
        : Math.min(classes - 1, group + GROUP * (1 + rnd.nextInt(3)) + rnd.nextInt(GROUP));
    MethodRef callee = refs[target][rnd.nextInt(refs[target].length)];
    boolean open = rnd.nextInt(10) == 0;
    b.call(rnd.nextBoolean() ? x : null, callee, List.of(self, y, x), List.of(), open, List.of(), at);
  }

  /** {@code x = new ArrayList<>(); for (int i = 0; i < n; i++) x.add(i);} */
  private static void fillList(MethodIRBuilder b, Var x, int line) {
    b.alloc(x, SiteKind.NEW_OBJECT, ARRAY_LIST, SourcePos.line(line),
        new AllocSite.Constructor(List.of(), List.of(), "ArrayList<>", null));
    b.call(null, LIST_INIT, List.of(x), SourcePos.line(line));
    b.beginLoop(LoopKind.FOR, SourcePos.line(line + 1), SymbolicExpr.of("n"), null);
    Var boxed = b.temp("java.lang.Integer");
    b.alloc(boxed, SiteKind.BOXING, "java.lang.Integer", SourcePos.line(line + 1), new AllocSite.Boxing("int", null));
    b.call(null, LIST_ADD, List.of(x, boxed), SourcePos.line(line + 1));
    b.endLoop();
  }

  /** {@code x = String.format("%s", y)}: the implicit Object[] of a varargs call. */
  private static void format(MethodIRBuilder b, Var x, Var y, SourcePos at) {
    Var array = b.temp("java.lang.Object[]");
    b.alloc(array, SiteKind.VARARGS_ARRAY, "java.lang.Object[]", at, new AllocSite.Varargs(FORMAT, 1));
    b.store(array, FieldRef.ARRAY_ELEMENT, y, at);
    Var pattern = b.temp("java.lang.String");
    b.call(x, FORMAT, List.of(pattern, array), at);
  }

  /** {@code list.forEach(e -> use(y, e))}: a lambda capturing {@code y}. */
  private static void capture(MethodIRBuilder b, Var x, Var y, MethodRef enclosing, SourcePos at) {
    Var lambda = b.temp("java.util.function.Consumer");
    b.alloc(lambda, SiteKind.LAMBDA, "java.util.function.Consumer", at, new AllocSite.Lambda(List.of("y"), List.of()));
    b.store(lambda, new FieldRef(enclosing.owner() + "$$Lambda", "arg$1", false), y, at);
    b.call(null, FOR_EACH, List.of(x, lambda), at);
  }

  /** {@code String s = ""; for (...) s += i;} */
  private static void concatInLoop(MethodIRBuilder b, int line) {
    Var s = b.temp("java.lang.String");
    b.beginLoop(LoopKind.FOREACH_ITERABLE, SourcePos.line(line), null, "iterates a collection");
    b.alloc(s, SiteKind.STRING_CONCAT, "java.lang.String", SourcePos.line(line + 1),
        new AllocSite.Concat(new AllocSite.Accumulator("s", false, true), null));
    b.endLoop();
  }
}
