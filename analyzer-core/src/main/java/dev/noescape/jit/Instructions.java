package dev.noescape.jit;

import dev.noescape.ir.MethodDescriptors;
import dev.noescape.jit.CodeFacts.Allocation;
import dev.noescape.jit.CodeFacts.Body;
import dev.noescape.jit.CodeFacts.Invoke;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Decodes a method's {@code Code} bytes into the {@link Body} the model reads: allocation and call
 * instructions and a constant return (JVMS §6.5). One pass, no data flow: a length is constant
 * when the instruction right before the array creation pushes a constant, as {@code javac} emits
 * {@code new int[8]}.
 */
final class Instructions {
  private Instructions() {}

  /** The constant pool entries the decoder resolves (indexes as in the class file). */
  record Pool(String[] utf8, int[] classNameIndex, int[] ints, int[] first, int[] second) {
    String className(int classIndex) {
      String internal = utf8[classNameIndex[classIndex]];
      // an array class is named by its descriptor ([B, [Ljava/lang/String;)
      return internal.startsWith("[") ? MethodDescriptors.parameterTypes("(" + internal + ")V").get(0) : internal.replace('/', '.');
    }
  }

  private static final String[] PRIMITIVE_ARRAYS = {null, null, null, null, "boolean[]", "char[]", "float[]", "double[]",
      "byte[]", "short[]", "int[]", "long[]"};

  /**
   * Decodes the body of a method that is {@code isStatic} and has parameters {@code paramTypes};
   * each call carries the parameters it may pass on ({@link ArgumentFlow}).
   */
  static Body decode(byte[] code, Pool pool, boolean isStatic, List<String> paramTypes) {
    ArgumentFlow.Flow flow = ArgumentFlow.of(code, pool, isStatic, paramTypes);
    return decode(code, pool, flow.calls(), flow.receivers(), flow.indexed());
  }

  private static Body decode(byte[] code, Pool pool, Map<Integer, List<Long>> sources, Map<Integer, Integer> receivers,
      long indexed) {
    List<Allocation> allocations = new ArrayList<>();
    List<Invoke> invokes = new ArrayList<>();
    // classes of the `new`s whose constructor has not been called yet: a call in between computes
    // one of its arguments (javac's `new T(a(), b())`), as a bytecode sequence, not a data flow
    Deque<String> pendingNew = new ArrayDeque<>();
    boolean returnsFresh = true;
    int returns = 0;
    int last = -1; // the previous instruction's offset
    Integer pushed = null; // the int the previous instruction pushed, if a constant
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      Integer push = null;
      switch (op) {
        case 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 -> push = op - 0x03; // iconst_m1..iconst_5
        case 0x10 -> push = (int) code[pc + 1]; // bipush
        case 0x11 -> push = (int) (short) u2(code, pc + 1); // sipush
        case 0xBB -> {
          String type = pool.className(u2(code, pc + 1));
          allocations.add(new Allocation(pc, "new", type, null, returnsAfterInit(code, pc, pool, type)));
          pendingNew.push(type);
        }
        case 0xBC -> allocations.add(new Allocation(pc, "newarray", PRIMITIVE_ARRAYS[code[pc + 1] & 0x0F], pushed, false));
        case 0xBD -> allocations.add(new Allocation(pc, "anewarray", pool.className(u2(code, pc + 1)) + "[]", pushed, false));
        case 0xC5 -> allocations.add(new Allocation(pc, "multianewarray", pool.className(u2(code, pc + 1)), null, false));
        case 0xB6, 0xB7, 0xB8, 0xB9 -> {
          List<Long> passed = sources.getOrDefault(pc, List.of());
          int receiver = receivers.getOrDefault(pc, ArgumentFlow.UNKNOWN);
          Invoke i = invoke(code, pc, op, pool, pendingNew.peek(), passed, receiver);
          if (i.name().equals("<init>") && i.owner().equals(pendingNew.peek())) {
            pendingNew.pop();
            i = invoke(code, pc, op, pool, pendingNew.peek(), passed, receiver);
          }
          invokes.add(i);
        }
        case 0xB0 -> {
          returns++;
          returnsFresh &= last >= 0 && freshBefore(last, allocations, invokes);
        }
        default -> { }
      }
      pushed = push;
      last = pc;
      pc += length(code, pc);
    }
    Integer constant = null;
    if (code.length >= 2 && (code[code.length - 1] & 0xFF) == 0xAC && length(code, 0) == code.length - 1) {
      int op = code[0] & 0xFF;
      if (op >= 0x02 && op <= 0x08) constant = op - 0x03;
      else if (op == 0x10) constant = (int) code[1];
      else if (op == 0x11) constant = (int) (short) u2(code, 1);
    }
    return new Body(allocations, invokes, constant, returnsFresh && returns > 0, indexed);
  }

  /**
   * Whether the instruction at {@code at}, right before an {@code areturn}, leaves a fresh object:
   * the constructor call of a {@code new} that returns it, or a call whose result is returned.
   */
  private static boolean freshBefore(int at, List<Allocation> allocations, List<Invoke> invokes) {
    if (invokes.isEmpty() || invokes.get(invokes.size() - 1).bci() != at) return false;
    Invoke i = invokes.get(invokes.size() - 1);
    if (!i.name().equals("<init>")) return i.returned();
    return allocations.stream().anyMatch(a -> a.returned() && a.type().equals(i.owner()));
  }

  private static Invoke invoke(byte[] code, int pc, int op, Pool pool, String argumentOf, List<Long> sources, int receiver) {
    int ref = u2(code, pc + 1);
    int nat = pool.second()[ref];
    String owner = pool.className(pool.first()[ref]);
    String name = pool.utf8()[pool.first()[nat]];
    String descriptor = pool.utf8()[pool.second()[nat]];
    String kind = switch (op) {
      case 0xB6 -> "virtual";
      case 0xB7 -> "special";
      case 0xB8 -> "static";
      default -> "interface";
    };
    int next = pc + (op == 0xB9 ? 5 : 3);
    boolean returned = next < code.length && (code[next] & 0xFF) == 0xB0;
    String returnType = descriptor.endsWith(")V") ? "void"
        : MethodDescriptors.parameterTypes("(" + descriptor.substring(descriptor.indexOf(')') + 1) + ")V").get(0);
    return new Invoke(pc, kind, owner, name, MethodDescriptors.parameterTypes(descriptor), returnType, returned, argumentOf, sources,
        receiver);
  }

  /**
   * Whether the object {@code new} at {@code at} creates is returned at once: the first
   * constructor call of its class after it is followed by {@code areturn} ({@code return new T(…);}).
   */
  private static boolean returnsAfterInit(byte[] code, int at, Pool pool, String type) {
    int depth = 0; // nested creations of the same class
    for (int pc = at + length(code, at); pc < code.length; pc += length(code, pc)) {
      int op = code[pc] & 0xFF;
      if (op == 0xBB && pool.className(u2(code, pc + 1)).equals(type)) depth++;
      if (op != 0xB7) continue;
      int ref = u2(code, pc + 1);
      int nat = pool.second()[ref];
      if (!pool.utf8()[pool.first()[nat]].equals("<init>") || !pool.className(pool.first()[ref]).equals(type)) continue;
      if (depth-- > 0) continue;
      int next = pc + 3;
      return next < code.length && (code[next] & 0xFF) == 0xB0;
    }
    return false;
  }

  private static int u2(byte[] code, int at) {
    return ((code[at] & 0xFF) << 8) | (code[at + 1] & 0xFF);
  }

  private static int s4(byte[] code, int at) {
    return ((code[at] & 0xFF) << 24) | ((code[at + 1] & 0xFF) << 16) | ((code[at + 2] & 0xFF) << 8) | (code[at + 3] & 0xFF);
  }

  /** The length of the instruction at {@code pc} (JVMS §6.5; switches are padded to 4 bytes from the code's start). */
  static int length(byte[] code, int pc) {
    int op = code[pc] & 0xFF;
    if (op == 0xAA || op == 0xAB) {
      int base = (pc + 4) & ~3; // after the opcode and 0-3 padding bytes
      if (op == 0xAA) { // tableswitch: default, low, high, then high - low + 1 offsets
        int low = s4(code, base + 4);
        int high = s4(code, base + 8);
        return base + 12 + 4 * (high - low + 1) - pc;
      }
      int pairs = s4(code, base + 4); // lookupswitch: default, npairs, then the pairs
      return base + 8 + 8 * pairs - pc;
    }
    if (op == 0xC4) return (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4; // wide iinc, wide load/store
    return LENGTHS[op];
  }

  /**
   * Instruction lengths by opcode (the two switches and {@code wide} are worked out by
   * {@link #length}): 1 byte unless listed here as {@code opcode[-last]:length}, in hex: bipush,
   * sipush, ldc, ldc_w, ldc2_w; the loads and stores with an index; iinc; the branches; ret; field
   * access and the three 3-byte invokes; invokeinterface, invokedynamic; new, newarray, anewarray;
   * checkcast, instanceof; multianewarray; ifnull, ifnonnull; goto_w, jsr_w.
   */
  private static final String NOT_ONE_BYTE =
      "10:2 11:3 12:2 13-14:3 15-19:2 36-3A:2 84:3 99-A8:3 A9:2 B2-B8:3 B9-BA:5 BB:3 BC:2 BD:3 C0-C1:3 C5:4 C6-C7:3 C8-C9:5";

  private static final int[] LENGTHS = new int[256];

  static {
    java.util.Arrays.fill(LENGTHS, 1);
    for (String entry : NOT_ONE_BYTE.split(" ")) {
      String[] range = entry.substring(0, entry.indexOf(':')).split("-");
      int first = Integer.parseInt(range[0], 16);
      int last = Integer.parseInt(range[range.length - 1], 16);
      for (int op = first; op <= last; op++) LENGTHS[op] = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
    }
  }
}
