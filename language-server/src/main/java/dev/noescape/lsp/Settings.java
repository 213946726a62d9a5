package dev.noescape.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.errorprone.ErrorProneArgs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The server's settings, from {@code initializationOptions} and {@code workspace/didChangeConfiguration}
 * (either the object below or {@code {"noescape": {...}}}); a value of the wrong type keeps the
 * previous one and is named in {@link #problems}.
 *
 * @param showVerdicts report the information rules (the escape verdicts) even where the project does
 *     not enable them, like gopls' "compiler optimization details"
 * @param docsBaseUrl what a rule's page URL starts with; the page is {@code <RuleId>.md}
 * @param debounceMillis how long typing must pause before a changed document is analyzed
 * @param mavenExecutable the Maven command, or null (the project's {@code mvnw}, else {@code mvn})
 * @param mavenArgs more arguments for Maven ({@code -o}, {@code -s settings.xml})
 * @param cacheDirectory where Maven's answers are kept between sessions
 * @param problems values that could not be used
 */
public record Settings(boolean showVerdicts, String docsBaseUrl, int debounceMillis, String mavenExecutable,
    List<String> mavenArgs, Path cacheDirectory, List<String> problems) {

  public static final String DEFAULT_DOCS = "https://github.com/noescape/noescape/blob/main/docs/rules/";

  public Settings {
    mavenArgs = List.copyOf(mavenArgs);
    problems = List.copyOf(problems);
  }

  public static Settings defaults() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new Settings(false, DEFAULT_DOCS, 250, null, List.of(), cache.resolve("noescape-lsp"), List.of());
  }

  /** These settings with the values {@code json} gives. */
  public Settings with(JsonElement json) {
    if (json == null || !json.isJsonObject()) return this;
    JsonObject o = json.getAsJsonObject();
    if (o.has("noescape") && o.get("noescape").isJsonObject()) o = o.getAsJsonObject("noescape");
    List<String> bad = new ArrayList<>();
    boolean verdicts = o.has("showVerdicts") ? bool(o.get("showVerdicts"), showVerdicts, "showVerdicts", bad) : showVerdicts;
    String docs = o.has("docsBaseUrl") ? string(o.get("docsBaseUrl"), docsBaseUrl, "docsBaseUrl", bad) : docsBaseUrl;
    if (!docs.endsWith("/")) docs = docs + "/";
    int debounce = debounceMillis;
    if (o.has("debounceMillis")) {
      JsonElement e = o.get("debounceMillis");
      if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() && e.getAsInt() >= 0) {
        debounce = e.getAsInt();
      } else {
        bad.add("debounceMillis must be a number of milliseconds, not " + e);
      }
    }
    JsonObject maven = o.has("maven") && o.get("maven").isJsonObject() ? o.getAsJsonObject("maven") : new JsonObject();
    String executable = maven.has("executable") ? string(maven.get("executable"), mavenExecutable, "maven.executable", bad)
        : mavenExecutable;
    List<String> args = mavenArgs;
    if (maven.has("args")) {
      JsonElement e = maven.get("args");
      if (e.isJsonArray()) {
        List<String> a = new ArrayList<>();
        for (JsonElement x : (JsonArray) e) a.add(x.getAsString());
        args = a;
      } else {
        bad.add("maven.args must be a list of strings, not " + e);
      }
    }
    Path cache = o.has("cacheDirectory") ? Path.of(string(o.get("cacheDirectory"), cacheDirectory.toString(), "cacheDirectory", bad))
        : cacheDirectory;
    return new Settings(verdicts, docs, debounce, executable, args, cache, bad);
  }

  public Settings withShowVerdicts(boolean show) {
    return new Settings(show, docsBaseUrl, debounceMillis, mavenExecutable, mavenArgs, cacheDirectory, List.of());
  }

  /**
   * The rules to report and their severities: the project's, and when {@link #showVerdicts} the
   * information rules it leaves off, as information.
   */
  public Map<RuleId, Severity> levels(ErrorProneArgs config) {
    Map<RuleId, Severity> levels = new EnumMap<>(RuleId.class);
    levels.putAll(config.levels());
    if (showVerdicts) {
      for (RuleId r : RuleId.values()) if (!r.doc().onByDefault()) levels.putIfAbsent(r, Severity.INFO);
    }
    return levels;
  }

  private static boolean bool(JsonElement e, boolean previous, String name, List<String> bad) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
    bad.add(name + " must be true or false, not " + e);
    return previous;
  }

  private static String string(JsonElement e, String previous, String name, List<String> bad) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
    if (e.isJsonNull()) return previous;
    bad.add(name + " must be a string, not " + e);
    return previous;
  }
}
