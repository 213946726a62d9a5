package dev.noescape.jitbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.jitbench.classfile.ClassSource;
import dev.noescape.jitbench.classfile.MethodCode;
import dev.noescape.jitbench.compilelog.CompileLog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two C2 compilations of the test fixture's {@code branches}: in the first the else arm is an
 * uncommon trap and the StringBuilder was eliminated; in the second both arms are compiled and
 * nothing was eliminated.
 */
class WorkloadAnalysisTest {
  private static final String FIXTURE = "dev.noescape.jitbench.classfile.Fixture";

  private static String task(int id, String body) {
    return """
        <task compile_id='%d' method='%s branches (ZI)Ljava/lang/Object;' bytes='30' count='9000' iicount='9000'>
        <type id='1' name='boolean'/>
        <type id='2' name='int'/>
        <klass id='3' name='java.lang.Object' flags='1'/>
        <klass id='4' name='%s' flags='16'/>
        <method id='5' holder='4' name='branches' return='3' arguments='1 2' flags='8' bytes='30'/>
        <parse method='5' uses='9000'>
        %s
        </parse>
        %s
        <task_done success='1'/>
        </task>
        """.formatted(id, FIXTURE, FIXTURE, body.split("\\|", -1)[0], body.split("\\|", -1)[1]);
  }

  @Test
  void countsCompiledCopiesPrunedArmsAndEliminations() throws Exception {
    Map<String, MethodCode> code;
    try (InputStream in = getClass().getResourceAsStream("/dev/noescape/jitbench/classfile/Fixture.class")) {
      code = MethodCode.read(in.readAllBytes());
    }
    List<MethodCode.Allocation> allocs = code.get("branches(ZI)Ljava/lang/Object;").allocations();
    int sb = allocs.get(0).bci();
    int array = allocs.get(1).bci();
    String log = "<hotspot_log><compilation_log thread='1'>"
        + task(1, "<bc code='153' bci='1'/><uncommon_trap bci='1' reason='unstable_if' action='reinterpret' comment='taken never'/>"
            + "|<eliminate_allocation type='3'><jvms bci='" + sb + "' method='5'/></eliminate_allocation>")
        + task(2, "|")
        + "</compilation_log></hotspot_log>";
    WorkloadAnalysis analysis;
    Path classes = Path.of(getClass().getResource("/").toURI());
    try (ClassSource source = new ClassSource(null, List.of(classes))) {
      analysis = new WorkloadAnalysis(source, h -> h.startsWith("dev.noescape.jitbench.classfile."));
      analysis.addAll(CompileLog.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
    }
    assertEquals(new WorkloadAnalysis.Totals(2, 1), analysis.totals(), "2 compiles; the else arm of compile 1 pruned");
    SiteStats builder = analysis.sites().get(FIXTURE + ".branches(ZI)Ljava/lang/Object;@" + sb);
    assertEquals(2, builder.compiles());
    assertEquals(1, builder.eliminatedAll());
    assertEquals("some", builder.verdict());
    assertEquals("new java/lang/StringBuilder", builder.what());
    SiteStats ints = analysis.sites().get(FIXTURE + ".branches(ZI)Ljava/lang/Object;@" + array);
    assertEquals(1, ints.compiles());
    assertEquals("heap", ints.verdict());
    assertEquals(allocs.get(1).line(), ints.line());
  }
}
