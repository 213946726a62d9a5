package dev.noescape.jitbench.harness;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What is in the code cache, asked from inside the JVM through the {@code Compiler.codelist}
 * diagnostic command (the in-process form of {@code jcmd <pid> Compiler.codelist}): one line per
 * nmethod, {@code <compile id> <level> <state> <method> [addresses]}. WhiteBox is not available to
 * a product JVM; this is. State 0 is "in use" on JDK 17 and 25. The list does not mark OSR
 * compilations: the driver checks the compile id against the compilation log.
 */
final class CodeList {
  private static final Pattern LINE = Pattern.compile("^(\\d+) (\\d+) (\\d+) (\\S+) \\[", Pattern.MULTILINE);

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ObjectName command;

  CodeList() {
    try {
      command = new ObjectName("com.sun.management:type=DiagnosticCommand");
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The compile id of an in-use C2 (level 4) nmethod of {@code method} ({@code pkg.C.m(II)I}), or -1. */
  int c2CompileId(String method) {
    return c2CompileId(text(), method);
  }

  /** The highest compile id of an in-use level-4 nmethod of {@code method} in a code list text, or -1. */
  static int c2CompileId(String codeList, String method) {
    Matcher m = LINE.matcher(codeList);
    int best = -1;
    while (m.find()) {
      if (m.group(4).equals(method) && m.group(2).equals("4") && m.group(3).equals("0")) {
        best = Math.max(best, Integer.parseInt(m.group(1)));
      }
    }
    return best;
  }

  private String text() {
    try {
      return (String) server.invoke(command, "compilerCodelist", new Object[] {null},
          new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("Compiler.codelist failed: " + e.getMessage(), e);
    }
  }
}
