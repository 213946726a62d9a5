package dev.noescape.bytecode.hierarchy;

import dev.noescape.ir.TypeHierarchy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class hierarchy the lowering asks about: which class declares an inherited method, whether
 * a method is variable-arity, whether a type is a {@code Collection}, which program classes
 * override a method.
 *
 * <p>Two sources, never mixed up: the program (input and class-path classes, described by
 * {@link ClassInfo}s the driver registers while it reads them) and the JDK, which is deliberately
 * not in the SootUp view (it would cost a scan of ~27,000 classes and gigabytes). JDK questions are
 * answered by reflection on the running JDK with {@code Class.forName(name, false, loader)}: the
 * class is loaded, never initialized. A class neither source knows is "unknown": the answers are
 * then the conservative ones (declared where the bytecode says, not varargs, open dispatch).
 */
public final class Hierarchy implements TypeHierarchy {
  /**
   * What the lowering needs to know of a program class.
   *
   * @param enclosed every subclass is declared next to it: an anonymous or private nested class, or
   *     a class whose constructors are all private or synthetic (the access constructors javac
   *     before 11 made for a nest): only its nestmates can call them, and a nest is compiled into
   *     one jar
   */
  public record ClassInfo(
      String name,
      String superName,
      List<String> interfaces,
      boolean isInterface,
      boolean isFinal,
      boolean isPublic,
      Map<String, Integer> methods,
      boolean enclosed) {

    /** Method flags by {@code name(p1,p2)}. */
    public static final int STATIC = 1, ABSTRACT = 2, VARARGS = 4, PRIVATE = 8, FINAL = 16, SYNTHETIC = 32;

    /** Whether a class has constructors and each is private or synthetic. */
    public static boolean onlyPrivateConstructors(Map<String, Integer> methods) {
      boolean any = false;
      for (Map.Entry<String, Integer> e : methods.entrySet()) {
        if (!e.getKey().startsWith("<init>(")) continue;
        if ((e.getValue() & (PRIVATE | SYNTHETIC)) == 0) return false;
        any = true;
      }
      return any;
    }
  }

  private final Map<String, ClassInfo> program = new HashMap<>();
  private final Map<String, Class<?>> jdk = new HashMap<>();
  private final Set<String> missing = new HashSet<>();
  private final Map<String, List<String>> subtypes = new HashMap<>();
  private final Map<String, String> declaringCache = new HashMap<>();
  private final ClassLoader loader = ClassLoader.getPlatformClassLoader();

  public void add(ClassInfo c) {
    program.put(c.name(), c);
    if (c.superName() != null) subtypes.computeIfAbsent(c.superName(), k -> new ArrayList<>()).add(c.name());
    for (String i : c.interfaces()) subtypes.computeIfAbsent(i, k -> new ArrayList<>()).add(c.name());
  }

  public ClassInfo programClass(String name) {
    return program.get(name);
  }

  public boolean inProgram(String name) {
    return program.containsKey(name);
  }

  /** The JDK class of that binary name, loaded without initialization, or null. */
  public Class<?> jdkClass(String name) {
    if (name == null || program.containsKey(name) || missing.contains(name)) return null;
    Class<?> c = jdk.get(name);
    if (c != null) return c;
    try {
      c = Class.forName(name, false, loader);
      jdk.put(name, c);
      return c;
    } catch (ClassNotFoundException | LinkageError e) {
      missing.add(name);
      return null;
    }
  }

  private static String sub(String name, List<String> params) {
    return name + "(" + String.join(",", params) + ")";
  }

  /**
   * The class that declares {@code name(params)} as seen from {@code owner} (the class the bytecode
   * names): the owner itself, a superclass, or a superinterface. A declaring class the program cannot
   * name (a package-private JDK class such as {@code AbstractStringBuilder}) is replaced by the
   * owner, as javac does. Unknown: the owner.
   */
  public String declaring(String owner, String name, List<String> params) {
    String key = owner + "#" + sub(name, params);
    String d = declaringCache.get(key);
    if (d != null) return d;
    d = findDeclaring(owner, name, params, new HashSet<>());
    if (d == null) d = owner;
    else if (!d.equals(owner) && !accessible(d)) d = owner;
    declaringCache.put(key, d);
    return d;
  }

  private boolean accessible(String cls) {
    ClassInfo c = program.get(cls);
    if (c != null) return true; // program classes are named as the bytecode names them
    Class<?> k = jdkClass(cls);
    return k == null || Modifier.isPublic(k.getModifiers());
  }

  private String findDeclaring(String cls, String name, List<String> params, Set<String> seen) {
    if (cls == null || !seen.add(cls)) return null;
    ClassInfo c = program.get(cls);
    if (c != null) {
      if (c.methods().containsKey(sub(name, params))) return cls;
      String s = findDeclaring(c.superName(), name, params, seen);
      if (s != null) return s;
      for (String i : c.interfaces()) {
        s = findDeclaring(i, name, params, seen);
        if (s != null) return s;
      }
      return null;
    }
    Class<?> k = jdkClass(cls);
    if (k == null) return null;
    Method m = jdkMethod(k, name, params);
    if (m != null) return cls;
    String s = findDeclaring(k.getSuperclass() == null ? null : k.getSuperclass().getName(), name, params, seen);
    if (s != null) return s;
    for (Class<?> i : k.getInterfaces()) {
      s = findDeclaring(i.getName(), name, params, seen);
      if (s != null) return s;
    }
    if (k.isInterface()) return findDeclaring("java.lang.Object", name, params, seen);
    return null;
  }

  private static Method jdkMethod(Class<?> k, String name, List<String> params) {
    Method[] ms;
    try {
      ms = k.getDeclaredMethods();
    } catch (LinkageError | SecurityException e) {
      return null;
    }
    outer:
    for (Method m : ms) {
      if (!m.getName().equals(name) || m.getParameterCount() != params.size() || m.isBridge()) continue;
      Class<?>[] ps = m.getParameterTypes();
      for (int i = 0; i < ps.length; i++) if (!typeName(ps[i]).equals(params.get(i))) continue outer;
      return m;
    }
    return null;
  }

  /** {@code int[]}, {@code java.util.Map$Entry}: the IR's type names. */
  public static String typeName(Class<?> c) {
    if (c.isArray()) return typeName(c.getComponentType()) + "[]";
    return c.getName();
  }

  /** Whether {@code owner.name(params)} (or the method it inherits) is declared variable-arity. */
  public boolean isVarargs(String owner, String name, List<String> params) {
    String d = findDeclaring(owner, name, params, new HashSet<>());
    if (d == null) return false;
    ClassInfo c = program.get(d);
    if (c != null) {
      Integer f = c.methods().get(sub(name, params));
      return f != null && (f & ClassInfo.VARARGS) != 0;
    }
    Class<?> k = jdkClass(d);
    if (k == null) return false;
    if ("<init>".equals(name)) {
      for (var ctor : k.getDeclaredConstructors()) {
        if (ctor.getParameterCount() == params.size() && sameParams(ctor.getParameterTypes(), params)) return ctor.isVarArgs();
      }
      return false;
    }
    Method m = jdkMethod(k, name, params);
    return m != null && m.isVarArgs();
  }

  /** Whether a program class's constructor with these parameters is synthetic (javac's access constructor). */
  public boolean isSyntheticConstructor(String owner, List<String> params) {
    ClassInfo c = program.get(owner);
    Integer f = c == null ? null : c.methods().get(sub("<init>", params));
    return f != null && (f & ClassInfo.SYNTHETIC) != 0;
  }

  /** Constructors are declared by the class itself: only the variable-arity question applies. */
  public boolean isVarargsConstructor(String owner, List<String> params) {
    ClassInfo c = program.get(owner);
    if (c != null) {
      Integer f = c.methods().get(sub("<init>", params));
      return f != null && (f & ClassInfo.VARARGS) != 0;
    }
    Class<?> k = jdkClass(owner);
    if (k == null) return false;
    try {
      for (var ctor : k.getDeclaredConstructors()) {
        if (ctor.getParameterCount() == params.size() && sameParams(ctor.getParameterTypes(), params)) return ctor.isVarArgs();
      }
    } catch (LinkageError | SecurityException e) {
      return false;
    }
    return false;
  }

  private static boolean sameParams(Class<?>[] ps, List<String> params) {
    for (int i = 0; i < ps.length; i++) if (!typeName(ps[i]).equals(params.get(i))) return false;
    return true;
  }

  /** Whether {@code type} is {@code sup} or a subtype of it (program or JDK); false when unknown. */
  @Override
  public boolean isSubtype(String type, String sup) {
    return subtype(type, sup, new HashSet<>(), false);
  }

  /**
   * Walks the program supertypes of {@code type} up to {@code sup}; a class neither the program nor
   * the JDK knows answers {@code ifUnknown} (it may be anything).
   */
  private boolean subtype(String type, String sup, Set<String> seen, boolean ifUnknown) {
    if (type == null || !seen.add(type)) return false;
    if (type.equals(sup)) return true;
    ClassInfo c = program.get(type);
    if (c != null) {
      if (subtype(c.superName(), sup, seen, ifUnknown)) return true;
      for (String i : c.interfaces()) if (subtype(i, sup, seen, ifUnknown)) return true;
      return false;
    }
    Class<?> k = jdkClass(type);
    if (k == null) return ifUnknown;
    if (program.containsKey(sup)) return false; // JDK classes extend no program class
    Class<?> s = jdkClass(sup);
    return s == null ? ifUnknown : s.isAssignableFrom(k);
  }

  /**
   * The program classes below {@code owner} that declare a concrete {@code name(params)}: the
   * implementations a virtual call may reach inside the analyzed code (closed world).
   */
  public List<String> overriders(String owner, String name, List<String> params) {
    List<String> out = new ArrayList<>();
    String s = sub(name, params);
    ArrayList<String> work = new ArrayList<>(subtypes.getOrDefault(owner, List.of()));
    Set<String> seen = new HashSet<>();
    while (!work.isEmpty()) {
      String c = work.remove(work.size() - 1);
      if (!seen.add(c)) continue;
      ClassInfo ci = program.get(c);
      if (ci == null) continue;
      Integer f = ci.methods().get(s);
      if (f != null && (f & (ClassInfo.ABSTRACT | ClassInfo.STATIC | ClassInfo.PRIVATE)) == 0) out.add(c);
      work.addAll(subtypes.getOrDefault(c, List.of()));
    }
    out.sort(null);
    return out;
  }

  /**
   * Whether a virtual call to {@code owner.name(params)} may reach code the analysis does not see:
   * false for private or final methods and final classes of the program; true for JDK and unknown
   * owners (a subclass in another jar may implement them), and for non-final program classes too
   * (their subclasses may live outside the analyzed jars).
   */
  public boolean dispatchOpen(String owner, String name, List<String> params) {
    ClassInfo c = program.get(owner);
    if (c != null) {
      Integer f = c.methods().get(sub(name, params));
      if (f != null && (f & (ClassInfo.PRIVATE | ClassInfo.FINAL | ClassInfo.STATIC)) != 0) return false;
      return !c.isFinal();
    }
    Class<?> k = jdkClass(owner);
    if (k != null && Modifier.isFinal(k.getModifiers())) return false;
    return true;
  }

  // ---- TypeHierarchy: the facts the engine resolves virtual calls with ----

  @Override
  public Subclassing subclassing(String type) {
    if (type == null) return Subclassing.OPEN;
    if (type.endsWith("[]")) return Subclassing.NONE;
    ClassInfo c = program.get(type);
    if (c != null) {
      if (c.isFinal()) return Subclassing.NONE;
      return c.enclosed() && !c.isInterface() ? Subclassing.PROGRAM : Subclassing.OPEN;
    }
    // A JDK class is closed only when final: its other subclasses may be anywhere.
    Class<?> k = jdkClass(type);
    return k != null && !k.isInterface() && Modifier.isFinal(k.getModifiers()) ? Subclassing.NONE : Subclassing.OPEN;
  }

  @Override
  public boolean declaresAbstract(String owner, String name, List<String> params) {
    ClassInfo c = program.get(owner);
    Integer f = c == null ? null : c.methods().get(sub(name, params));
    return f != null && (f & (ClassInfo.ABSTRACT | ClassInfo.STATIC)) == ClassInfo.ABSTRACT;
  }

  @Override
  public boolean declaresFunctionalInterface(String type) {
    ClassInfo c = program.get(type);
    if (c == null || !c.isInterface() || !c.interfaces().isEmpty()) return false;
    int abstracts = 0;
    for (int f : c.methods().values()) if ((f & (ClassInfo.ABSTRACT | ClassInfo.STATIC)) == ClassInfo.ABSTRACT) abstracts++;
    return abstracts == 1;
  }

  @Override
  public List<String> directSubtypes(String type) {
    return subtypes.getOrDefault(type, List.of());
  }

  @Override
  public boolean mayBeSubtype(String sub, String sup) {
    if (sub == null || sup == null || sub.equals(sup) || sup.equals("java.lang.Object")) return true;
    boolean subArray = sub.endsWith("[]"), supArray = sup.endsWith("[]");
    if (subArray || supArray) {
      if (!subArray) return false;
      if (!supArray) return sup.equals("java.lang.Cloneable") || sup.equals("java.io.Serializable");
      String a = sub.substring(0, sub.length() - 2), b = sup.substring(0, sup.length() - 2);
      return isPrimitive(a) || isPrimitive(b) ? a.equals(b) : mayBeSubtype(a, b);
    }
    return subtype(sub, sup, new HashSet<>(), true);
  }

  private static boolean isPrimitive(String t) {
    return t.indexOf('.') < 0 && !t.endsWith("[]") && Character.isLowerCase(t.charAt(0));
  }

  @Override
  public String selectMethod(String cls, String name, List<String> params) {
    String sub = sub(name, params);
    // The nearest superclass with a concrete declaration wins (private methods do not override).
    for (String c = cls; c != null; ) {
      ClassInfo ci = program.get(c);
      if (ci != null) {
        if (ci.isInterface()) return null;
        Integer f = ci.methods().get(sub);
        if (f != null && (f & (ClassInfo.STATIC | ClassInfo.PRIVATE)) == 0) {
          return (f & ClassInfo.ABSTRACT) == 0 ? c : null;
        }
        c = ci.superName();
        continue;
      }
      Class<?> k = jdkClass(c);
      if (k == null || k.isInterface()) return null;
      Method m = jdkMethod(k, name, params);
      if (m != null && !Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())) {
        return Modifier.isAbstract(m.getModifiers()) ? null : c;
      }
      c = k.getSuperclass() == null ? null : k.getSuperclass().getName();
    }
    // No class declares it: the one default method among the superinterfaces, if there is one.
    Set<String> defaults = new java.util.TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (String c = cls; c != null; ) {
      ClassInfo ci = program.get(c);
      Class<?> k = ci == null ? jdkClass(c) : null;
      if (ci == null && k == null) return null;
      List<String> ifs = new ArrayList<>();
      if (ci != null) ifs.addAll(ci.interfaces());
      else for (Class<?> i : k.getInterfaces()) ifs.add(i.getName());
      for (String i : ifs) if (!collectDefaults(i, name, params, defaults, seen)) return null;
      c = ci != null ? ci.superName() : k.getSuperclass() == null ? null : k.getSuperclass().getName();
    }
    return defaults.size() == 1 ? defaults.iterator().next() : null;
  }

  /** Adds the interfaces at or above {@code i} with a default {@code name(params)}; false when one is unknown. */
  private boolean collectDefaults(String i, String name, List<String> params, Set<String> out, Set<String> seen) {
    if (!seen.add(i)) return true;
    ClassInfo ci = program.get(i);
    List<String> supers = new ArrayList<>();
    if (ci != null) {
      Integer f = ci.methods().get(sub(name, params));
      if (f != null && (f & (ClassInfo.STATIC | ClassInfo.PRIVATE | ClassInfo.ABSTRACT)) == 0) out.add(i);
      supers.addAll(ci.interfaces());
    } else {
      Class<?> k = jdkClass(i);
      if (k == null) return false;
      Method m = jdkMethod(k, name, params);
      if (m != null && m.isDefault()) out.add(i);
      for (Class<?> s : k.getInterfaces()) supers.add(s.getName());
    }
    for (String s : supers) if (!collectDefaults(s, name, params, out, seen)) return false;
    return true;
  }
}
