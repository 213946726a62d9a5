package dev.noescape.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of one jar or directory, listed by this code rather than by SootUp so that every
 * class has a name a {@link BytecodeAnalysis.Problem} can point at ({@code x.jar!a/B.class}) even
 * when SootUp cannot read it, and so the class-file version (the target release) is read from the
 * header without parsing the class.
 */
final class ClassFiles {
  private ClassFiles() {}

  /**
   * One class file: where it is, its binary name, its major version (0 when the header is
   * unreadable), its source path (package path + SourceFile attribute, or null when the class has
   * none or cannot be read) and whether its InnerClasses attribute says it is anonymous.
   */
  record Entry(String display, String className, int major, String sourceFile, boolean anonymous,
      Map<String, List<dev.noescape.bytecode.lower.Locals.Var>> reusedSlots) {
    Entry(String display, String className, int major, String sourceFile, boolean anonymous) {
      this(display, className, major, sourceFile, anonymous, Map.of());
    }
  }

  static List<Entry> list(Path root, List<BytecodeAnalysis.Problem> problems) {
    List<Entry> out = new ArrayList<>();
    String rootName = root.getFileName() == null ? root.toString() : root.getFileName().toString();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          for (Path p : (Iterable<Path>) s.sorted()::iterator) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (!rel.endsWith(".class") || rel.endsWith("module-info.class") || rel.startsWith("META-INF/")) continue;
            try (InputStream in = Files.newInputStream(p)) {
              out.add(entry(rootName + "/" + rel, className(rel), in.readAllBytes()));
            }
          }
        }
      } else if (Files.isRegularFile(root)) {
        try (ZipFile z = new ZipFile(root.toFile())) {
          Enumeration<? extends ZipEntry> en = z.entries();
          List<ZipEntry> entries = new ArrayList<>();
          while (en.hasMoreElements()) entries.add(en.nextElement());
          entries.sort((a, b) -> a.getName().compareTo(b.getName()));
          for (ZipEntry e : entries) {
            String n = e.getName();
            if (!n.endsWith(".class") || n.endsWith("module-info.class") || n.startsWith("META-INF/")) continue;
            try (InputStream in = z.getInputStream(e)) {
              out.add(entry(rootName + "!" + n, className(n), in.readAllBytes()));
            }
          }
        }
      } else {
        problems.add(new BytecodeAnalysis.Problem(root.toString(), "no such jar or directory"));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new BytecodeAnalysis.Problem(root.toString(), "cannot list classes: " + e.getMessage()));
    }
    return out;
  }

  private static String className(String rel) {
    return rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
  }

  private static Entry entry(String display, String className, byte[] b) {
    int major = major(b);
    if (major == 0) return new Entry(display, className, 0, null, false);
    String[] source = {null};
    boolean[] anonymous = {false};
    String internal = className.replace('.', '/');
    Map<String, List<dev.noescape.bytecode.lower.Locals.Var>> reused = new HashMap<>();
    try {
      new org.objectweb.asm.ClassReader(b).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
        @Override
        public void visitSource(String file, String debug) {
          source[0] = file;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
          if (name.equals(internal) && innerName == null) anonymous[0] = true;
        }

        @Override
        public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
          return new LocalTableReader(name + descriptor, reused);
        }
      }, org.objectweb.asm.ClassReader.SKIP_FRAMES);
    } catch (RuntimeException e) {
      // unreadable beyond the header: SootUp reports it when the class is read
    }
    String pkg = internal.lastIndexOf('/') >= 0 ? internal.substring(0, internal.lastIndexOf('/') + 1) : "";
    return new Entry(display, className, major, source[0] == null ? null : pkg + source[0], anonymous[0], reused);
  }

  /**
   * The LocalVariableTable of a method whose slots hold several differently named variables (javac
   * reuses the slots of a block's variables after it), each variable with the line of the store
   * that starts it; kept only for such methods. SootUp names every variable of a slot after one of
   * its entries ({@code i#1} for the {@code orders} that took the slot of a loop's {@code i}), and
   * {@link dev.noescape.bytecode.lower.Locals} corrects the names with these.
   */
  private static final class LocalTableReader extends org.objectweb.asm.MethodVisitor {
    private final String key;
    private final Map<String, List<dev.noescape.bytecode.lower.Locals.Var>> out;
    private final Map<org.objectweb.asm.Label, Integer> lineBefore = new HashMap<>();
    private final List<dev.noescape.bytecode.lower.Locals.Var> vars = new ArrayList<>();
    private int line;

    LocalTableReader(String key, Map<String, List<dev.noescape.bytecode.lower.Locals.Var>> out) {
      super(org.objectweb.asm.Opcodes.ASM9);
      this.key = key;
      this.out = out;
    }

    @Override
    public void visitLabel(org.objectweb.asm.Label label) {
      // labels come before the line entry that starts at them: the line of the instruction before
      lineBefore.put(label, line);
    }

    @Override
    public void visitLineNumber(int line, org.objectweb.asm.Label start) {
      this.line = line;
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, org.objectweb.asm.Label start,
        org.objectweb.asm.Label end, int index) {
      vars.add(new dev.noescape.bytecode.lower.Locals.Var(index, name, lineBefore.getOrDefault(start, 0)));
    }

    @Override
    public void visitEnd() {
      Map<Integer, String> first = new HashMap<>();
      boolean reused = false;
      for (dev.noescape.bytecode.lower.Locals.Var v : vars) {
        String prev = first.putIfAbsent(v.slot(), v.name());
        if (prev != null && !prev.equals(v.name())) reused = true;
      }
      if (reused) out.put(key, List.copyOf(vars));
    }
  }

  /** The major version from the header, or 0 when it is not a class file (too short, wrong magic). */
  private static int major(byte[] h) {
    if (h.length < 8 || (h[0] & 0xff) != 0xCA || (h[1] & 0xff) != 0xFE || (h[2] & 0xff) != 0xBA || (h[3] & 0xff) != 0xBE) {
      return 0;
    }
    return ((h[6] & 0xff) << 8) | (h[7] & 0xff);
  }
}
