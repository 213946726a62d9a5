package dev.noescape.jit;

import dev.noescape.ir.MethodDescriptors;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link CodeFacts} read from class files: each class is looked up once by binary name through
 * {@code classBytes} (the program and its class path, as the front end has them), then in the
 * running JDK's {@code jrt:} image, and its header, fields and methods' Code lengths are read.
 * Only the JDK is used (this runs on the javac processor path too), so the class file is walked
 * by hand: the constant pool, then the members, skipping attributes other than Code.
 *
 * <p>The JDK's classes are those of the JDK running noescape, not necessarily the targeted one:
 * sizes of JDK methods differ a little between releases (a documented approximation).
 */
public final class ClassFileFacts implements CodeFacts {
  private final Function<String, byte[]> classBytes;
  private final Map<String, Parsed> cache = new HashMap<>();
  /** The classes {@link #cache} has from the JDK's image, not from {@code classBytes}. */
  private final Set<String> fromJdk = new HashSet<>();

  /** @param classBytes the class file of a binary name, or null when the program has none */
  public ClassFileFacts(Function<String, byte[]> classBytes) {
    this.classBytes = classBytes;
  }

  /** Facts about the running JDK's classes only (the javac plugin, which has no class files of its own sources). */
  public static ClassFileFacts jdkOnly() {
    return new ClassFileFacts(name -> null);
  }

  /**
   * One class's facts; {@code code} keeps each method's instructions undecoded (most are never
   * asked for), {@code bodies} the ones decoded.
   */
  private record Parsed(String superName, List<String> interfaces, boolean concrete, int ownInstanceFields, boolean ownFinalizer, Map<String, MethodCode> methods,
      Map<String, byte[]> code, Set<String> statics, Instructions.Pool pool, Map<String, Body> bodies, Set<String> constantFields) {}

  @Override
  public synchronized MethodCode method(String owner, String name, List<String> paramTypes) {
    Parsed p = parsed(owner);
    return p == null ? null : p.methods().get(name + "(" + String.join(",", paramTypes) + ")");
  }

  @Override
  public synchronized Body body(String owner, String name, List<String> paramTypes) {
    Parsed p = parsed(owner);
    if (p == null) return null;
    String key = name + "(" + String.join(",", paramTypes) + ")";
    byte[] code = p.code().get(key);
    if (code == null) return null;
    return p.bodies().computeIfAbsent(key, k -> Instructions.decode(code, p.pool(), p.statics().contains(key), paramTypes));
  }

  @Override
  public synchronized ClassShape shape(String type) {
    Parsed p = parsed(type);
    if (p == null) return null;
    List<String> supers = new ArrayList<>();
    int fields = p.ownInstanceFields();
    boolean finalizer = p.ownFinalizer();
    String s = p.superName();
    // A finalizer declared on Object (empty) or by a class above the first that overrides it: the
    // nearest declaration decides; Object's own is empty and never counts.
    boolean decided = p.methods().containsKey("finalize()");
    for (int guard = 0; s != null && guard < 64; guard++) {
      supers.add(s);
      Parsed q = parsed(s);
      if (q == null) break;
      fields += q.ownInstanceFields();
      if (!decided && q.methods().containsKey("finalize()")) {
        finalizer = q.ownFinalizer();
        decided = true;
      }
      s = q.superName();
    }
    return new ClassShape(supers, fields, finalizer);
  }

  @Override
  public synchronized boolean constantField(String owner, String name) {
    Parsed p = parsed(owner);
    return p != null && p.constantFields().contains(name);
  }

  @Override
  public synchronized Supertypes supertypes(String type) {
    Parsed p = parsed(type);
    return p == null ? null : new Supertypes(p.interfaces(), p.concrete());
  }

  @Override
  public synchronized boolean fromJdkImage(String type) {
    return parsed(type) != null && fromJdk.contains(type);
  }

  private Parsed parsed(String binaryName) {
    if (cache.containsKey(binaryName)) return cache.get(binaryName);
    byte[] b = classBytes.apply(binaryName);
    Parsed p = b != null ? parseOrNull(b)
        : JDK.computeIfAbsent(binaryName, n -> Optional.ofNullable(parseOrNull(Jrt.read(n)))).orElse(null);
    if (b == null && p != null) fromJdk.add(binaryName);
    cache.put(binaryName, p);
    return p;
  }

  /**
   * The running JDK's classes, parsed once per process: its image does not change while we run,
   * and the javac plugin makes one {@code ClassFileFacts} per compilation unit (re-reading
   * the same JDK classes for each of commons-lang3's 254 files). Bounded by the JDK classes the
   * analyzed code reaches; decoded bodies are shared, so that map is
   * concurrent.
   */
  private static final Map<String, Optional<Parsed>> JDK = new ConcurrentHashMap<>();

  /** The parsed class, or null when there are no bytes or they are unreadable (unknown, as a missing class). */
  private static Parsed parseOrNull(byte[] b) {
    if (b == null) return null;
    try {
      return parse(b);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static final int ACC_STATIC = 0x0008;
  private static final int ACC_FINAL = 0x0010;
  private static final int ACC_BRIDGE = 0x0040;
  private static final int ACC_NATIVE = 0x0100;
  private static final int ACC_INTERFACE = 0x0200;
  private static final int ACC_ABSTRACT = 0x0400;

  /** Parses the parts of a class file the facts need (JVMS §4). */
  static Parsed parse(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    int[] ints = new int[count];
    int[] first = new int[count];
    int[] second = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3 -> ints[i] = in.readInt();
        case 10, 11, 12 -> { // Methodref, InterfaceMethodref (class, name-and-type); NameAndType (name, descriptor)
          first[i] = in.readUnsignedShort();
          second[i] = in.readUnsignedShort();
        }
        // Fieldref (class, name-and-type) and InvokeDynamic (bootstrap, name-and-type): the decoder
        // reads their descriptors for the operand stack's sizes
        case 9, 18 -> {
          first[i] = in.readUnsignedShort();
          second[i] = in.readUnsignedShort();
        }
        case 4, 17 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // long and double take two entries
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    int classAccess = in.readUnsignedShort();
    in.readUnsignedShort(); // this class
    int superIndex = in.readUnsignedShort();
    String superName = superIndex == 0 ? null : utf8[classNameIndex[superIndex]].replace('/', '.');
    int interfaceCount = in.readUnsignedShort();
    List<String> interfaces = new ArrayList<>(interfaceCount);
    for (int i = 0; i < interfaceCount; i++) interfaces.add(utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.'));
    int fields = in.readUnsignedShort();
    int instanceFields = 0;
    Set<String> constantFields = new HashSet<>();
    for (int i = 0; i < fields; i++) {
      int access = in.readUnsignedShort();
      String fieldName = utf8[in.readUnsignedShort()];
      in.readUnsignedShort();
      if ((access & ACC_STATIC) == 0) instanceFields++;
      else if ((access & ACC_FINAL) != 0) constantFields.add(fieldName);
      skipAttributes(in);
    }
    Map<String, MethodCode> methods = new HashMap<>();
    Map<String, byte[]> codes = new HashMap<>();
    Set<String> statics = new HashSet<>();
    boolean finalizer = false;
    int methodCount = in.readUnsignedShort();
    for (int i = 0; i < methodCount; i++) {
      int access = in.readUnsignedShort();
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      int size = 0;
      byte[] code = null;
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attr = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attr.equals("Code")) {
          in.readUnsignedShort();
          in.readUnsignedShort();
          size = in.readInt();
          code = in.readNBytes(size);
          in.skipNBytes(length - 8 - size);
        } else {
          in.skipNBytes(length);
        }
      }
      String key = name + "(" + String.join(",", MethodDescriptors.parameterTypes(descriptor)) + ")";
      // a bridge shares the name and parameters of the method it calls (StringBuilder's
      // append(CharSequence,int,int) returning Appendable): the key names the real method, whose
      // code is what runs and whose size C2 judges; the bridge only calls it
      if ((access & ACC_BRIDGE) != 0 && methods.containsKey(key)) continue;
      methods.put(key, new MethodCode(size, (access & ACC_NATIVE) != 0, (access & ACC_ABSTRACT) != 0));
      if (code != null) codes.put(key, code);
      else codes.remove(key);
      if ((access & ACC_STATIC) != 0) statics.add(key);
      else statics.remove(key);
      // "return" alone is one byte: an empty finalize() does not register objects (classFileParser.cpp)
      if (key.equals("finalize()") && size > 1) finalizer = true;
    }
    boolean concrete = (classAccess & (ACC_INTERFACE | ACC_ABSTRACT)) == 0;
    return new Parsed(superName, List.copyOf(interfaces), concrete, instanceFields, finalizer, methods, codes,
        Set.copyOf(statics), new Instructions.Pool(utf8, classNameIndex, ints, first, second), new ConcurrentHashMap<>(),
        Set.copyOf(constantFields));
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.readUnsignedShort();
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }


  /** The running JDK's class files, through the {@code jrt:} file system. */
  private static final class Jrt {
    private static FileSystem fs;
    private static boolean unavailable;

    static synchronized byte[] read(String binaryName) {
      if (unavailable) return null;
      try {
        if (fs == null) fs = FileSystems.getFileSystem(URI.create("jrt:/"));
        int dot = binaryName.lastIndexOf('.');
        if (dot < 0) return null;
        Path pkg = fs.getPath("/packages", binaryName.substring(0, dot));
        if (!Files.isDirectory(pkg)) return null;
        String file = binaryName.replace('.', '/') + ".class";
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(pkg)) {
          for (Path m : modules) {
            Path p = fs.getPath("/modules", m.getFileName().toString(), file);
            if (Files.isRegularFile(p)) return Files.readAllBytes(p);
          }
        }
        return null;
      } catch (IOException | RuntimeException e) {
        unavailable = true; // no jrt image (a JDK 8 layout, a restricted file system): JDK facts unknown
        return null;
      }
    }
  }
}
