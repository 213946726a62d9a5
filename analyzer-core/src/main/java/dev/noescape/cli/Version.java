package dev.noescape.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** noescape's version, from the resource Maven filters at build time ({@code version.properties}). */
final class Version {
  private Version() {}

  private static final String VERSION = load();

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.startsWith("${")) return v.trim();
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : "unknown";
  }
}
