package corpus.cold;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.List;

/**
 * toString (docs/design.md, "Cold paths"): it describes the object for people (a log line, an
 * exception message, a debugger's view), so it runs once per description, not once per operation;
 * its loops, and those of the private helpers only it calls, are no warning. Each case has a twin
 * that is reported: the same loop in an ordinary method, in a toString marked @HotPath, in a
 * toString that takes a parameter (not Object.toString), in a helper other code calls too. The boxes
 * box values the loop does not change (a warning anywhere: "box it once before the loop"), so only
 * the toString fact can silence them (the twins box parameters: a field may change between
 * iterations, which makes a box no warning for another reason).
 */
public class ToStringMethods {
  private final int[] counts;
  private final int scale;
  private final List<Object> parts = new ArrayList<>();

  ToStringMethods(int[] counts, int scale) {
    this.counts = counts;
    this.scale = scale;
  }

  @Override
  public String toString() {
    String out = "";
    for (int c : counts) {
      out += c + ","; // ok: StringConcatInLoop -- toString describes the object for people
    }
    for (int i = 0; i < counts.length; i++) {
      parts.add(scale * 1000); // ok: BoxingAllocation -- in toString
    }
    return out + row(counts.length) + shared(counts.length, scale);
  }

  /** Only toString calls it: it runs only for a description too. */
  private String row(int n) {
    for (int i = 0; i < n; i++) {
      parts.add(scale * 2000); // ok: BoxingAllocation -- row is called only from toString
    }
    return "";
  }

  /** Called from toString and from record: not only a description runs it. */
  private String shared(int n, int unit) {
    for (int i = 0; i < n; i++) {
      parts.add(unit * 3000); // expect: BoxingAllocation
    }
    return "";
  }

  /** The same loop in an ordinary method: runs on every call. */
  String record(int n, int unit) {
    for (int i = 0; i < n; i++) {
      parts.add(unit * 1000); // expect: BoxingAllocation
    }
    return shared(n, unit);
  }

  /** A toString with a parameter is an ordinary method, not the object's description. */
  String toString(int indent) {
    for (int i = 0; i < indent; i++) {
      parts.add(indent * 4000); // expect: BoxingAllocation
    }
    return parts.toString();
  }

  /** Descriptions made per operation (a line per message): the annotation says so. */
  static final class Line {
    private final int[] fields;
    private final int unit;
    private final List<Object> cells = new ArrayList<>();

    Line(int[] fields, int unit) {
      this.fields = fields;
      this.unit = unit;
    }

    @HotPath
    @Override
    public String toString() {
      for (int f : fields) {
        cells.add(unit * 1000); // expect: BoxingAllocation
      }
      return "";
    }
  }

  static String use(ToStringMethods t, Line l) {
    return t.toString() + t.record(2, 3) + t.toString(1) + l;
  }
}
