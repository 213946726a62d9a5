package dev.noescape.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown files, checked the way GitHub renders them: a link's file (or
 * directory) must exist inside the repository, and a {@code #fragment} into a Markdown file must
 * name one of its headings (GitHub's slugs: lower case, punctuation dropped, spaces to hyphens,
 * {@code -1}, {@code -2} for repeats) or an HTML {@code id}/{@code name}. Links with a scheme
 * ({@code https:}, {@code mailto:}) are not followed; code blocks and code spans are not links.
 */
final class DocLinks {
  private DocLinks() {}

  /** {@code [text](dest)} and {@code ![alt](dest)}; dest without spaces, or in angle brackets, then an optional title. */
  private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*(<[^>]*>|[^)\\s]*)(?:\\s+\"[^\"]*\")?\\s*\\)");
  /** {@code [id]: dest} reference definitions. */
  private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ID = Pattern.compile("\\b(?:id|name)=\"([^\"]+)\"");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  /** One link that does not resolve: {@code docs/cli.md:12: formats/jsn.md: no such file}. */
  record Broken(Path file, int line, String link, String why) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + link + ": " + why;
    }
  }

  /** The broken relative links of {@code files}, paths shown relative to {@code root}; a link may not leave {@code root}. */
  static List<Broken> check(Path root, List<Path> files) {
    Path top = root.toAbsolutePath().normalize();
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<Broken> broken = new ArrayList<>();
    for (Path file : files) {
      Path abs = file.toAbsolutePath().normalize();
      List<String> lines = lines(abs);
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (FENCE.matcher(line).find()) {
          fenced = !fenced;
          continue;
        }
        if (fenced) continue;
        for (String dest : destinations(withoutCodeSpans(line))) {
          String why = problem(top, abs, dest, anchors);
          if (why != null) broken.add(new Broken(top.relativize(abs), i + 1, dest, why));
        }
      }
    }
    return broken;
  }

  /** Why {@code dest}, written in {@code from}, does not resolve; null when it does or is not relative. */
  private static String problem(Path root, Path from, String dest, Map<Path, Set<String>> anchors) {
    if (dest.isEmpty()) return "empty link";
    if (SCHEME.matcher(dest).find() || dest.startsWith("//")) return null;
    int hash = dest.indexOf('#');
    String path = hash < 0 ? dest : dest.substring(0, hash);
    String fragment = hash < 0 ? null : dest.substring(hash + 1);
    Path target;
    if (path.isEmpty()) {
      target = from;
    } else {
      String decoded = URLDecoder.decode(path.replace("+", "%2B"), UTF_8);
      target = decoded.startsWith("/") ? root.resolve(decoded.substring(1)) : from.getParent().resolve(decoded);
      target = target.normalize();
      if (!target.startsWith(root)) return "leaves the repository";
      if (!Files.exists(target)) return "no such file";
    }
    if (fragment == null || !target.toString().endsWith(".md") || !Files.isRegularFile(target)) return null;
    String wanted = URLDecoder.decode(fragment.replace("+", "%2B"), UTF_8);
    Set<String> known = anchors.computeIfAbsent(target, DocLinks::anchors);
    return known.contains(wanted) ? null : "no heading #" + wanted + " in " + root.relativize(target);
  }

  /** The link destinations on one line (code spans already removed). */
  static List<String> destinations(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = INLINE.matcher(line);
    while (m.find()) out.add(unbracket(m.group(1)));
    Matcher r = REFERENCE.matcher(line);
    if (r.find()) out.add(unbracket(r.group(1)));
    return out;
  }

  private static String unbracket(String dest) {
    return dest.startsWith("<") && dest.endsWith(">") ? dest.substring(1, dest.length() - 1) : dest;
  }

  /** {@code line} with every code span ({@code `…`}, {@code ``…``}) blanked out. */
  static String withoutCodeSpans(String line) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) != '`') {
        out.append(line.charAt(i++));
        continue;
      }
      int run = 0;
      while (i + run < line.length() && line.charAt(i + run) == '`') run++;
      String ticks = "`".repeat(run);
      int close = line.indexOf(ticks, i + run);
      if (close < 0) {
        out.append(ticks);
        i += run;
      } else {
        i = close + run;
      }
    }
    return out.toString();
  }

  /** The anchors of a Markdown file: its headings' slugs (with GitHub's -1, -2 for repeats) and HTML ids. */
  static Set<String> anchors(Path file) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
        continue;
      }
      if (fenced) continue;
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String slug = slug(h.group(2));
        int n = seen.merge(slug, 1, Integer::sum);
        out.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
      Matcher id = HTML_ID.matcher(line);
      while (id.find()) out.add(id.group(1));
    }
    return out;
  }

  /**
   * GitHub's anchor for a heading: its text as rendered (code spans, emphasis and link syntax
   * reduced to their text), lower case, every character but letters, digits, marks, {@code _},
   * {@code -} and spaces dropped, spaces turned into hyphens.
   */
  static String slug(String heading) {
    String text = heading
        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replace("`", "")
        .replaceAll("(\\*\\*|__|\\*)", "");
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    lower.codePoints().forEach(c -> {
      if (c == ' ') {
        sb.append('-');
      } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)
          || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
