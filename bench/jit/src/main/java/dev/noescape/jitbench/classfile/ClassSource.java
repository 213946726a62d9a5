package dev.noescape.jitbench.classfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Class files by internal name: the JDK's from the {@code jrt:} file system of a given JDK home (a
 * JDK 17 log must be read against JDK 17's classes), the others from jars and class directories.
 */
public final class ClassSource implements AutoCloseable {
  private final FileSystem jrt;
  private final boolean ownJrt;
  private final List<ZipFile> jars = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();
  private final Map<String, List<String>> modulesByPackage = new HashMap<>();

  /** {@code jdkHome} null: the running JDK's classes. */
  public ClassSource(Path jdkHome, List<Path> classpath) throws IOException {
    if (jdkHome == null || jdkHome.toRealPath().equals(Path.of(System.getProperty("java.home")).toRealPath())) {
      jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
      ownJrt = false;
    } else {
      jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", jdkHome.toString()));
      ownJrt = true;
    }
    for (Path p : classpath) {
      if (Files.isDirectory(p)) dirs.add(p);
      else if (Files.isRegularFile(p)) jars.add(new ZipFile(p.toFile()));
    }
  }

  /** The class file of {@code internalName} ({@code java/util/ArrayList}), or null when none has it. */
  public byte[] bytes(String internalName) {
    String file = internalName + ".class";
    try {
      for (Path d : dirs) {
        Path p = d.resolve(file);
        if (Files.isRegularFile(p)) return Files.readAllBytes(p);
      }
      for (ZipFile z : jars) {
        ZipEntry e = z.getEntry(file);
        if (e != null) return z.getInputStream(e).readAllBytes();
      }
      int slash = internalName.lastIndexOf('/');
      String pkg = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
      for (String module : modules(pkg)) {
        Path p = jrt.getPath("/modules", module, file);
        if (Files.isRegularFile(p)) return Files.readAllBytes(p);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class " + internalName, e);
    }
  }

  private List<String> modules(String pkg) throws IOException {
    List<String> known = modulesByPackage.get(pkg);
    if (known != null) return known;
    List<String> found = new ArrayList<>();
    Path dir = jrt.getPath("/packages", pkg);
    if (!pkg.isEmpty() && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        for (Path m : s) found.add(m.getFileName().toString());
      }
    }
    modulesByPackage.put(pkg, found);
    return found;
  }

  @Override
  public void close() throws IOException {
    for (ZipFile z : jars) z.close();
    if (ownJrt) jrt.close();
  }
}
