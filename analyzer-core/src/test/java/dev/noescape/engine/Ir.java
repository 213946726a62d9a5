package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small helpers to write IR by hand in tests. */
final class Ir {
  private Ir() {}

  static final String OBJ = "java.lang.Object";

  static SourcePos at(int line) {
    return SourcePos.line(line);
  }

  static MethodRef stat(String owner, String name, String... params) {
    return new MethodRef(owner, name, List.of(params), OBJ, true);
  }

  static MethodRef inst(String owner, String name, String... params) {
    return new MethodRef(owner, name, List.of(params), OBJ, false);
  }

  static MethodRef ctor(String owner, String... params) {
    return new MethodRef(owner, MethodRef.CONSTRUCTOR, List.of(params), "void", false);
  }

  static MethodIRBuilder method(MethodRef ref) {
    return new MethodIRBuilder(ref, ref.displayName(), "T.java", at(1));
  }

  static FieldRef field(String owner, String name) {
    return new FieldRef(owner, name, false);
  }

  static FieldRef staticField(String owner, String name) {
    return new FieldRef(owner, name, true);
  }

  /** {@code target = new Type()} at {@code line}. */
  static AllocSite newObj(MethodIRBuilder b, Var target, String type, int line) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return b.alloc(target, SiteKind.NEW_OBJECT, type, at(line), new AllocSite.Constructor(List.of(), List.of(), simple, null));
  }

  /** Declares the local {@code name} of {@code type}, then {@code name = new Type()} at {@code line}. */
  static Var newLocal(MethodIRBuilder b, String name, String type, int line) {
    Var v = b.local(name, type);
    newObj(b, v, type, line);
    return v;
  }

  /**
   * A ring of {@code size} static methods of {@code owner}, {@code m0 … m(size-1)}, each passing its
   * argument to the next (line 3); with {@code leak}, the middle one also stores it into the static
   * field {@code SINK} (line 2). One strongly connected component.
   */
  static java.util.List<MethodIR> ring(String owner, int size, boolean leak) {
    java.util.List<MethodIR> ms = new java.util.ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      MethodIRBuilder b = method(stat(owner, "m" + i, OBJ));
      Var o = b.param("o", OBJ, at(1));
      if (leak && i == size / 2) b.staticStore(staticField(owner, "SINK"), o, at(2));
      b.call(null, stat(owner, "m" + ((i + 1) % size), OBJ), List.of(o), at(3));
      ms.add(b.build());
    }
    return ms;
  }

  static Program program(MethodIR... ms) {
    return new Program(Arrays.asList(ms));
  }

  static ParamTag tag(boolean escapes, boolean toReturn, Set<Integer> into, boolean contentEscapes,
      boolean contentToReturn, Set<Integer> contentInto, String why) {
    return new ParamTag(escapes, toReturn, into, contentEscapes, contentToReturn, contentInto, why);
  }

  static MethodSummary model(boolean fresh, Allocates allocates, ParamTag... tags) {
    return new MethodSummary(List.of(tags), fresh, allocates, "model");
  }

  /** A fake library: summaries by method key. */
  static final class Library implements SummaryProvider {
    final Map<String, MethodSummary> byKey = new LinkedHashMap<>();

    Library put(MethodRef m, MethodSummary s) {
      byKey.put(m.key(), s);
      return this;
    }

    @Override
    public Optional<MethodSummary> lookup(MethodRef method) {
      return Optional.ofNullable(byKey.get(method.key()));
    }
  }

  // A few library methods and their models, as the JDK models would describe them.
  static final MethodRef LIST_INIT = ctor("java.util.ArrayList");
  static final MethodRef LIST_ADD = inst("java.util.List", "add", OBJ);
  static final MethodRef LIST_GET = inst("java.util.List", "get", "int");
  static final MethodRef HASH = stat("java.util.Objects", "hashCode", OBJ);
  static final MethodRef FOR_EACH = inst("java.util.List", "forEach", "java.util.function.Consumer");

  static Library jdk() {
    return new Library()
        .put(LIST_INIT, model(false, Allocates.YES, ParamTag.NONE))
        .put(LIST_ADD, model(false, Allocates.YES, ParamTag.NONE, ParamTag.storedInto(0)))
        .put(LIST_GET, model(false, Allocates.NO, ParamTag.NONE.withContentToReturn(), ParamTag.NONE))
        .put(HASH, model(false, Allocates.NO, ParamTag.NONE))
        .put(FOR_EACH, model(false, Allocates.UNKNOWN, ParamTag.NONE.withContentEscapes(),
            ParamTag.escapes("passed to unknown code")));
  }

  static List<String> render(List<Reason> chain) {
    return chain.stream().map(Reason::render).toList();
  }
}
