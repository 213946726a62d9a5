package dev.noescape.models;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import dev.noescape.summary.export.SummaryIndex;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Summaries of {@code java.base} computed by running the bytecode front end and the engine over the
 * JDK itself (the build-time tool {@code dev.noescape.tools.jdksummaries.JdkSummaryGenerator} of the
 * {@code tools} module, the JarInfer approach), read
 * from {@value #RESOURCE} next to this class. They answer what the hand-checked {@link JdkModels} do
 * not; {@link #library()} puts the models first.
 *
 * <p>The resource is the summaries format modules ship in {@code META-INF/noescape}
 * ({@link dev.noescape.summary.export}), gzipped, under its own name so that noescape-core's jar is
 * never mistaken for a module shipping summaries of its own classes. Its producer names the JDK
 * that generated it ({@code JdkSummaryGenerator jdk=25.0.3+9-LTS Eclipse Adoptium}). Loading is
 * cheap because it happens in every javac run: the first lookup inflates the file and indexes its
 * class lines; a class's methods are decoded on its first lookup.
 */
public final class JdkSummaries implements SummaryProvider {
  /** The resource, relative to this class. */
  public static final String RESOURCE = "jdk-summaries.gz";
  /** The origin of the summaries it gives ({@link MethodSummary#origin()}). */
  public static final String ORIGIN = MethodSummary.GENERATED;
  /** The producer prefix in the header, followed by the generating JDK. */
  public static final String PRODUCER = "JdkSummaryGenerator jdk=";

  private final SummaryIndex index;
  private final ConcurrentHashMap<String, Map<String, MethodSummary>> declared = new ConcurrentHashMap<>();

  private JdkSummaries(SummaryIndex index) {
    this.index = index;
  }

  private static final class Holder {
    static final JdkSummaries INSTANCE = load();
  }

  /** The shipped summaries (empty when the resource is missing or unreadable: every answer is then "unknown"). */
  public static JdkSummaries instance() {
    return Holder.INSTANCE;
  }

  private static final class LibraryHolder {
    static final SummaryProvider LIBRARY = JdkModels.instance().orElse(instance());
  }

  /**
   * What the engine uses for the JDK: the hand-checked models, else the generated summaries, else
   * nothing (the engine's conservative unknown).
   */
  public static SummaryProvider library() {
    return LibraryHolder.LIBRARY;
  }

  /**
   * {@code -Dnoescape.jdksummaries=off} leaves the generated summaries out (only the models answer):
   * for measuring what they change ({@code bench/jdk-coverage.sh}).
   */
  static final boolean DISABLED = "off".equals(System.getProperty("noescape.jdksummaries"));

  private static JdkSummaries load() {
    if (DISABLED) return empty();
    try (InputStream in = JdkSummaries.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return empty();
      return parse(RESOURCE, new GZIPInputStream(in, 1 << 16).readAllBytes());
    } catch (IOException | RuntimeException e) {
      // Unknown for every JDK method is the conservative answer; never take a compilation down.
      return empty();
    }
  }

  private static JdkSummaries empty() {
    return parse("none", dev.noescape.summary.export.SummaryWriter.encode(Map.of(), PRODUCER + "none"));
  }

  /** Summaries from the uncompressed resource format (tests, the generator's check). */
  public static JdkSummaries parse(String source, byte[] bytes) {
    return new JdkSummaries(SummaryIndex.parse(source, bytes));
  }

  /** The JDK that generated the file ({@code 25.0.3+9-LTS Eclipse Adoptium}), "unknown" when not said. */
  public String jdkVersion() {
    String p = index.producer();
    return p.startsWith(PRODUCER) ? p.substring(PRODUCER.length()) : "unknown";
  }

  /** The classes the file has summaries for. */
  public Set<String> classNames() {
    return new java.util.TreeSet<>(index.classes());
  }

  /** The summaries of one class's methods, by {@code name(params)}, sorted. */
  public Map<String, MethodSummary> declared(String owner) {
    return declared.computeIfAbsent(owner, o -> {
      Map<String, MethodSummary> out = new TreeMap<>();
      for (Map.Entry<String, MethodSummary> e : index.methodsOf(o).entrySet()) {
        out.put(e.getKey().substring(e.getKey().indexOf('#') + 1), generated(e.getValue()));
      }
      return java.util.Collections.unmodifiableMap(out);
    });
  }

  @Override
  public Optional<MethodSummary> lookup(MethodRef method) {
    Map<String, MethodSummary> methods;
    try {
      methods = declared(method.owner());
    } catch (RuntimeException malformed) {
      // Cannot happen for the shipped file (a test decodes every class); unknown is the safe answer.
      return Optional.empty();
    }
    MethodSummary s = methods.get(method.key().substring(method.owner().length() + 1));
    return s == null || s.params().size() != method.slotCount() ? Optional.empty() : Optional.of(s);
  }

  private static MethodSummary generated(MethodSummary s) {
    return s.withOrigin(ORIGIN);
  }
}
