package dev.noescape.jitbench.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The site markers of the probe sources: a trailing {@code // site: <probe-id>} comment on the line
 * of the allocation of interest (several ids separated by commas when probes share a line). The
 * column is that of the first {@code new} on the line, else of the line's first non-blank
 * character (noescape reports an allocation at the start of its expression).
 */
public final class SiteMarkers {
  private static final Pattern MARKER = Pattern.compile("//\\s*site:\\s*([A-Za-z0-9_.\\-]+(?:\\s*,\\s*[A-Za-z0-9_.\\-]+)*)\\s*$");
  private static final Pattern NEW = Pattern.compile("\\bnew\\b");

  /** Where a marker sits: the file relative to the source root (with '/'), 1-based line and column. */
  public record Site(String file, int line, int column) {}

  private SiteMarkers() {}

  /** Every marker under {@code root}, by probe id; a duplicate id is an error naming both places. */
  public static Map<String, Site> scan(Path root) {
    Map<String, Site> sites = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the probe sources under " + root, e);
    }
    for (Path file : files) {
      String rel = root.relativize(file).toString().replace('\\', '/');
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      for (int k = 0; k < lines.size(); k++) {
        for (Map.Entry<String, Integer> m : markers(lines.get(k)).entrySet()) {
          Site site = new Site(rel, k + 1, m.getValue());
          Site before = sites.put(m.getKey(), site);
          if (before != null) {
            throw new IllegalArgumentException("site marker " + m.getKey() + " appears twice: "
                + before.file() + ":" + before.line() + " and " + rel + ":" + (k + 1));
          }
        }
      }
    }
    return sites;
  }

  /** The probe ids a source line marks, each with the column of the site on that line. */
  static Map<String, Integer> markers(String line) {
    Matcher m = MARKER.matcher(line);
    Map<String, Integer> out = new TreeMap<>();
    if (!m.find()) return out;
    String code = line.substring(0, m.start());
    Matcher n = NEW.matcher(code);
    int column = n.find() ? n.start() + 1 : firstNonBlank(code) + 1;
    for (String id : m.group(1).split(",")) out.put(id.trim(), column);
    return out;
  }

  private static int firstNonBlank(String s) {
    for (int k = 0; k < s.length(); k++) if (!Character.isWhitespace(s.charAt(k))) return k;
    return 0;
  }

  /** Problems joining markers and probes: a probe without a marker, a marker without a probe. */
  public static List<String> check(List<ProbeSpec> probes, Map<String, Site> sites) {
    List<String> problems = new ArrayList<>();
    for (ProbeSpec p : probes) {
      Site s = sites.get(p.id());
      if (s == null) problems.add("probe " + p.id() + " has no // site: marker");
      else if (!s.file().equals(p.sourcePath())) {
        problems.add("probe " + p.id() + " is declared in " + p.sourcePath() + " but marked in " + s.file());
      }
    }
    for (String id : sites.keySet()) {
      if (probes.stream().noneMatch(p -> p.id().equals(id))) problems.add("marker " + id + " names no probe");
    }
    return problems;
  }
}
