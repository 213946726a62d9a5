package dev.noescape.jitbench.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** The offset walk against ASM's tree API: same allocations, in the same order, on the same lines. */
class MethodCodeTest {
  private static byte[] bytes(Class<?> c) throws IOException {
    try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  /** (opcode name + type, line) per allocation, as ASM's tree sees them. */
  private static List<String> asmAllocations(MethodNode m) {
    List<String> out = new ArrayList<>();
    int line = 0;
    for (AbstractInsnNode n : m.instructions) {
      if (n instanceof LineNumberNode ln) line = ln.line;
      String what = switch (n.getOpcode()) {
        case Opcodes.NEW -> "new " + ((TypeInsnNode) n).desc;
        case Opcodes.ANEWARRAY -> "anewarray " + ((TypeInsnNode) n).desc;
        case Opcodes.MULTIANEWARRAY -> "multianewarray " + ((MultiANewArrayInsnNode) n).desc;
        case Opcodes.NEWARRAY -> "newarray " + ((IntInsnNode) n).operand;
        default -> null;
      };
      if (what != null) out.add(what + " @" + line);
    }
    return out;
  }

  private static String atype(String primitiveArray) {
    return switch (primitiveArray) {
      case "int[]" -> "10";
      case "long[]" -> "11";
      case "double[]" -> "7";
      default -> primitiveArray;
    };
  }

  @Test
  void allocationsMatchAsmInOrderTypeAndLine() throws IOException {
    byte[] bytes = bytes(Fixture.class);
    Map<String, MethodCode> code = MethodCode.read(bytes);
    ClassNode cn = new ClassNode();
    new ClassReader(bytes).accept(cn, 0);
    int checked = 0;
    for (MethodNode m : cn.methods) {
      MethodCode mc = code.get(m.name + m.desc);
      assertNotNull(mc, m.name);
      List<String> ours = new ArrayList<>();
      for (MethodCode.Allocation a : mc.allocations()) {
        String type = a.opcode().equals("newarray") ? atype(a.type()) : a.type();
        ours.add(a.opcode() + " " + type + " @" + a.line());
      }
      assertEquals(asmAllocations(m), ours, m.name);
      checked += ours.size();
    }
    assertEquals(9, checked, "the fixture's allocations");
  }

  @Test
  void bcisPointAtTheAllocationOpcodes() throws IOException {
    byte[] bytes = bytes(Fixture.class);
    for (Map.Entry<String, MethodCode> e : MethodCode.read(bytes).entrySet()) {
      for (MethodCode.Allocation a : e.getValue().allocations()) {
        assertTrue(a.bci() >= 0 && a.bci() < e.getValue().length(), e.getKey() + " bci " + a.bci());
      }
    }
    // After 130 long locals the int[] of wideLocals is stored with a wide istore: the walk must
    // still find it, and it is the only allocation there.
    MethodCode wide = MethodCode.read(bytes).get("wideLocals(I)I");
    assertEquals(1, wide.allocations().size());
    assertEquals("newarray", wide.allocations().get(0).opcode());
  }

  @Test
  void cuttingABranchMakesOneArmUnreachable() throws IOException {
    MethodCode mc = MethodCode.read(bytes(Fixture.class)).get("branches(ZI)Ljava/lang/Object;");
    List<MethodCode.Allocation> allocs = mc.allocations();
    assertEquals(2, allocs.size());
    int ifBci = 1; // iload_0 at 0, ifeq at 1
    BitSet all = mc.reachable(Set.of(), Set.of(), Set.of());
    assertTrue(all.get(allocs.get(0).bci()) && all.get(allocs.get(1).bci()));
    // ifeq jumps to the else arm (new int[n]) when c is false: cutting the jump leaves the then arm.
    BitSet thenOnly = mc.reachable(Set.of(ifBci), Set.of(), Set.of());
    assertTrue(thenOnly.get(allocs.get(0).bci()));
    assertFalse(thenOnly.get(allocs.get(1).bci()));
    BitSet elseOnly = mc.reachable(Set.of(), Set.of(ifBci), Set.of());
    assertFalse(elseOnly.get(allocs.get(0).bci()));
    assertTrue(elseOnly.get(allocs.get(1).bci()));
  }

  @Test
  void aTrapWithoutDirectionCutsTheArmThatOnlyThrows() throws IOException {
    MethodCode mc = MethodCode.read(bytes(Fixture.class)).get("checked(Ljava/lang/Object;)I");
    MethodCode.Allocation npe = mc.allocations().get(0);
    assertEquals("java/lang/NullPointerException", npe.type());
    int branch = 1; // aload_0 at 0, ifnonnull at 1
    assertTrue(mc.reachable(Set.of(), Set.of(), Set.of()).get(npe.bci()));
    assertFalse(mc.reachable(Set.of(), Set.of(), Set.of(branch)).get(npe.bci()));
  }

  @Test
  void handlersAreReachableThroughTheirCoveredRange() throws IOException {
    MethodCode mc = MethodCode.read(bytes(Fixture.class)).get("handler(Ljava/lang/String;)Ljava/lang/Object;");
    MethodCode.Allocation inHandler = mc.allocations().get(0);
    assertEquals("java/lang/IllegalStateException", inHandler.type());
    assertTrue(mc.reachable(Set.of(), Set.of(), Set.of()).get(inHandler.bci()));
  }

  @Test
  void linesOfBcis() throws IOException {
    MethodCode mc = MethodCode.read(bytes(Fixture.class)).get("branches(ZI)Ljava/lang/Object;");
    assertEquals(0, MethodCode.read(bytes(Fixture.class)).get("<init>()V").allocations().size());
    assertTrue(mc.line(0) > 0);
    assertEquals(mc.allocations().get(0).line() + 2, mc.allocations().get(1).line());
  }
}
