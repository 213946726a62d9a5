package dev.noescape.profile.jfr;

import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.Frame;
import dev.noescape.profile.StackSample;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

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
 * are left out entirely, since a part of a recording would rank by a part of the run.
 * {@code RecordingFile} is used rather than {@code EventStream.openFile}: the stream ends silently
 * at a truncated chunk or a version it does not read, so the user would get an unexplained empty
 * ranking.
 */
public final class RecordingReader {
  private RecordingReader() {}

  public static final String SAMPLE = "jdk.ObjectAllocationSample";
  public static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
  public static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";

  /** The magic number a recording (each of its chunks) starts with. */
  private static final byte[] MAGIC = {'F', 'L', 'R', 0};

  /** Stack traces converted and kept by identity: the consumer API shares them within a chunk. */
  private static final int STACK_CACHE = 50_000;

  /**
   * Reads {@code inputs}: recording files, or directories whose {@code *.jfr} files are read in name
   * order. {@code shown} names an input as the user gave it, for the problems. Never throws.
   */
  public static AllocationProfile read(List<Path> inputs, java.util.function.Function<Path, String> shown) {
    List<String> problems = new ArrayList<>();
    List<String> read = new ArrayList<>();
    Aggregate total = new Aggregate();
    for (Path input : inputs) {
      for (Path file : files(input, shown, problems)) {
        String name = shown.apply(file);
        try {
          Aggregate one = readFile(file, name);
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

  private static Aggregate readFile(Path file, String name) throws Unusable {
    checkHeader(file);
    Aggregate sampled = new Aggregate();
    Aggregate tlab = new Aggregate();
    Map<RecordedStackTrace, List<Frame>> cache = new IdentityHashMap<>();
    Map<Frame, Frame> frames = new HashMap<>();
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        String type = e.getEventType().getName();
        long bytes;
        Aggregate into;
        switch (type) {
          case SAMPLE -> {
            bytes = e.getLong("weight");
            into = sampled;
          }
          case IN_NEW_TLAB -> {
            bytes = e.getLong("tlabSize");
            into = tlab;
          }
          case OUTSIDE_TLAB -> {
            bytes = e.getLong("allocationSize");
            into = tlab;
          }
          default -> {
            continue;
          }
        }
        RecordedStackTrace st = e.getStackTrace();
        List<Frame> stack = List.of();
        boolean truncated = false;
        if (st != null) {
          if (cache.size() >= STACK_CACHE) cache.clear();
          stack = cache.computeIfAbsent(st, s -> frames(s, frames));
          truncated = st.isTruncated();
        }
        RecordedClass c = e.getClass("objectClass");
        into.add(stack, c == null ? "?" : className(c.getName()), bytes, truncated);
      }
    } catch (EOFException e) {
      throw new Unusable("cut short (a recording still being written, or an incomplete copy): " + e.getMessage());
    } catch (IOException e) {
      throw new Unusable("cannot be read: " + message(e));
    } catch (RuntimeException e) {
      throw new Unusable("corrupt (" + message(e) + ")");
    }
    return sampled.samples > 0 ? sampled : tlab;
  }

  /**
   * Checks the file header before the consumer API reads it, so a file that is not a recording, or
   * one of a format version this JDK does not read, gets a message that says so.
   */
  private static void checkHeader(Path file) throws Unusable {
    byte[] h = new byte[8];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (n < h.length) {
        int r = in.read(h, n, h.length - n);
        if (r < 0) break;
        n += r;
      }
    } catch (NoSuchFileException e) {
      throw new Unusable("no such file");
    } catch (IOException e) {
      throw new Unusable("cannot be read: " + message(e));
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (n < MAGIC.length || h[i] != MAGIC[i]) throw new Unusable("not a JFR recording (no FLR header)");
    }
    if (n < 8) throw new Unusable("cut short (a recording still being written, or an incomplete copy): " + n + " bytes");
    int major = ((h[4] & 0xff) << 8) | (h[5] & 0xff);
    int minor = ((h[6] & 0xff) << 8) | (h[7] & 0xff);
    if (major > 2) {
      throw new Unusable("written by a newer JDK (JFR file format " + major + "." + minor + "; Java "
          + Runtime.version().feature() + " reads formats 1.x and 2.x): run noescape on that JDK or a newer one");
    }
  }

  private static List<Frame> frames(RecordedStackTrace st, Map<Frame, Frame> interned) {
    List<RecordedFrame> in = st.getFrames();
    List<Frame> out = new ArrayList<>(in.size());
    for (RecordedFrame f : in) {
      RecordedMethod m = f.getMethod();
      if (m == null) continue;
      RecordedClass c = m.getType();
      Frame frame = new Frame(c == null ? "?" : className(c.getName()), m.getName(), m.getDescriptor(),
          Math.max(0, f.getLineNumber()), f.isJavaFrame() ? f.getBytecodeIndex() : -1);
      out.add(interned.computeIfAbsent(frame, k -> k));
    }
    return List.copyOf(out);
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

  /** Samples added up per stack and class. */
  private static final class Aggregate {
    private record Key(List<Frame> frames, String objectClass) {}

    private static final class Sum {
      long bytes;
      long samples;
      boolean truncated;
    }

    private final Map<Key, Sum> sums = new HashMap<>();
    long bytes;
    long samples;

    void add(List<Frame> stack, String objectClass, long b, boolean truncated) {
      Sum s = sums.computeIfAbsent(new Key(stack, objectClass), k -> new Sum());
      s.bytes += b;
      s.samples++;
      s.truncated |= truncated;
      bytes += b;
      samples++;
    }

    void add(Aggregate o) {
      o.sums.forEach((k, v) -> {
        Sum s = sums.computeIfAbsent(k, x -> new Sum());
        s.bytes += v.bytes;
        s.samples += v.samples;
        s.truncated |= v.truncated;
      });
      bytes += o.bytes;
      samples += o.samples;
    }

    List<StackSample> stacks() {
      List<StackSample> out = new ArrayList<>(sums.size());
      sums.forEach((k, v) -> out.add(new StackSample(k.frames(), k.objectClass(), v.bytes, v.samples, v.truncated)));
      out.sort(Comparator.comparingLong(StackSample::bytes).reversed()
          .thenComparing(s -> s.frames().toString())
          .thenComparing(StackSample::objectClass));
      return out;
    }
  }
}
