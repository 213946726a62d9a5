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
   * none or cannot be read), whether its InnerClasses attribute says it is anonymous, and, when
   * asked for, the offsets of its methods' allocating and calling instructions
   * ({@link InstructionOffsets}; by {@code name + descriptor}).
   */
  record Entry(String display, String className, int major, String sourceFile, boolean anonymous,
      Map<String, List<dev.noescape.bytecode.locals.Locals.Var>> reusedSlots, Map<String, Integer> oversized,
      Map<String, List<dev.noescape.bytecode.lower.Offsets.Insn>> offsets) {
    Entry(String display, String className, int major, String sourceFile, boolean anonymous) {
      this(display, className, major, sourceFile, anonymous, Map.of(), Map.of(), Map.of());
    }
  }

  /**
   * Methods with more bytecode instructions than this are not lowered (a budget): SootUp's body
   * building is quadratic in a method's stack locals (it checks each new name against all
   * others), so one table initializer of 20,000 instructions (groovy 4's bundled ANTLR
   * {@code UnicodeData.addPropertyAliases}) takes minutes. Real methods stay far below: guava's
   * largest is a 5,150-instruction table in a static initializer.
   */
  static final int MAX_INSTRUCTIONS = 10_000;

  /**
   * The class files under {@code root}; with {@code offsets}, each with its instruction offsets (the
   * inputs of a run: their sites are the ones a recording's stack frames are matched to).
   */
  static List<Entry> list(Path root, List<BytecodeAnalysis.Problem> problems, boolean offsets) {
    List<Entry> out = new ArrayList<>();
    String rootName = root.getFileName() == null ? root.toString() : root.getFileName().toString();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          for (Path p : (Iterable<Path>) s.sorted()::iterator) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (!rel.endsWith(".class") || rel.endsWith("module-info.class") || rel.startsWith("META-INF/")) continue;
            try (InputStream in = Files.newInputStream(p)) {
              out.add(entry(rootName + "/" + rel, className(rel), in.readAllBytes(), offsets));
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
              out.add(entry(rootName + "!" + n, className(n), in.readAllBytes(), offsets));
            }
          }
        }
      } else {
        problems.add(new BytecodeAnalysis.Problem(root.toString(), "no such jar or directory"));
      }
    } catch (java.util.zip.ZipException e) {
      // a jar cut short (an interrupted download) or not a zip at all: its central directory is gone
      problems.add(new BytecodeAnalysis.Problem(root.toString(), "not a readable jar (truncated or corrupt: " + e.getMessage()
          + "): skipped"));
    } catch (IOException | RuntimeException e) {
      problems.add(new BytecodeAnalysis.Problem(root.toString(), "cannot list classes: " + e.getMessage()));
    }
    return out;
  }

  private static String className(String rel) {
    return rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
  }

  private static Entry entry(String display, String className, byte[] b, boolean withOffsets) {
    int major = major(b);
    if (major == 0) return new Entry(display, className, 0, null, false);
    String[] source = {null};
    boolean[] anonymous = {false};
    String internal = className.replace('.', '/');
    Map<String, List<dev.noescape.bytecode.locals.Locals.Var>> reused = new HashMap<>();
    Map<String, Integer> oversized = new HashMap<>();
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
          return new LocalTableReader(name + descriptor, reused, oversized, methodKey(name, descriptor));
        }
      }, org.objectweb.asm.ClassReader.SKIP_FRAMES);
    } catch (RuntimeException e) {
      // unreadable beyond the header: SootUp reports it when the class is read
    }
    String pkg = internal.lastIndexOf('/') >= 0 ? internal.substring(0, internal.lastIndexOf('/') + 1) : "";
    return new Entry(display, className, major, source[0] == null ? null : pkg + source[0], anonymous[0], reused, oversized,
        withOffsets ? InstructionOffsets.of(b) : Map.of());
  }

  /** {@code name(java.lang.String,int[])}: how {@link ProgramLowering} names a method of the class. */
  static String methodKey(String name, String descriptor) {
    StringBuilder b = new StringBuilder(name).append('(');
    org.objectweb.asm.Type[] args = org.objectweb.asm.Type.getArgumentTypes(descriptor);
    for (int i = 0; i < args.length; i++) b.append(i == 0 ? "" : ",").append(args[i].getClassName());
    return b.append(')').toString();
  }

  /**
   * The LocalVariableTable of a method whose slots hold several differently named variables (javac
   * reuses the slots of a block's variables after it), each variable with the line of the store
   * that starts it; kept only for such methods. SootUp names every variable of a slot after one of
   * its entries ({@code i#1} for the {@code orders} that took the slot of a loop's {@code i}), and
   * {@link dev.noescape.bytecode.locals.Locals} corrects the names with these. Also counts the
   * instructions, to leave out methods over {@link #MAX_INSTRUCTIONS}.
   */
  private static final class LocalTableReader extends org.objectweb.asm.MethodVisitor {
    private final String key;
    private final Map<String, List<dev.noescape.bytecode.locals.Locals.Var>> out;
    private final Map<String, Integer> oversized;
    private final String methodKey;
    private int instructions;
    private final Map<org.objectweb.asm.Label, Integer> lineBefore = new HashMap<>();
    private final List<dev.noescape.bytecode.locals.Locals.Var> vars = new ArrayList<>();
    private int line;

    LocalTableReader(String key, Map<String, List<dev.noescape.bytecode.locals.Locals.Var>> out, Map<String, Integer> oversized,
        String methodKey) {
      super(org.objectweb.asm.Opcodes.ASM9);
      this.key = key;
      this.out = out;
      this.oversized = oversized;
      this.methodKey = methodKey;
    }

    // ---- every kind of instruction counts one ----
    @Override
    public void visitInsn(int opcode) {
      instructions++;
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      instructions++;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      instructions++;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      instructions++;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      instructions++;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      instructions++;
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bsm, Object... bsmArgs) {
      instructions++;
    }

    @Override
    public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
      instructions++;
    }

    @Override
    public void visitLdcInsn(Object value) {
      instructions++;
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      instructions++;
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, org.objectweb.asm.Label dflt, org.objectweb.asm.Label... labels) {
      instructions++;
    }

    @Override
    public void visitLookupSwitchInsn(org.objectweb.asm.Label dflt, int[] keys, org.objectweb.asm.Label[] labels) {
      instructions++;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      instructions++;
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
      vars.add(new dev.noescape.bytecode.locals.Locals.Var(index, name, lineBefore.getOrDefault(start, 0)));
    }

    @Override
    public void visitEnd() {
      if (instructions > MAX_INSTRUCTIONS) oversized.put(methodKey, instructions);
      Map<Integer, String> first = new HashMap<>();
      boolean reused = false;
      for (dev.noescape.bytecode.locals.Locals.Var v : vars) {
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
