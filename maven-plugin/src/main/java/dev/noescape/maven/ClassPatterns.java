package dev.noescape.maven;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The {@code includes}/{@code excludes} class patterns. */
final class ClassPatterns {
  private ClassPatterns() {}

  /**
   * A class name test: in {@code includes} (any, when empty) and in none of {@code excludes}. In a
   * pattern {@code **} matches anything, {@code *} anything but a dot, {@code ?} one character but a
   * dot; a nested class ({@code Outer$Inner}) also matches what its outermost class matches.
   */
  static Predicate<String> filter(List<String> includes, List<String> excludes) {
    List<Pattern> in = includes.stream().map(ClassPatterns::compile).toList();
    List<Pattern> out = excludes.stream().map(ClassPatterns::compile).toList();
    return name -> {
      String outer = name.indexOf('$') > 0 ? name.substring(0, name.indexOf('$')) : name;
      boolean included = in.isEmpty() || in.stream().anyMatch(p -> p.matcher(name).matches() || p.matcher(outer).matches());
      return included && out.stream().noneMatch(p -> p.matcher(name).matches() || p.matcher(outer).matches());
    };
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^.]*");
      } else if (c == '?') {
        re.append("[^.]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
