package dev.noescape.jitbench.classfile;

import java.util.ArrayList;
import java.util.List;

/** Instruction lengths and control-flow successors (JVMS §6.5), for {@link MethodCode}'s walk. */
final class Bytecodes {
  static final int NEW = 0xbb;
  static final int NEWARRAY = 0xbc;
  static final int ANEWARRAY = 0xbd;
  static final int MULTIANEWARRAY = 0xc5;
  private static final int TABLESWITCH = 0xaa;
  private static final int LOOKUPSWITCH = 0xab;
  private static final int WIDE = 0xc4;
  private static final int GOTO = 0xa7;
  private static final int GOTO_W = 0xc8;
  private static final int IINC = 0x84;

  /** Fixed instruction lengths; 0 for the variable ones (switches, wide). */
  private static final byte[] LENGTH = new byte[256];

  static {
    java.util.Arrays.fill(LENGTH, (byte) 1);
    for (int op : new int[] {0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc}) {
      LENGTH[op] = 2;
    }
    for (int op = 0x99; op <= 0xa8; op++) LENGTH[op] = 3;
    for (int op = 0xb2; op <= 0xb8; op++) LENGTH[op] = 3;
    for (int op : new int[] {0x11, 0x13, 0x14, 0x84, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7}) LENGTH[op] = 3;
    LENGTH[0xc5] = 4;
    for (int op : new int[] {0xb9, 0xba, 0xc8, 0xc9}) LENGTH[op] = 5;
    LENGTH[TABLESWITCH] = 0;
    LENGTH[LOOKUPSWITCH] = 0;
    LENGTH[WIDE] = 0;
  }

  private Bytecodes() {}

  static String name(int op) {
    return switch (op) {
      case NEW -> "new";
      case ANEWARRAY -> "anewarray";
      case MULTIANEWARRAY -> "multianewarray";
      case NEWARRAY -> "newarray";
      default -> "op" + op;
    };
  }

  /** {@code int[]}, … for newarray's atype operand. */
  static String primitiveArray(byte atype) {
    return switch (atype) {
      case 4 -> "boolean[]";
      case 5 -> "char[]";
      case 6 -> "float[]";
      case 7 -> "double[]";
      case 8 -> "byte[]";
      case 9 -> "short[]";
      case 10 -> "int[]";
      case 11 -> "long[]";
      default -> "?[]";
    };
  }

  static int length(byte[] code, int bci) {
    int op = code[bci] & 0xff;
    int fixed = LENGTH[op];
    if (fixed > 0) return fixed;
    if (op == WIDE) return (code[bci + 1] & 0xff) == IINC ? 6 : 4;
    int pad = 3 - (bci % 4);
    int base = bci + 1 + pad;
    if (op == TABLESWITCH) {
      int low = s4(code, base + 4);
      int high = s4(code, base + 8);
      return 1 + pad + 12 + 4 * (high - low + 1);
    }
    return 1 + pad + 8 + 8 * s4(code, base + 4);
  }

  /** Whether {@code op} is a two-way conditional branch (if*, if_*cmp*, ifnull, ifnonnull). */
  static boolean isConditional(int op) {
    return (op >= 0x99 && op <= 0xa6) || op == 0xc6 || op == 0xc7;
  }

  /** The jump target of the conditional branch at {@code bci}. */
  static int jumpTarget(byte[] code, int bci) {
    return bci + s2(code, bci + 1);
  }

  /** Where control goes after {@code bci}; a conditional branch loses its jump or fall-through when cut. */
  static List<Integer> successors(byte[] code, int bci, boolean cutJump, boolean cutFallthrough) {
    int op = code[bci] & 0xff;
    List<Integer> out = new ArrayList<>(2);
    if (isConditional(op)) {
      if (!cutJump) out.add(jumpTarget(code, bci));
      if (!cutFallthrough) out.add(bci + 3);
    } else if (op == GOTO) {
      out.add(bci + s2(code, bci + 1));
    } else if (op == GOTO_W) {
      out.add(bci + s4(code, bci + 1));
    } else if (op == TABLESWITCH || op == LOOKUPSWITCH) {
      int base = bci + 1 + (3 - (bci % 4));
      out.add(bci + s4(code, base));
      if (op == TABLESWITCH) {
        int n = s4(code, base + 8) - s4(code, base + 4) + 1;
        for (int k = 0; k < n; k++) out.add(bci + s4(code, base + 12 + 4 * k));
      } else {
        int n = s4(code, base + 4);
        for (int k = 0; k < n; k++) out.add(bci + s4(code, base + 12 + 8 * k));
      }
    } else if ((op >= 0xac && op <= 0xb1) || op == 0xbf || op == 0xa9) {
      // returns, athrow, ret: no successor
    } else if (op == 0xa8 || op == 0xc9) {
      out.add(bci + (op == 0xa8 ? s2(code, bci + 1) : s4(code, bci + 1)));
      out.add(bci + length(code, bci));
    } else {
      out.add(bci + length(code, bci));
    }
    return out;
  }

  private static int s2(byte[] c, int at) {
    return (short) (((c[at] & 0xff) << 8) | (c[at + 1] & 0xff));
  }

  private static int s4(byte[] c, int at) {
    return ((c[at] & 0xff) << 24) | ((c[at + 1] & 0xff) << 16) | ((c[at + 2] & 0xff) << 8) | (c[at + 3] & 0xff);
  }
}
