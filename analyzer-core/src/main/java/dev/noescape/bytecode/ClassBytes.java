package dev.noescape.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class file of a binary name in the analyzed jars and directories, then the class path, for
 * the facts the model of C2 reads ({@link dev.noescape.jit.ClassFileFacts}): looked up on demand,
 * jars opened once and kept open for the run. A class that cannot be read is simply not found.
 */
final class ClassBytes {
  private final List<Path> roots;
  private final List<ZipFile> jars = new ArrayList<>();
  private boolean opened;

  ClassBytes(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  synchronized byte[] read(String binaryName) {
    String rel = binaryName.replace('.', '/') + ".class";
    open();
    for (Path r : roots) {
      if (!Files.isDirectory(r)) continue;
      Path p = r.resolve(rel);
      try {
        if (Files.isRegularFile(p)) return Files.readAllBytes(p);
      } catch (IOException e) {
        return null;
      }
    }
    for (ZipFile z : jars) {
      ZipEntry e = z.getEntry(rel);
      if (e == null) continue;
      try (InputStream in = z.getInputStream(e)) {
        return in.readAllBytes();
      } catch (IOException ex) {
        return null;
      }
    }
    return null;
  }

  private void open() {
    if (opened) return;
    opened = true;
    for (Path r : roots) {
      if (!Files.isRegularFile(r)) continue;
      try {
        jars.add(new ZipFile(r.toFile()));
      } catch (IOException e) {
        // not a jar we can read: its problem is reported where the classes are listed
      }
    }
  }
}
