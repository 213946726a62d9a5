package dev.noescape.bytecode;

import dev.noescape.bytecode.lower.Offsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The allocating and calling instructions of a class file's methods with their bytecode offsets
 * ({@link Offsets.Insn}), for {@link Offsets#assign}.
 *
 * <p>ASM's visitor API hides offsets (it folds {@code ldc_w}, {@code iload_0} and {@code wide} into
 * one form). A {@link ClassWriter} that copies the reader's constant pool writes every instruction in
 * its original form again, at its original offset, and resolves the labels it is given to those
 * offsets: a label is put before each instruction of interest and read back once the class is written.
 * The written class is thrown away.
 */
final class InstructionOffsets {
  private InstructionOffsets() {}

  private record Mark(Label label, int line, String key) {}

  /** Per method ({@code name + descriptor}), its instructions in bytecode order; empty when unreadable. */
  static Map<String, List<Offsets.Insn>> of(byte[] classFile) {
    Map<String, List<Mark>> marks = new HashMap<>();
    try {
      ClassReader reader = new ClassReader(classFile);
      ClassWriter writer = new ClassWriter(reader, 0);
      reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
          List<Mark> list = new ArrayList<>();
          marks.put(name + descriptor, list);
          return new Marker(super.visitMethod(access, name, descriptor, signature, exceptions), list);
        }
      }, ClassReader.SKIP_FRAMES);
      writer.toByteArray();
    } catch (RuntimeException e) {
      return Map.of(); // SootUp reports a class it cannot read; without offsets its sites match by line
    }
    Map<String, List<Offsets.Insn>> out = new HashMap<>();
    marks.forEach((method, list) -> {
      if (list.isEmpty()) return;
      List<Offsets.Insn> insns = new ArrayList<>(list.size());
      for (Mark m : list) insns.add(new Offsets.Insn(m.label().getOffset(), m.line(), m.key()));
      out.put(method, List.copyOf(insns));
    });
    return out;
  }

  /** Puts a label before each instruction that allocates or calls, with the line it is on. */
  private static final class Marker extends MethodVisitor {
    private final List<Mark> marks;
    private int line;

    Marker(MethodVisitor next, List<Mark> marks) {
      super(Opcodes.ASM9, next);
      this.marks = marks;
    }

    private void mark(String key) {
      Label l = new Label();
      super.visitLabel(l);
      // interned: a program repeats a few thousand keys (a call to StringBuilder.append) many times
      marks.add(new Mark(l, line, key.intern()));
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      this.line = line;
      super.visitLineNumber(line, start);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      if (opcode == Opcodes.NEW) mark(Offsets.newKey(Type.getObjectType(type).getClassName()));
      if (opcode == Opcodes.ANEWARRAY) mark(Offsets.arrayKey(Type.getObjectType(type).getClassName() + "[]"));
      super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      if (opcode == Opcodes.NEWARRAY) mark(Offsets.arrayKey(primitive(operand) + "[]"));
      super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      mark(Offsets.arrayKey(Type.getType(descriptor).getClassName()));
      super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      mark(Offsets.invokeKey(Type.getObjectType(owner).getClassName(), name, params(descriptor)));
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
      mark(Offsets.dynamicKey(name, params(descriptor)));
      super.visitInvokeDynamicInsn(name, descriptor, bsm, bsmArgs);
    }

    private static List<String> params(String descriptor) {
      Type[] args = Type.getArgumentTypes(descriptor);
      List<String> out = new ArrayList<>(args.length);
      for (Type t : args) out.add(t.getClassName());
      return out;
    }

    private static String primitive(int typeCode) {
      return switch (typeCode) {
        case Opcodes.T_BOOLEAN -> "boolean";
        case Opcodes.T_CHAR -> "char";
        case Opcodes.T_FLOAT -> "float";
        case Opcodes.T_DOUBLE -> "double";
        case Opcodes.T_BYTE -> "byte";
        case Opcodes.T_SHORT -> "short";
        case Opcodes.T_INT -> "int";
        default -> "long";
      };
    }
  }
}
