package dev.noescape.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.noescape.report.html.HtmlReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Renders a sample report in headless Chromium through {@code .dev/html-screenshot.sh} and checks
 * the PNG is a real rendering. Skipped (assumption) where {@code /usr/bin/chromium} is missing.
 * The files stay in {@code target/noescape-html/} ({@code index.html}, {@code report.png}) to look at.
 */
class HtmlScreenshotTest {
  @Test
  void rendersInHeadlessChromium() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium");
    Path script = Path.of("..", ".dev", "html-screenshot.sh").toAbsolutePath().normalize();
    assumeTrue(Files.isExecutable(script), "no " + script);

    Path dir = Path.of("target", "noescape-html").toAbsolutePath();
    Files.createDirectories(dir);
    Path html = dir.resolve("index.html");
    Path png = dir.resolve("report.png");
    Files.deleteIfExists(png);
    List<ReportedFinding> findings = new ArrayList<>(ReportFixtures.sampleRun().findings());
    findings.addAll(ReportFixtures.many(24));
    ReportRun run = new ReportRun("0.1.0-SNAPSHOT", findings, ReportFixtures.sampleRun().notes());
    Files.writeString(html, new HtmlReportWriter(ReportFixtures.SOURCES).write(run), StandardCharsets.UTF_8);

    Process p = new ProcessBuilder(script.toString(), html.toString(), png.toString(), "1400x1800")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium timed out");
    assertEquals(0, p.exitValue(), out);

    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "not a PNG");
    // A blank 1400x1800 page compresses to a few KB; the rendered report is far larger.
    assertTrue(bytes.length > 50_000, "PNG too small to be a rendering: " + bytes.length);
    assertEquals(1400, pngInt(bytes, 16));
    assertEquals(1800, pngInt(bytes, 20));
  }

  private static int pngInt(byte[] b, int at) throws IOException {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }
}
