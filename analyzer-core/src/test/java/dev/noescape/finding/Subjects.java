package dev.noescape.finding;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.SymbolicExpr;
import java.util.ArrayList;
import java.util.List;

/** Structured subjects for tests that build findings by hand, as the bytecode front end would describe them. */
public final class Subjects {
  private Subjects() {}

  /** Site {@code id} of kind {@code kind} at line 0 with {@code details}. */
  public static Subject.Site site(int id, SiteKind kind, String type, AllocSite.Details details) {
    return new Subject.Site(new AllocSite(id, kind, type, new StmtContext(SourcePos.UNKNOWN, -1, 0, false, id), details));
  }

  /** {@code new T(args)} as the bytecode front end writes it: {@code typeText} is {@code ArrayList<>} or {@code Foo}. */
  public static Subject.Site newObject(int id, String type, String typeText, String... args) {
    List<String> params = new ArrayList<>();
    List<SymbolicExpr> forms = new ArrayList<>();
    for (String a : args) {
      params.add("java.lang.Object");
      forms.add(SymbolicExpr.of(a));
    }
    return site(id, SiteKind.NEW_OBJECT, type, new AllocSite.Constructor(params, forms, typeText, null));
  }

  /** {@code boxing prim to Box}: {@code box} fully qualified. */
  public static Subject.Site boxing(int id, String prim, String box) {
    return site(id, SiteKind.BOXING, box, new AllocSite.Boxing(prim, null));
  }

  /** {@code varargs Object[] for Owner.name}. */
  public static Subject.Site varargs(int id, MethodRef callee, int elements) {
    return site(id, SiteKind.VARARGS_ARRAY, "java.lang.Object[]", new AllocSite.Varargs(callee, elements));
  }

  /** {@code lambda capturing 'a', 'b'}. */
  public static Subject.Site lambda(int id, String... captured) {
    return site(id, SiteKind.LAMBDA, "java.lang.Runnable", new AllocSite.Lambda(List.of(captured), List.of()));
  }

  /** {@code bound method reference receiver::method}. */
  public static Subject.Site methodRef(int id, String receiver, String method) {
    return site(id, SiteKind.METHOD_REF, "java.util.function.Supplier",
        new AllocSite.MethodReference(receiver, method, List.of(receiver)));
  }

  /** {@code string +=} of {@code variable} (living across iterations, rewritable), or {@code string concatenation} when null. */
  public static Subject.Site concat(int id, String variable) {
    return site(id, SiteKind.STRING_CONCAT, "java.lang.String", new AllocSite.Concat(
        variable == null ? null : new AllocSite.Accumulator(variable, false, true), null));
  }

  /** {@code param name}. */
  public static Subject.Param param(int slot, String name) {
    return new Subject.Param(slot, name);
  }
}
