package dev.noescape.jitbench.compilelog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a HotSpot compilation log ({@code -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation
 * -XX:LogFile=…}; plain or gzip) into its compilation tasks: per task the methods parsed into it
 * with where they were inlined, the uncommon traps and inlining failures met while parsing, and
 * the {@code eliminate_*} entries. Streaming (StAX): workload logs run to hundreds of megabytes.
 *
 * <p>The format is HotSpot's, undocumented but stable from JDK 8 to 25 for what is read here:
 * {@code <task compile_id method [level] [compile_kind='osr']>} inside {@code <compilation_log>};
 * {@code <type>}, {@code <klass>}, {@code <method>} declare ids used by {@code <parse method>},
 * {@code <call method>}, {@code <jvms method>}; a nested {@code <parse>} is a callee inlined at the
 * bci of the last {@code <bc>} of its parent; a top-level {@code <parse>} after
 * {@code <late_inline>} is a callee inlined after parsing at that element's {@code <jvms>} chain;
 * {@code <eliminate_allocation type>} lists the allocation's {@code <jvms>}, innermost first. The
 * compiler of each task comes from the {@code <nmethod compile_id compiler>} entries.
 */
public final class CompileLog {
  private CompileLog() {}

  /** Every task of {@code file}, in log order; a file that is not a compilation log is an error naming it. */
  public static List<Task> read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      return read(in);
    } catch (XMLStreamException e) {
      throw new IOException(file + " is not a readable compilation log: " + e.getMessage(), e);
    }
  }

  /** Every task of the log text in {@code in}. */
  public static List<Task> read(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader r = factory.createXMLStreamReader(in);
    try {
      return new Reader().run(r);
    } finally {
      r.close();
    }
  }

  /** The state of one pass over a log. */
  private static final class Reader {
    private final List<Task> tasks = new ArrayList<>();
    private final Map<Integer, String> compilerById = new HashMap<>();
    private final Map<String, String> typeNames = new HashMap<>();
    private final Map<String, LogMethod> methods = new HashMap<>();

    private Task task;
    private final Deque<OpenParse> parses = new ArrayDeque<>();
    private List<Frame> pendingLate;
    private List<Frame> collecting;
    private String collectingKind;
    private String collectingType;

    /** A {@code <parse>} being read: its record, and the last bytecode and callee seen in it. */
    private static final class OpenParse {
      final Parse parse;
      int lastBci = -1;
      LogMethod lastCall;

      OpenParse(Parse parse) {
        this.parse = parse;
      }
    }

    List<Task> run(XMLStreamReader r) throws XMLStreamException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) start(r);
        else if (event == XMLStreamConstants.END_ELEMENT) end(r.getLocalName());
      }
      List<Task> out = new ArrayList<>(tasks.size());
      for (Task t : tasks) {
        String compiler = compilerById.getOrDefault(t.compileId(), t.compiler());
        out.add(t.withOutcome(compiler, t.success()));
      }
      return out;
    }

    private void start(XMLStreamReader r) {
      switch (r.getLocalName()) {
        case "compilation_log" -> {
          typeNames.clear();
          methods.clear();
        }
        case "nmethod" -> {
          String id = attr(r, "compile_id");
          String compiler = attr(r, "compiler");
          if (id != null && compiler != null) compilerById.put(Integer.parseInt(id), compiler);
        }
        case "task" -> {
          parses.clear();
          pendingLate = null;
          String level = attr(r, "level");
          task = new Task(Integer.parseInt(attr(r, "compile_id")), taskMethod(attr(r, "method")),
              level == null || level.equals("4") ? "c2" : "c1", "osr".equals(attr(r, "compile_kind")));
          tasks.add(task);
        }
        case "task_done" -> {
          if (task != null) {
            Task done = task.withOutcome(task.compiler(), "1".equals(attr(r, "success")));
            tasks.set(tasks.size() - 1, done);
            task = done;
          }
        }
        case "type", "klass" -> typeNames.put(attr(r, "id"), attr(r, "name"));
        case "method" -> methods.put(attr(r, "id"), new LogMethod(typeNames.get(attr(r, "holder")),
            attr(r, "name"), descriptor(attr(r, "arguments"), attr(r, "return"))));
        case "parse" -> startParse(methods.get(attr(r, "method")));
        case "bc" -> {
          if (!parses.isEmpty()) parses.peek().lastBci = intAttr(r, "bci");
        }
        case "call" -> {
          if (!parses.isEmpty()) parses.peek().lastCall = methods.get(attr(r, "method"));
        }
        case "inline_fail" -> {
          if (!parses.isEmpty()) {
            OpenParse p = parses.peek();
            p.parse.inlineFailures().add(new InlineFailure(p.lastBci, p.lastCall, attr(r, "reason")));
          }
        }
        case "uncommon_trap" -> {
          if (task != null && !parses.isEmpty()) {
            parses.peek().parse.traps().add(new Trap(intAttr(r, "bci"), attr(r, "reason"),
                attr(r, "action"), attr(r, "comment")));
          }
        }
        case "late_inline" -> startCollecting("late", null);
        case "eliminate_allocation" -> startCollecting("allocation", typeNames.get(attr(r, "type")));
        case "eliminate_boxing" -> startCollecting("boxing", typeNames.get(attr(r, "type")));
        case "eliminate_lock" -> startCollecting("lock", null);
        case "jvms" -> {
          if (collecting != null) collecting.add(new Frame(methods.get(attr(r, "method")), intAttr(r, "bci")));
        }
        default -> {}
      }
    }

    private void end(String name) {
      switch (name) {
        case "task" -> {
          task = null;
          parses.clear();
        }
        case "parse" -> {
          if (!parses.isEmpty()) parses.pop();
        }
        case "late_inline" -> {
          pendingLate = collecting;
          collecting = null;
        }
        case "eliminate_allocation", "eliminate_boxing", "eliminate_lock" -> {
          if (task != null && collecting != null) {
            task.eliminations().add(new Elimination(collectingKind, collectingType, List.copyOf(collecting)));
          }
          collecting = null;
        }
        default -> {}
      }
    }

    private void startCollecting(String kind, String type) {
      collecting = new ArrayList<>();
      collectingKind = kind;
      collectingType = type;
    }

    private void startParse(LogMethod method) {
      if (task == null) return;
      List<Frame> callers;
      if (parses.isEmpty()) {
        callers = pendingLate == null ? List.of() : pendingLate;
        pendingLate = null;
      } else {
        OpenParse parent = parses.peek();
        callers = parent.parse.chainAt(parent.lastBci);
      }
      Parse p = new Parse(method, callers);
      task.parses().add(p);
      parses.push(new OpenParse(p));
    }

    private String descriptor(String arguments, String ret) {
      StringBuilder d = new StringBuilder("(");
      if (arguments != null && !arguments.isBlank()) {
        for (String id : arguments.trim().split(" ")) d.append(typeDescriptor(typeNames.get(id)));
      }
      return d.append(')').append(typeDescriptor(typeNames.get(ret))).toString();
    }
  }

  /** {@code holder name descriptor} of a task's method attribute. */
  static LogMethod taskMethod(String text) {
    String[] parts = text.split(" ");
    if (parts.length != 3) return new LogMethod(text, "?", "?");
    return new LogMethod(parts[0], parts[1], parts[2]);
  }

  /** The descriptor of a type the log names: {@code int}, {@code java.lang.String}, {@code [I}. */
  static String typeDescriptor(String name) {
    if (name == null) return "?";
    return switch (name) {
      case "void" -> "V";
      case "boolean" -> "Z";
      case "byte" -> "B";
      case "char" -> "C";
      case "short" -> "S";
      case "int" -> "I";
      case "long" -> "J";
      case "float" -> "F";
      case "double" -> "D";
      default -> name.startsWith("[") ? name.replace('.', '/') : "L" + name.replace('.', '/') + ";";
    };
  }

  private static String attr(XMLStreamReader r, String name) {
    return r.getAttributeValue(null, name);
  }

  private static int intAttr(XMLStreamReader r, String name) {
    String v = attr(r, name);
    return v == null ? -1 : Integer.parseInt(v);
  }
}
