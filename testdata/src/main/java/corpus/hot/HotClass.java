package corpus.hot;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @HotPath} on a class makes every method it declares hot (the annotation allows TYPE and
 * documents it; docs/rules/README.md, "Loops and hot methods"). Methods of other classes, even nested ones, are not affected.
 */
@HotPath
final class HotClass {
  private final List<Object> out = new ArrayList<>();

  void record(long value) {
    out.add(value); // expect: BoxingAllocation
  }

  @HotPath
  void recordHot(long value) {
    out.add(value); // expect: BoxingAllocation
  }

  static final class Cold {
    private final List<Object> out = new ArrayList<>();

    void record(long value) {
      out.add(value); // ok: BoxingAllocation -- a nested class does not inherit its outer class's @HotPath
    }
  }
}
