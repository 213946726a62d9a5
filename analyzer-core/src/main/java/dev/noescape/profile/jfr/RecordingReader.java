package dev.noescape.profile.jfr;

import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.Frame;
import dev.noescape.profile.StackSample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Reads the allocation samples of JDK Flight Recorder recordings with the JDK's own
 * {@code jdk.jfr.consumer} API, one event at a time (memory grows with the number of distinct stacks,
 * not of events), into an {@link AllocationProfile}.
 *
 * <p>Events: {@code jdk.ObjectAllocationSample} (JDK 16+, on in the {@code default} and
 * {@code profile} settings), its {@code weight} being the bytes the thread allocated since the
 * previous sample. A recording without it (older JDKs, custom settings) is read through
 * {@code jdk.ObjectAllocationInNewTLAB} ({@code tlabSize}: the new buffer the allocation opened) and
 * {@code jdk.ObjectAllocationOutsideTLAB} ({@code allocationSize}), the estimate JDK Mission Control
 * uses. Never both from one recording: they sample the same allocations.
 *
 * <p>A recording that cannot be used (missing, not a recording, cut short, written by a newer JDK,
 * without allocation events) is one problem line naming it, and the others are read on; its samples
 * are left out entirely, since a part of a recording would rank by a part of the run. Events are
 * read with {@code EventStream.openFile}, which parses only the allocation events (a fraction of the
 * time {@code RecordingFile} takes over a recording full of others), but ends silently at a chunk it
 * cannot read: the chunk headers are checked first ({@link #checkChunks}).
 */
public final class RecordingReader {
  private RecordingReader() {}

  public static final String SAMPLE = "jdk.ObjectAllocationSample";
  public static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
  public static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";

  /** The magic number a recording (each of its chunks) starts with. */
  private static final byte[] MAGIC = {'F', 'L', 'R', 0};

  /** Bytes of a chunk header read: magic, major and minor version, chunk size. */
  private static final int CHUNK_HEADER = 16;

  /** Constant-pool objects (stacks, classes) kept by identity at most, before the cache starts again. */
  private static final int CACHE = 50_000;

  /** The stack of an event without one: the same object for all, as stacks are added up by identity. */
  private static final List<Frame> NO_STACK = List.of();

  /**
   * Reads {@code inputs}: recording files, or directories whose {@code *.jfr} files are read in name
   * order. {@code shown} names an input as the user gave it, for the problems. Never throws.
   */
  public static AllocationProfile read(List<Path> inputs, java.util.function.Function<Path, String> shown) {
    List<String> problems = new ArrayList<>();
    List<String> read = new ArrayList<>();
    Aggregate total = new Aggregate();
    Interned interned = new Interned();
    for (Path input : inputs) {
      for (Path file : files(input, shown, problems)) {
        String name = shown.apply(file);
        try {
          Aggregate one = readFile(file, interned);
          if (one.samples == 0) {
            problems.add(name + ": no allocation samples (" + SAMPLE + ", " + IN_NEW_TLAB + " or " + OUTSIDE_TLAB
                + "): record with -XX:StartFlightRecording=settings=profile; not used");
            continue;
          }
          total.add(one);
          read.add(name);
        } catch (Unusable e) {
          problems.add(name + ": " + e.getMessage() + "; not used");
        } catch (LinkageError e) {
          // a runtime without the jdk.jfr module (jlink'ed): nothing can be read
          problems.add(name + ": this Java runtime has no jdk.jfr module to read recordings with; not used");
        }
      }
    }
    return new AllocationProfile(read, total.stacks(), total.bytes, total.samples, problems);
  }

  private static List<Path> files(Path input, java.util.function.Function<Path, String> shown, List<String> problems) {
    if (!Files.isDirectory(input)) return List.of(input);
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(input, "*.jfr")) {
      for (Path p : ds) if (Files.isRegularFile(p)) out.add(p);
    } catch (IOException e) {
      problems.add(shown.apply(input) + ": cannot list the directory (" + e.getMessage() + "); not used");
      return List.of();
    }
    if (out.isEmpty()) problems.add(shown.apply(input) + ": no .jfr files in this directory");
    out.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return out;
  }

  /** Why a recording cannot be used, in words (the message goes after its name). */
  private static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Stacks and frames kept once per content across the recordings, so that samples are added up by
   * the identity of their stack (hashing a 64-frame stack per event would cost more than parsing it).
   */
  private static final class Interned {
    final Map<Frame, Frame> frames = new HashMap<>();
    final Map<List<Frame>, List<Frame>> stacks = new HashMap<>();

    List<Frame> stack(RecordedStackTrace st) {
      List<RecordedFrame> in = st.getFrames();
      List<Frame> out = new ArrayList<>(in.size());
      for (RecordedFrame f : in) {
        RecordedMethod m = f.getMethod();
        if (m == null) continue;
        RecordedClass c = m.getType();
        Frame frame = new Frame(c == null ? "?" : className(c.getName()), m.getName(), m.getDescriptor(),
            Math.max(0, f.getLineNumber()), f.isJavaFrame() ? f.getBytecodeIndex() : -1);
        out.add(frames.computeIfAbsent(frame, k -> k));
      }
      return stacks.computeIfAbsent(List.copyOf(out), k -> k);
    }
  }

  private static Aggregate readFile(Path file, Interned interned) throws Unusable {
    checkChunks(file);
    Aggregate sampled = stream(file, interned, Map.of(SAMPLE, "weight"));
    if (sampled.samples > 0) return sampled;
    return stream(file, interned, Map.of(IN_NEW_TLAB, "tlabSize", OUTSIDE_TLAB, "allocationSize"));
  }

  /**
   * The events of {@code weights}' types (event name → its field holding the bytes), added up. The
   * stream parses only those events and skips the others, which are most of a real recording; it sorts
   * nothing ({@code setOrdered(false)}: the sums do not depend on the order).
   */
  private static Aggregate stream(Path file, Interned interned, Map<String, String> weights) throws Unusable {
    Aggregate into = new Aggregate();
    // The consumer API shares constant-pool objects (stacks, classes) within a chunk: converted once.
    Map<RecordedStackTrace, List<Frame>> stacks = new IdentityHashMap<>();
    Map<RecordedClass, String> classes = new IdentityHashMap<>();
    Throwable[] failed = {null};
    try (EventStream es = EventStream.openFile(file)) {
      es.setOrdered(false);
      es.onError(t -> failed[0] = t);
      weights.forEach((type, field) -> es.onEvent(type, e -> {
        RecordedStackTrace st = e.getStackTrace();
        List<Frame> stack = NO_STACK;
        boolean truncated = false;
        if (st != null) {
          if (stacks.size() >= CACHE) stacks.clear();
          stack = stacks.computeIfAbsent(st, interned::stack);
          truncated = st.isTruncated();
        }
        RecordedClass c = e.getClass("objectClass");
        String objectClass = "?";
        if (c != null) {
          if (classes.size() >= CACHE) classes.clear();
          objectClass = classes.computeIfAbsent(c, k -> className(k.getName()));
        }
        into.add(stack, objectClass, e.getLong(field), truncated);
      }));
      es.start();
    } catch (IOException e) {
      throw new Unusable("cannot be read: " + message(e));
    } catch (RuntimeException e) {
      throw new Unusable("corrupt (" + message(e) + ")");
    }
    if (failed[0] != null) throw new Unusable("corrupt (" + message(failed[0]) + ")");
    return into;
  }

  /**
   * Walks the recording's chunk headers (magic, format version and chunk size: the first 16 bytes of
   * each chunk in the JFR file format) before the consumer API reads it. The event stream ends
   * silently at a chunk it cannot read, which would rank by part of a recording without a word; so a
   * file that is not a recording, one cut short (still being written, an incomplete copy) and one of a
   * format this JDK does not read are named here instead.
   */
  private static void checkChunks(Path file) throws Unusable {
    try (FileChannel ch = FileChannel.open(file)) {
      long length = ch.size();
      long at = 0;
      ByteBuffer h = ByteBuffer.allocate(CHUNK_HEADER);
      do {
        h.clear();
        int n = 0;
        for (int r; h.hasRemaining() && (r = ch.read(h, at + n)) > 0; ) n += r;
        if (n < MAGIC.length || !Arrays.equals(Arrays.copyOf(h.array(), MAGIC.length), MAGIC)) {
          throw new Unusable(at == 0 ? "not a JFR recording (no FLR header)" : "corrupt (no chunk header at byte " + at + ")");
        }
        if (n < CHUNK_HEADER) throw new Unusable(cutShort("the file ends inside a chunk header, at byte " + (at + n)));
        int major = h.getShort(4) & 0xffff;
        int minor = h.getShort(6) & 0xffff;
        if (major > 2) {
          throw new Unusable("written by a newer JDK (JFR file format " + major + "." + minor + "; Java "
              + Runtime.version().feature() + " reads formats 1.x and 2.x): run noescape on that JDK or a newer one");
        }
        long size = h.getLong(8);
        if (size <= 0 || size > length - at) {
          throw new Unusable(cutShort("the chunk at byte " + at + " has " + (length - at) + " of its " + size + " bytes"));
        }
        at += size;
      } while (at < length);
    } catch (NoSuchFileException e) {
      throw new Unusable("no such file");
    } catch (IOException e) {
      throw new Unusable("cannot be read: " + message(e));
    }
  }

  private static String cutShort(String detail) {
    return "cut short (a recording still being written, or an incomplete copy): " + detail;
  }

  /**
   * A class name as the rest of noescape writes it: hidden classes ({@code Foo$$Lambda/0x…}) keep
   * their name; array classes, which the JVM names by descriptor ({@code [B},
   * {@code [Ljava.lang.String;}), become {@code byte[]}, {@code java.lang.String[]}.
   */
  static String className(String jvmName) {
    if (jvmName == null || !jvmName.startsWith("[")) return jvmName;
    int dims = 0;
    while (dims < jvmName.length() && jvmName.charAt(dims) == '[') dims++;
    String rest = jvmName.substring(dims);
    String base = switch (rest) {
      case "Z" -> "boolean";
      case "B" -> "byte";
      case "C" -> "char";
      case "S" -> "short";
      case "I" -> "int";
      case "J" -> "long";
      case "F" -> "float";
      case "D" -> "double";
      default -> rest.startsWith("L") && rest.endsWith(";") ? rest.substring(1, rest.length() - 1).replace('/', '.') : rest;
    };
    return base + "[]".repeat(dims);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    return text.lines().findFirst().orElse(text);
  }

  /** Samples added up per stack (by the identity of its {@link Interned} list) and class. */
  private static final class Aggregate {
    private static final class Sum {
      long bytes;
      long samples;
      boolean truncated;

      void add(long b, long n, boolean t) {
        bytes += b;
        samples += n;
        truncated |= t;
      }
    }

    private final Map<List<Frame>, Map<String, Sum>> sums = new IdentityHashMap<>();
    long bytes;
    long samples;

    void add(List<Frame> stack, String objectClass, long b, boolean truncated) {
      sums.computeIfAbsent(stack, k -> new HashMap<>()).computeIfAbsent(objectClass, k -> new Sum()).add(b, 1, truncated);
      bytes += b;
      samples++;
    }

    void add(Aggregate o) {
      o.sums.forEach((stack, byClass) -> byClass.forEach((c, v) ->
          sums.computeIfAbsent(stack, k -> new HashMap<>()).computeIfAbsent(c, k -> new Sum()).add(v.bytes, v.samples, v.truncated)));
      bytes += o.bytes;
      samples += o.samples;
    }

    List<StackSample> stacks() {
      List<StackSample> out = new ArrayList<>();
      sums.forEach((stack, byClass) -> byClass.forEach((c, v) ->
          out.add(new StackSample(stack, c, v.bytes, v.samples, v.truncated))));
      out.sort(Comparator.comparingLong(StackSample::bytes).reversed()
          .thenComparing(s -> s.frames().toString())
          .thenComparing(StackSample::objectClass));
      return out;
    }
  }
}
