// corpus-rules: HeapEscape
package corpus.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * Records compared, hashed and printed: the {@code equals}, {@code hashCode} and {@code toString}
 * javac generates for a record only read its components and call the components' own methods
 * (an {@code ObjectMethods} call site in the class file, no body in the source), so neither the
 * record nor the object it is compared with escapes. A record that declares its own method, and a
 * component whose own {@code equals} keeps its argument, are analyzed as what they are.
 */
final class RecordMethods {
  static Object lastCompared;

  record Point(int x, int y) {}

  record Tagged(String name, List<String> tags) {}

  /** Declares its own equals, which publishes the record. */
  record Logged(int id) {
    @Override
    public boolean equals(Object o) {
      lastCompared = this;
      return o instanceof Logged l && l.id == id;
    }

    @Override
    public int hashCode() {
      return id;
    }
  }

  /** Its equals keeps the object it is compared with. */
  static final class Keeper {
    @Override
    public boolean equals(Object o) {
      lastCompared = o;
      return false;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  record Boxed(Keeper keeper) {}

  static int countSame(int[] xs, int[] ys, Point target) {
    int same = 0;
    for (int i = 0; i < xs.length; i++) {
      Point p = new Point(xs[i], ys[i]); // ok: HeapEscape -- the generated equals keeps neither side
      if (p.equals(target)) same++;
      if (target.equals(new Point(ys[i], xs[i]))) same++; // ok: HeapEscape -- the argument of a generated equals
    }
    return same;
  }

  static int hashAll(int[] xs) {
    int h = 0;
    for (int x : xs) {
      h = 31 * h + new Point(x, -x).hashCode(); // ok: HeapEscape -- the generated hashCode reads the components
    }
    return h;
  }

  static int describedLength(int[] xs) {
    int n = 0;
    for (int x : xs) {
      n += new Point(x, x).toString().length(); // ok: HeapEscape -- the generated toString returns a new String
    }
    return n;
  }

  static boolean sameTags(String name, List<String> tags, Tagged other) {
    List<String> copy = new ArrayList<>(tags); // ok: HeapEscape -- a component: only List.equals sees it
    Tagged mine = new Tagged(name, copy); // ok: HeapEscape -- the generated equals keeps neither side
    return mine.equals(other);
  }

  static int countLogged(int[] ids, Logged target) {
    int same = 0;
    for (int id : ids) {
      Logged l = new Logged(id); // expect: HeapEscape
      if (l.equals(target)) same++;
    }
    return same;
  }

  static boolean sameKeeper(Boxed mine) {
    Keeper theirs = new Keeper(); // expect: HeapEscape
    Boxed other = new Boxed(theirs); // ok: HeapEscape -- the record is not kept, only its component
    return mine.equals(other);
  }
}
