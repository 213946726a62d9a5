package dev.noescape.models;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-checked summaries of JDK methods, read from {@code jdk.models} next to this class (see
 * {@link ModelParser} for the format, and the file's header for the trust assumptions each entry
 * relies on).
 *
 * <p>Lookup is by {@link MethodRef#key()}: a line naming the call's owner, else a family line whose
 * family lists that owner. Families list every JDK interface and class that honours the shared
 * contract, so a call resolved against {@code java.util.ArrayList}, {@code java.util.List} or
 * {@code java.util.Collection} (javac names the declaring type, bytecode the receiver's static
 * type) finds its entry. An entry whose static-ness disagrees with the call is not used (a front end bug or a
 * different method of the same shape), and anything not modelled is left to the engine's
 * conservative default.
 *
 * <p>{@link #instance()} is loaded once per class loader and never changes, so every javac run can
 * share it. Loading only indexes signatures; an entry's tags are parsed on its first lookup.
 */
public final class JdkModels implements SummaryProvider {
  /** The resource, relative to this class. */
  public static final String RESOURCE = "jdk.models";

  private final String source;
  // First pass only: signatures and where to find their tags.
  private final ModelParser.Index index;
  // Second pass, on demand. Lookup runs for every call the engine meets, so answers are kept as
  // ready Optionals; concurrent because parallel builds share one instance.
  private final ConcurrentHashMap<String, Optional<MethodSummary>> answers = new ConcurrentHashMap<>();
  private volatile Map<String, ModelParser.Pending> expanded;
  private volatile List<Model> all;

  private JdkModels(String source, ModelParser.Index index) {
    this.source = source;
    this.index = index;
  }

  private static final class Holder {
    static final JdkModels INSTANCE = loadResource();
  }

  /**
   * The shared models of the JDK. The first call reads the file and indexes the signatures; the
   * tags of an entry are read when it is first looked up (the tests read and check every entry).
   */
  public static JdkModels instance() {
    return Holder.INSTANCE;
  }

  /**
   * Models from any reader in the {@link ModelParser} format (tests, or a user's extra models),
   * read and checked completely.
   *
   * @throws ModelFormatException with the line number when the text is malformed
   */
  public static JdkModels parse(String source, Reader reader) {
    JdkModels m = new JdkModels(source, ModelParser.index(source, reader));
    m.models();
    return m;
  }

  private static JdkModels loadResource() {
    try (InputStream in = JdkModels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE + " next to " + JdkModels.class.getName());
      // readAllBytes and a String: far cheaper at start-up than a Reader decoding line by line.
      return new JdkModels(RESOURCE, ModelParser.index(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<MethodSummary> lookup(MethodRef method) {
    String key = method.key();
    Optional<MethodSummary> answer = answers.get(key);
    if (answer == null) {
      ModelParser.Pending p = index.find(method.owner(), key);
      if (p == null || p.isStatic() != method.isStatic()) return Optional.empty();
      try {
        answer = Optional.of(ModelParser.parse(source, p).summary());
      } catch (ModelFormatException e) {
        // Cannot happen for the shipped file (the tests parse every line); were it to, "unknown"
        // is the conservative answer and must not take a compilation down.
        answer = Optional.empty();
      }
      Optional<MethodSummary> raced = answers.putIfAbsent(key, answer);
      if (raced != null) answer = raced;
    }
    // A cached answer came from a line whose static-ness matched; a ref disagreeing with it is not ours.
    if (answer.isEmpty() || answer.get().params().size() != method.slotCount()) return Optional.empty();
    return answer;
  }

  private volatile List<MethodRef> protocols;

  @Override
  public List<MethodRef> protocols() {
    List<MethodRef> p = protocols;
    if (p == null) {
      List<MethodRef> out = new ArrayList<>();
      for (String sig : index.protocols()) {
        int hash = sig.indexOf('#'), open = sig.indexOf('(');
        String params = sig.substring(open + 1, sig.length() - 1);
        out.add(new MethodRef(sig.substring(0, hash), sig.substring(hash + 1, open),
            params.isEmpty() ? List.of() : List.of(params.split(",")), "java.lang.Object", false));
      }
      protocols = p = List.copyOf(out);
    }
    return p;
  }

  /** The entry for a key ({@code java.util.List#get(int)}), for tools and tests. */
  public Optional<Model> model(String key) {
    int hash = key.indexOf('#');
    ModelParser.Pending p = hash < 0 ? null : index.find(key.substring(0, hash), key);
    return p == null ? Optional.empty() : Optional.of(ModelParser.parse(source, p));
  }

  /** Every expanded entry, in file order; reads and checks every line not read yet. */
  public List<Model> models() {
    List<Model> m = all;
    if (m == null) {
      List<Model> out = new ArrayList<>();
      for (ModelParser.Pending p : expandedKeys().values()) out.add(ModelParser.parse(source, p));
      all = m = Collections.unmodifiableList(out);
    }
    return m;
  }

  /** Number of modelled methods after family expansion. */
  public int size() {
    return expandedKeys().size();
  }

  private Map<String, ModelParser.Pending> expandedKeys() {
    Map<String, ModelParser.Pending> e = expanded;
    if (e == null) expanded = e = index.expand();
    return e;
  }
}
