package dev.noescape.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks and expands the paths the user gave, resolved against the working directory. */
final class Inputs {
  private Inputs() {}

  /** The class path entries to use and what was left out (one note each). */
  record Classpath(List<Path> entries, List<String> notes) {
    Classpath {
      entries = List.copyOf(entries);
      notes = List.copyOf(notes);
    }
  }

  /**
   * The inputs, each an existing jar (or zip) or directory, duplicates dropped.
   *
   * @throws UsageException naming the first that is missing or of another kind
   */
  static List<Path> inputs(List<String> given, Path workingDir) throws UsageException {
    Set<Path> out = new LinkedHashSet<>();
    for (String s : given) {
      Path p = path(s, workingDir);
      if (!Files.exists(p)) throw new UsageException("no such file: " + s);
      if (!Files.isReadable(p)) throw new UsageException("cannot read " + s);
      if (Files.isRegularFile(p) && !isArchive(p)) {
        throw new UsageException(s.toLowerCase(Locale.ROOT).endsWith(".class")
            ? "not a jar or classes directory: " + s + " (give the directory its package starts in)"
            : "not a jar or classes directory: " + s);
      }
      out.add(p.normalize());
    }
    return new ArrayList<>(out);
  }

  /**
   * The {@code --source} roots: existing directories.
   *
   * @throws UsageException naming the first that is not one
   */
  static List<Path> sourceRoots(List<String> given, Path workingDir) throws UsageException {
    Set<Path> out = new LinkedHashSet<>();
    for (String s : given) {
      Path p = path(s, workingDir);
      if (!Files.exists(p)) throw new UsageException("no such directory: " + s);
      if (!Files.isDirectory(p)) throw new UsageException("--source needs a directory: " + s);
      out.add(p.normalize());
    }
    return new ArrayList<>(out);
  }

  /**
   * The {@code --classpath} values, each split at the platform path separator ({@code :} or
   * {@code ;}), as {@code java -cp} reads them: empty elements are skipped, {@code dir/*} stands for
   * the jars in {@code dir} (sorted by name; not its subdirectories), and an entry that does not
   * exist is left out with a note, not an error.
   *
   * @param inputs left out of the class path (they are analyzed anyway)
   */
  static Classpath classpath(List<String> given, Path workingDir, List<Path> inputs) throws UsageException {
    Set<Path> out = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    for (String value : given) {
      for (String element : value.split(java.util.regex.Pattern.quote(File.pathSeparator), -1)) {
        if (element.isEmpty()) continue;
        if (element.equals("*") || element.endsWith("/*") || element.endsWith(File.separator + "*")) {
          String dirPart = element.substring(0, element.length() - 1);
          Path dir = path(dirPart.isEmpty() ? "." : dirPart, workingDir);
          if (!Files.isDirectory(dir)) {
            notes.add("class path entry not found, ignored: " + element);
            continue;
          }
          out.addAll(jarsIn(dir, element));
        } else {
          Path p = path(element, workingDir);
          if (!Files.exists(p)) {
            notes.add("class path entry not found, ignored: " + element);
            continue;
          }
          out.add(p.normalize());
        }
      }
    }
    out.removeAll(inputs);
    return new Classpath(new ArrayList<>(out), notes);
  }

  private static List<Path> jarsIn(Path dir, String element) throws UsageException {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if ((name.endsWith(".jar") || name.endsWith(".JAR")) && Files.isRegularFile(p)) jars.add(p.normalize());
      }
    } catch (IOException e) {
      throw new UsageException("cannot list " + element + ": " + e.getMessage());
    }
    jars.sort(null);
    return jars;
  }

  static Path path(String s, Path workingDir) throws UsageException {
    try {
      return workingDir.resolve(s);
    } catch (InvalidPathException e) {
      throw new UsageException("not a valid path: " + s);
    }
  }

  /** A {@code .jar}/{@code .zip} by name, or any file that starts like a zip ({@code PK}). */
  private static boolean isArchive(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jar") || name.endsWith(".zip")) return true;
    try (InputStream in = Files.newInputStream(p)) {
      return in.read() == 'P' && in.read() == 'K';
    } catch (IOException e) {
      return false;
    }
  }
}
