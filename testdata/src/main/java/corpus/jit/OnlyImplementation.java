// corpus-rules: VarargsAllocation
package corpus.jit;

import java.util.List;

/**
 * Label parts handed to the project's own interfaces. An interface may have implementations
 * outside the analyzed code, so the engine cannot bound the call and the array escapes; C2 binds a
 * call whose method has one implementation among the loaded classes to it through class hierarchy
 * analysis, inlines it, and removes the array when that implementation does not keep it. With two
 * implementations (and no type profile, which a static tool does not have) the call stays open.
 */
final class OnlyImplementation {
  private OnlyImplementation() {}

  /** One implementation in the program: LengthTally. */
  interface Tally {
    int count(String... parts);
  }

  static final class LengthTally implements Tally {
    @Override
    public int count(String... parts) {
      return parts.length + parts[0].length();
    }
  }

  /** Two implementations in the program: calls of it are bimorphic at best. */
  interface Measure {
    int measure(String... parts);
  }

  static final class FirstMeasure implements Measure {
    @Override
    public int measure(String... parts) {
      return parts[0].length();
    }
  }

  static final class LastMeasure implements Measure {
    @Override
    public int measure(String... parts) {
      return parts[parts.length - 1].length();
    }
  }

  /** One implementation, which keeps the array. */
  interface Recorder {
    int record(String... parts);
  }

  static final class LastRecorder implements Recorder {
    private String[] last;

    @Override
    public int record(String... parts) {
      last = parts;
      return last.length;
    }
  }

  /** One implementation in the program: the default method, which no class overrides. */
  interface Joiner {
    default int join(String... parts) {
      return parts.length;
    }
  }

  static final class PlainJoiner implements Joiner {}

  private static Tally tally = new LengthTally();
  private static Joiner joiner = new PlainJoiner();
  private static Measure measure = new FirstMeasure();
  private static Recorder recorder = new LastRecorder();

  static Measure other() {
    return new LastMeasure();
  }

  static int tallied(List<String> names) {
    int total = 0;
    for (String name : names) {
      // the warning stays (the array is allocated until C2 compiles the loop), and says C2 removes it
      total += tally.count(name, "/"); // expect: VarargsAllocation(may keep the array only in an override outside the program (its one implementation here, OnlyImplementation.LengthTally.count, does not); if none does, create one array before the loop and refill it on each iteration (C2 likely removes it only while no other implementation is loaded: C2 inlines the only implementation in the program, OnlyImplementation.LengthTally.count, through class hierarchy analysis)
    }
    return total;
  }

  static int joined(List<String> names) {
    int total = 0;
    for (String name : names) {
      total += joiner.join(name, "/"); // expect: VarargsAllocation(C2 inlines the only implementation in the program, OnlyImplementation.Joiner.join, through class hierarchy analysis)
    }
    return total;
  }

  static int measured(List<String> names) {
    int total = 0;
    for (String name : names) {
      total += measure.measure(name, "/"); // expect: VarargsAllocation(Measure.measure may keep the array (it has no summary))
    }
    return total;
  }

  static int recorded(List<String> names) {
    int total = 0;
    for (String name : names) {
      total += recorder.record(name, "/"); // expect: VarargsAllocation(Recorder.record may keep the array (it has no summary))
    }
    return total;
  }
}
