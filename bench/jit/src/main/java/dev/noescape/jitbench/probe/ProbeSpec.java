package dev.noescape.jitbench.probe;

/**
 * One probe of the suite, as its {@link Probe} annotation and its method declare it.
 *
 * @param className binary name of the declaring class
 * @param methodName the probe method ({@code static int m(int n, int i)})
 * @param sourcePath the declaring file relative to the source root ({@code dev/noescape/.../Basics.java})
 */
public record ProbeSpec(
    String id,
    String group,
    String pair,
    Expect jdk17,
    Expect jdk25,
    String hotspot,
    String callee,
    String note,
    String className,
    String methodName,
    String sourcePath) {

  /** The author's expectation for a JDK feature release: 17 and 25 only (null for others). */
  public Expect expected(int feature) {
    return switch (feature) {
      case 17 -> jdk17;
      case 25 -> jdk25;
      default -> null;
    };
  }

  /** {@code -XX:CompileCommand} method pattern of the probe itself: {@code pkg.Class::method}. */
  public String compileCommandPattern() {
    return className + "::" + methodName;
  }

  /** How HotSpot's compiler code list names the probe: {@code pkg.Class.method(II)I}. */
  public String codeListName() {
    return className + "." + methodName + "(II)I";
  }
}
