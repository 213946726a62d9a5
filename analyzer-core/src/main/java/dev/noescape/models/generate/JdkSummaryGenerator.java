package dev.noescape.models.generate;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.HiddenEffects;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.models.JdkModels;
import dev.noescape.models.JdkSummaries;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * <p>Not part of the build: the output is committed. Regenerate on the JDK CI builds with (Temurin 25):
 *
 * <pre>
 * mvn -B -ntp -o -q -pl analyzer-core -am package -DskipTests
 * java -Xmx6g -cp "$(cat analyzer-core/target/classpath.txt)":analyzer-core/target/classes \
 *     dev.noescape.models.generate.JdkSummaryGenerator analyzer-core/src/main/resources/dev/noescape/models/jdk-summaries.gz
 * </pre>
 *
 * (or {@code bench/jdk-summaries.sh}). What is written, and why each rule keeps the answers sound:
 *
 * <ul>
 *   <li><b>Reachable methods only</b>: public and protected methods and constructors of classes in
 *       the packages {@code java.base} exports. Package-private classes are kept for the public
 *       methods they declare (a call names {@code StringBuilder#length()}, declared by
 *       {@code AbstractStringBuilder}; the lookup walks up the superclass line each class block
 *       carries). Abstract methods have no body and are not written: an interface call is the
 *       models' business (or unknown).
 *   <li><b>Dispatch</b>: a method a subclass can override (not static, private, final, nor in a
 *       final class) gets the join of its own summary and of every override in {@code java.base}
 *       below it; when one of them has no summary (native, or SootUp cannot build its body), the
 *       method is not written (unknown). Overrides outside the JDK are what the models' trust
 *       assumption 3 already covers: the bytecode front end joins those the program declares; the
 *       javac plugin trusts them to honour the JDK's behaviour.
 *   <li><b>What the tags cannot say</b> ({@link HiddenEffects}): a fresh result that may hold a
 *       global object is written not fresh (callers then take the result as global); a method
 *       storing global objects into a slot's content gets {@code cesc} there; one storing objects it
 *       allocated into a slot's content gets {@code cesc} there when a caller could load them
 *       directly: the slot's type is a reference array, or related (sub- or supertype, so also
 *       {@code Object}) to a class that declares a public or protected reference field
 *       ({@code Vector.elementData}, {@code FilterInputStream.in}). Everywhere else callers reach a
 *       JDK object's fields only through JDK methods, whose summaries account for them.
 *   <li>A summary no better than unknown (every slot escapes, result not fresh) is left out.
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
      byte[] text = g.text().getBytes(StandardCharsets.UTF_8);
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
   * @param summaries by class, then {@code [static ]name(params)}, in file order
   * @param supers the superclass each written class names
   */
  public record Generated(Map<String, Map<String, MethodSummary>> summaries, Map<String, String> supers, int lowered,
      int written, int droppedDispatch, int droppedUnknown, List<BytecodeAnalysis.Problem> problems) {

    /** The resource text (before gzip): header, then one block per class. */
    public String text() {
      StringBuilder b = new StringBuilder();
      b.append("# noescape: escape summaries of java.base computed from its bytecode (JdkSummaryGenerator).\n");
      b.append("# Format: dev.noescape.models.JdkSummaries. Regenerate with bench/jdk-summaries.sh; do not edit.\n");
      b.append("# jdk ").append(Runtime.version()).append(' ').append(System.getProperty("java.vendor")).append('\n');
      b.append("# models ").append(JdkModels.instance().size()).append(" hand-checked entries used as the library\n");
      b.append("# methods ").append(written).append('\n');
      for (Map.Entry<String, Map<String, MethodSummary>> c : summaries.entrySet()) {
        b.append('@').append(c.getKey());
        String sup = supers.get(c.getKey());
        if (sup != null) b.append(" < ").append(sup);
        b.append('\n');
        for (Map.Entry<String, MethodSummary> m : c.getValue().entrySet()) {
          b.append(JdkSummaries.encodeLine(m.getKey(), m.getValue())).append('\n');
        }
      }
      return b.toString();
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
    Map<String, MethodSummary> computed = result.summaries();
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
    Map<String, String> supers = new HashMap<>();
    int written = 0, droppedDispatch = 0, droppedUnknown = 0;
    for (Map.Entry<String, List<MethodRef>> e : byOwner.entrySet()) {
      String owner = e.getKey();
      if (keep != null && !keep.contains(owner)) continue;
      Class<?> k = r.load(owner);
      if (k == null || !exported(k)) continue;
      for (MethodRef ref : e.getValue()) {
        Executable x = r.executable(k, ref);
        if (x == null || !(Modifier.isPublic(x.getModifiers()) || Modifier.isProtected(x.getModifiers()))) continue;
        MethodSummary s = publishable(ref, computed.get(ref.key()), result.hidden(ref.key()), r);
        if (s != null && overridable(k, x)) {
          for (String sub : subclasses.getOrDefault(owner, List.of())) {
            if (sub.equals(owner) || s == null) continue;
            MethodRef o = new MethodRef(sub, ref.name(), ref.paramTypes(), ref.returnType(), false);
            Class<?> sk = r.load(sub);
            if (sk == null || r.executable(sk, o) == null) continue; // inherits, does not override
            MethodSummary os = computed.containsKey(o.key()) ? publishable(o, computed.get(o.key()), result.hidden(o.key()), r) : null;
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
        String sub = (ref.isStatic() ? "static " : "") + ref.name() + "(" + String.join(",", ref.paramTypes()) + ")";
        out.computeIfAbsent(owner, x2 -> new TreeMap<>()).put(sub,
            new MethodSummary(s.params(), s.freshReturn(), s.allocates(), JdkSummaries.ORIGIN));
        written++;
      }
      if (out.containsKey(owner) && k.getSuperclass() != null) supers.put(owner, k.getSuperclass().getName());
    }
    return new Generated(out, supers, run.program().methods().size(), written, droppedDispatch, droppedUnknown, run.problems());
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
    if (s.freshReturn()) return false;
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

  private static boolean exported(Class<?> k) {
    return k.getModule().isExported(k.getPackageName());
  }

  /**
   * The summary as callers in another run may use it, or null when there is none. Folds in the
   * effects the tags cannot carry (see the class documentation).
   */
  static MethodSummary publishable(MethodRef ref, MethodSummary s, HiddenEffects h, Reflection r) {
    if (s == null || s.isUnknown()) return null;
    if (h == HiddenEffects.NONE) return s;
    List<ParamTag> tags = new ArrayList<>(s.params());
    for (int j = 0; j < tags.size(); j++) {
      boolean exposed = h.globalsInto().contains(j) || (h.ownObjectsInto().contains(j) && r.exposes(slotType(ref, j)));
      if (exposed) tags.set(j, tags.get(j).withContentEscapes());
    }
    return new MethodSummary(tags, s.freshReturn() && !h.resultHoldsGlobal(), s.allocates(), s.origin());
  }

  private static String slotType(MethodRef ref, int slot) {
    if (!ref.isStatic()) {
      if (slot == 0) return ref.owner();
      slot--;
    }
    return ref.paramTypes().get(slot);
  }

  /** The running JDK's classes by reflection (loaded, never initialized). */
  static final class Reflection {
    private final Map<String, Class<?>> loaded = new HashMap<>();
    private Set<Class<?>> exposing;

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

    /**
     * Whether a caller could load, straight from a field, an object a JDK method stored into a value
     * of this type: a reference array, or a type related to a class declaring a public or protected
     * instance field that can hold references.
     */
    boolean exposes(String type) {
      if (type.endsWith("[]")) return !isPrimitive(type.substring(0, type.length() - 2)) || type.endsWith("[][]");
      Class<?> t = load(type);
      if (t == null) return true;
      for (Class<?> e : exposing()) if (e.isAssignableFrom(t) || t.isAssignableFrom(e)) return true;
      return false;
    }

    private Set<Class<?>> exposing() {
      if (exposing != null) return exposing;
      exposing = new HashSet<>();
      FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
      Path base = jrt.getPath("/modules/java.base");
      try (Stream<Path> s = Files.walk(base)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          String rel = base.relativize(p).toString();
          if (!rel.endsWith(".class") || rel.equals("module-info.class")) continue;
          Class<?> k = load(rel.substring(0, rel.length() - 6).replace('/', '.'));
          if (k == null || !exported(k)) continue;
          Field[] fs;
          try {
            fs = k.getDeclaredFields();
          } catch (LinkageError | SecurityException e) {
            exposing.add(k);
            continue;
          }
          for (Field f : fs) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || !(Modifier.isPublic(m) || Modifier.isProtected(m))) continue;
            Class<?> ft = f.getType();
            if (ft.isPrimitive() || ft == String.class || (ft.isArray() && ft.getComponentType().isPrimitive())) continue;
            exposing.add(k);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return exposing;
    }

    private static boolean isPrimitive(String t) {
      return switch (t) {
        case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
        default -> false;
      };
    }
  }
}
