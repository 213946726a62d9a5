package dev.noescape.summary.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathSummariesTest {
  @TempDir Path tmp;

  static final MethodRef KEEP = new MethodRef("lib.Sink", "keep", List.of("java.lang.Object"), "void", true);

  static Path jar(Path file, byte[] resource) throws IOException {
    try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
      z.putNextEntry(new ZipEntry("lib/Sink.class"));
      z.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
      if (resource != null) {
        z.putNextEntry(new ZipEntry(SummaryIndex.RESOURCE));
        z.write(resource);
      }
    }
    return file;
  }

  static byte[] keeps(ParamTag tag) {
    return SummaryWriter.encode(Map.of(KEEP, new MethodSummary(List.of(tag), false, Allocates.NO, "computed")), "p");
  }

  @Test
  void readsJarsAndDirectoriesFirstEntryWins() throws IOException {
    Path dir = tmp.resolve("classes");
    SummaryWriter.write(dir, Map.of(KEEP, new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed")), "p");
    Path jar = jar(tmp.resolve("lib.jar"), keeps(ParamTag.escapes("stored")));
    List<String> notes = new ArrayList<>();
    ClassPathSummaries dirFirst = ClassPathSummaries.load(List.of(dir, jar), notes::add);
    assertEquals(Optional.of(new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, SummaryIndex.ORIGIN)),
        dirFirst.lookup(KEEP));
    assertEquals(1, dirFirst.usedCount());
    ClassPathSummaries jarFirst = ClassPathSummaries.load(List.of(jar, dir), notes::add);
    assertTrue(jarFirst.lookup(KEEP).orElseThrow().param(0).escapes());
    assertEquals(List.of(), notes);
    assertEquals(2, jarFirst.indexes().size());
    assertTrue(jarFirst.indexes().get(0).source().endsWith("lib.jar!/" + SummaryIndex.RESOURCE));
  }

  @Test
  void entriesWithoutSummariesAreQuiet() throws IOException {
    Path plain = jar(tmp.resolve("plain.jar"), null);
    Path notZip = Files.writeString(tmp.resolve("broken.jar"), "not a zip");
    List<String> notes = new ArrayList<>();
    ClassPathSummaries s = ClassPathSummaries.load(List.of(plain, notZip, tmp.resolve("missing"), tmp), notes::add);
    assertTrue(s.isEmpty());
    assertEquals(Optional.empty(), s.lookup(KEEP));
    assertEquals(List.of(), notes);
  }

  @Test
  void corruptAndFutureResourcesGiveOneNoteEachAndAreIgnored() throws IOException {
    byte[] good = keeps(ParamTag.NONE);
    Path truncated = jar(tmp.resolve("truncated.jar"), java.util.Arrays.copyOf(good, good.length - 5));
    Path future = jar(tmp.resolve("future.jar"), "noescape-summaries 7 noescape 7\nend 0 0\n".getBytes(StandardCharsets.UTF_8));
    Path fine = jar(tmp.resolve("fine.jar"), good);
    List<String> notes = new ArrayList<>();
    ClassPathSummaries s = ClassPathSummaries.load(List.of(truncated, future, fine), notes::add);
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith(truncated + "!/META-INF/noescape/summaries:"), notes.get(0));
    assertTrue(notes.get(0).endsWith("its summaries are ignored"), notes.get(0));
    assertTrue(notes.get(1).contains("future.jar") && notes.get(1).contains("format version 7"), notes.get(1));
    // The class is answered by the one good resource.
    assertTrue(s.lookup(KEEP).orElseThrow().param(0).isNone());
  }

  @Test
  void lateDecodeErrorIsNotedOnceAndTheResourceDropped() throws IOException {
    String text = "noescape-summaries 1 p\nC lib.Sink\nM\tkeep(java.lang.Object)\t?\tN\t-\nend 1 1\n";
    Path bad = jar(tmp.resolve("bad.jar"), text.getBytes(StandardCharsets.UTF_8));
    List<String> notes = new ArrayList<>();
    ClassPathSummaries s = ClassPathSummaries.load(List.of(bad), notes::add);
    assertTrue(s.covers("lib.Sink"));
    assertEquals(Optional.empty(), s.lookup(KEEP));
    assertEquals(Optional.empty(), s.lookup(KEEP));
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("bad.jar!/META-INF/noescape/summaries:3: fresh return must be F or ."), notes.get(0));
    assertTrue(!s.covers("lib.Sink"));
  }

  @Test
  void cacheReusesUnchangedEntriesAndRereadsChangedOnes() throws IOException {
    Path jar = jar(tmp.resolve("c.jar"), keeps(ParamTag.NONE));
    SummaryIndex first = SummaryReader.cached(jar).index().orElseThrow();
    assertSame(first, SummaryReader.cached(jar).index().orElseThrow());
    jar(jar, keeps(ParamTag.escapes("changed, and longer")));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
    SummaryIndex second = SummaryReader.cached(jar).index().orElseThrow();
    assertNotSame(first, second);
    assertTrue(second.lookup(KEEP).orElseThrow().param(0).escapes());
  }

  @Test
  void largeResourceIsIndexedFromItsTableOfContentsAndReadPerClass() throws IOException {
    // Over SummaryReader.WHOLE_READ_LIMIT: the reader keeps only the table of contents and opens
    // the jar again for each class's block; small resources are read whole (every other test).
    Map<MethodRef, MethodSummary> many = new java.util.HashMap<>();
    MethodSummary escapes = new MethodSummary(List.of(ParamTag.escapes("stored in static field lib.Big.ALL, a long reason")), false, Allocates.YES, "computed");
    for (int c = 0; c < 400; c++) {
      for (int m = 0; m < 40; m++) {
        many.put(new MethodRef("lib.big.C" + c, "m" + m, List.of("java.lang.Object"), "void", true), escapes);
      }
    }
    many.put(KEEP, new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed"));
    byte[] resource = SummaryWriter.encode(many, "p");
    assertTrue(resource.length > SummaryReader.WHOLE_READ_LIMIT, resource.length + " bytes");
    Path jar = jar(tmp.resolve("big.jar"), resource);
    List<String> notes = new ArrayList<>();
    ClassPathSummaries s = ClassPathSummaries.load(List.of(jar), notes::add);
    assertEquals(Optional.of(new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, SummaryIndex.ORIGIN)), s.lookup(KEEP));
    MethodRef last = new MethodRef("lib.big.C399", "m39", List.of("java.lang.Object"), "void", true);
    assertEquals(Optional.of(new MethodSummary(escapes.params(), false, Allocates.YES, SummaryIndex.ORIGIN)), s.lookup(last));
    assertEquals(List.of(), notes);
  }

  @Test
  void writerLeavesAnIdenticalFileUntouched() throws IOException {
    Map<MethodRef, MethodSummary> m = Map.of(KEEP, new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed"));
    Path f = SummaryWriter.write(tmp, m, "p");
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(f, old);
    SummaryWriter.write(tmp, m, "p");
    assertEquals(old, Files.getLastModifiedTime(f));
    assertEquals(tmp.resolve("META-INF/noescape/summaries"), f);
  }
}
