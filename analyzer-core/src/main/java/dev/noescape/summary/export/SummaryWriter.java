package dev.noescape.summary.export;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes summaries in the format of {@link dev.noescape.summary.export} (see its package doc).
 * The output is a function of the summaries alone (classes and methods sorted), so a rebuild of
 * the same module ships the same bytes.
 */
public final class SummaryWriter {
  private SummaryWriter() {}

  /** The whole resource for {@code summaries}, keyed by the method each one describes. */
  public static byte[] encode(Map<MethodRef, MethodSummary> summaries, String producer) {
    if (producer.indexOf('\n') >= 0 || producer.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("producer must be one line: " + producer);
    }
    // owner -> name(params) -> summary, both sorted.
    Map<String, Map<String, MethodSummary>> byClass = new TreeMap<>();
    for (Map.Entry<MethodRef, MethodSummary> e : summaries.entrySet()) {
      MethodRef m = e.getKey();
      String local = m.name() + "(" + String.join(",", m.paramTypes()) + ")";
      byClass.computeIfAbsent(m.owner(), k -> new TreeMap<>()).put(local, e.getValue());
    }
    // The body: one block per class, then the trailer. Each block is encoded on its own so the
    // table of contents can give its byte offset and length.
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 + summaries.size() * 48);
    StringBuilder toc = new StringBuilder(byClass.size() * 40);
    int methods = 0;
    StringBuilder block = new StringBuilder();
    for (Map.Entry<String, Map<String, MethodSummary>> c : byClass.entrySet()) {
      block.setLength(0);
      block.append("C ").append(c.getKey()).append('\n');
      for (Map.Entry<String, MethodSummary> m : c.getValue().entrySet()) {
        MethodSummary s = m.getValue();
        block.append("M\t").append(m.getKey())
            .append('\t').append(SummaryFormat.fresh(s.freshReturn()))
            .append('\t').append(SummaryFormat.allocates(s.allocates()));
        if (s.neverReturns()) block.append(SummaryFormat.NEVER_RETURNS);
        for (ParamTag t : s.params()) {
          block.append('\t');
          SummaryFormat.appendTag(block, t);
        }
        block.append('\n');
        methods++;
      }
      byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
      toc.append("T ").append(c.getKey()).append('\t').append(body.size()).append('\t').append(bytes.length).append('\n');
      body.writeBytes(bytes);
    }
    body.writeBytes((SummaryFormat.END + " " + byClass.size() + " " + methods + "\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder head = new StringBuilder(toc.length() + 64);
    head.append(SummaryFormat.MAGIC).append(' ').append(SummaryIndex.FORMAT_VERSION).append(' ').append(producer).append('\n');
    head.append("I ").append(byClass.size()).append(' ').append(methods).append(' ').append(body.size()).append('\n');
    head.append(toc);
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.size());
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /**
   * Writes {@code root/META-INF/noescape/summaries} (creating the directories), for a classes
   * directory that packaging turns into a jar. Returns the file written.
   */
  public static Path write(Path root, Map<MethodRef, MethodSummary> summaries, String producer) throws IOException {
    Path file = root.resolve(SummaryIndex.RESOURCE);
    Files.createDirectories(file.getParent());
    byte[] bytes = encode(summaries, producer);
    // Leave an identical file alone: its mtime keys the readers' caches.
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) return file;
    Path tmp = Files.createTempFile(file.getParent(), "summaries", ".tmp");
    Files.write(tmp, bytes);
    // Atomic where the file system allows: a parallel build's reader never sees half a file.
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
