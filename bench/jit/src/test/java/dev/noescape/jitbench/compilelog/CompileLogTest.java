package dev.noescape.jitbench.compilelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/**
 * The parser on a log in HotSpot's format (elements and attributes as JDK 17 and 25 write them,
 * trimmed from a real Temurin 25 log of the box.integer-local probe).
 */
class CompileLogTest {
  static final String LOG = """
      <?xml version='1.0' encoding='UTF-8'?>
      <hotspot_log version='160 1' process='1' time_ms='1'>
      <nmethod compile_id='735' compiler='c2' level='4' method='p.Boxing integerLocal (II)I' stamp='1.273'/>
      <nmethod compile_id='732' compiler='c1' level='3' method='p.Boxing integerLocal (II)I' stamp='1.246'/>
      <compilation_log thread='1'>
      <task compile_id='732' method='p.Boxing integerLocal (II)I' bytes='21' count='2000' iicount='2000' level='3' stamp='1.196'>
      <task_done success='1' nmsize='240' count='2000' stamp='1.2'/>
      </task>
      <task compile_id='735' method='p.Boxing integerLocal (II)I' bytes='21' count='73560' iicount='73560' stamp='1.272'>
      <type id='1210' name='int'/>
      <klass id='1386' name='p.Boxing' flags='17'/>
      <method id='1387' holder='1386' name='integerLocal' return='1210' arguments='1210 1210' flags='9' bytes='21'/>
      <parse method='1387' uses='73560.000000' stamp='1.272'>
      <bc code='184' bci='4'/>
      <klass id='1330' name='java.lang.Integer' flags='17'/>
      <method id='1389' holder='1330' name='valueOf' return='1330' arguments='1210' flags='9' bytes='32'/>
      <call method='1389' count='44334' prof_factor='1.000000' inline='1'/>
      <inline_success reason='inline (hot)'/>
      <direct_call bci='4'/>
      <bc code='184' bci='8'/>
      <klass id='1390' name='p.Opaque' flags='17'/>
      <method id='1391' holder='1390' name='next' return='1210' flags='9' bytes='4'/>
      <call method='1391' count='44334' prof_factor='1.000000' inline='1'/>
      <inline_fail reason='disallowed by CompileCommand'/>
      <bc code='182' bci='13'/>
      <method id='1392' holder='1330' name='intValue' return='1210' flags='1' bytes='5'/>
      <call method='1392' count='44333' prof_factor='1.000000' inline='1'/>
      <inline_success reason='accessor'/>
      <parse method='1392' uses='73560.000000' stamp='1.272'>
      <parse_done nodes='85' live='84' memory='13248' stamp='1.272'/>
      </parse>
      <parse_done nodes='87' live='85' memory='13728' stamp='1.272'/>
      </parse>
      <late_inline method='1389'  inline_id='6313601925145'>
      <jvms bci='4' method='1387'/>
      </late_inline>
      <parse method='1389' uses='73562.000000' stamp='1.272'>
      <bc code='161' bci='3'/>
      <uncommon_trap bci='3' reason='unstable_if' action='reinterpret' debug_id='0' comment='taken never'/>
      <bc code='183' bci='28'/>
      <type id='1212' name='void'/>
      <method id='1393' holder='1330' name='&lt;init&gt;' return='1212' arguments='1210' flags='1' bytes='10'/>
      <call method='1393' count='44861' prof_factor='1.000000' inline='1'/>
      <inline_success reason='inline (hot)'/>
      <parse method='1393' uses='45059.000000' stamp='1.272'>
      <parse_done nodes='235' live='181' memory='37520' stamp='1.272'/>
      </parse>
      <parse_done nodes='235' live='180' memory='37520' stamp='1.272'/>
      </parse>
      <eliminate_allocation type='1330'>
      <jvms bci='23' method='1389'/>
      <jvms bci='4' method='1387'/>
      </eliminate_allocation>
      <task_done success='1' nmsize='240' count='73560' inlined_bytes='53' stamp='1.273'/>
      </task>
      <task compile_id='740' method='p.Boxing loop (I)I' bytes='40' count='10' iicount='1' compile_kind='osr' osr_bci='5' stamp='1.3'>
      <task_done success='0' stamp='1.31'/>
      </task>
      </compilation_log>
      <hotspot_log_done stamp='1.385'/>
      </hotspot_log>
      """;

  static List<Task> read(String text) throws XMLStreamException {
    return CompileLog.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tasksCarryCompilerOsrAndOutcome() throws Exception {
    List<Task> tasks = read(LOG);
    assertEquals(3, tasks.size());
    assertEquals("c1", tasks.get(0).compiler());
    Task c2 = tasks.get(1);
    assertTrue(c2.isC2() && c2.success() && !c2.osr());
    assertEquals(new LogMethod("p.Boxing", "integerLocal", "(II)I"), c2.method());
    Task osr = tasks.get(2);
    assertTrue(osr.osr());
    assertFalse(osr.success());
  }

  @Test
  void parsesKnowWhereTheyWereInlinedIncludingLateInlines() throws Exception {
    Task t = read(LOG).get(1);
    LogMethod probe = new LogMethod("p.Boxing", "integerLocal", "(II)I");
    LogMethod valueOf = new LogMethod("java.lang.Integer", "valueOf", "(I)Ljava/lang/Integer;");
    LogMethod init = new LogMethod("java.lang.Integer", "<init>", "(I)V");
    assertEquals(4, t.parses().size());
    assertEquals(List.of(), t.parses().get(0).callers());
    Parse intValue = t.parses().get(1);
    assertEquals(List.of(new Frame(probe, 13)), intValue.callers());
    Parse late = t.parses().get(2);
    assertEquals(valueOf, late.method());
    assertEquals(List.of(new Frame(probe, 4)), late.callers());
    Parse ctor = t.parses().get(3);
    assertEquals(init, ctor.method());
    assertEquals(List.of(new Frame(valueOf, 28), new Frame(probe, 4)), ctor.callers());
    assertEquals(List.of(new Frame(valueOf, 23), new Frame(probe, 4)), late.chainAt(23));
  }

  @Test
  void eliminationsTrapsAndInlineFailures() throws Exception {
    Task t = read(LOG).get(1);
    assertEquals(1, t.eliminations().size());
    Elimination e = t.eliminations().get(0);
    assertEquals("allocation", e.kind());
    assertEquals("java.lang.Integer", e.type());
    assertEquals(t.parses().get(2).chainAt(23), e.chain());
    assertEquals(List.of(new Trap(3, "unstable_if", "reinterpret", "taken never")), t.parses().get(2).traps());
    assertEquals(List.of(new InlineFailure(8, new LogMethod("p.Opaque", "next", "()I"), "disallowed by CompileCommand")),
        t.parses().get(0).inlineFailures());
  }

  @Test
  void typeDescriptors() {
    assertEquals("I", CompileLog.typeDescriptor("int"));
    assertEquals("Ljava/lang/String;", CompileLog.typeDescriptor("java.lang.String"));
    assertEquals("[Ljava/lang/Object;", CompileLog.typeDescriptor("[Ljava.lang.Object;"));
  }

  @Test
  void notALogIsAnError() {
    assertThrows(XMLStreamException.class, () -> read("this is not xml <"));
  }
}
