package corpus.varargs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Variable-arity constructors weighed by what the JDK allocates inside the calls they make on every
 * call (rules.LibraryAllocations, models/library-allocations): a matcher that copies its names into
 * a set (commons-io's FullClassNameMatcher) allocates the set, the set's HashMap and the
 * Arrays.asList wrapper, three times the String[1] of one name: information, not a warning. The
 * twins warn: a callee that only keeps the array's length, one that only walks the array, and one
 * whose only library calls are Arrays.asList and Collections.unmodifiableList (which returns an
 * argument already so wrapped: it counts nothing), one object beside the array.
 */
final class LibraryFloors {
  /** The set, its HashMap, the Arrays.asList wrapper: 3 objects on every call. */
  static final class NameMatcher {
    private final Set<String> names;

    NameMatcher(String... names) {
      this.names = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(names)));
    }

    boolean matches(String name) {
      return names.contains(name);
    }
  }

  /** Keeps only how many names it was given: nothing allocated. */
  static final class NameCount {
    final int count;

    NameCount(String... names) {
      this.count = names.length;
    }
  }

  /** Walks the names: nothing allocated. */
  static final class NameLength {
    final int length;

    NameLength(String... names) {
      int n = 0;
      for (String s : names) {
        n += s.length();
      }
      this.length = n;
    }
  }

  /** The Arrays.asList wrapper only: unmodifiableList may return its argument, so 1 object. */
  static final class NameList {
    final List<String> names;

    NameList(String... names) {
      this.names = Collections.unmodifiableList(Arrays.asList(names));
    }
  }

  static List<NameMatcher> matchers(List<String> names) {
    List<NameMatcher> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(new NameMatcher(name)); // ok: VarargsAllocation -- new NameMatcher allocates at least 3 objects on every call, three times the array
    }
    return out;
  }

  static int counts(List<String> names) {
    int total = 0;
    for (String name : names) {
      total += new NameCount(name).count; // expect: VarargsAllocation
    }
    return total;
  }

  static int lengths(List<String> names) {
    int total = 0;
    for (String name : names) {
      total += new NameLength(name).length; // expect: VarargsAllocation
    }
    return total;
  }

  static List<NameList> lists(List<String> names) {
    List<NameList> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(new NameList(name)); // expect: VarargsAllocation
    }
    return out;
  }
}
