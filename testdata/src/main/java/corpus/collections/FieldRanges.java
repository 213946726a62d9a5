package corpus.collections;

import java.util.ArrayList;
import java.util.List;

/**
 * Fill counts and boxes bounded by an instance field whose values every write proves
 * (docs/design.md, "Field ranges"): a {@code final} or {@code private} field that every write sets
 * to a constant, or to a parameter the method checks first with comparisons that throw
 * ({@code if (b < 1 || b > 5) throw …;}). A loop {@code for (n = 0; n < b; n++)} then adds at most
 * 5 elements, which {@code new ArrayList<>()} holds without growing, and a box of a field checked
 * to -128..127 never leaves the Integer cache. The twins break one condition each and stay
 * reported.
 */
final class FieldRanges {
  /** Like commons-compress's BHSDCodec: the convenience constructor delegates to the checked one. */
  static final class Codec {
    private final int b;
    private final int h;

    Codec(int b) {
      this(b, 256);
    }

    Codec(int b, int h) {
      if (b < 1 || b > 5) {
        throw new IllegalArgumentException("1<=b<=5");
      }
      if (h < 1 || h > 256) {
        throw new IllegalArgumentException("1<=h<=256");
      }
      this.b = b;
      this.h = h;
    }

    List<Byte> encode(long value) {
      List<Byte> bytes = new ArrayList<>(); // ok: UnpresizedCollection -- b is at most 5 (0..5 assumed): the default capacity holds it
      for (int n = 0; n < b; n++) {
        bytes.add((byte) (value % h));
        value /= h;
      }
      return bytes;
    }
  }

  /** The same codec checked up to 50: more than an ArrayList holds by default. */
  static final class WideCodec {
    private final int b;

    WideCodec(int b) {
      if (b < 1 || 50 < b) {
        throw new IllegalArgumentException("1<=b<=50");
      }
      this.b = b;
    }

    List<Byte> encode(long value) {
      List<Byte> bytes = new ArrayList<>(); // expect: UnpresizedCollection(grows while it is filled with b elements)
      for (int n = 0; n < b; n++) {
        bytes.add((byte) value);
        value >>>= 8;
      }
      return bytes;
    }
  }

  /** One constructor checks, the other does not: b can be anything. */
  static final class HalfCheckedCodec {
    private final int b;

    HalfCheckedCodec(int b) {
      if (b < 1 || b > 5) {
        throw new IllegalArgumentException("1<=b<=5");
      }
      this.b = b;
    }

    HalfCheckedCodec(int b, boolean trusted) {
      this.b = trusted ? b : 1;
    }

    List<Byte> shifted(long value) {
      List<Byte> out = new ArrayList<>(); // expect: UnpresizedCollection(grows while it is filled with b elements)
      for (int k = 0; k < b; k++) out.add((byte) (value >> (8 * k)));
      return out;
    }
  }

  /** Checked in the constructor, but not final and set again by a setter without a check. */
  static final class SettableCodec {
    private int b;

    SettableCodec(int b) {
      if (b > 5 || b < 1) throw new IllegalArgumentException("b out of range");
      this.b = b;
    }

    void setB(int b) {
      this.b = b;
    }

    List<Byte> digits(long value) {
      List<Byte> digits = new ArrayList<>(); // expect: UnpresizedCollection(grows while it is filled with b elements)
      for (int d = 0; d < b; d++) {
        digits.add((byte) (value % 10));
        value = value / 10;
      }
      return digits;
    }
  }

  /** Boxes of checked fields, and of an index counted up to one; hot, so that every box is a warning. */
  @dev.noescape.annotations.HotPath
  static final class Levels {
    private final int level;
    private final int scale;

    Levels(int level, int scale) {
      if (level < -128 || level > 127) {
        throw new IllegalArgumentException("level");
      }
      if (scale < 0 || scale > 1000) {
        throw new IllegalArgumentException("scale");
      }
      this.level = level;
      this.scale = scale;
    }

    void record(List<Integer> out) {
      out.add(level); // ok: BoxingAllocation -- level is checked to -128..127: always from the Integer cache
      out.add(scale); // expect: BoxingAllocation(values 0..1000)
    }

    void steps(List<Integer> out) {
      for (int i = 0; i < level; i++) {
        out.add(i); // ok: BoxingAllocation -- i is 0..126
      }
      for (int i = 0; i < scale; i++) {
        out.add(i); // expect: BoxingAllocation(values 0..999)
      }
    }
  }
}
