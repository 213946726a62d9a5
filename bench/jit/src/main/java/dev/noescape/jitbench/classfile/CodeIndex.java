package dev.noescape.jitbench.classfile;

import dev.noescape.jitbench.compilelog.LogMethod;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The code of the methods a compilation log names, read once per class from a {@link ClassSource}. */
public final class CodeIndex {
  private final ClassSource classes;
  private final Map<String, Map<String, MethodCode>> byClass = new ConcurrentHashMap<>();

  public CodeIndex(ClassSource classes) {
    this.classes = classes;
  }

  /** The method's code, or null: no class file (hidden classes such as lambda forms), or no such method. */
  public MethodCode code(LogMethod m) {
    if (m == null) return null;
    return byClass.computeIfAbsent(m.internalHolder(), CodeIndex.this::read).get(m.name() + m.descriptor());
  }

  private Map<String, MethodCode> read(String internalName) {
    if (internalName.contains("/0x") || internalName.contains("$$Lambda")) return Map.of();
    byte[] bytes = classes.bytes(internalName);
    return bytes == null ? Map.of() : MethodCode.read(bytes);
  }
}
