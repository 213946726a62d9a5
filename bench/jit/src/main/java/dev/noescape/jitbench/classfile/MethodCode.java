package dev.noescape.jitbench.classfile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * The code of one method as bytecode offsets, which is how HotSpot's logs name places: its
 * allocation instructions, its line table and its control flow. ASM reads the class file
 * structure and constant pool; its visitor API hides instruction offsets (it folds {@code ldc_w},
 * {@code iload_0}, {@code wide} into one form), so the Code attribute's instructions are walked
 * here by their lengths (JVMS §6.5).
 */
public final class MethodCode {
  /** An allocation instruction: its bci, opcode ({@code new}, {@code newarray}, …), allocated type and line. */
  public record Allocation(int bci, String opcode, String type, int line) {}

  /** The line table and the exception table, as offsets. */
  private record Tables(int[] lineStarts, int[] lines, int[] handlerStarts, int[] handlerEnds, int[] handlerTargets) {}

  private final byte[] code;
  private final Tables tables;
  private final List<Allocation> allocations = new ArrayList<>();
  private final BitSet instructionStarts = new BitSet();

  private MethodCode(byte[] code, Tables tables) {
    this.code = code;
    this.tables = tables;
  }

  public List<Allocation> allocations() {
    return allocations;
  }

  /** The bytecode length of the method. */
  public int length() {
    return code.length;
  }

  /** The source line of {@code bci} (0 without a line table). */
  public int line(int bci) {
    int line = 0;
    int best = -1;
    int[] starts = tables.lineStarts();
    for (int k = 0; k < starts.length; k++) {
      if (starts[k] <= bci && starts[k] > best) {
        best = starts[k];
        line = tables.lines()[k];
      }
    }
    return line;
  }

  /** Every method with code of the class file {@code bytes}, keyed by {@code name + descriptor}. */
  public static Map<String, MethodCode> read(byte[] bytes) {
    ClassReader cr = new ClassReader(bytes);
    char[] buf = new char[cr.getMaxStringLength()];
    Map<String, MethodCode> out = new HashMap<>();
    int u = cr.header + 6;
    u += 2 + 2 * cr.readUnsignedShort(u);
    int fields = cr.readUnsignedShort(u);
    u += 2;
    for (int f = 0; f < fields; f++) u = skipMember(cr, u);
    int methods = cr.readUnsignedShort(u);
    u += 2;
    for (int m = 0; m < methods; m++) {
      String name = cr.readUTF8(u + 2, buf);
      String desc = cr.readUTF8(u + 4, buf);
      int attrs = cr.readUnsignedShort(u + 6);
      u += 8;
      for (int a = 0; a < attrs; a++) {
        String attr = cr.readUTF8(u, buf);
        int len = cr.readInt(u + 2);
        if (attr.equals("Code")) out.put(name + desc, code(cr, buf, bytes, u + 6));
        u += 6 + len;
      }
    }
    return out;
  }

  private static int skipMember(ClassReader cr, int u) {
    int attrs = cr.readUnsignedShort(u + 6);
    u += 8;
    for (int a = 0; a < attrs; a++) u += 6 + cr.readInt(u + 2);
    return u;
  }

  private static MethodCode code(ClassReader cr, char[] buf, byte[] bytes, int start) {
    int codeLength = cr.readInt(start + 4);
    int codeStart = start + 8;
    byte[] code = java.util.Arrays.copyOfRange(bytes, codeStart, codeStart + codeLength);
    int u = codeStart + codeLength;
    int handlers = cr.readUnsignedShort(u);
    int[] hs = new int[handlers];
    int[] he = new int[handlers];
    int[] ht = new int[handlers];
    for (int h = 0; h < handlers; h++) {
      int e = u + 2 + 8 * h;
      hs[h] = cr.readUnsignedShort(e);
      he[h] = cr.readUnsignedShort(e + 2);
      ht[h] = cr.readUnsignedShort(e + 4);
    }
    u += 2 + 8 * handlers;
    List<int[]> table = new ArrayList<>();
    int attrs = cr.readUnsignedShort(u);
    u += 2;
    for (int a = 0; a < attrs; a++) {
      String attr = cr.readUTF8(u, buf);
      int len = cr.readInt(u + 2);
      if (attr.equals("LineNumberTable")) {
        int n = cr.readUnsignedShort(u + 6);
        for (int k = 0; k < n; k++) {
          table.add(new int[] {cr.readUnsignedShort(u + 8 + 4 * k), cr.readUnsignedShort(u + 10 + 4 * k)});
        }
      }
      u += 6 + len;
    }
    int[] starts = new int[table.size()];
    int[] lines = new int[table.size()];
    for (int k = 0; k < table.size(); k++) {
      starts[k] = table.get(k)[0];
      lines[k] = table.get(k)[1];
    }
    MethodCode mc = new MethodCode(code, new Tables(starts, lines, hs, he, ht));
    mc.walk(cr, buf, codeStart);
    return mc;
  }

  /** Records instruction starts and allocations. */
  private void walk(ClassReader cr, char[] buf, int codeStart) {
    int bci = 0;
    while (bci < code.length) {
      instructionStarts.set(bci);
      int op = code[bci] & 0xff;
      switch (op) {
        case Bytecodes.NEW, Bytecodes.ANEWARRAY, Bytecodes.MULTIANEWARRAY ->
            allocations.add(new Allocation(bci, Bytecodes.name(op), cr.readClass(codeStart + bci + 1, buf), line(bci)));
        case Bytecodes.NEWARRAY -> allocations.add(new Allocation(bci, "newarray",
            Bytecodes.primitiveArray(code[bci + 1]), line(bci)));
        default -> {}
      }
      bci += Bytecodes.length(code, bci);
    }
  }

  /**
   * The instructions reachable from the entry when the given edges are cut: {@code cutTargets}
   * holds the bcis of conditional branches whose jump is never taken (C2 put an uncommon trap
   * there), {@code cutFallthrough} those whose fall-through is never taken; {@code trapped} those
   * where C2 put a trap without saying which way (a {@code null_check} or {@code range_check}
   * trap at the branch): there the arm from which no return is reachable (the one that throws)
   * is cut, when exactly one arm is such. Exception handlers are reachable when any instruction
   * they cover is.
   */
  public BitSet reachable(Set<Integer> cutTargets, Set<Integer> cutFallthrough, Set<Integer> trapped) {
    Set<Integer> jumps = new HashSet<>(cutTargets);
    Set<Integer> falls = new HashSet<>(cutFallthrough);
    if (!trapped.isEmpty()) {
      BitSet returns = canReturn();
      for (int bci : trapped) {
        if (bci < 0 || bci >= code.length || !Bytecodes.isConditional(code[bci] & 0xff)) continue;
        boolean jumpReturns = returns.get(Bytecodes.jumpTarget(code, bci));
        boolean fallReturns = returns.get(bci + 3);
        if (jumpReturns && !fallReturns) falls.add(bci);
        else if (!jumpReturns && fallReturns) jumps.add(bci);
      }
    }
    BitSet seen = new BitSet(code.length);
    List<Integer> work = new ArrayList<>();
    work.add(0);
    boolean changed = true;
    while (changed) {
      while (!work.isEmpty()) {
        int bci = work.remove(work.size() - 1);
        if (bci < 0 || bci >= code.length || seen.get(bci)) continue;
        seen.set(bci);
        for (int s : Bytecodes.successors(code, bci, jumps.contains(bci), falls.contains(bci))) {
          work.add(s);
        }
      }
      changed = false;
      for (int h = 0; h < tables.handlerStarts().length; h++) {
        int target = tables.handlerTargets()[h];
        if (seen.get(target)) continue;
        int covered = seen.nextSetBit(tables.handlerStarts()[h]);
        if (covered >= 0 && covered < tables.handlerEnds()[h]) {
          work.add(target);
          changed = true;
        }
      }
    }
    return seen;
  }

  /** The instructions from which a return instruction is reachable (exception edges ignored). */
  private BitSet canReturn() {
    BitSet can = new BitSet(code.length);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int bci = instructionStarts.nextSetBit(0); bci >= 0; bci = instructionStarts.nextSetBit(bci + 1)) {
        if (can.get(bci)) continue;
        int op = code[bci] & 0xff;
        boolean r = op >= 0xac && op <= 0xb1;
        for (int s : Bytecodes.successors(code, bci, false, false)) r |= s >= 0 && s < code.length && can.get(s);
        if (r) {
          can.set(bci);
          changed = true;
        }
      }
    }
    return can;
  }
}
