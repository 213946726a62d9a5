package dev.noescape.jitbench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.jitbench.classfile.MethodCode;
import dev.noescape.jitbench.probes.Inlining;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inlining probes are only as good as their callees' sizes: bytecode bytes on the right side
 * of MaxTrivialSize 6, MaxInlineSize 35, FreqInlineSize 325, as the probes' notes say.
 */
class InliningSizesTest {
  @Test
  void calleeSizesSitWhereTheProbesSay() throws IOException {
    Map<String, MethodCode> code;
    try (InputStream in = Inlining.class.getResourceAsStream("Inlining.class")) {
      code = MethodCode.read(in.readAllBytes());
    }
    String p = "(Ldev/noescape/jitbench/probes/Point;";
    assertEquals(5, code.get("trivial" + p + ")I").length());
    assertEquals(14, code.get("small" + p + "I)I").length());
    assertEquals(64, code.get("medium" + p + "I)I").length());
    assertEquals(325, code.get("size325" + p + "I)I").length());
    assertEquals(335, code.get("size335" + p + "I)I").length());
  }
}
