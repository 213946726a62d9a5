package dev.noescape.bytecode;

import dev.noescape.bytecode.hierarchy.Hierarchy;
import dev.noescape.bytecode.lower.MethodLowering;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RecordMembers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sootup.core.model.Body;
import sootup.core.model.FieldModifier;
import sootup.core.model.MethodModifier;
import sootup.core.signatures.MethodSignature;
import sootup.core.types.ClassType;
import sootup.core.types.Type;
import sootup.java.core.AnnotationUsage;
import sootup.java.core.JavaSootClass;
import sootup.java.core.JavaSootField;
import sootup.java.core.JavaSootMethod;
import sootup.java.core.views.JavaView;

/**
 * Both passes over the program's classes.
 *
 * <p>Pass 1 ({@link #index}) reads every class once for the hierarchy: supertypes, declared methods
 * and their flags, the captured fields and methods of anonymous classes. Pass 2 ({@link #lower})
 * builds each class's bodies, lowers them and lets them go (the view's cache is bounded, so bodies
 * and ASM trees of earlier classes are collected). Bodies that inherit from the expression creating
 * them wait for it: a class's {@code lambda$} methods are lowered after its other methods (nested
 * lambdas after the lambda creating them), anonymous classes after the class creating them.
 */
final class ProgramLowering implements MethodLowering.ClassServices {
  private final JavaView view;
  private final Hierarchy hierarchy = new Hierarchy();
  private final Set<String> hotAnnotations;
  private final List<BytecodeAnalysis.Problem> problems;
  private final Map<String, List<String>> anonCaptures = new HashMap<>();
  private final Map<String, List<String>> anonBodies = new HashMap<>();
  private final Set<String> anonymous = new HashSet<>();
  private final Map<String, MethodLowering.LambdaInfo> lambdas = new HashMap<>();
  private final Map<String, MethodLowering.Inherit> anonInherit = new HashMap<>();
  private final Map<String, String> display = new HashMap<>();
  final List<MethodIR> methods = new ArrayList<>();
  /** Per method (same index), its virtual calls: {@link Dispatch} fills in their overrides. */
  final List<List<dev.noescape.ir.Stmt.Call>> virtualCalls = new ArrayList<>();
  final Set<String> failedClasses = new HashSet<>();
  /** Source path of each class from its SourceFile attribute. */
  private final Map<String, String> sourceFiles = new HashMap<>();
  /** Where each class came from ({@code x.jar!a/B.class}), for problems. */
  private final Map<String, String> where = new HashMap<>();

  /**
   * How far each class can be named (its InnerClasses entry: anonymous and private nested classes
   * only in their nest; else public or its package), which bounds who can call its constructors.
   */
  private final Map<String, dev.noescape.ir.Visibility> classVisibility = new HashMap<>();

  /** Per class, its methods over {@link ClassFiles#MAX_INSTRUCTIONS} (name and parameters → instructions). */
  private final Map<String, Map<String, Integer>> oversized = new HashMap<>();

  /** Views that build bodies with fewer interceptors, tried in turn when a body cannot be built. */
  private final List<java.util.function.Supplier<JavaView>> fallbacks;

  ProgramLowering(JavaView view, List<java.util.function.Supplier<JavaView>> fallbacks, Set<String> hotAnnotations,
      List<BytecodeAnalysis.Problem> problems, dev.noescape.ir.SourceLoops sourceLoops) {
    this.sourceLoops = sourceLoops == null ? dev.noescape.ir.SourceLoops.NONE : sourceLoops;
    this.view = view;
    this.fallbacks = List.copyOf(fallbacks);
    this.hotAnnotations = hotAnnotations;
    this.problems = problems;
  }

  private final dev.noescape.ir.SourceLoops sourceLoops;

  @Override
  public dev.noescape.ir.SourceLoops sourceLoops() {
    return sourceLoops;
  }

  /** Per class, the local variable tables of its methods that reuse slots (see {@code ClassFiles}). */
  private final Map<String, Map<String, List<dev.noescape.bytecode.locals.Locals.Var>>> reusedSlots = new HashMap<>();

  @Override
  public List<dev.noescape.bytecode.locals.Locals.Var> localVariables(String cls, String methodKey) {
    Map<String, List<dev.noescape.bytecode.locals.Locals.Var>> m = reusedSlots.get(cls);
    return m == null ? List.of() : m.getOrDefault(methodKey, List.of());
  }

  /** Per input class, the offsets of its methods' allocating and calling instructions (see {@code ClassFiles}). */
  private final Map<String, Map<String, List<dev.noescape.bytecode.lower.Offsets.Insn>>> offsets = new HashMap<>();

  @Override
  public List<dev.noescape.bytecode.lower.Offsets.Insn> instructions(String cls, String methodKey) {
    Map<String, List<dev.noescape.bytecode.lower.Offsets.Insn>> m = offsets.get(cls);
    return m == null ? List.of() : m.getOrDefault(methodKey, List.of());
  }

  @Override
  public Hierarchy hierarchy() {
    return hierarchy;
  }

  private Optional<JavaSootClass> load(String name) {
    ClassType t = view.getIdentifierFactory().getClassType(name);
    return view.getClass(t);
  }

  /** Pass 1: one class into the hierarchy; false when SootUp cannot read it. */
  boolean index(ClassFiles.Entry e) {
    where.put(e.className(), e.display());
    if (!e.reusedSlots().isEmpty()) reusedSlots.put(e.className(), e.reusedSlots());
    if (!e.oversized().isEmpty()) oversized.put(e.className(), e.oversized());
    if (!e.offsets().isEmpty()) offsets.put(e.className(), e.offsets());
    if (e.sourceFile() != null) sourceFiles.put(e.className(), e.sourceFile());
    try {
      Optional<JavaSootClass> oc = load(e.className());
      if (oc.isEmpty()) {
        problems.add(new BytecodeAnalysis.Problem(e.display(), "cannot read class file"));
        failedClasses.add(e.className());
        return false;
      }
      JavaSootClass c = oc.get();
      Map<String, Integer> ms = new LinkedHashMap<>();
      List<String> bodies = new ArrayList<>();
      // in a fixed order (SootUp's method set has none), bridges first: a bridge shares its target's
      // name and parameters, and the target's flags (final, varargs) are the ones that count
      List<JavaSootMethod> sorted = new ArrayList<>(c.getMethods());
      sorted.sort((x, y) -> {
        int bx = MethodModifier.isBridge(x.getModifiers()) ? 0 : 1;
        int by = MethodModifier.isBridge(y.getModifiers()) ? 0 : 1;
        return bx != by ? Integer.compare(bx, by) : x.getSignature().toString().compareTo(y.getSignature().toString());
      });
      for (JavaSootMethod m : sorted) {
        int f = 0;
        Set<MethodModifier> mods = m.getModifiers();
        if (MethodModifier.isStatic(mods)) f |= Hierarchy.ClassInfo.STATIC;
        if (MethodModifier.isAbstract(mods) || !m.isConcrete()) f |= Hierarchy.ClassInfo.ABSTRACT;
        if (MethodModifier.isVarargs(mods)) f |= Hierarchy.ClassInfo.VARARGS;
        if (MethodModifier.isPrivate(mods)) f |= Hierarchy.ClassInfo.PRIVATE;
        if (MethodModifier.isFinal(mods)) f |= Hierarchy.ClassInfo.FINAL;
        if (MethodModifier.isSynthetic(mods)) f |= Hierarchy.ClassInfo.SYNTHETIC;
        List<String> ps = params(m.getSignature());
        ms.put(m.getName() + "(" + String.join(",", ps) + ")", f);
        if (hasAnnotation(m, MethodIR.NO_ALLOCATION)) {
          contracts.put(e.className() + "#" + m.getName() + "(" + String.join(",", ps) + ")",
              BinaryNames.simple(e.className()) + "." + m.getName());
        }
        if (!m.getName().equals("<init>") && !m.getName().equals("<clinit>") && (f & Hierarchy.ClassInfo.STATIC) == 0
            && m.isConcrete()) {
          String key = new MethodRef(e.className(), m.getName(), ps, m.getReturnType().toString(), false).key();
          if (!bodies.contains(key)) bodies.add(key);
        }
      }
      for (JavaSootField f : c.getFields()) {
        Set<FieldModifier> fm = f.getModifiers();
        if (!FieldModifier.isStatic(fm) && (FieldModifier.isFinal(fm) || FieldModifier.isPrivate(fm))) {
          sealedFields.add(new dev.noescape.ir.FieldRef(e.className(), f.getName(), false));
        }
      }
      String sup = c.getSuperclass().map(ClassType::getFullyQualifiedName).orElse(null);
      List<String> ifs = new ArrayList<>();
      for (ClassType i : c.getInterfaces()) ifs.add(i.getFullyQualifiedName());
      classVisibility.put(e.className(), e.anonymous() || e.privateNested() ? dev.noescape.ir.Visibility.PRIVATE
          : c.isPublic() ? dev.noescape.ir.Visibility.PUBLIC : dev.noescape.ir.Visibility.PACKAGE);
      hierarchy.add(new Hierarchy.ClassInfo(e.className(), sup, ifs, c.isInterface(), c.isFinal(), c.isPublic(), ms,
          e.anonymous() || e.privateNested() || Hierarchy.ClassInfo.onlyPrivateConstructors(ms)));
      if (e.anonymous()) {
        anonymous.add(e.className());
        List<String> caps = new ArrayList<>();
        boolean capturesThis = false;
        for (JavaSootField f : c.getFields()) {
          String n = f.getName();
          if (n.startsWith("val$")) caps.add(n.substring(4));
          else if (n.startsWith("this$")) capturesThis = true;
        }
        // SootUp's field set has no order: by name here, by the constructor's arguments when asked
        // (anonymousCaptures), so that every run, and both front ends, list them alike
        java.util.Collections.sort(caps);
        if (capturesThis) caps.add(0, "this");
        anonCaptures.put(e.className(), caps);
        List<MethodSignature> ctors = sorted.stream().filter(m -> m.getName().equals("<init>")).map(JavaSootMethod::getSignature).toList();
        if (ctors.size() == 1) anonConstructor.put(e.className(), ctors.get(0));
        anonBodies.put(e.className(), bodies);
      }
      return true;
    } catch (RuntimeException | LinkageError ex) {
      problems.add(new BytecodeAnalysis.Problem(e.display(), "cannot read class file: " + message(ex)));
      failedClasses.add(e.className());
      return false;
    }
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    String s = t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " "));
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** Whether the InnerClasses attribute of a program class says it is anonymous. */
  boolean isAnonymousClass(String n) {
    return anonymous.contains(n);
  }

  private static List<String> params(MethodSignature sig) {
    List<String> ps = new ArrayList<>();
    for (Type t : sig.getParameterTypes()) ps.add(t.toString());
    return ps;
  }

  /** Package path + SourceFile attribute; without one, the top-level class's name + {@code .java}. */
  String sourceFile(String cls) {
    String s = sourceFiles.get(cls);
    if (s != null) return s;
    String top = cls.indexOf('$') > 0 ? cls.substring(0, cls.indexOf('$')) : cls;
    return top.replace('.', '/') + ".java";
  }

  /** Pass 2 for one class: lowers its methods; false when a method could not be lowered. */
  boolean lower(String cls, Counter counter) {
    Optional<JavaSootClass> oc;
    try {
      oc = load(cls);
    } catch (RuntimeException | LinkageError ex) {
      problems.add(new BytecodeAnalysis.Problem(where.getOrDefault(cls, cls), "cannot read class: " + message(ex)));
      return false;
    }
    if (oc.isEmpty()) return false;
    JavaSootClass c = oc.get();
    boolean classHot = false;
    for (AnnotationUsage a : annotationsOf(c)) if (a.getAnnotation().getClassName().equals("HotPath")) classHot = true;
    boolean ok = true;
    List<JavaSootMethod> pending = new ArrayList<>();
    List<JavaSootMethod> all = new ArrayList<>(c.getMethods());
    all.sort((x, y) -> x.getSignature().toString().compareTo(y.getSignature().toString()));
    MethodLowering.Inherit anon = anonInherit.get(cls);
    // A bridge has the key (name and erased parameters) of the method it calls when only the return
    // type differs; the IR keys methods without return types, so the bridge is left out and calls
    // through its key use the real method's summary.
    Set<String> realKeys = new HashSet<>();
    for (JavaSootMethod m : all) {
      if (!MethodModifier.isBridge(m.getModifiers())) realKeys.add(m.getName() + params(m.getSignature()));
    }
    for (JavaSootMethod m : all) {
      if (!m.isConcrete()) continue;
      if (MethodModifier.isBridge(m.getModifiers()) && realKeys.contains(m.getName() + params(m.getSignature()))) continue;
      if (m.getName().startsWith("lambda$") && MethodModifier.isSynthetic(m.getModifiers())) {
        pending.add(m);
        continue;
      }
      ok &= lowerMethod(c, m, classHot, anon, null, counter);
    }
    // lambda bodies: after the code creating them; nested ones after their enclosing lambda
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (java.util.Iterator<JavaSootMethod> it = pending.iterator(); it.hasNext(); ) {
        JavaSootMethod m = it.next();
        MethodLowering.LambdaInfo info = lambdas.get(implKey(cls, m.getSignature()));
        if (info == null) continue;
        it.remove();
        progress = true;
        ok &= lowerMethod(c, m, false, null, info, counter);
      }
    }
    for (JavaSootMethod m : pending) ok &= lowerMethod(c, m, classHot, anon, null, counter); // never created: plain
    return ok;
  }

  /**
   * The {@code @NoAllocation} methods of the indexed classes, by {@code Class#name(params)}, with
   * their display names: an override elsewhere inherits the contract.
   */
  private final Map<String, String> contracts = new HashMap<>();

  /** Whether {@code m} carries an annotation of that simple name (visible or invisible in the class file). */
  private static boolean hasAnnotation(JavaSootMethod m, String simpleName) {
    try {
      for (AnnotationUsage a : m.getAnnotations()) if (simpleName(a).equals(simpleName)) return true;
    } catch (RuntimeException ex) {
      // an annotation SootUp cannot read: none known
    }
    return false;
  }

  /** The simple name of an annotation's type: a nested one ({@code Outer$NoAllocation}) counts too. */
  private static String simpleName(AnnotationUsage a) {
    String n = a.getAnnotation().getClassName();
    return n.substring(n.lastIndexOf('$') + 1);
  }

  /**
   * The display name of the {@code @NoAllocation} method {@code m} of {@code cls} overrides
   * (searching the indexed supertypes, nearest first), or null. Static methods, constructors and
   * methods annotated themselves inherit nothing.
   */
  private String inheritedContract(String cls, String name, List<String> params, boolean isStatic, Set<String> own) {
    if (isStatic || name.startsWith("<") || own.contains(MethodIR.NO_ALLOCATION) || contracts.isEmpty()) return null;
    String sub = name + "(" + String.join(",", params) + ")";
    java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(supertypes(cls));
    Set<String> seen = new HashSet<>();
    while (!work.isEmpty()) {
      String t = work.poll();
      if (!seen.add(t)) continue;
      String found = contracts.get(t + "#" + sub);
      if (found != null) return found;
      work.addAll(supertypes(t));
    }
    return null;
  }

  private static Iterable<AnnotationUsage> annotationsOf(JavaSootClass c) {
    try {
      return c.getAnnotations();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static String implKey(String cls, MethodSignature sig) {
    return new MethodRef(cls, sig.getName(), params(sig), "", false).key();
  }

  private boolean lowerMethod(JavaSootClass c, JavaSootMethod m, boolean classHot, MethodLowering.Inherit inherit,
      MethodLowering.LambdaInfo lambda, Counter counter) {
    String cls = c.getName();
    String methodKey = m.getName() + "(" + String.join(",", params(m.getSignature())) + ")";
    Integer instructions = oversized.getOrDefault(cls, Map.of()).get(methodKey);
    if (instructions != null) {
      // not lowered: calls to it find no summary and count as unknown
      problems.add(new BytecodeAnalysis.Problem(where.getOrDefault(cls, cls) + " " + methodKey, "not analyzed (budget): method too"
          + " large (" + instructions + " bytecode instructions, the limit is " + ClassFiles.MAX_INSTRUCTIONS + ")"));
      return false;
    }
    try {
      Set<String> ann = new HashSet<>();
      boolean hot = classHot;
      for (AnnotationUsage a : m.getAnnotations()) {
        String n = simpleName(a);
        ann.add(n);
        if (MethodIR.BUILTIN_HOT_ANNOTATIONS.contains(n) || hotAnnotations.contains(n)) hot = true;
      }
      String inherited = lambda == null
          ? inheritedContract(cls, m.getName(), params(m.getSignature()), MethodModifier.isStatic(m.getModifiers()), ann)
          : null;
      if (inherited != null) hot = true;
      List<dev.noescape.ir.Stmt.Call> calls = new ArrayList<>();
      Body body;
      try {
        body = m.getBody();
      } catch (RuntimeException failed) {
        body = fallbackBody(m, failed);
      }
      Set<MethodModifier> mods = m.getModifiers();
      MethodIR ir = MethodLowering.lower(this, cls, sourceFile(cls), m.getSignature(), MethodModifier.isStatic(mods),
          body, ann, hot, inherit, lambda, calls)
          .withVisibility(dev.noescape.ir.Visibility.of(MethodModifier.isPrivate(mods),
              !MethodModifier.isPrivate(mods) && !MethodModifier.isPublic(mods) && !MethodModifier.isProtected(mods),
              m.getName().equals(MethodRef.CONSTRUCTOR), classVisibility.get(cls)));
      if (lambda == null && (MethodModifier.isSynthetic(m.getModifiers()) || isGeneratedMember(c, m, body))) {
        // compiler-made code ($values, $deserializeLambda$, bridges, a record's equals/hashCode/
        // toString, an enum's values/valueOf): analyzed for summaries, but the user wrote none of it,
        // so nothing in it is reported (the javac front end never sees it either)
        String accessed = accessedMember(ir);
        ir = new MethodIR(ir.ref(), accessed != null ? accessed : ir.displayName(), ir.sourceFile(), ir.pos(), ir.params(),
            ir.paramPositions(), ir.stmts(), ir.loops(), ir.sites(), ir.annotations(), ir.hot(), ir.baseLoopDepth(), true,
            ir.inheritedContract(), ir.accesses(), ir.nullAssignments(), ir.flow(), ir.visibility(), ir.handles(), ir.control(),
            ir.fieldWrites());
        generated.add(ir.ref().key());
      } else if (lambda == null && m.getName().equals("<init>") && isEnumClass(c)) {
        // javac prepends (String name, int ordinal) to every enum constructor and passes them to
        // Enum.<init>: a leak the user did not write
        generatedParams.add(ir.ref().key() + "|" + (ir.params().size() > 1 && ir.params().get(1) != null ? ir.params().get(1).name() : ""));
      }
      if (inherited != null) ir = ir.withInheritedContract(inherited);
      methods.add(ir);
      virtualCalls.add(calls);
      counter.methods++;
      return true;
    } catch (RuntimeException | LinkageError | StackOverflowError ex) {
      problems.add(new BytecodeAnalysis.Problem(where.getOrDefault(cls, cls) + " " + methodKey, "method skipped: " + message(ex)));
      return false;
    }
  }

  /**
   * What an accessor javac made before nestmates ({@code static access$000}, for a private member
   * used from a nested class) reaches, as messages should name it: the one method it calls
   * ({@code TypeUtils.equals}) or field it reads or writes ({@code Outer.count}); null for any
   * other method.
   */
  static String accessedMember(MethodIR ir) {
    if (!ir.ref().isStatic() || !ir.ref().name().startsWith("access$")) return null;
    String member = null;
    for (dev.noescape.ir.Stmt s : ir.stmts()) {
      String m = s instanceof dev.noescape.ir.Stmt.Call c ? c.callee().displayName()
          : s instanceof dev.noescape.ir.Stmt.Load l ? l.field().displayName()
          : s instanceof dev.noescape.ir.Stmt.Store st ? st.field().displayName()
          : s instanceof dev.noescape.ir.Stmt.StaticLoad sl ? sl.field().displayName()
          : s instanceof dev.noescape.ir.Stmt.StaticStore ss ? ss.field().displayName()
          : null;
      if (m == null) continue;
      if (member != null) return null;
      member = m;
    }
    return member;
  }

  /**
   * The body of {@code m} built by the first fallback view that can; throws the last failure when
   * none can (the method is then skipped with that message).
   */
  private Body fallbackBody(JavaSootMethod m, RuntimeException failed) {
    RuntimeException last = failed;
    for (java.util.function.Supplier<JavaView> view : fallbacks) {
      try {
        Optional<JavaSootMethod> again = view.get().getMethod(m.getSignature());
        if (again.isPresent()) return again.get().getBody();
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /** How problems name a method: {@code app.jar!com/acme/A.class run(java.lang.String)}. */
  String display(dev.noescape.ir.MethodRef ref) {
    return where.getOrDefault(ref.owner(), ref.owner()) + " " + ref.name() + "(" + String.join(",", ref.paramTypes()) + ")";
  }

  static final class Counter {
    int methods;
  }

  /** Keys of compiler-generated methods: lowered for their summaries, never reported. */
  final Set<String> generated = new HashSet<>();

  /** {@code methodKey|name} of parameters javac adds (an enum constructor's name). */
  final Set<String> generatedParams = new HashSet<>();

  /** Whether {@code finding} is about code the compiler wrote, not the user. */
  boolean isGenerated(dev.noescape.finding.Finding finding) {
    if (finding.method() == null) return false;
    String key = finding.method().key();
    if (generated.contains(key)) return true;
    return finding.subject() instanceof dev.noescape.finding.Subject.Param p && generatedParams.contains(key + "|" + p.name());
  }

  private static boolean isEnumClass(JavaSootClass c) {
    return c.getSuperclass().map(s -> s.getFullyQualifiedName()).map(n -> n.equals("java.lang.Enum")).orElse(false)
        || c.isEnum();
  }

  /**
   * Members javac generates without ACC_SYNTHETIC: a record's {@code equals}, {@code hashCode} and
   * {@code toString} (an {@code ObjectMethods} bootstrap call), an enum's {@code values()} and
   * {@code valueOf(String)}. A record or enum that declares its own keeps it reported: the bodies
   * javac writes are recognised by what they call.
   */
  private static boolean isGeneratedMember(JavaSootClass c, JavaSootMethod m, Body body) {
    String name = m.getName();
    int arity = m.getParameterCount();
    boolean recordMember = RecordMembers.Member.of(name, arity) != null;
    boolean enumMember = (name.equals("values") && arity == 0) || (name.equals("valueOf") && arity == 1);
    if (!recordMember && !enumMember) return false;
    String text = body == null ? "" : body.toString();
    if (recordMember) return text.contains("java.lang.runtime.ObjectMethods");
    return isEnumClass(c) && (name.equals("values") ? text.contains("$VALUES") : text.contains("java.lang.Enum: java.lang.Enum valueOf"));
  }

  // ---- services for the method lowering ----

  @Override
  public List<String> paramNames(MethodSignature sig) {
    try {
      Optional<JavaSootMethod> m = view.getMethod(sig);
      if (m.isEmpty() || !m.get().isConcrete()) return null;
      List<String> names = new ArrayList<>();
      for (var l : m.get().getBody().getParameterLocals()) names.add(dev.noescape.bytecode.locals.Locals.sourceName(l));
      return names;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * What an anonymous class captures, in the order of its constructor's arguments (javac's order of
   * the captured variables, which the javac front end lists too); by name when the class has not
   * exactly one constructor or its code cannot be read.
   */
  @Override
  public List<String> anonymousCaptures(String cls) {
    List<String> caps = anonCaptures.getOrDefault(cls, List.of());
    MethodSignature ctor = anonConstructor.get(cls);
    if (caps.size() < 2 || ctor == null) return caps;
    Map<Integer, String> byArg = anonymousCaptureArgs(ctor);
    if (!byArg.values().containsAll(caps)) return caps;
    List<String> ordered = new ArrayList<>();
    byArg.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (caps.contains(e.getValue()) && !ordered.contains(e.getValue())) ordered.add(e.getValue());
    });
    return ordered;
  }

  /** The constructor of each anonymous class that has exactly one (javac writes one). */
  private final Map<String, MethodSignature> anonConstructor = new HashMap<>();

  /**
   * Which argument of an anonymous class's constructor is which captured value: its body stores
   * parameter k into {@code val$name} ({@code this$0}: the enclosing {@code this}). Read from the
   * constructor's code, not from javac's parameter order (outer instance, the superclass
   * constructor's arguments, then the captured values), which other compilers need not follow.
   * Memoised per constructor; empty when the body cannot be read.
   */
  @Override
  public Map<Integer, String> anonymousCaptureArgs(MethodSignature ctor) {
    return captureArgs.computeIfAbsent(ctor.toString(), k -> readCaptureArgs(ctor));
  }

  private final Map<String, Map<Integer, String>> captureArgs = new HashMap<>();

  private Map<Integer, String> readCaptureArgs(MethodSignature ctor) {
    try {
      Optional<JavaSootMethod> m = view.getMethod(ctor);
      if (m.isEmpty() || !m.get().isConcrete()) return Map.of();
      Map<sootup.core.jimple.common.Local, Integer> params = new HashMap<>();
      Map<Integer, String> out = new HashMap<>();
      for (sootup.core.jimple.common.stmt.Stmt st : m.get().getBody().getStmts()) {
        if (st instanceof sootup.core.jimple.common.stmt.JIdentityStmt id
            && id.getRightOp() instanceof sootup.core.jimple.common.ref.JParameterRef pr) {
          params.put(id.getLeftOp(), pr.getIndex());
        } else if (st instanceof sootup.core.jimple.common.stmt.JAssignStmt as
            && as.getLeftOp() instanceof sootup.core.jimple.common.ref.JInstanceFieldRef f
            && as.getRightOp() instanceof sootup.core.jimple.common.Local l && params.containsKey(l)) {
          String n = f.getFieldSignature().getName();
          if (n.startsWith("val$")) out.put(params.get(l), n.substring(4));
          else if (n.startsWith("this$")) out.put(params.get(l), "this");
        }
      }
      return Map.copyOf(out);
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * The code an anonymous class's object may run, as the javac front end lists it: its own instance
   * methods, then the concrete instance methods it inherits from program superclasses and the
   * default methods of program interfaces. A JDK superclass other than {@code Object} contributes a
   * key no program method has, so the engine stays conservative about what invoking the object does
   * (its inherited code is not analyzed); JDK interfaces are left out (trusted, as in jdk.models).
   */
  @Override
  public List<String> anonymousBodies(String cls) {
    List<String> keys = new ArrayList<>(anonBodies.getOrDefault(cls, List.of()));
    Set<String> subs = new HashSet<>();
    for (String k : keys) subs.add(k.substring(k.indexOf('#') + 1));
    Hierarchy.ClassInfo c = hierarchy.programClass(cls);
    java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>();
    if (c != null) {
      if (c.superName() != null) work.add(c.superName());
      work.addAll(c.interfaces());
    }
    Set<String> seen = new HashSet<>();
    while (!work.isEmpty()) {
      String t = work.poll();
      if (!seen.add(t) || t.equals("java.lang.Object")) continue;
      Hierarchy.ClassInfo sc = hierarchy.programClass(t);
      if (sc == null) {
        Class<?> k = hierarchy.jdkClass(t);
        if (k == null || !k.isInterface()) keys.add(t + "#<inherited code>()");
        continue;
      }
      for (Map.Entry<String, Integer> e : sc.methods().entrySet()) {
        int f = e.getValue();
        String sub = e.getKey();
        if (sub.startsWith("<init>(") || sub.startsWith("<clinit>(")) continue;
        if ((f & (Hierarchy.ClassInfo.STATIC | Hierarchy.ClassInfo.ABSTRACT)) != 0) continue;
        if ((f & Hierarchy.ClassInfo.PRIVATE) != 0 && !sc.isInterface()) continue;
        if (subs.add(sub)) keys.add(t + "#" + sub);
      }
      if (sc.superName() != null) work.add(sc.superName());
      work.addAll(sc.interfaces());
    }
    return keys;
  }

  @Override
  public boolean isAnonymous(String cls) {
    return anonymous.contains(cls);
  }

  @Override
  public String anonymousSuper(String cls) {
    Hierarchy.ClassInfo c = hierarchy.programClass(cls);
    if (c == null) return null;
    return AllocSite.Anonymous.supertypeOf(c.superName(), c.interfaces());
  }

  @Override
  public void lambdaCreated(String implKey, MethodLowering.LambdaInfo info) {
    lambdas.putIfAbsent(implKey, info);
  }

  @Override
  public void anonymousCreated(String cls, MethodLowering.Inherit inherit) {
    anonInherit.putIfAbsent(cls, inherit);
  }

  /** Superclass and interfaces of a program class. */
  List<String> supertypes(String cls) {
    Hierarchy.ClassInfo c = hierarchy.programClass(cls);
    if (c == null) return List.of();
    List<String> out = new ArrayList<>(c.interfaces());
    if (c.superName() != null) out.add(0, c.superName());
    return out;
  }

  boolean anonymousReady(String cls) {
    return anonInherit.containsKey(cls);
  }

  /** The {@code final} or {@code private} instance fields of the classes read so far ({@link #sealedField}). */
  private final Set<dev.noescape.ir.FieldRef> sealedFields = new HashSet<>();

  @Override
  public boolean sealedField(dev.noescape.ir.FieldRef f) {
    return sealedFields.contains(f);
  }

  @Override
  public boolean isGeneric(String cls) {
    Class<?> k = hierarchy.jdkClass(cls);
    return k != null && k.getTypeParameters().length > 0;
  }
}
