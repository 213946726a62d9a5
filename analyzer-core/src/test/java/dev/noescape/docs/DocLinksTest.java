package dev.noescape.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's documentation resolves: {@code README.md}, everything
 * under {@code docs/}, {@code bench/README.md} and {@code bench/jit/README.md}, and the Markdown
 * files under {@code testdata/}. A link to a file that does not exist, or to a heading a Markdown
 * file does not have, fails the build here rather than on GitHub.
 */
class DocLinksTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The documentation this test checks. */
  static List<Path> documentation() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    files.add(ROOT.resolve("bench/README.md"));
    files.add(ROOT.resolve("bench/jit/README.md"));
    files.addAll(markdownUnder(ROOT.resolve("docs")));
    files.addAll(markdownUnder(ROOT.resolve("testdata")));
    return files;
  }

  private static List<Path> markdownUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .filter(p -> !ROOT.relativize(p).toString().replace('\\', '/').contains("/target/"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyRelativeLinkInTheDocumentationResolves() throws IOException {
    List<Path> files = documentation();
    assertTrue(files.stream().allMatch(Files::isRegularFile), "missing documentation file among " + files);
    assertTrue(files.size() >= 15, "too few Markdown files found: " + files);
    List<DocLinks.Broken> broken = DocLinks.check(ROOT, files);
    assertTrue(broken.isEmpty(), "broken relative links:\n"
        + broken.stream().map(DocLinks.Broken::toString).collect(Collectors.joining("\n")));
  }

  @Test
  void brokenFilesAndAnchorsAreReportedWithTheirLine(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/target.md"), "# Target page\n\n## Where is …?\n\n## Where is …?\n", UTF_8);
    Files.writeString(root.resolve("docs/page.md"), String.join("\n",
        "# Page",
        "[ok](target.md) [ok too](target.md#where-is-) [repeat](target.md#where-is--1) [self](#page)",
        "[missing](gone.md) and [bad anchor](target.md#nowhere)",
        "`[not a link](gone.md)` and [web](https://example.com/gone.md)",
        "```",
        "[in a code block](gone.md)",
        "```",
        "[outside](../../etc/passwd)",
        "[ref]: missing-ref.md",
        ""), UTF_8);

    List<DocLinks.Broken> broken = DocLinks.check(root, List.of(root.resolve("docs/page.md")));

    assertEquals(List.of(
            "docs/page.md:3: gone.md: no such file",
            "docs/page.md:3: target.md#nowhere: no heading #nowhere in docs/target.md",
            "docs/page.md:8: ../../etc/passwd: leaves the repository",
            "docs/page.md:9: missing-ref.md: no such file"),
        broken.stream().map(b -> b.toString().replace('\\', '/')).toList());
  }

  @Test
  void slugsFollowGitHub() {
    assertEquals("where-is-", DocLinks.slug("Where is …?"));
    assertEquals("bytecode-sootup-for-the-command-line-and-the-maven-goals",
        DocLinks.slug("Bytecode (SootUp), for the command line and the Maven goals"));
    assertEquals("summaries-in-jars-meta-infnoescapesummaries", DocLinks.slug("Summaries in jars: `META-INF/noescape/summaries`"));
    assertEquals("fills-unpresizedcollection", DocLinks.slug("Fills: UnpresizedCollection"));
    assertEquals("the-json-report", DocLinks.slug("The [JSON](json.md) report"));
  }
}
