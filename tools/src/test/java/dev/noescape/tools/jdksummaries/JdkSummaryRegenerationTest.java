package dev.noescape.tools.jdksummaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.noescape.models.JdkSummaries;
import dev.noescape.summary.MethodSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code jdk-summaries.gz} is what {@link JdkSummaryGenerator} computes on the build
 * JDK, for a sample of classes: the sample (with its {@code java.base} subclasses, for the dispatch
 * joins) is the input, the rest of {@code java.base} the class path the analysis reaches into, so
 * every callee is summarized as in a full generation.
 *
 * <p>Summaries depend on the JDK's code: generated on one feature release they are only compared on
 * the same one (CI builds with Temurin 25, the JDK that generates the file); on another the test is
 * skipped and says so. Within a feature release a mismatch means the file is stale (the models or
 * the engine changed): regenerate it with {@code bench/jdk-summaries.sh}.
 */
class JdkSummaryRegenerationTest {
  private static final Set<String> SAMPLE = Set.of("java.util.ArrayList", "java.lang.String", "java.util.HashMap");

  @Test
  void shippedSummariesMatchARegenerationOfASample(@TempDir Path tmp) throws IOException {
    JdkSummaries shipped = JdkSummaries.instance();
    String generatedOn = shipped.jdkVersion();
    int feature = Runtime.version().feature();
    assumeTrue(generatedOn.startsWith(feature + ".") || generatedOn.startsWith(feature + "+") || generatedOn.startsWith(feature + " "),
        "jdk-summaries.gz was generated on JDK " + generatedOn + ", the build runs JDK " + Runtime.version()
            + ": summaries of another feature release are not comparable (regenerate on the JDK CI builds with)");

    Path all = Files.createDirectories(tmp.resolve("all"));
    JdkSummaryGenerator.extractJavaBase(all);
    Set<String> inputs = new HashSet<>(SAMPLE);
    JdkSummaryGenerator.Reflection r = new JdkSummaryGenerator.Reflection();
    for (String name : JdkSummaryGenerator.classNames(List.of(all))) {
      Class<?> k = r.load(name);
      if (k == null) continue;
      for (Class<?> s : JdkSummaryGenerator.supertypes(k)) if (SAMPLE.contains(s.getName())) inputs.add(topLevel(name));
    }
    Path sample = Files.createDirectories(tmp.resolve("sample"));
    JdkSummaryGenerator.extract(sample, inputs);
    // The class path must not hold the inputs a second time.
    for (String name : JdkSummaryGenerator.classNames(List.of(sample))) Files.delete(all.resolve(name.replace('.', '/') + ".class"));

    JdkSummaryGenerator.Generated regenerated = JdkSummaryGenerator.generate(List.of(sample), List.of(all), SAMPLE);
    for (String c : SAMPLE) {
      List<String> want = lines(regenerated.summaries().getOrDefault(c, Map.of()));
      List<String> have = lines(shipped.declared(c));
      assertFalse(want.isEmpty(), "the regeneration summarizes " + c);
      assertEquals(String.join("\n", want), String.join("\n", have),
          c + ": the shipped summaries (generated on " + generatedOn + ") differ from a regeneration on "
              + Runtime.version() + "; regenerate with bench/jdk-summaries.sh");
    }
  }

  private static String topLevel(String name) {
    int d = name.indexOf('$');
    return d < 0 ? name : name.substring(0, d);
  }

  private static List<String> lines(Map<String, MethodSummary> byMethod) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, MethodSummary> e : new TreeMap<>(byMethod).entrySet()) out.add(e.getKey() + " " + e.getValue());
    return out;
  }
}
