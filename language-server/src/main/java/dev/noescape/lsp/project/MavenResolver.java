package dev.noescape.lsp.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Asks Maven, once per version of a POM, for what the build knows and the POM alone does not: the
 * compile (and test) class path ({@code dependency:build-classpath}) and the effective POM
 * ({@code help:effective-pom}: inheritance and properties resolved), in one run of
 * {@code mvn -N} in the POM's directory. The answer is cached on disk under the cache directory,
 * keyed by the POM's path and checked against a hash of its content, so a restarted server does not
 * ask again until the POM changes.
 */
public final class MavenResolver {
  /** How long one Maven run may take (a first run downloads the dependencies). */
  private static final long TIMEOUT_MINUTES = 10;

  private final List<String> command;
  private final List<String> extraArgs;
  private final Path cacheDir;

  /** The class path entries and the effective POM file of one POM version. */
  public record Answer(List<Path> classPath, Path effectivePom) {}

  /**
   * @param executable the Maven command; null: the project's {@code mvnw} if it has one, else {@code mvn}
   * @param extraArgs more arguments for every run ({@code -o}, {@code -Dmaven.repo.local=...})
   * @param cacheDir where answers are kept
   */
  public MavenResolver(String executable, List<String> extraArgs, Path cacheDir) {
    this.command = executable == null ? null : List.of(executable);
    this.extraArgs = List.copyOf(extraArgs);
    this.cacheDir = cacheDir;
  }

  /** The cached answer for this content of the POM, or null. */
  public Answer cached(Path pom) {
    try {
      Path dir = entry(pom);
      Path hash = dir.resolve("pom.sha256");
      if (!Files.isRegularFile(hash) || !Files.readString(hash).equals(hash(pom))) return null;
      return read(dir);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  /**
   * Runs Maven on the POM and caches the answer.
   *
   * @throws IOException with a one-line message naming the POM when Maven fails or cannot be run
   */
  public Answer resolve(Path pom) throws IOException, InterruptedException {
    String contentHash = hash(pom);
    Path dir = entry(pom);
    Files.createDirectories(dir);
    Path classPath = dir.resolve("classpath.txt");
    Path effective = dir.resolve("effective-pom.xml");
    Path log = dir.resolve("maven.log");
    Files.deleteIfExists(classPath);
    Files.deleteIfExists(effective);
    Properties goals = goals();
    List<String> cmd = new ArrayList<>(command != null ? command : defaultCommand(pom.getParent()));
    cmd.addAll(List.of("-B", "-N", "-f", pom.toString()));
    cmd.addAll(extraArgs);
    cmd.addAll(List.of(goals.getProperty("build-classpath"), "-Dmdep.outputFile=" + classPath,
        goals.getProperty("effective-pom"), "-Doutput=" + effective));
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(pom.getParent().toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      p.getOutputStream().close(); // Maven in batch mode asks nothing; its standard input is empty
    } catch (IOException e) {
      throw new IOException(pom + ": could not run " + cmd.get(0) + " (" + e.getMessage() + "); set noescape.maven.executable");
    }
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException(pom + ": Maven took longer than " + TIMEOUT_MINUTES + " minutes; see " + log);
    }
    if (p.exitValue() != 0 || !Files.isRegularFile(classPath) || !Files.isRegularFile(effective)) {
      throw new IOException(pom + ": Maven failed (exit " + p.exitValue() + "): " + firstError(log) + "; see " + log);
    }
    Files.writeString(dir.resolve("pom.sha256"), contentHash);
    return read(dir);
  }

  private static Answer read(Path dir) throws IOException {
    String cp = Files.readString(dir.resolve("classpath.txt")).strip();
    List<Path> entries = new ArrayList<>();
    for (String e : cp.split(java.io.File.pathSeparator)) if (!e.isBlank()) entries.add(Path.of(e));
    Path effective = dir.resolve("effective-pom.xml");
    if (!Files.isRegularFile(effective)) throw new IOException("no effective POM in " + dir);
    return new Answer(entries, effective);
  }

  private static List<String> defaultCommand(Path projectDir) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    Path wrapper = projectDir.resolve(windows ? "mvnw.cmd" : "mvnw");
    if (Files.isExecutable(wrapper)) return List.of(wrapper.toString());
    return List.of(windows ? "mvn.cmd" : "mvn");
  }

  /** The first {@code [ERROR]} line of Maven's output, or its last line. */
  private static String firstError(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      for (String l : lines) if (l.startsWith("[ERROR]") && l.length() > 8) return l.substring(8).strip();
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "no output";
    }
  }

  private Path entry(Path pom) {
    return cacheDir.resolve(sha256(pom.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24));
  }

  private static String hash(Path pom) throws IOException {
    return sha256(Files.readAllBytes(pom));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  private static Properties goals() throws IOException {
    Properties p = new Properties();
    try (InputStream in = MavenResolver.class.getResourceAsStream("maven.properties")) {
      if (in == null) throw new IOException("maven.properties missing from the server's jar");
      p.load(in);
    }
    return p;
  }
}
