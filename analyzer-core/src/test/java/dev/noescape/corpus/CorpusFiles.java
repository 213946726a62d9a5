package dev.noescape.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the corpus is and how both front ends' corpus tests name and order its files. */
public final class CorpusFiles {
  private CorpusFiles() {}

  /** {@code testdata/src/main/java}, or {@code $noescape.testdata.dir/src/main/java}. */
  public static Path sourceRoot() {
    String dir = System.getProperty("noescape.testdata.dir");
    Path base = dir != null ? Paths.get(dir) : Paths.get("..", "testdata");
    return base.resolve("src/main/java").toAbsolutePath().normalize();
  }

  /** Every {@code .java} file under {@code root}, sorted. */
  public static List<Path> corpusFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code file} relative to {@code root}, with {@code /}. */
  public static String relative(Path root, Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static final Pattern FILE_LINE = Pattern.compile("^([^:]+):(\\d+)");

  /** Lines that start with {@code file:line}, by file, then line as a number, then text. */
  public static List<String> sortedByFileLine(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.sort(Comparator.comparing((String s) -> fileLine(s, true)).thenComparingInt(s -> Integer.parseInt(fileLine(s, false)))
        .thenComparing(Comparator.naturalOrder()));
    return out;
  }

  private static String fileLine(String s, boolean file) {
    Matcher m = FILE_LINE.matcher(s);
    if (!m.find()) return file ? s : "0";
    return file ? m.group(1) : m.group(2);
  }
}
