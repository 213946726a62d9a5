package dev.noescape.jit;

import dev.noescape.ir.MethodDescriptors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a method's parameters each of its call instructions may pass on, and in which argument:
 * an abstract interpretation of the operand stack (JVMS §6.5) where a value is the set of the
 * method's parameter slots it may be (a bit per slot: {@code this} is slot 0 of an instance
 * method, as in {@link dev.noescape.ir.Stmt.Call#args()}). The C2 model follows an object the
 * program hands to code it does not analyze (the JDK) into that code's calls with it
 * ({@code Method.invoke} passes its {@code args} on to {@code MethodAccessor.invoke}).
 *
 * <p>A value also says when it is certainly one thing whose class C2 knows exactly (C2's exact-type
 * devirtualization: doCall.cpp {@code Compile::call_generator} resolves a virtual or interface call
 * on a receiver of exact type with {@code ciMethod::resolve_invoke} and inlines the one method it
 * selects, no type profile asked): a parameter slot alone ({@code this} of a method the walk entered
 * with an exact receiver), or the object one instruction of the method made — a {@code new}, or a
 * call whose callee returns a fresh object of one class. Which class that is, the walk that reads
 * the flow knows ({@link InlinedAllocations}); the flow says per call which one its receiver is
 * ({@link Flow#receivers}).
 *
 * <p>Over-approximate where it is cheap to be: a local variable is the union of everything stored
 * into it anywhere in the method (flow-insensitive, iterated to a fixed point), and the stack at a
 * forward branch's target is the union of the paths that reach it. Not exact where javac's code
 * does not need it to be: the stack at a backward branch's target and at an exception handler is
 * taken as what falls through (javac leaves it empty there, save the handler's exception, which is
 * no parameter).
 */
final class ArgumentFlow {
  private ArgumentFlow() {}

  /**
   * What the flow found.
   *
   * @param calls per call instruction's offset ({@code invokedynamic} left out), per slot of the
   *     called method (receiver first), the parameter slots of the decoded method the argument may be
   * @param indexed the parameter slots (a bit per slot) the method may read or write as an array at
   *     an index that is not a constant ({@code args[index]} in {@code Formatter.format}, the for-each
   *     of {@code Arrays.hashCode} under {@code Objects.hash}): measured, C2 leaves such a varargs
   *     array on the heap, though it does not always (a tiny loop over a constant-length array of the
   *     program's own is unrolled first: the probe {@code varargs.inlined-loop}), so the program's
   *     callees are not judged by this
   * @param receivers per call instruction's offset with a receiver that is certainly one thing, what
   *     it is ({@link #UNKNOWN}'s encoding: a parameter slot, or the instruction that made it)
   */
  record Flow(Map<Integer, List<Long>> calls, long indexed, Map<Integer, Integer> receivers) {}

  /**
   * A receiver that is certainly one value, as {@link Flow#receivers} and {@code CodeFacts.Invoke}
   * carry it: {@code k >= 0} is parameter slot {@code k}; {@code -2 - pc} the object the instruction
   * at offset {@code pc} made (a {@code new}, or a call's result); {@link #UNKNOWN} anything else.
   */
  static final int UNKNOWN = -1;

  /** The receiver code of the object the instruction at {@code pc} made. */
  private static int madeAt(int pc) {
    return -2 - pc;
  }

  /** The offset of the instruction that made the receiver a code names, or -1 when it names no such object. */
  static int maker(int receiver) {
    return receiver <= -2 ? -2 - receiver : -1;
  }

  /**
   * The word of a value that is an int constant ({@code iconst_*}, {@code bipush}, {@code
   * sipush}): slot 63 is given up for it.
   */
  private static final long CONSTANT = 1L << 63;
  /** The value may be something other than its parameter slots and its maker (a field, an array element, null). */
  private static final long OTHER = 1L << 62;
  /**
   * Bits 46–61: the offset + 1 of the one instruction that made the value ({@code new}, a call), 0 for
   * none; two different makers merged are {@link #OTHER}. Slots 46 and above are given up for it (no
   * method has 46 parameter slots that matter here).
   */
  private static final int MAKER_SHIFT = 46;
  private static final long MAKER = 0xFFFFL << MAKER_SHIFT;
  /** The parameter slots' bits. */
  private static final long PARAMS = (1L << MAKER_SHIFT) - 1;

  /**
   * Per call instruction's offset ({@code invokedynamic} left out), per slot of the called method
   * (receiver first), the parameter slots of the decoded method the argument may be.
   */
  static Flow of(byte[] code, Instructions.Pool pool, boolean isStatic, List<String> params) {
    Map<Integer, Long> locals = new HashMap<>();
    int local = 0;
    int slot = 0;
    if (!isStatic) locals.put(local++, 1L << slot++);
    for (String p : params) {
      if (slot < MAKER_SHIFT) locals.put(local, 1L << slot);
      slot++;
      local += words(p);
    }
    Map<Integer, List<Long>> out = new HashMap<>();
    Map<Integer, Integer> receivers = new HashMap<>();
    long[] indexed = new long[1];
    // a store can widen a local read earlier: re-run until the locals do not change (a few rounds at most)
    for (int round = 0; round < 8; round++) {
      out.clear();
      receivers.clear();
      indexed[0] = 0L;
      if (!pass(code, pool, locals, out, receivers, indexed)) break;
    }
    return new Flow(out, indexed[0] & PARAMS, receivers);
  }

  /** The union of two values: the parameter slots of both; one maker, or {@link #OTHER} when they name two. */
  private static long join(long a, long b) {
    long ma = a & MAKER;
    long mb = b & MAKER;
    long out = (a | b) & ~MAKER;
    if (ma == mb || mb == 0) return out | ma;
    if (ma == 0) return out | mb;
    return out | OTHER;
  }

  /** What a value certainly is ({@link #receiver}), or {@link #UNKNOWN}. */
  private static int single(long v) {
    if ((v & (OTHER | CONSTANT)) != 0) return UNKNOWN;
    long params = v & PARAMS;
    long maker = (v & MAKER) >>> MAKER_SHIFT;
    if (maker != 0) return params == 0 ? madeAt((int) maker - 1) : UNKNOWN;
    return Long.bitCount(params) == 1 ? Long.numberOfTrailingZeros(params) : UNKNOWN;
  }

  private static long made(int pc) {
    return ((long) pc + 1) << MAKER_SHIFT;
  }

  /** One pass over the code; whether a local's set grew. */
  private static boolean pass(byte[] code, Instructions.Pool pool, Map<Integer, Long> locals, Map<Integer, List<Long>> out,
      Map<Integer, Integer> receivers, long[] indexed) {
    Stack stack = new Stack();
    Map<Integer, long[]> atTarget = new HashMap<>();
    boolean grew = false;
    boolean live = true;
    int pc = 0;
    while (pc < code.length) {
      long[] saved = atTarget.get(pc);
      if (!live) stack.reset(saved);
      else if (saved != null) stack.merge(saved);
      live = true;
      int op = code[pc] & 0xFF;
      switch (op) {
        case 0x19 -> stack.push(locals.getOrDefault(code[pc + 1] & 0xFF, 0L)); // aload
        case 0x2A, 0x2B, 0x2C, 0x2D -> stack.push(locals.getOrDefault(op - 0x2A, 0L)); // aload_<n>
        case 0x3A -> grew |= store(locals, code[pc + 1] & 0xFF, stack.pop()); // astore
        case 0x4B, 0x4C, 0x4D, 0x4E -> grew |= store(locals, op - 0x4B, stack.pop()); // astore_<n>
        case 0xC0 -> { } // checkcast: the same value
        case 0xBB -> stack.push(made(pc)); // new
        case 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x10, 0x11 -> stack.push(CONSTANT); // iconst_<n>, bipush, sipush
        case 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35 -> { // the array loads: arrayref, index -> value
          long index = stack.peek(0);
          long array = stack.peek(1);
          if ((index & CONSTANT) == 0) indexed[0] |= array;
          stack.pop(2);
          stack.pushWords(PUSHES[op]);
        }
        case 0x4F, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56 -> { // the array stores: arrayref, index, value
          int value = op == 0x50 || op == 0x52 ? 2 : 1;
          long index = stack.peek(value);
          long array = stack.peek(value + 1);
          if ((index & CONSTANT) == 0) indexed[0] |= array;
          stack.pop(value + 2);
        }
        case 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F -> stack.shuffle(op);
        case 0xB2, 0xB3, 0xB4, 0xB5 -> { // getstatic, putstatic, getfield, putfield
          int size = words(fieldType(pool, u2(code, pc + 1)));
          if (op == 0xB3 || op == 0xB5) stack.pop(size);
          if (op == 0xB4 || op == 0xB5) stack.pop(1);
          if (op == 0xB2 || op == 0xB4) stack.pushWords(size);
        }
        case 0xB6, 0xB7, 0xB8, 0xB9, 0xBA -> {
          int nat = pool.second()[u2(code, pc + 1)];
          String descriptor = pool.utf8()[pool.second()[nat]];
          List<String> types = MethodDescriptors.parameterTypes(descriptor);
          boolean receiver = op != 0xB8 && op != 0xBA;
          Long[] args = new Long[types.size() + (receiver ? 1 : 0)];
          for (int k = types.size() - 1; k >= 0; k--) {
            int w = words(types.get(k));
            long top = stack.peek();
            stack.pop(w);
            args[k + (receiver ? 1 : 0)] = w == 1 ? top & PARAMS : 0L;
          }
          if (receiver) {
            long r = stack.pop();
            args[0] = r & PARAMS;
            int one = single(r);
            if (one != UNKNOWN) receivers.put(pc, one);
          }
          if (op != 0xBA) out.put(pc, List.of(args));
          char returns = descriptor.charAt(descriptor.indexOf(')') + 1);
          if (returns == 'L' && op != 0xBA) stack.push(made(pc)); // the call's result: its class is the callee's to say
          else stack.pushWords(returnWords(descriptor));
        }
        case 0xC4 -> { // wide: a load or store with a two-byte index, or iinc
          int op2 = code[pc + 1] & 0xFF;
          int index = u2(code, pc + 2);
          if (op2 == 0x19) stack.push(locals.getOrDefault(index, 0L));
          else if (op2 == 0x3A) grew |= store(locals, index, stack.pop());
          else if (op2 == 0x15 || op2 == 0x17) stack.pushWords(1);
          else if (op2 == 0x16 || op2 == 0x18) stack.pushWords(2);
          else if (op2 == 0x36 || op2 == 0x38) stack.pop(1);
          else if (op2 == 0x37 || op2 == 0x39) stack.pop(2);
          else if (op2 == 0xA9) live = false; // wide ret
        }
        case 0xC5 -> { // multianewarray: pops its dimensions
          stack.pop(code[pc + 3] & 0xFF);
          stack.pushWords(1);
        }
        case 0xAA, 0xAB -> { // the switches: pop the key, jump to every target
          stack.pop(1);
          int base = (pc + 4) & ~3;
          branch(atTarget, pc + s4(code, base), stack);
          if (op == 0xAA) {
            int n = s4(code, base + 8) - s4(code, base + 4) + 1;
            for (int k = 0; k < n; k++) branch(atTarget, pc + s4(code, base + 12 + 4 * k), stack);
          } else {
            int n = s4(code, base + 4);
            for (int k = 0; k < n; k++) branch(atTarget, pc + s4(code, base + 12 + 8 * k), stack);
          }
          live = false;
        }
        default -> {
          stack.pop(POPS[op]);
          stack.pushWords(PUSHES[op]);
          if ((op >= 0x99 && op <= 0xA8) || op == 0xC6 || op == 0xC7) branch(atTarget, pc + (short) u2(code, pc + 1), stack);
          if (op == 0xC8 || op == 0xC9) branch(atTarget, pc + s4(code, pc + 1), stack);
          // goto, ret, the returns, athrow, goto_w: nothing falls through
          if (op == 0xA7 || op == 0xA9 || (op >= 0xAC && op <= 0xB1) || op == 0xBF || op == 0xC8) live = false;
        }
      }
      pc += Instructions.length(code, pc);
    }
    return grew;
  }

  private static boolean store(Map<Integer, Long> locals, int index, long value) {
    long before = locals.getOrDefault(index, 0L);
    long after = join(before, value);
    if (after == before) return false;
    locals.put(index, after);
    return true;
  }

  private static void branch(Map<Integer, long[]> atTarget, int target, Stack stack) {
    long[] now = stack.snapshot();
    atTarget.merge(target, now, (a, b) -> {
      if (a.length != b.length) return a;
      long[] m = a.clone();
      for (int k = 0; k < m.length; k++) m[k] = join(m[k], b[k]);
      return m;
    });
  }

  private static String fieldType(Instructions.Pool pool, int ref) {
    String descriptor = pool.utf8()[pool.second()[pool.second()[ref]]];
    return MethodDescriptors.parameterTypes("(" + descriptor + ")V").get(0);
  }

  private static int returnWords(String descriptor) {
    char r = descriptor.charAt(descriptor.indexOf(')') + 1);
    return r == 'V' ? 0 : r == 'J' || r == 'D' ? 2 : 1;
  }

  private static int words(String type) {
    return type.equals("long") || type.equals("double") ? 2 : 1;
  }

  private static int u2(byte[] code, int at) {
    return ((code[at] & 0xFF) << 8) | (code[at + 1] & 0xFF);
  }

  private static int s4(byte[] code, int at) {
    return ((code[at] & 0xFF) << 24) | ((code[at + 1] & 0xFF) << 16) | ((code[at + 2] & 0xFF) << 8) | (code[at + 3] & 0xFF);
  }

  /**
   * The operand stack in words; a value that is no parameter nor made here is {@link #OTHER}; popping
   * an empty stack (an exception handler's entry, not modelled) gives {@code OTHER}.
   */
  private static final class Stack {
    private long[] words = new long[16];
    private int size;

    void push(long v) {
      if (size == words.length) words = Arrays.copyOf(words, size * 2);
      words[size++] = v;
    }

    void pushWords(int n) {
      for (int k = 0; k < n; k++) push(OTHER);
    }

    long peek() {
      return peek(0);
    }

    /** The word {@code depth} below the top (0: the top); {@link #OTHER} past the bottom. */
    long peek(int depth) {
      return size - 1 - depth < 0 ? OTHER : words[size - 1 - depth];
    }

    long pop() {
      return size == 0 ? OTHER : words[--size];
    }

    void pop(int n) {
      size = Math.max(0, size - n);
    }

    long[] snapshot() {
      return Arrays.copyOf(words, size);
    }

    void reset(long[] to) {
      size = 0;
      if (to != null) for (long v : to) push(v);
    }

    void merge(long[] other) {
      if (other.length != size) return;
      for (int k = 0; k < size; k++) words[k] = join(words[k], other[k]);
    }

    /** dup, dup_x1, dup_x2, dup2, dup2_x1, dup2_x2, swap (0x59–0x5F), on words. */
    void shuffle(int op) {
      List<Long> top = new ArrayList<>();
      int take = switch (op) {
        case 0x59 -> 1;
        case 0x5A, 0x5C, 0x5F -> 2;
        case 0x5B, 0x5D -> 3;
        default -> 4;
      };
      for (int k = 0; k < take; k++) top.add(0, pop()); // top.get(take - 1) is the top word
      long a = top.get(take - 1);
      long b = take >= 2 ? top.get(take - 2) : 0L;
      List<Long> result = switch (op) {
        case 0x59 -> List.of(a, a);
        case 0x5A -> List.of(a, b, a);
        case 0x5B -> List.of(a, top.get(0), b, a);
        case 0x5C -> List.of(b, a, b, a);
        case 0x5D -> List.of(b, a, top.get(0), b, a);
        case 0x5E -> List.of(b, a, top.get(0), top.get(1), b, a);
        default -> List.of(a, b); // swap
      };
      for (long v : result) push(v);
    }
  }

  /**
   * Words popped and pushed by the instructions not handled one by one (JVMS §6.5), as
   * {@code opcode[-last]:pops/pushes} in hex; every other opcode is 0/0.
   */
  private static final String EFFECTS = "01-08:0/1 09-0A:0/2 0B-0D:0/1 0E-0F:0/2 10-13:0/1 14:0/2 15:0/1 16:0/2 17:0/1 18:0/2"
      + " 1A-1D:0/1 1E-21:0/2 22-25:0/1 26-29:0/2 2E:2/1 2F:2/2 30:2/1 31:2/2 32-35:2/1 36:1/0 37:2/0 38:1/0 39:2/0"
      + " 3B-3E:1/0 3F-42:2/0 43-46:1/0 47-4A:2/0 4F:3/0 50:4/0 51:3/0 52:4/0 53-56:3/0 57:1/0 58:2/0"
      + " 60:2/1 61:4/2 62:2/1 63:4/2 64:2/1 65:4/2 66:2/1 67:4/2 68:2/1 69:4/2 6A:2/1 6B:4/2 6C:2/1 6D:4/2 6E:2/1 6F:4/2"
      + " 70:2/1 71:4/2 72:2/1 73:4/2 74:1/1 75:2/2 76:1/1 77:2/2 78:2/1 79:3/2 7A:2/1 7B:3/2 7C:2/1 7D:3/2"
      + " 7E:2/1 7F:4/2 80:2/1 81:4/2 82:2/1 83:4/2 85:1/2 86:1/1 87:1/2 88:2/1 89:2/1 8A:2/2 8B:1/1 8C:1/2 8D:1/2"
      + " 8E:2/1 8F:2/2 90:2/1 91-93:1/1 94:4/1 95-96:2/1 97-98:4/1 99-9E:1/0 9F-A6:2/0 A8:0/1 AC:1/0 AD:2/0 AE:1/0 AF:2/0"
      + " B0:1/0 BB:0/1 BC-BE:1/1 BF:1/0 C1:1/1 C2-C3:1/0 C6-C7:1/0 C9:0/1";

  private static final int[] POPS = new int[256];
  private static final int[] PUSHES = new int[256];

  static {
    for (String entry : EFFECTS.split(" ")) {
      String[] range = entry.substring(0, entry.indexOf(':')).split("-");
      String[] effect = entry.substring(entry.indexOf(':') + 1).split("/");
      for (int op = Integer.parseInt(range[0], 16); op <= Integer.parseInt(range[range.length - 1], 16); op++) {
        POPS[op] = Integer.parseInt(effect[0]);
        PUSHES[op] = Integer.parseInt(effect[1]);
      }
    }
  }
}
