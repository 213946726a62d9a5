package dev.noescape.jitbench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK to measure on: its home and feature release (17, 25), read from its {@code release} file. */
public record Jdk(Path home, int feature, String version) {
  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

  /** Reads {@code home/release}; a clear message when it is not a JDK. */
  public static Jdk of(Path home) {
    Path release = home.resolve("release");
    String text;
    try {
      text = Files.readString(release, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(home + " is not a JDK: cannot read " + release);
    }
    Matcher m = VERSION.matcher(text);
    if (!m.find()) throw new IllegalArgumentException(release + " has no JAVA_VERSION");
    String version = m.group(1);
    String major = version.startsWith("1.") ? version.substring(2) : version;
    int end = 0;
    while (end < major.length() && Character.isDigit(major.charAt(end))) end++;
    return new Jdk(home, Integer.parseInt(major.substring(0, end)), version);
  }

  public Path java() {
    return home.resolve("bin").resolve("java");
  }

  /** {@code JDK 17}: how reports name it. */
  public String label() {
    return "JDK " + feature;
  }
}
