package dev.noescape.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of one jar or directory, listed by this code rather than by SootUp so that every
 * class has a name a {@link BytecodeAnalysis.Problem} can point at ({@code x.jar!a/B.class}) even
 * when SootUp cannot read it, and so the class-file version (the target release) is read from the
 * header without parsing the class.
 */
final class ClassFiles {
  private ClassFiles() {}

  /** One class file: where it is, its binary name, its major version (0 when the header is unreadable). */
  record Entry(String display, String className, int major) {}

  static List<Entry> list(Path root, List<BytecodeAnalysis.Problem> problems) {
    List<Entry> out = new ArrayList<>();
    String rootName = root.getFileName() == null ? root.toString() : root.getFileName().toString();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          for (Path p : (Iterable<Path>) s.sorted()::iterator) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (!rel.endsWith(".class") || rel.endsWith("module-info.class") || rel.startsWith("META-INF/")) continue;
            int major;
            try (InputStream in = Files.newInputStream(p)) {
              major = major(in);
            }
            out.add(new Entry(rootName + "/" + rel, className(rel), major));
          }
        }
      } else if (Files.isRegularFile(root)) {
        try (ZipFile z = new ZipFile(root.toFile())) {
          Enumeration<? extends ZipEntry> en = z.entries();
          List<ZipEntry> entries = new ArrayList<>();
          while (en.hasMoreElements()) entries.add(en.nextElement());
          entries.sort((a, b) -> a.getName().compareTo(b.getName()));
          for (ZipEntry e : entries) {
            String n = e.getName();
            if (!n.endsWith(".class") || n.endsWith("module-info.class") || n.startsWith("META-INF/")) continue;
            int major;
            try (InputStream in = z.getInputStream(e)) {
              major = major(in);
            }
            out.add(new Entry(rootName + "!" + n, className(n), major));
          }
        }
      } else {
        problems.add(new BytecodeAnalysis.Problem(root.toString(), "no such jar or directory"));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new BytecodeAnalysis.Problem(root.toString(), "cannot list classes: " + e.getMessage()));
    }
    return out;
  }

  private static String className(String rel) {
    return rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
  }

  /** The major version from the header, or 0 when it is not a class file (too short, wrong magic). */
  private static int major(InputStream in) throws IOException {
    byte[] h = in.readNBytes(8);
    if (h.length < 8 || (h[0] & 0xff) != 0xCA || (h[1] & 0xff) != 0xFE || (h[2] & 0xff) != 0xBA || (h[3] & 0xff) != 0xBE) {
      return 0;
    }
    return ((h[6] & 0xff) << 8) | (h[7] & 0xff);
  }
}
