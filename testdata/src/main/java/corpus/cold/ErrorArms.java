package corpus.cold;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Error paths that are more than a block ending in a throw (docs/design.md, "Cold paths"): a loop
 * whose every exit leads to a throw runs once per failure, with the code after it; an arm that
 * logs at error level ({@code models/logging-errors}) handles a failure and goes on. Each has a
 * twin that is no error path and is still reported. Also: a logger's variable-arity call is never
 * told to reuse its array, which the logging back end may keep.
 */
public class ErrorArms {
  private static final Logger LOG = Logger.getLogger("corpus.cold");
  private static final System.Logger SYSTEM_LOG = System.getLogger("corpus.cold");

  /** A failure raised by a mapping, its line set after it is built (opencsv's HeaderNameBaseMappingStrategy). */
  static final class MissingHeaderException extends RuntimeException {
    private String[] line;

    MissingHeaderException(String message) {
      super(message);
    }

    void setLine(String[] line) {
      this.line = line;
    }
  }

  /** The loop only builds the message of the exception thrown right after it: on the way to a throw. */
  void requireHeaders(String[] header, List<String> missing) {
    if (!missing.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (String m : missing) {
        sb.append(String.format("%s (%d) ", m, m.length())); // ok: VarargsAllocation, BoxingAllocation -- the loop's only exit leads to the throw below: an error path
      }
      MissingHeaderException e = new MissingHeaderException(sb.toString());
      e.setLine(header);
      throw e;
    }
  }

  /** The twin: the loop may return normally from inside, so its iterations are not on the way to the throw. */
  String firstPresent(String[] header, List<String> missing) {
    if (!missing.isEmpty()) {
      for (String m : missing) {
        String label = String.format("%s (%d)", m, m.length()); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        if (label.length() == header.length) return label;
      }
      throw new IllegalStateException("none present");
    }
    return null;
  }

  /** The twin: after the loop the method goes on normally when not strict. */
  List<String> describeMissing(List<String> missing, boolean strict) {
    List<String> out = new ArrayList<>(missing.size());
    for (String m : missing) {
      out.add(String.format("%s (%d)", m, m.length())); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
    }
    if (strict) throw new IllegalStateException(out.toString());
    return out;
  }

  /** An arm that logs at error level, drops the frame and goes on (libthrift's TNonblockingMultiFetchClient). */
  int readFrames(int[] sizes, int max) {
    int read = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] > max) {
        LOG.severe(String.format("frame %d of %d bytes exceeds %d", i, sizes[i], max)); // ok: VarargsAllocation, BoxingAllocation -- the arm logs at error level: an error path, once per failing frame
        continue;
      }
      read += sizes[i];
    }
    return read;
  }

  /** The twin: a warning is how code reports a routine fallback; the arm is not an error path. */
  int readFramesWarning(int[] sizes, int max) {
    int read = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] > max) {
        LOG.warning(String.format("frame %d of %d bytes exceeds %d", i, sizes[i], max)); // expect: VarargsAllocation(and 3 boxes (int, int, int)); ok: BoxingAllocation -- the boxed arguments are part of the varargs call's one finding
        continue;
      }
      read += sizes[i];
    }
    return read;
  }

  /** A logger's variable-arity method: the back end may keep the array, so reusing it is no advice. */
  void traceAll(List<String> names) {
    for (String n : names) {
      SYSTEM_LOG.log(System.Logger.Level.DEBUG, "name {0} of {1}", n, names); // expect: VarargsAllocation(hands the array to the logging back end, which may keep it)
    }
  }
}
