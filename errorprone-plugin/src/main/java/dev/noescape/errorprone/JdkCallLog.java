package dev.noescape.errorprone;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Program;
import dev.noescape.models.JdkCallCoverage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A debugging aid, the javac half of {@code bench/jdk-coverage.sh}: with
 * {@code -J-Dnoescape.jdkcalls=FILE} on javac, each compilation unit appends to FILE how its calls
 * into the JDK were resolved, one line {@code model generated unknown} ({@link JdkCallCoverage}).
 * A system property, not an {@code -XepOpt} option: it is set for the whole javac process by a
 * benchmark, never by a build. Off (one property read) otherwise.
 */
final class JdkCallLog {
  private JdkCallLog() {}

  /** The property naming the file. */
  static final String PROPERTY = "noescape.jdkcalls";

  private static final String FILE = System.getProperty(PROPERTY);

  static boolean enabled() {
    return FILE != null;
  }

  /** Appends the line of one unit's methods. */
  static void record(Program program) throws IOException {
    Set<String> owners = new HashSet<>();
    for (MethodIR m : program.methods()) owners.add(m.ref().owner());
    JdkCallCoverage c = JdkCallCoverage.of(program.methods(), owners, JdkCallCoverage::isJdkClass);
    synchronized (JdkCallLog.class) {
      Files.writeString(Path.of(FILE), c.model() + " " + c.generated() + " " + c.unknown() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
