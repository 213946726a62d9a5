/**
 * Summaries that travel: the {@code META-INF/noescape/summaries} resource a module ships in its
 * jar so that callers in other modules can be analyzed without its bodies (Go writes escape tags
 * into its export data for the same reason).
 *
 * <h2>Format (version 1)</h2>
 *
 * UTF-8 text, one record per line, {@code \n} line ends. The jar's own deflate compresses it (a
 * second gzip layer would only cost time and make directories unreadable by eye).
 *
 * <pre>
 * noescape-summaries 1 noescape 0.1.0          header: magic, format version, producer
 * C com.example.Registry                       a class (binary name, '$' for nested classes)
 * M register(java.lang.Object)  .  Y  -  e;stored in static field Registry.ALL
 * M size()  .  N  -
 * end 1 2                                      trailer: class count, method count
 * </pre>
 *
 * A method line is tab-separated: {@code M}, the method's {@code name(erased,param,types)} (its
 * {@link dev.noescape.ir.MethodRef#key()} without the owner), the fresh-return flag ({@code F}
 * fresh, {@code .} not), allocates ({@code N}o, {@code Y}es, {@code U}nknown), then one field per
 * summary slot (receiver first for instance methods and constructors). A slot is {@code *} for
 * {@link dev.noescape.summary.ParamTag#GLOBAL}, else flags ({@code -} for none): {@code e}
 * escapes, {@code r} flows to result, {@code E} content escapes, {@code R} content flows to
 * result, {@code i0,2} stored into the content of slots 0 and 2, {@code I1} content stored into
 * the content of slot 1; then optionally {@code ;} and the reason phrase ({@code why}), with
 * {@code \\}, tab, CR and LF escaped as {@code \\\\ \\t \\r \\n}. Lines starting with {@code #} are
 * comments. Classes and methods are sorted, so the same summaries give the same bytes.
 *
 * <p>Readers ({@link dev.noescape.summary.export.SummaryIndex}) only index class positions when
 * they open a resource and decode a class's methods on its first lookup: a compilation that calls
 * fifty methods of a large summary file decodes a few classes, not the file. A resource with an
 * unknown format version is skipped with one note; a malformed or truncated one (no trailer, or
 * counts that disagree) is ignored with one note naming its file. Nothing here depends on
 * SootUp, JavaParser or Jackson: the javac plugin reads these files on its processor path.
 */
package dev.noescape.summary.export;
