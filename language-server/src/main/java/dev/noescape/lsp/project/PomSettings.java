package dev.noescape.lsp.project;

import dev.noescape.catalog.RuleId;
import dev.noescape.errorprone.NoEscapeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a POM says about compiling and about noescape: the source roots, the release and encoding of
 * {@code maven-compiler-plugin}, and noescape's configuration as Error Prone arguments, read from
 * the compiler's {@code -Xplugin:ErrorProne ...} argument or else from the configuration of
 * {@code noescape-maven-plugin} (its {@code rules}, {@code excludeRules} and options, said the way the
 * javac plugin takes them). Read from the effective POM Maven writes (inheritance and properties
 * resolved), or from the {@code pom.xml} itself until Maven has answered (its own
 * {@code <properties>} substituted, nothing inherited).
 *
 * @param sourceRoots the main and test source directories that exist
 * @param release the {@code --release} (or target, or source) of the compiler, or null
 * @param encoding the source encoding, or null
 * @param errorProneArgs the noescape configuration as Error Prone arguments (empty: the defaults)
 * @param problems what could not be used, one line each
 */
public record PomSettings(List<Path> sourceRoots, String release, String encoding, List<String> errorProneArgs,
    List<String> problems) {

  private static final String COMPILER = "maven-compiler-plugin";
  private static final String NOESCAPE = "noescape-maven-plugin";
  private static final String ERROR_PRONE = "-Xplugin:ErrorProne";
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  public PomSettings {
    sourceRoots = List.copyOf(sourceRoots);
    errorProneArgs = List.copyOf(errorProneArgs);
    problems = List.copyOf(problems);
  }

  /**
   * Reads a POM ({@code <project>}, or the first of {@code <projects>} as {@code help:effective-pom}
   * writes for a reactor). Never throws: an unreadable file is a problem and the defaults.
   */
  public static PomSettings read(Path xml, Path basedir) {
    Element project;
    try {
      Element root = parse(xml).getDocumentElement();
      project = "projects".equals(root.getTagName()) ? child(root, "project") : root;
      if (project == null) throw new SAXException("no <project> element");
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return new PomSettings(existing(List.of(basedir.resolve("src/main/java"), basedir.resolve("src/test/java"))), null,
          null, List.of(), List.of(xml + ": not read, using Maven's default layout (" + e.getMessage() + ")"));
    }
    Map<String, String> properties = properties(project, basedir);
    List<String> problems = new ArrayList<>();
    Element build = child(project, "build");
    List<Path> roots = new ArrayList<>();
    roots.add(dir(basedir, text(build, "sourceDirectory", properties), "src/main/java"));
    roots.add(dir(basedir, text(build, "testSourceDirectory", properties), "src/test/java"));

    Element compiler = pluginConfiguration(build, COMPILER);
    String release = first(text(compiler, "release", properties), properties.get("maven.compiler.release"),
        text(compiler, "target", properties), properties.get("maven.compiler.target"), text(compiler, "source", properties),
        properties.get("maven.compiler.source"));
    if (release != null && release.startsWith("1.")) release = release.substring(2);
    String encoding = first(text(compiler, "encoding", properties), properties.get("project.build.sourceEncoding"));

    List<String> args = errorProneArgs(compiler, properties);
    if (args == null) args = noescapePluginArgs(pluginConfiguration(build, NOESCAPE), properties, problems);
    return new PomSettings(existing(roots), release, encoding, args == null ? List.of() : args, problems);
  }

  /** The words after {@code -Xplugin:ErrorProne} in the compiler's arguments, or null when there is none. */
  private static List<String> errorProneArgs(Element compiler, Map<String, String> properties) {
    List<String> compilerArgs = new ArrayList<>(texts(child(compiler, "compilerArgs"), properties));
    String single = text(compiler, "compilerArgument", properties);
    if (single != null) compilerArgs.add(single);
    for (String arg : compilerArgs) {
      String a = arg.strip();
      if (a.equals(ERROR_PRONE) || a.startsWith(ERROR_PRONE + " ")) {
        List<String> words = new ArrayList<>();
        for (String w : a.substring(ERROR_PRONE.length()).strip().split("\\s+")) if (!w.isEmpty()) words.add(w);
        return words;
      }
    }
    return null;
  }

  /**
   * {@code noescape-maven-plugin}'s configuration in Error Prone's words: {@code rules} (when given)
   * turns off every rule it does not name, {@code excludeRules} turns off those it names, the options
   * become {@code -XepOpt:NoEscape:...}. Null when the plugin is not configured.
   */
  private static List<String> noescapePluginArgs(Element config, Map<String, String> properties, List<String> problems) {
    if (config == null) return null;
    List<String> args = new ArrayList<>();
    List<String> rules = listValue(config, "rules", properties);
    if (!rules.isEmpty()) args.add("-XepDisableAllChecks");
    for (String r : rules) if (known(r, "rules", problems)) args.add("-Xep:" + r);
    for (String r : listValue(config, "excludeRules", properties)) if (known(r, "excludeRules", problems)) args.add("-Xep:" + r + ":OFF");
    option(args, NoEscapeOptions.VERBOSITY, text(config, "verbosity", properties));
    option(args, NoEscapeOptions.REPORT_OUTSIDE_LOOPS, text(config, "reportOutsideLoops", properties));
    option(args, NoEscapeOptions.CONTRACT_ALLOWS_NO_ESCAPE, text(config, "contractAllowsNoEscape", properties));
    List<String> hot = listValue(config, "hotAnnotations", properties);
    if (!hot.isEmpty()) option(args, NoEscapeOptions.HOT_ANNOTATIONS, String.join(",", hot));
    return args;
  }

  private static boolean known(String rule, String parameter, List<String> problems) {
    if (RuleId.byId(rule) != null) return true;
    problems.add("noescape-maven-plugin <" + parameter + ">: no rule named '" + rule + "', ignored");
    return false;
  }

  private static void option(List<String> args, String name, String value) {
    if (value != null) args.add("-XepOpt:" + name + "=" + value);
  }

  /** A list parameter: child elements ({@code <rules><rule>A</rule></rules>}) or one comma-separated value. */
  private static List<String> listValue(Element config, String name, Map<String, String> properties) {
    Element e = child(config, name);
    if (e == null) return List.of();
    List<String> values = new ArrayList<>();
    List<String> children = texts(e, properties);
    for (String v : children.isEmpty() ? List.of(interpolate(e.getTextContent(), properties)) : children) {
      for (String part : v.split(",")) if (!part.isBlank()) values.add(part.strip());
    }
    return values;
  }

  /** The merged configuration of a build plugin: its own, then its {@code default-compile} execution's on top, else pluginManagement's. */
  private static Element pluginConfiguration(Element build, String artifactId) {
    Element plugin = plugin(child(build, "plugins"), artifactId);
    if (plugin == null) plugin = plugin(child(child(build, "pluginManagement"), "plugins"), artifactId);
    if (plugin == null) return null;
    Element config = child(plugin, "configuration");
    for (Element execution : children(child(plugin, "executions"), "execution")) {
      if ("default-compile".equals(text(execution, "id", Map.of())) && child(execution, "configuration") != null) {
        Element own = child(execution, "configuration");
        if (config == null) return own;
        // The execution's parameters override the plugin's: import the plugin's missing ones into it.
        for (Node n = config.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e && child(own, e.getTagName()) == null) own.appendChild(e.cloneNode(true));
        }
        return own;
      }
    }
    return config;
  }

  private static Element plugin(Element plugins, String artifactId) {
    for (Element p : children(plugins, "plugin")) if (artifactId.equals(text(p, "artifactId", Map.of()))) return p;
    return null;
  }

  private static Map<String, String> properties(Element project, Path basedir) {
    Map<String, String> properties = new HashMap<>();
    properties.put("basedir", basedir.toString());
    properties.put("project.basedir", basedir.toString());
    Element props = child(project, "properties");
    if (props != null) {
      for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) properties.put(e.getTagName(), e.getTextContent().strip());
      }
    }
    return properties;
  }

  private static Path dir(Path basedir, String value, String fallback) {
    return basedir.resolve(value == null ? fallback : value).normalize();
  }

  private static List<Path> existing(List<Path> dirs) {
    return dirs.stream().filter(java.nio.file.Files::isDirectory).toList();
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) if (v != null) return v;
    return null;
  }

  private static String text(Element parent, String name, Map<String, String> properties) {
    Element e = child(parent, name);
    if (e == null) return null;
    String t = interpolate(e.getTextContent(), properties).strip();
    return t.isEmpty() ? null : t;
  }

  private static List<String> texts(Element parent, Map<String, String> properties) {
    List<String> out = new ArrayList<>();
    if (parent == null) return out;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) out.add(interpolate(e.getTextContent(), properties).strip());
    }
    return out;
  }

  /** {@code ${name}} replaced by the property (up to a few levels deep); an unknown one is left as it is. */
  private static String interpolate(String s, Map<String, String> properties) {
    String out = s;
    for (int depth = 0; depth < 5 && out.contains("${"); depth++) {
      Matcher m = PROPERTY.matcher(out);
      StringBuilder sb = new StringBuilder();
      while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
      m.appendTail(sb);
      if (sb.toString().equals(out)) break;
      out = sb.toString();
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    if (parent == null) return null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) return e;
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) return out;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
    }
    return out;
  }

  private static org.w3c.dom.Document parse(Path xml) throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(xml.toFile());
  }
}
