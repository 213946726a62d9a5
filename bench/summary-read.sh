#!/usr/bin/env bash
# What reading shipped summaries (META-INF/noescape/summaries) from 200 dependency jars adds to a
# compilation with the noescape javac plugin (issue 5's target: at most 200 ms).
#
# What it does
#   1. Generates DEPS (200) dependency jars. Each holds one real class depN.ApiN (static methods the
#      project calls), CLASSES-1 placeholder class entries (never loaded, so javac only lists them)
#      and a summaries resource of realistic size: CLASSES classes x METHODS methods, tags drawn
#      from the shapes the engine computes (none, escapes with a reason, flows to result, stored
#      into another slot, content escapes), written by the real SummaryWriter. A twin set of jars
#      is byte-identical except that it has no summaries resource.
#   2. Generates a small project (FILES source files, each calling CALLS methods of different jars).
#   3. Compiles it with javac + Error Prone + the noescape plugin (in a fresh JVM each time, as a
#      one-shot build does: nothing is cached between runs), REPS times per configuration,
#      alternating which goes first:
#        (a) the 200 jars without summaries on the class path
#        (b) the same 200 jars with summaries on the class path
#      and reports the medians and the median of the per-repetition differences (b) - (a).
#   4. Times the reading itself in a fresh JVM (the project's lookups, opening the jars they name as
#      the plugin does; then, for comparison, every jar's table of contents), which the
#      whole-compilation figures bury in noise.
#
# Usage (from anywhere; build the jars first: mvn -B -ntp -o -DskipTests -pl errorprone-plugin -am package):
#   bench/summary-read.sh
# Environment: REPS=7 DEPS=200 CLASSES=150 METHODS=8 FILES=10 CALLS=5
#   BENCH_JDK=/usr/lib/jvm/temurin-25-jdk-amd64 (21+, runs javac)
# Output: a markdown report on stdout and in target/bench/summary-read.md.
# Needs: bash, mvn (to resolve Error Prone from the local repository), awk, jar.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OUT=$ROOT/target/bench/summary-read
REPS=${REPS:-7}
DEPS=${DEPS:-200}
CLASSES=${CLASSES:-150}
METHODS=${METHODS:-8}
FILES=${FILES:-10}
CALLS=${CALLS:-5}
BENCH_JDK=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
EP_VERSION=2.52.0

[[ -x $BENCH_JDK/bin/javac ]] || die "no javac in BENCH_JDK=$BENCH_JDK"
pick() { ls "$@" 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' -e '-javadoc\.jar$' | head -n 1; }
plugin_jar=$(pick "$ROOT"/errorprone-plugin/target/noescape-errorprone-*.jar)
core_jar=$(pick "$ROOT"/analyzer-core/target/noescape-core-*.jar)
[[ -n $plugin_jar && -n $core_jar ]] || die "build the plugin first (errorprone-plugin/target, analyzer-core/target)"
export JAVA_HOME=$BENCH_JDK
rm -rf "$OUT" && mkdir -p "$OUT"/{gen,with,without,src,logs}

# Error Prone's processor path.
ep_resolve_pom "$OUT/resolve"
mvn -B -ntp -q -o -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:build-classpath" \
  -Dmdep.outputFile="$OUT/ep.classpath" -Dmdep.includeScope=runtime
PP=$(cat "$OUT/ep.classpath"):$plugin_jar:$core_jar

# 1. The dependency jars (a Java program using the real SummaryWriter).
cat > "$OUT/gen/Gen.java" <<'JAVA'
import dev.noescape.ir.MethodRef;
import dev.noescape.summary.*;
import dev.noescape.summary.export.*;
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.zip.*;
import javax.tools.*;

public class Gen {
  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[0]);
    int deps = Integer.parseInt(a[1]), classes = Integer.parseInt(a[2]), methods = Integer.parseInt(a[3]);
    Path src = out.resolve("gen-src"), cls = out.resolve("gen-classes");
    List<Path> files = new ArrayList<>();
    for (int d = 0; d < deps; d++) {
      Path f = src.resolve("dep" + d + "/Api" + d + ".java");
      Files.createDirectories(f.getParent());
      StringBuilder s = new StringBuilder("package dep" + d + ";\npublic final class Api" + d + " {\n"
          + "  static final java.util.List<Object> KEPT = new java.util.ArrayList<>();\n");
      for (int m = 0; m < methods; m++) {
        s.append("  public static int m" + m + "(Object o, Object p) { " + (m % 2 == 0 ? "return o.hashCode();" : "KEPT.add(o); return 0;") + " }\n");
      }
      files.add(Files.writeString(f, s.append("}\n")));
    }
    Files.createDirectories(cls);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", cls.toString()));
    for (Path f : files) args.add(f.toString());
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) throw new IllegalStateException("javac failed");
    Random r = new Random(42);
    ParamTag[] shapes = {ParamTag.NONE, ParamTag.NONE, ParamTag.escapes("stored in static field Registry.ALL"),
        ParamTag.returned(), ParamTag.storedInto(0), ParamTag.NONE.withContentEscapes(), ParamTag.GLOBAL,
        new ParamTag(true, false, Set.of(), true, false, Set.of(), "passed to Executor.execute")};
    long total = 0;
    for (int d = 0; d < deps; d++) {
      String pkg = "dep" + d;
      Map<MethodRef, MethodSummary> sums = new HashMap<>();
      for (int c = 0; c < classes; c++) {
        String owner = c == 0 ? pkg + ".Api" + d : pkg + ".gen.C" + c;
        for (int m = 0; m < methods; m++) {
          boolean stat = c == 0 || r.nextInt(3) == 0;
          List<String> ps = List.of("java.lang.Object", "java.lang.Object");
          List<ParamTag> tags = new ArrayList<>();
          for (int s = 0; s < ps.size() + (stat ? 0 : 1); s++) tags.add(shapes[r.nextInt(shapes.length)]);
          if (c == 0) tags = m % 2 == 0 ? List.of(ParamTag.NONE, ParamTag.NONE)
              : List.of(ParamTag.escapes("stored in static field Api.KEPT"), ParamTag.NONE);
          sums.put(new MethodRef(owner, "m" + m, ps, "int", stat),
              new MethodSummary(tags, r.nextBoolean(), Allocates.values()[r.nextInt(3)], "computed"));
        }
      }
      byte[] res = SummaryWriter.encode(sums, "noescape bench");
      total += res.length;
      byte[] api = Files.readAllBytes(cls.resolve(pkg + "/Api" + d + ".class"));
      for (String set : List.of("with", "without")) {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out.resolve(set + "/dep" + d + ".jar")))) {
          z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
          z.write("Manifest-Version: 1.0\n".getBytes());
          z.putNextEntry(new ZipEntry(pkg + "/Api" + d + ".class"));
          z.write(api);
          for (int c = 1; c < classes; c++) {
            z.putNextEntry(new ZipEntry(pkg + "/gen/C" + c + ".class"));
            z.write(api);
          }
          if (set.equals("with")) {
            z.putNextEntry(new ZipEntry(SummaryIndex.RESOURCE));
            z.write(res);
          }
        }
      }
    }
    System.out.println(total);
  }
}
JAVA
resource_bytes=$("$BENCH_JDK/bin/java" -cp "$core_jar" "$OUT/gen/Gen.java" "$OUT" "$DEPS" "$CLASSES" "$METHODS")

# 2. The project: FILES classes, each calling CALLS jars' Api methods.
for ((f = 0; f < FILES; f++)); do
  {
    echo "package app;"
    echo "public class Use$f {"
    for ((c = 0; c < CALLS; c++)); do
      d=$(( (f * CALLS + c) * 3 % DEPS ))
      echo "  public static int call$c(int n) { int s = 0; for (int i = 0; i < n; i++) { s += dep$d.Api$d.m$((c % METHODS))(new StringBuilder(\"x\"), new Object()); } return s; }"
    done
    echo "}"
  } > "$OUT/src/Use$f.java"
done
cp_of() { local set=$1 cp="" d; for ((d = 0; d < DEPS; d++)); do cp+="${cp:+:}$OUT/$set/dep$d.jar"; done; echo "$cp"; }
CP_WITH=$(cp_of with)
CP_WITHOUT=$(cp_of without)

# The flags javac needs to host Error Prone: the showcase's .mvn/jvm.config, as -J flags.
mapfile -t HOSTING < <(grep -v '^[[:space:]]*$' "$ROOT/testdata/showcase/.mvn/jvm.config" | sed 's/^/-J/')

# compile SET REP -> wall seconds
compile() {
  local set=$1 rep=$2 cp classes=$OUT/classes-$1 log=$OUT/logs/$1-$2.log
  [[ $set == with ]] && cp=$CP_WITH || cp=$CP_WITHOUT
  rm -rf "$classes" && mkdir -p "$classes"
  local t0 t1
  t0=$(date +%s.%N)
  "$BENCH_JDK/bin/javac" "${HOSTING[@]}" -XDcompilePolicy=simple --should-stop=ifError=FLOW \
    '-Xplugin:ErrorProne -Xep:HeapEscape:WARN' -processorpath "$PP" -cp "$cp" --release 21 -d "$classes" \
    "$OUT"/src/*.java >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "javac failed ($set $rep)"; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}'
}
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) {print v[(NR + 1) / 2]} else {printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}}'; }

compile without 0 >/dev/null  # warm-up: page cache, CDS
compile with 0 >/dev/null
wa=() wb=() diff=() rows=()
for ((i = 1; i <= REPS; i++)); do
  if ((i % 2)); then ta=$(compile without "$i"); tb=$(compile with "$i"); order="a, b"
  else tb=$(compile with "$i"); ta=$(compile without "$i"); order="b, a"; fi
  d=$(awk -v a="$ta" -v b="$tb" 'BEGIN {printf "%.0f", (b - a) * 1000}')
  wa+=("$ta"); wb+=("$tb"); diff+=("$d")
  rows+=("| $i | $order | $ta | $tb | $d |")
  echo "  rep $i ($order): without ${ta}s, with ${tb}s, difference ${d} ms" >&2
done
# The findings differ because the summaries are used: count HeapEscape warnings of each.
warn_a=$(grep -c 'warning: \[HeapEscape\]' "$OUT/logs/without-1.log" || true)
warn_b=$(grep -c 'warning: \[HeapEscape\]' "$OUT/logs/with-1.log" || true)

# 4. The reading alone, in a fresh JVM: load + the project's lookups.
cat > "$OUT/gen/Read.java" <<'JAVA'
import dev.noescape.ir.MethodRef;
import dev.noescape.summary.export.ClassPathSummaries;
import java.nio.file.Path;
import java.util.*;

public class Read {
  public static void main(String[] a) {
    List<Path> cp = new ArrayList<>();
    for (String e : a[0].split(":")) cp.add(Path.of(e));
    int deps = Integer.parseInt(a[1]), methods = Integer.parseInt(a[2]), lookups = Integer.parseInt(a[3]);
    // As the javac plugin does: a call's class names the jar javac read it from; only that jar's
    // resource is opened (once), on the first call into it.
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Map<Path, ClassPathSummaries> byEntry = new HashMap<>();
    int found = 0;
    for (int i = 0; i < lookups; i++) {
      int d = i * 3 % deps;
      ClassPathSummaries s = byEntry.computeIfAbsent(cp.get(d), e -> ClassPathSummaries.load(List.of(e), n -> { throw new IllegalStateException(n); }));
      if (s.lookup(new MethodRef("dep" + d + ".Api" + d, "m" + (i % methods), List.of("java.lang.Object", "java.lang.Object"), "int", true)).isPresent()) found++;
    }
    long t1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    // For comparison: every entry's table of contents, as a whole-class-path reader would.
    long t2a = System.nanoTime();
    ClassPathSummaries all = ClassPathSummaries.load(cp, n -> { throw new IllegalStateException(n); });
    long t2 = System.nanoTime();
    long c2 = mx.getCurrentThreadCpuTime();
    int classes = all.classes().size();
    System.out.printf(Locale.ROOT, "%.1f %.1f %.1f %.1f %d %d%n", (t1 - t0) / 1e6, (t2 - t2a) / 1e6, (c1 - c0) / 1e6,
        (c2 - c1) / 1e6, found, classes);
  }
}
JAVA
reads=() looks=() cpu_reads=() cpu_looks=()
for ((i = 1; i <= REPS; i++)); do
  read -r ms_load ms_look cpu_load cpu_look found nclasses < <("$BENCH_JDK/bin/java" -cp "$core_jar" "$OUT/gen/Read.java" "$CP_WITH" "$DEPS" "$METHODS" "$((FILES * CALLS))")
  reads+=("$ms_load"); looks+=("$ms_look"); cpu_reads+=("$cpu_load"); cpu_looks+=("$cpu_look")
done

med_a=$(printf '%s\n' "${wa[@]}" | median)
med_b=$(printf '%s\n' "${wb[@]}" | median)
med_d=$(printf '%s\n' "${diff[@]}" | median)
med_load=$(printf '%s\n' "${reads[@]}" | median)
med_look=$(printf '%s\n' "${looks[@]}" | median)
med_cpu_load=$(printf '%s\n' "${cpu_reads[@]}" | median)
med_cpu_look=$(printf '%s\n' "${cpu_looks[@]}" | median)
{
  echo "# Summary reading: $DEPS dependency jars"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$BENCH_JDK/bin/java" -version 2>&1 | head -n 1)"
  echo
  echo "Each jar: $CLASSES classes x $METHODS methods summarized, resource $((resource_bytes / DEPS)) bytes on average ($((resource_bytes / 1024)) KiB in all)."
  echo "Project: $FILES files, $((FILES * CALLS)) calls into $((FILES * CALLS)) different jars' methods. javac + Error Prone $EP_VERSION + noescape, fresh JVM per run."
  echo
  echo "| rep | order | (a) without summaries, s | (b) with summaries, s | (b) - (a), ms |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Median: (a) ${med_a} s, (b) ${med_b} s; **median difference ${med_d} ms** (target: at most 200 ms)."
  echo "HeapEscape warnings: (a) $warn_a, (b) $warn_b (the summaries rule out the escapes through m0, m2, ...)."
  echo
  echo "Reading alone (fresh JVM, median of $REPS): the project's $((FILES * CALLS)) lookups, opening the $((FILES * CALLS)) jars they name as the plugin does: **${med_load} ms** wall / ${med_cpu_load} ms CPU of the reading thread. Opening all $DEPS jars' tables of contents afterwards (a whole-class-path reader): ${med_look} ms wall / ${med_cpu_look} ms CPU."
  echo "(On a loaded machine wall times inflate with the load average; the thread's CPU time much less.)"
} | tee "$OUT/../summary-read.md"
