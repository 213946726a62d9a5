package dev.noescape.summary.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
  static final MethodRef REGISTER = new MethodRef("com.example.Registry", "register", List.of("java.lang.Object"), "void", true);
  static final MethodRef SIZE = new MethodRef("com.example.Registry", "size", List.of(), "int", false);
  static final MethodRef INIT = new MethodRef("com.example.Box$Inner", "<init>", List.of("int[]", "java.util.List"), "void", false);
  static final MethodRef COPY = new MethodRef("com.example.Box$Inner", "copy", List.of("java.util.List", "java.util.List"), "java.util.List", true);

  static Map<MethodRef, MethodSummary> sample() {
    Map<MethodRef, MethodSummary> m = new LinkedHashMap<>();
    m.put(REGISTER, summary(List.of(ParamTag.escapes("stored in static field Registry.ALL")), false, Allocates.YES));
    m.put(SIZE, summary(List.of(ParamTag.NONE), false, Allocates.NO));
    // Every field set, reasons with the characters the format escapes, and non-ASCII text.
    ParamTag odd = new ParamTag(true, true, Set.of(0, 2), true, true, Set.of(1), "a\tb\\c\nd\re; f é 中");
    m.put(INIT, summary(List.of(ParamTag.storedInto(2), odd, ParamTag.GLOBAL), true, Allocates.UNKNOWN));
    ParamTag whyOnly = new ParamTag(false, false, Set.of(), false, false, Set.of(), "");
    m.put(COPY, summary(List.of(ParamTag.returned().withContentToReturn(), whyOnly), true, Allocates.YES));
    return m;
  }

  static MethodSummary summary(List<ParamTag> tags, boolean fresh, Allocates a) {
    return new MethodSummary(tags, fresh, a, SummaryIndex.ORIGIN);
  }

  @Test
  void roundTripKeepsEveryField() {
    Map<MethodRef, MethodSummary> in = sample();
    SummaryIndex ix = SummaryIndex.parse("test", SummaryWriter.encode(in, "noescape test"));
    assertEquals("noescape test", ix.producer());
    assertEquals(Set.of("com.example.Registry", "com.example.Box$Inner"), ix.classes());
    assertEquals(4, ix.methodCount());
    for (Map.Entry<MethodRef, MethodSummary> e : in.entrySet()) {
      assertEquals(Optional.of(e.getValue()), ix.lookup(e.getKey()), e.getKey().key());
    }
    assertEquals(4, ix.all().size());
  }

  @Test
  void neverReturnsRoundTripsAndOldLinesReadAsMayReturn() {
    Map<MethodRef, MethodSummary> in = new LinkedHashMap<>();
    in.put(REGISTER, summary(List.of(ParamTag.GLOBAL), false, Allocates.YES).withNeverReturns(true));
    in.put(SIZE, summary(List.of(ParamTag.NONE), false, Allocates.NO));
    byte[] bytes = SummaryWriter.encode(in, "p");
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.contains("M\tregister(java.lang.Object)\t.\tY!\t*\n"), text);
    assertTrue(text.contains("M\tsize()\t.\tN\t-\n"), "a method that may return is written as before: " + text);
    SummaryIndex ix = SummaryIndex.parse("test", bytes);
    assertTrue(ix.lookup(REGISTER).orElseThrow().neverReturns());
    assertFalse(ix.lookup(SIZE).orElseThrow().neverReturns());
    // a summaries file written before the fact existed has no '!' anywhere: every method may return
    String old = "noescape-summaries 1 noescape 0.0.9\nC com.example.Registry\nM\tregister(java.lang.Object)\t.\tY\t*\nend 1 1\n";
    assertFalse(SummaryIndex.parse("old.jar", old.getBytes(StandardCharsets.UTF_8)).lookup(REGISTER).orElseThrow().neverReturns());
    String bad = old.replace("\tY\t", "\tY?\t");
    assertThrows(SummaryFormatException.class,
        () -> SummaryIndex.parse("bad.jar", bad.getBytes(StandardCharsets.UTF_8)).lookup(REGISTER));
  }

  @Test
  void outputIsSortedAndDeterministic() {
    Map<MethodRef, MethodSummary> in = sample();
    Map<MethodRef, MethodSummary> reversed = new LinkedHashMap<>();
    List<MethodRef> keys = new ArrayList<>(in.keySet());
    for (int i = keys.size() - 1; i >= 0; i--) reversed.put(keys.get(i), in.get(keys.get(i)));
    assertArrayEquals(SummaryWriter.encode(in, "p"), SummaryWriter.encode(reversed, "p"));
    String text = new String(SummaryWriter.encode(in, "p"), StandardCharsets.UTF_8);
    assertEquals("""
        noescape-summaries 1 p
        I 2 4 265
        T com.example.Box$Inner\t0\t147
        T com.example.Registry\t147\t110
        C com.example.Box$Inner
        M\t<init>(int[],java.util.List)\tF\tU\ti2\terERi0,2I1;a\\tb\\\\c\\nd\\re; f é 中\t*
        M\tcopy(java.util.List,java.util.List)\tF\tY\trR\t-;
        C com.example.Registry
        M\tregister(java.lang.Object)\t.\tY\teE;stored in static field Registry.ALL
        M\tsize()\t.\tN\t-
        end 2 4
        """, text);
  }

  @Test
  void unknownMethodsAndSlotMismatchesAreNotAnswered() {
    SummaryIndex ix = SummaryIndex.parse("test", SummaryWriter.encode(sample(), "p"));
    assertEquals(Optional.empty(), ix.lookup(new MethodRef("com.example.Registry", "clear", List.of(), "void", false)));
    assertEquals(Optional.empty(), ix.lookup(new MethodRef("com.example.Other", "size", List.of(), "int", false)));
    // Same name and erasure, but static: one slot fewer than the summary lists.
    assertEquals(Optional.empty(), ix.lookup(new MethodRef("com.example.Registry", "size", List.of(), "int", true)));
  }

  @Test
  void emptyResourceRoundTrips() {
    SummaryIndex ix = SummaryIndex.parse("test", SummaryWriter.encode(Map.of(), "p"));
    assertTrue(ix.classes().isEmpty());
    assertEquals(0, ix.methodCount());
  }

  @Test
  void futureVersionIsRefusedWithItsProducer() {
    byte[] b = "noescape-summaries 2 noescape 9.0\nC a.B\nwhatever new\nend 1 0\n".getBytes(StandardCharsets.UTF_8);
    SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> SummaryIndex.parse("dep.jar", b));
    assertEquals("dep.jar:1: format version 2 (written by noescape 9.0); this noescape reads version 1, skipped", e.getMessage());
  }

  @Test
  void foreignFileIsRefused() {
    byte[] b = "PK\u0003\u0004 garbage".getBytes(StandardCharsets.ISO_8859_1);
    SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> SummaryIndex.parse("x", b));
    assertTrue(e.getMessage().startsWith("x:1: not a noescape summaries file"), e.getMessage());
  }

  @Test
  void truncatedFileIsRefused() {
    byte[] full = SummaryWriter.encode(sample(), "p");
    String text = new String(full, StandardCharsets.UTF_8);
    // Cut anywhere before the trailer: every prefix must be refused, none may half-load.
    int trailer = text.lastIndexOf("end ");
    for (int cut = 0; cut < trailer; cut++) {
      byte[] prefix = text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
      assertThrows(SummaryFormatException.class, () -> SummaryIndex.parse("t", prefix), "cut at " + cut);
    }
  }

  @Test
  void trailerCountsMustMatch() {
    String text = """
        noescape-summaries 1 p
        C com.example.Registry
        M\tregister(java.lang.Object)\t.\tY\te
        M\tsize()\t.\tN\t-
        C com.example.Box
        M\tf()\t.\tN
        end 2 3
        """;
    // A method line lost in the middle (a bad merge, an editor) is caught by the method count.
    String edited = text.replaceFirst("M\tsize\\(\\)[^\n]*\n", "");
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> SummaryIndex.parse("t", edited.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("does not match the 2 classes and 2 methods"), e.getMessage());
  }

  @Test
  void malformedMethodLineFailsOnlyWhenItsClassIsDecoded() {
    String text = """
        noescape-summaries 1 p
        C a.Good
        M\tf()\t.\tN
        C a.Bad
        M\tg(int)\t.\tQ\t-
        end 2 2
        """;
    SummaryIndex ix = SummaryIndex.parse("bad.jar", text.getBytes(StandardCharsets.UTF_8));
    // Decoding is per class: the good class answers, the bad one reports its line.
    assertEquals(Optional.of(summary(List.of(), false, Allocates.NO)),
        ix.lookup(new MethodRef("a.Good", "f", List.of(), "void", true)));
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ix.lookup(new MethodRef("a.Bad", "g", List.of("int"), "void", true)));
    assertEquals("bad.jar:5: allocates must be N, Y or U, not 'Q'", e.getMessage());
  }

  @Test
  void openReadsOnlyTheTableOfContentsAndDecodesBlocksOnDemand() throws IOException {
    byte[] full = SummaryWriter.encode(sample(), "p");
    int[] consumed = {0};
    int[] reopened = {0};
    SummaryIndex.Reopen reopen = () -> {
      reopened[0]++;
      return new java.io.FilterInputStream(new java.io.ByteArrayInputStream(full)) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, Math.min(len, 16));
          if (n > 0) consumed[0] += n;
          return n;
        }
      };
    };
    SummaryIndex ix = SummaryIndex.open("lib.jar!/x", full.length, reopen);
    String text = new String(full, StandardCharsets.UTF_8);
    int bodyStart = text.indexOf("\nC ") + 1;
    assertTrue(consumed[0] <= bodyStart + 16, consumed[0] + " bytes read for a " + bodyStart + "-byte table of contents");
    assertEquals(1, reopened[0]);
    assertEquals(Optional.of(sample().get(SIZE)), ix.lookup(SIZE));
    assertEquals(2, reopened[0]);
    assertEquals(Optional.of(sample().get(REGISTER)), ix.lookup(REGISTER));
    assertEquals(2, reopened[0], "a class is decoded once");
    // A size that disagrees with the table of contents: truncated in the jar.
    SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> SummaryIndex.open("lib.jar!/x", full.length + 1, reopen));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void openReadAnswersFromTheBytesItWasGivenWithoutReopening() throws IOException {
    byte[] full = SummaryWriter.encode(sample(), "p");
    int[] reopened = {0};
    SummaryIndex ix = SummaryIndex.openRead("lib.jar!/x", full, () -> {
      reopened[0]++;
      return new java.io.ByteArrayInputStream(full);
    });
    assertEquals(Optional.of(sample().get(SIZE)), ix.lookup(SIZE));
    assertEquals(Optional.of(sample().get(REGISTER)), ix.lookup(REGISTER));
    assertEquals(Optional.of(sample().get(INIT)), ix.lookup(INIT));
    assertEquals(0, reopened[0], "the bytes are held (softly) while the heap has room");
    assertEquals(sample().size(), ix.all().size());
  }

  @Test
  void corruptBlockBehindATableOfContentsNamesItsClass() {
    String good = new String(SummaryWriter.encode(sample(), "p"), StandardCharsets.UTF_8);
    String bad = good.replace("M\tsize()\t.\tN\t-", "M\tsize()\t.\tQ\t-");
    SummaryIndex ix = SummaryIndex.parse("lib.jar", bad.getBytes(StandardCharsets.UTF_8));
    SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> ix.lookup(SIZE));
    assertEquals("lib.jar: class com.example.Registry: allocates must be N, Y or U, not 'Q'", e.getMessage());
    assertEquals(Optional.of(sample().get(INIT)), ix.lookup(INIT));
  }

  @Test
  void malformedSlotsAreRejected() {
    for (String slot : List.of("", "x", "i", "i,", "I1x", "e;bad\\q", "e;dangling\\")) {
      String text = "noescape-summaries 1 p\nC a.A\nM\tf(int)\t.\tN\t" + slot + "\nend 1 1\n";
      SummaryIndex ix = SummaryIndex.parse("t", text.getBytes(StandardCharsets.UTF_8));
      assertThrows(SummaryFormatException.class,
          () -> ix.lookup(new MethodRef("a.A", "f", List.of("int"), "void", true)), slot);
    }
  }

  @Test
  void commentsAndUnknownLinesAtIndexTime() {
    String ok = "noescape-summaries 1 p\n# a comment\n\nC a.A\n# another\nM\tf()\t.\tN\nend 1 1\n";
    assertFalse(SummaryIndex.parse("t", ok.getBytes(StandardCharsets.UTF_8)).all().isEmpty());
    String bad = "noescape-summaries 1 p\nC a.A\nX what\nend 1 0\n";
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> SummaryIndex.parse("t", bad.getBytes(StandardCharsets.UTF_8)));
    assertEquals("t:3: unexpected line (expected C, M, # or end)", e.getMessage());
    String after = "noescape-summaries 1 p\nend 0 0\nC a.A\n";
    assertThrows(SummaryFormatException.class, () -> SummaryIndex.parse("t", after.getBytes(StandardCharsets.UTF_8)));
  }
}
