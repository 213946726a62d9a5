package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A processor path that cannot run the plugin is an error of one line, never silence.
 *
 * <p>The released {@code noescape-errorprone} jar carries the classes of {@code noescape-core} it
 * needs, so a processor path naming only that jar is complete. A path built from the module's
 * classes alone (a hand-written {@code -processorpath}, an unshaded build, a Gradle or Bazel rule
 * pointing at {@code original-noescape-errorprone.jar}) lacks them, and a path with another
 * version of {@code noescape-core} before the plugin links the checkers against classes they were
 * not built with. Left to themselves, either ends in a {@link LinkageError} that the fault
 * isolation would turn into a per-unit note (or that escapes as Error Prone's "unhandled
 * exception" stack trace): the compilation passes and noescape says nothing useful. Instead, each
 * checker asks {@link #ready} before it touches a core class, and a linkage failure met later is
 * handed to {@link #linkageFailed}; both print one javac error per compilation naming what is
 * missing and where the plugin was loaded from.
 *
 * <p>This is the one place where the plugin fails a compilation on purpose: it is not a fault in
 * the analysis of some input (those stay notes) but a build that would otherwise pass while
 * checking nothing. This class references no class of {@code noescape-core}, so it loads when
 * they do not.
 */
final class PluginSetUp {
  private PluginSetUp() {}

  /** A class every checker needs from noescape-core: the back end (engine and rules behind it). */
  static final String CORE_PROBE = "dev.noescape.backend.BackEnd";

  /** The problem with this class loader's processor path, or null when the core loads; computed once. */
  private static volatile String missing;

  private static volatile boolean probed;

  /** The compilations already told (one line each, whichever checker meets the problem first). */
  private static final Set<Context> TOLD = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /**
   * Whether noescape-core loads beside the checkers. When it does not, reports the error (once per
   * compilation) and returns false: the checker must then not run.
   */
  static boolean ready(VisitorState state) {
    if (!probed) {
      missing = probe(NoEscapeChecker.class.getClassLoader());
      probed = true;
    }
    if (missing == null) return true;
    tell(state.context, missing);
    return false;
  }

  /** The one line for a processor path without the core, or null when {@link #CORE_PROBE} loads. */
  static String probe(ClassLoader loader) {
    try {
      Class.forName(CORE_PROBE, false, loader);
      return null;
    } catch (ClassNotFoundException | LinkageError e) {
      return "noescape: the Error Prone plugin cannot run: noescape-core is missing from the processor path (no "
          + CORE_PROBE + " beside " + where(NoEscapeChecker.class) + "); put the released noescape-errorprone jar,"
          + " which contains it, on the processor path (or add noescape-core of the same version)";
    }
  }

  /**
   * Whether {@code t} says the processor path is wrong rather than that the analysis failed: a
   * class of noescape missing, or linked against a different version of it. (A missing class of
   * anything else, say {@code jdk.jfr} when javac's JVM lacks the module, stays an ordinary fault.)
   */
  static boolean isLinkageFailure(Throwable t) {
    if (!(t instanceof NoClassDefFoundError || t instanceof IncompatibleClassChangeError)) return false;
    String msg = t.getMessage();
    return msg != null && (msg.contains("dev/noescape/") || msg.contains("dev.noescape."));
  }

  /** Reports a linkage failure met while a checker ran (once per compilation). */
  static void linkageFailed(VisitorState state, Throwable t) {
    String plugin = where(NoEscapeChecker.class);
    String elsewhere = loadedElsewhere(String.valueOf(t.getMessage()), plugin);
    tell(state.context, "noescape: the Error Prone plugin cannot run: " + oneLine(t) + "; "
        + (elsewhere == null
            ? plugin + " is incomplete: replace it with the released noescape-errorprone jar"
            : elsewhere + ", the plugin from " + plugin
                + ": keep one noescape version on the processor path (the noescape-errorprone jar contains noescape-core)"));
  }

  private static final Pattern NOESCAPE_NAME = Pattern.compile("dev[./]noescape[./][\\w./$]+");

  /**
   * "dev.noescape.x.Y was loaded from JAR" for the first noescape class the error names that came
   * from somewhere other than the plugin's own jar; null when there is none. A member's name is
   * cut off until what remains loads as a class.
   */
  private static String loadedElsewhere(String message, String plugin) {
    ClassLoader loader = NoEscapeChecker.class.getClassLoader();
    Matcher m = NOESCAPE_NAME.matcher(message);
    while (m.find()) {
      for (String name = m.group().replace('/', '.'); name.indexOf('.') > 0; name = name.substring(0, name.lastIndexOf('.'))) {
        try {
          String from = where(Class.forName(name, false, loader));
          if (!from.equals(plugin)) return name + " was loaded from " + from;
          break;
        } catch (ClassNotFoundException | LinkageError e) {
          // not a class (a member's name, or missing): try the enclosing name
        }
      }
    }
    return null;
  }

  private static String oneLine(Throwable t) {
    String msg = t.getMessage();
    return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.strip().replaceAll("\\s+", " "));
  }

  /** The jar or directory a class was loaded from, as a path when it is a file. */
  static String where(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    if (url == null) return "an unknown location";
    return "file".equals(url.getProtocol()) ? url.getPath() : url.toString();
  }

  /** Prints {@code line} as a javac error, once per compilation; to stderr when javac's log is out of reach. */
  private static void tell(Context context, String line) {
    if (!TOLD.add(context)) return;
    try {
      Log.instance(context).error(new JCDiagnostic.Error("compiler", "proc.messager", line));
    } catch (RuntimeException | LinkageError e) {
      System.err.println("error: " + line);
    }
  }
}
