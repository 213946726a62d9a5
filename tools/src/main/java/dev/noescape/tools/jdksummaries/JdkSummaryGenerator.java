package dev.noescape.tools.jdksummaries;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.engine.AnalysisResult;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.models.JdkModels;
import dev.noescape.models.JdkSummaries;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.export.SummaryWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates {@link JdkSummaries}' resource: the bytecode front end and the engine run over
 * {@code java.base} of the running JDK (read through the {@code jrt:/} file system), with the
 * hand-checked {@link JdkModels} as the library (they describe the native and intrinsic methods the
 * bytecode cannot), and the summaries callers can reach are written out.
 *
 * <p>A build-time tool, in its own module so that nothing of it ships: the output is committed
 * ({@code analyzer-core/src/main/resources/dev/noescape/models/jdk-summaries.gz}), and the build
 * only checks it ({@code JdkSummaryRegenerationTest}). Regenerate with {@code bench/jdk-summaries.sh}
 * on the JDK CI builds with (Temurin 25); the file's producer names that JDK. What is written, and
 * why each rule keeps the answers sound:
 *
 * <ul>
 *   <li><b>Reachable methods only</b>: public and protected methods and constructors of classes in
 *       the packages {@code java.base} exports. A public class also gets the methods it inherits
 *       from a non-public superclass under its own name (both front ends name
 *       {@code StringBuilder#length()}, declared by the package-private
 *       {@code AbstractStringBuilder}). Abstract methods have no body and are not written: an
 *       interface call is the models' business (or unknown). Natives have no body either: the
 *       models describe those that matter.
 *   <li><b>Calls inside the JDK</b> that a user class could take over (a virtual call whose
 *       dispatch is open) are unknown during generation, as in any bytecode run: a summary never
 *       assumes what user code does.
 *   <li><b>Dispatch at the caller</b>: a method a subclass can override (not static, private,
 *       final, nor in a final class) gets the join of its own summary and of every override in
 *       {@code java.base} below it; when one of them has no summary (native, or SootUp cannot
 *       build its body), the method is not written (unknown). Overrides outside the JDK are trusted
 *       as the models' trust assumption 3 trusts them: the bytecode front end joins those the
 *       program declares; the javac plugin assumes a user override keeps no more than the JDK's
 *       own implementations do.
 *   <li><b>What the tags cannot say</b> is folded in by the engine
 *       ({@link AnalysisResult#exported()}): a fresh result that may hold a global object is written
 *       not fresh, a method storing its own or global objects into a slot's content makes that
 *       content escape.
 *   <li>A summary no better than unknown (every slot escapes, result not fresh, may allocate) is
 *       left out.
 * </ul>
 */
public final class JdkSummaryGenerator {
  private JdkSummaryGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JdkSummaryGenerator <output.gz>");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Path classes = Files.createTempDirectory("noescape-java.base");
    try {
      int n = extractJavaBase(classes);
      long t1 = System.nanoTime();
      Generated g = generate(List.of(classes), List.of(), null);
      long t2 = System.nanoTime();
      byte[] text = g.encode();
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(args[0])))) {
        out.write(text);
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf("java.base: %d classes extracted in %.1f s; analysis %.1f s; %d methods lowered, %d summaries written"
          + " (%d left unknown by dispatch, %d no better than unknown); %d bytes raw, %d gzipped; heap used %d MB%n",
          n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, g.lowered(), g.written(), g.droppedDispatch(), g.droppedUnknown(),
          text.length, Files.size(Path.of(args[0])), (rt.totalMemory() - rt.freeMemory()) >> 20);
      for (BytecodeAnalysis.Problem p : g.problems().subList(0, Math.min(20, g.problems().size()))) System.out.println("problem: " + p);
      System.out.println("problems: " + g.problems().size());
      System.out.println(g.work().describe(dev.noescape.engine.Budget.DEFAULT));
    } finally {
      try (Stream<Path> s = Files.walk(classes)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The class files of {@code java.base} of the running JDK, copied into {@code dir}; returns their count. */
  public static int extractJavaBase(Path dir) throws IOException {
    return extract(dir, null);
  }

  /**
   * Copies class files of {@code java.base} into {@code dir}: all of them, or only the named classes
   * ({@code java.util.ArrayList}; nested classes of each come along). Returns the count.
   */
  public static int extract(Path dir, Set<String> only) throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Path base = jrt.getPath("/modules/java.base");
    int[] n = {0};
    try (Stream<Path> s = Files.walk(base)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = base.relativize(p).toString();
        if (!rel.endsWith(".class") || rel.equals("module-info.class")) continue;
        if (only != null) {
          String name = rel.substring(0, rel.length() - 6).replace('/', '.');
          int dollar = name.indexOf('$');
          if (!only.contains(dollar < 0 ? name : name.substring(0, dollar))) continue;
        }
        Path out = dir.resolve(rel);
        Files.createDirectories(out.getParent());
        Files.copy(p, out);
        n[0]++;
      }
    }
    return n[0];
  }

  /**
   * What a generation produced.
   *
   * @param summaries by class, then {@code name(params)}, sorted
   */
  public record Generated(Map<String, Map<String, MethodSummary>> summaries, int lowered,
      int written, int droppedDispatch, int droppedUnknown, List<BytecodeAnalysis.Problem> problems,
      dev.noescape.engine.WorkPeaks work) {

    /** The resource (before gzip), in the {@link dev.noescape.summary.export} format. */
    public byte[] encode() {
      Map<MethodRef, MethodSummary> all = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Map<String, MethodSummary>> c : summaries.entrySet()) {
        for (Map.Entry<String, MethodSummary> m : c.getValue().entrySet()) {
          String sub = m.getKey();
          int open = sub.indexOf('(');
          String params = sub.substring(open + 1, sub.length() - 1);
          all.put(new MethodRef(c.getKey(), sub.substring(0, open), params.isEmpty() ? List.of() : List.of(params.split(",")),
              "void", false), m.getValue());
        }
      }
      return SummaryWriter.encode(all, JdkSummaries.PRODUCER + Runtime.version() + " " + System.getProperty("java.vendor"));
    }
  }

  /**
   * Runs the analysis over directories of {@code java.base} class files and selects what callers
   * can reach. {@code classpath} (more of {@code java.base}) is analyzed where the inputs reach it.
   * {@code keep}, when not null, restricts the written classes: the tests regenerate a sample (the
   * inputs must then hold the sample's subclasses too, for the dispatch joins).
   */
  public static Generated generate(List<Path> classDirs, List<Path> classpath, Set<String> keep) {
    BytecodeAnalysis.Summaries run = BytecodeAnalysis.summarize(
        new BytecodeAnalysis.Options(classDirs, classpath, Set.of(), null), JdkModels.instance(), null);
    AnalysisResult result = run.result();
    // The summaries as callers in other runs may use them: side facts folded into the tags, those
    // that fell back to unknown left out (AnalysisResult.exported).
    Map<String, MethodSummary> computed = result.exported();
    Map<String, List<MethodRef>> byOwner = new HashMap<>();
    for (MethodIR m : run.program().methods()) {
      if (m.synthetic()) continue;
      byOwner.computeIfAbsent(m.ref().owner(), k -> new ArrayList<>()).add(m.ref());
    }
    Reflection r = new Reflection();
    // Subclasses in java.base, for the overrides a virtual call may reach.
    // Every class of the input, not only those with bodies: an override may be native.
    Map<String, List<String>> subclasses = new HashMap<>();
    List<Path> all = new ArrayList<>(classDirs);
    all.addAll(classpath);
    for (String owner : classNames(all)) {
      Class<?> k = r.load(owner);
      if (k == null) continue;
      for (Class<?> s : supertypes(k)) subclasses.computeIfAbsent(s.getName(), x -> new ArrayList<>()).add(owner);
    }
    Map<String, Map<String, MethodSummary>> out = new TreeMap<>();
    int written = 0, droppedDispatch = 0, droppedUnknown = 0;
    for (Map.Entry<String, List<MethodRef>> e : byOwner.entrySet()) {
      String owner = e.getKey();
      Class<?> k = r.load(owner);
      if (k == null || !exported(k)) continue;
      for (MethodRef ref : e.getValue()) {
        Executable x = r.executable(k, ref);
        if (x == null || !(Modifier.isPublic(x.getModifiers()) || Modifier.isProtected(x.getModifiers()))) continue;
        MethodSummary s = computed.get(ref.key());
        // A caller's code may override an overridable JDK method with one that returns (a
        // SimpleFileVisitor's visitFileFailed, a SecurityManager's checks): only methods no
        // subclass can replace keep "never returns", since library summaries also answer open calls.
        if (s != null && s.neverReturns() && overridable(k, x)) s = s.withNeverReturns(false);
        if (s != null && overridable(k, x)) {
          for (String sub : subclasses.getOrDefault(owner, List.of())) {
            if (sub.equals(owner) || s == null) continue;
            MethodRef o = new MethodRef(sub, ref.name(), ref.paramTypes(), ref.returnType(), false);
            Class<?> sk = r.load(sub);
            if (sk == null || r.executable(sk, o) == null) continue; // inherits, does not override
            MethodSummary os = computed.get(o.key());
            s = os == null ? null : s.join(os);
          }
          if (s == null) {
            droppedDispatch++;
            continue;
          }
        }
        if (s == null) continue;
        if (noBetterThanUnknown(s)) {
          droppedUnknown++;
          continue;
        }
        String sub = ref.name() + "(" + String.join(",", ref.paramTypes()) + ")";
        out.computeIfAbsent(owner, x2 -> new TreeMap<>()).put(sub,
            s.withOrigin(JdkSummaries.ORIGIN));
        written++;
      }
    }
    written += inheritFromInaccessible(out, classNames(all), r);
    // Callers name public classes only (an inaccessible declaring class is replaced by the public
    // class the call names, which now carries its methods).
    for (java.util.Iterator<Map.Entry<String, Map<String, MethodSummary>>> it = out.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Map<String, MethodSummary>> c = it.next();
      Class<?> k = r.load(c.getKey());
      if (k == null || !accessible(k) || c.getValue().isEmpty()) {
        written -= c.getValue().size();
        it.remove();
      }
    }
    if (keep != null) out.keySet().retainAll(keep);
    return new Generated(out, run.program().methods().size(), written, droppedDispatch, droppedUnknown, run.problems(),
        result.peaks());
  }

  /** The binary names of the class files under these directories. */
  public static List<String> classNames(List<Path> dirs) {
    List<String> out = new ArrayList<>();
    for (Path d : dirs) {
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          String rel = d.relativize(p).toString().replace(java.io.File.separatorChar, '/');
          if (rel.endsWith(".class") && !rel.equals("module-info.class")) out.add(rel.substring(0, rel.length() - 6).replace('/', '.'));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static boolean noBetterThanUnknown(MethodSummary s) {
    if (s.freshReturn() || s.neverReturns()) return false;
    for (ParamTag t : s.params()) if (!t.escapes()) return false;
    return s.allocates() != dev.noescape.summary.Allocates.NO;
  }

  private static boolean overridable(Class<?> k, Executable x) {
    if (x instanceof java.lang.reflect.Constructor<?>) return false;
    int m = x.getModifiers();
    return !Modifier.isStatic(m) && !Modifier.isPrivate(m) && !Modifier.isFinal(m) && !Modifier.isFinal(k.getModifiers());
  }

  /** Superclasses and superinterfaces of {@code k}, transitively (not k itself). */
  public static Set<Class<?>> supertypes(Class<?> k) {
    Set<Class<?>> out = new HashSet<>();
    List<Class<?>> work = new ArrayList<>();
    work.add(k);
    while (!work.isEmpty()) {
      Class<?> c = work.remove(work.size() - 1);
      if (c.getSuperclass() != null && out.add(c.getSuperclass())) work.add(c.getSuperclass());
      for (Class<?> i : c.getInterfaces()) if (out.add(i)) work.add(i);
    }
    return out;
  }

  /** Public, and so are the classes enclosing it. */
  private static boolean accessible(Class<?> k) {
    for (Class<?> c = k; c != null; c = c.getEnclosingClass()) if (!Modifier.isPublic(c.getModifiers())) return false;
    return true;
  }

  private static boolean exported(Class<?> k) {
    return k.getModule().isExported(k.getPackageName());
  }

  /**
   * Both front ends name an inherited method's declaring class, unless that class is not accessible
   * to the caller ({@code AbstractStringBuilder}): then the class the call names
   * ({@code StringBuilder#length()}). For every public class of an exported package, the methods it
   * inherits from a non-public superclass are written under its own name too; the summary is the
   * superclass's, joined over all its overrides, so it holds for the subclass's receivers. Returns
   * how many were added.
   */
  private static int inheritFromInaccessible(Map<String, Map<String, MethodSummary>> out, List<String> classes, Reflection r) {
    int added = 0;
    for (String owner : classes) {
      Class<?> k = r.load(owner);
      if (k == null || !accessible(k) || !exported(k)) continue;
      if (k.getSuperclass() == null || Modifier.isPublic(k.getSuperclass().getModifiers())) continue;
      Map<String, MethodSummary> own = out.computeIfAbsent(owner, x -> new TreeMap<>());
      for (Class<?> s = k.getSuperclass(); s != null && !Modifier.isPublic(s.getModifiers()); s = s.getSuperclass()) {
        for (Map.Entry<String, MethodSummary> m : out.getOrDefault(s.getName(), Map.of()).entrySet()) {
          if (m.getKey().startsWith("<init>(") || own.containsKey(m.getKey())) continue;
          // Declared between the two (overridden there without a summary): not inherited from s.
          if (declaredBelow(k, s, m.getKey(), r)) continue;
          own.put(m.getKey(), m.getValue());
          added++;
        }
      }
    }
    return added;
  }

  private static boolean declaredBelow(Class<?> k, Class<?> s, String sub, Reflection r) {
    int open = sub.indexOf('(');
    String params = sub.substring(open + 1, sub.length() - 1);
    List<String> ps = params.isEmpty() ? List.of() : List.of(params.split(","));
    for (Class<?> c = k; c != null && c != s; c = c.getSuperclass()) {
      for (boolean st : new boolean[] {false, true}) {
        Executable x = r.executable(c, new MethodRef(c.getName(), sub.substring(0, open), ps, "void", st));
        // javac's visibility bridges (StringBuilder.length() calling the package-private
        // AbstractStringBuilder's) are not lowered and do not count as declarations.
        if (x != null && !x.isSynthetic()) return true;
      }
    }
    return false;
  }

  /** The running JDK's classes by reflection (loaded, never initialized). */
  static final class Reflection {
    private final Map<String, Class<?>> loaded = new HashMap<>();

    Class<?> load(String name) {
      return loaded.computeIfAbsent(name, n -> {
        try {
          return Class.forName(n, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          return null;
        }
      });
    }

    Executable executable(Class<?> k, MethodRef ref) {
      Executable[] all;
      try {
        all = ref.isConstructor() ? k.getDeclaredConstructors() : k.getDeclaredMethods();
      } catch (LinkageError | SecurityException e) {
        return null;
      }
      for (Executable x : all) {
        if (!ref.isConstructor() && !x.getName().equals(ref.name())) continue;
        if (Modifier.isStatic(x.getModifiers()) != ref.isStatic() || x.getParameterCount() != ref.paramTypes().size()) continue;
        List<String> ps = Arrays.stream(x.getParameterTypes()).map(dev.noescape.bytecode.hierarchy.Hierarchy::typeName).toList();
        if (ps.equals(ref.paramTypes())) return x;
      }
      return null;
    }
  }
}
