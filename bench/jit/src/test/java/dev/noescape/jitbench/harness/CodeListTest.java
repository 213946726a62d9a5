package dev.noescape.jitbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The code list text as JDK 17 and 25 print it (copied from real runs). */
class CodeListTest {
  private static final String LIST = """
      10 4 0 T.probe(II)I [0x00007fe87cec7790, 0x00007fe87cec7900 - 0x00007fe87cec7958]
      6 2 2 T.probe(II)I [0x00007fe875400d10, 0x00007fe875400ea0 - 0x00007fe875400ff0]
      11 3 0 T.main([Ljava/lang/String;)V [0x00007fe875401810, 0x00007fe875401ba0 - 0x00007fe875402ea0]
      12 4 3 T.other(II)I [0x00007fe875401810, 0x00007fe875401ba0 - 0x00007fe875402ea0]
      """;

  @Test
  void findsTheInUseLevel4Compile() {
    assertEquals(10, CodeList.c2CompileId(LIST, "T.probe(II)I"));
    assertEquals(-1, CodeList.c2CompileId(LIST, "T.main([Ljava/lang/String;)V"), "level 3 only");
    assertEquals(-1, CodeList.c2CompileId(LIST, "T.other(II)I"), "level 4 but not in use");
    assertEquals(-1, CodeList.c2CompileId(LIST, "T.prob(II)I"));
  }

  @Test
  void bindCallsTheStaticProbeWithoutBoxing() throws Throwable {
    assertEquals(7, ProbeMain.bind(CodeListTest.class, "sum").applyAsInt(3, 4));
  }

  static int sum(int n, int i) {
    return n + i;
  }
}
