package dev.noescape.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Class files made at test time from generated Java source (javac with {@code -g}), so that big or
 * broken inputs need no committed binaries. Not a test class itself.
 */
final class GeneratedClasses {
  private GeneratedClasses() {}

  /** A small class with one boxing finding, to show the rest of an input is still analyzed. */
  static final String GOOD = """
      package h;

      public class Good {
        public static long fill(java.util.List<Long> out, int n) {
          for (int i = 0; i < n; i++) out.add((long) n);
          return n;
        }
      }
      """;

  /** Compiles {@code sources} (path relative to a source root → text) into {@code classes}. */
  static Path compile(Path work, Path classes, Map<String, String> sources) {
    try {
      Path src = work.resolve("src-" + classes.getFileName());
      List<String> args = new java.util.ArrayList<>(List.of("-g", "-nowarn", "-proc:none", "--release", "17", "-d", classes.toString()));
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path p = src.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
        args.add(p.toString());
      }
      Files.createDirectories(classes);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
      int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
      if (rc != 0) throw new IllegalStateException("javac failed on " + sources.keySet() + ": " + diagnostics);
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every .class file under {@code classes} into a jar. */
  static Path jar(Path classes, Path jar) {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        put(z, classes.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    OutputStream o = z;
    o.write(bytes);
    z.closeEntry();
  }
}
