// corpus-rules: HeapEscape
package corpus.escape;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Calls that resolve to what can really run, and the callee models behind them: an array's
 * {@code clone()}, a final or exactly known receiver, a hierarchy closed by a private
 * constructor, an override of a protocol method (trust assumption 1 of jdk.models), small native
 * JDK methods, and a callback invoked by program code. Each call's argument would escape through
 * an implementation in this file that keeps what it is given, if dispatch ignored the receiver.
 * The class has a single (implicit) constructor.
 */
final class ReceiverDispatch {
  static Object kept;

  /** Keeps nothing; a subclass that keeps its argument exists. */
  static class Sink {
    void accept(Object o) {}
  }

  static final class KeepingSink extends Sink {
    @Override
    void accept(Object o) {
      kept = o;
    }
  }

  /** Final: only Sink.accept can run on one. */
  static final class QuietSink extends Sink {}

  /** A clone() that publishes: reachable from an Object receiver, never from an array. */
  static final class Registered implements Cloneable {
    @Override
    public Registered clone() {
      kept = this;
      return new Registered(); // expect: HeapEscape(returned)
    }
  }

  /** Closed: the constructor is private, so Dot and Line are every Shape there is. */
  abstract static class Shape {
    private Shape() {}

    abstract void draw(Object pen);

    static final class Dot extends Shape {
      @Override
      void draw(Object pen) {}
    }

    static final class Line extends Shape {
      @Override
      void draw(Object pen) {}
    }
  }

  /** Open: a subclass elsewhere may override draw. */
  abstract static class Figure {
    abstract void draw(Object pen);
  }

  /** A CharSequence whose charAt calls the overridable length(): a protocol method, trusted. */
  static class Text implements CharSequence {
    private final char[] chars;

    Text(char[] chars) {
      this.chars = chars;
    }

    @Override
    public int length() {
      return chars.length;
    }

    @Override
    public char charAt(int index) {
      if (index >= length()) throw new IndexOutOfBoundsException(index); // expect: HeapEscape(thrown)
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Text(java.util.Arrays.copyOfRange(chars, start, end)); // expect: HeapEscape(returned)
    }

    @Override
    public String toString() {
      return new String(chars); // expect: HeapEscape(returned)
    }
  }

  /** Holds an array; EMPTY is shared. */
  static final class Holder {
    static final Holder EMPTY = new Holder(null); // expect: HeapEscape(static field)
    private final int[] slots;

    Holder(int[] slots) {
      this.slots = slots;
    }

    int size() {
      return slots == null ? 0 : slots.length;
    }
  }

  // ---- arrays ----------------------------------------------------------------------------------

  static int sumOfCopy(int n) {
    int[] values = new int[n]; // ok: HeapEscape -- an array's clone() is Object's: Registered.clone cannot run on it
    int[] copy = values.clone();
    int sum = 0;
    for (int v : copy) sum += v;
    return sum;
  }

  static int lengthOf(Object array) {
    return Array.getLength(array);
  }

  static int slots() {
    return lengthOf(new long[8]); // ok: HeapEscape -- java.lang.reflect.Array.getLength keeps nothing (jdk.models)
  }

  // ---- final, exact and closed receivers -------------------------------------------------------

  static void viaQuiet(QuietSink sink) {
    sink.accept(new StringBuilder()); // ok: HeapEscape -- a QuietSink runs Sink.accept, never KeepingSink's
  }

  static void viaSink(Sink sink) {
    sink.accept(new StringBuilder()); // expect: HeapEscape
  }

  static void viaNewSink() {
    Sink sink = new Sink(); // ok: HeapEscape -- only accept is called on it
    sink.accept(new StringBuilder()); // ok: HeapEscape -- the receiver is exactly a Sink: Sink.accept runs
  }

  static void remember(Object[] items) {
    List<Object> list = new ArrayList<>(); // ok: HeapEscape -- list.iterator() on an exact ArrayList is held to List.iterator's model: it yields the elements, not the list
    for (Object o : items) list.add(o);
    ArrayList<Object> all = new ArrayList<>(); // expect: HeapEscape(static field)
    for (Object o : list) all.add(o);
    kept = all;
  }

  static void paint(Shape shape) {
    shape.draw(new ArrayList<String>()); // ok: HeapEscape -- Shape's private constructor closes its hierarchy: Dot.draw or Line.draw
  }

  static void paint(Figure figure) {
    figure.draw(new ArrayList<String>()); // expect: HeapEscape(overridable)
  }

  // ---- protocol methods ------------------------------------------------------------------------

  static boolean startsWithSpace(CharSequence cs) {
    return cs.length() > 0 && cs.charAt(0) == ' ';
  }

  static boolean leadingSpace(char[] chars) {
    return startsWithSpace(new Text(chars)); // ok: HeapEscape -- Text.charAt's this.length() is CharSequence.length, a protocol method
  }

  // ---- callbacks the program invokes -----------------------------------------------------------

  static <T> T orDefault(T value, Supplier<T> fallback) {
    return value != null ? value : fallback.get();
  }

  static String displayName(String given, String first, String last) {
    return orDefault(given, () -> // ok: HeapEscape -- Supplier.get invokes the lambda and drops it; its body keeps nothing of it
        first + " " + last); // expect: HeapEscape(returned)
  }

  static String required(Object value, String name) {
    Objects.requireNonNull(value, () -> // ok: HeapEscape -- requireNonNull runs the supplier only for the exception's message and never keeps it; its body keeps nothing of it
        name + " is required"); // expect: HeapEscape(returned)
    return name;
  }

  // ---- one local, two values (bytecode: a conditional's arms share a stack local) --------------

  static int weigh(boolean some) {
    Holder h = some ? new Holder(new int[4]) : Holder.EMPTY; // ok: HeapEscape -- the constructor stores into the new Holder, not into EMPTY
    return h.size();
  }
}
