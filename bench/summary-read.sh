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
#      is byte-identical except that it has no summaries resource, and a third one differs only in
#      the called classes' summaries (see (c)).
#   2. Generates a small project (FILES source files, each calling CALLS methods of different jars).
#   3. Compiles it with javac + Error Prone + the noescape plugin (in a fresh JVM each time, as a
#      one-shot build does: nothing is cached between runs), REPS times per configuration,
#      rotating which goes first:
#        (a) the 200 jars without summaries on the class path
#        (b) the same 200 jars with summaries on the class path
#        (c) the same 200 jars with summaries that say what the default for an unknown callee
#            assumes: the findings of (a), so (c) - (a) is the cost of reading alone
#      and reports the medians of the per-repetition differences (c) - (a) and (b) - (a), for wall
#      time, process CPU time and the plugin's own CPU time (-J-Dnoescape.timing=true).
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
# Exactly one build of noescape, the plugin's jar: it carries noescape-core's classes (shaded), so
# javac's processor path and the generator/reader programs below all run the same classes.
plugin_jar=$(pick "$ROOT"/errorprone-plugin/target/noescape-errorprone-*.jar)
[[ -n $plugin_jar ]] || die "build the plugin first (errorprone-plugin/target)"
export JAVA_HOME=$BENCH_JDK
rm -rf "$OUT" && mkdir -p "$OUT"/{gen,with,flat,without,src,logs}

# Error Prone's processor path.
ep_resolve_pom "$OUT/resolve"
mvn -B -ntp -q -o -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:build-classpath" \
  -Dmdep.outputFile="$OUT/ep.classpath" -Dmdep.includeScope=runtime
PP=$(cat "$OUT/ep.classpath"):$plugin_jar

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
      // The control: the same resource, but the called class's summaries say what the default
      // for an unknown callee assumes (every argument escapes, allocation unknown), so the
      // findings are those without summaries and only the reading differs.
      for (int m = 0; m < methods; m++) {
        sums.put(new MethodRef(pkg + ".Api" + d, "m" + m, List.of("java.lang.Object", "java.lang.Object"), "int", true),
            new MethodSummary(List.of(ParamTag.GLOBAL, ParamTag.GLOBAL), false, Allocates.UNKNOWN, "computed"));
      }
      byte[] flat = SummaryWriter.encode(sums, "noescape bench");
      byte[] api = Files.readAllBytes(cls.resolve(pkg + "/Api" + d + ".class"));
      for (String set : List.of("with", "flat", "without")) {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out.resolve(set + "/dep" + d + ".jar")))) {
          z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
          z.write("Manifest-Version: 1.0\n".getBytes());
          z.putNextEntry(new ZipEntry(pkg + "/Api" + d + ".class"));
          z.write(api);
          for (int c = 1; c < classes; c++) {
            z.putNextEntry(new ZipEntry(pkg + "/gen/C" + c + ".class"));
            z.write(api);
          }
          if (!set.equals("without")) {
            z.putNextEntry(new ZipEntry(SummaryIndex.RESOURCE));
            z.write(set.equals("with") ? res : flat);
          }
        }
      }
    }
    System.out.println(total);
  }
}
JAVA
resource_bytes=$("$BENCH_JDK/bin/java" -cp "$plugin_jar" "$OUT/gen/Gen.java" "$OUT" "$DEPS" "$CLASSES" "$METHODS")

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
CP_FLAT=$(cp_of flat)

# The flags javac needs to host Error Prone: the showcase's .mvn/jvm.config, as -J flags.
mapfile -t HOSTING < <(grep -v '^[[:space:]]*$' "$ROOT/testdata/showcase/.mvn/jvm.config" | sed 's/^/-J/')

# compile SET REP -> "wall_s cpu_s plugin_cpu_s reading_ms": the process's wall and CPU (user +
# system, from /usr/bin/time), the plugin's own thread CPU and, inside it, the CPU of reading
# dependency summaries (-J-Dnoescape.timing=true, SelfTiming's exit line).
# On a 2-core machine shared with other work the wall time of a 6 s compilation varies by a second
# from run to run; the CPU figures vary far less, so all three are reported.
compile() {
  local set=$1 rep=$2 cp classes=$OUT/classes-$1 log=$OUT/logs/$1-$2.log tm=$OUT/logs/$1-$2.time
  case $set in with) cp=$CP_WITH ;; flat) cp=$CP_FLAT ;; *) cp=$CP_WITHOUT ;; esac
  rm -rf "$classes" && mkdir -p "$classes"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$tm" "$BENCH_JDK/bin/javac" "${HOSTING[@]}" -J-Dnoescape.timing=true \
    -XDcompilePolicy=simple --should-stop=ifError=FLOW \
    '-Xplugin:ErrorProne -Xep:HeapEscape:WARN' -processorpath "$PP" -cp "$cp" --release 21 -d "$classes" \
    "$OUT"/src/*.java >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "javac failed ($set $rep)"; }
  t1=$(date +%s.%N)
  local plugin reading
  plugin=$(sed -n 's/^noescape timing: .*: \([0-9.]*\) s CPU.*/\1/p' "$log" | tail -n 1)
  reading=$(sed -n 's/^noescape timing: .*reading dependency summaries \([0-9]*\) ms CPU.*/\1/p' "$log" | tail -n 1)
  awk -v a="$t0" -v b="$t1" -v p="${plugin:-NA}" -v r="${reading:-NA}" '{printf "%.3f %.2f %s %s", b - a, $1 + $2, p, r}' "$tm"
}
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) {print v[(NR + 1) / 2]} else {printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}}'; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", (b - a) * 1000}'; }

compile without 0 >/dev/null  # warm-up: page cache, CDS
compile with 0 >/dev/null
compile flat 0 >/dev/null
# Three configurations per repetition, the order rotating so that none always runs first.
wa=() wb=() diff=() cdiff=() pdiff=() fdiff=() fcdiff=() fpdiff=() ra_=() rb_=() rc_=() rows=()
declare -A run
for ((i = 1; i <= REPS; i++)); do
  case $((i % 3)) in
    1) order=(without with flat) ;;
    2) order=(with flat without) ;;
    0) order=(flat without with) ;;
  esac
  for set in "${order[@]}"; do run[$set]=$(compile "$set" "$i"); done
  read -r ta ca pa xa <<<"${run[without]}"
  read -r tb cb pb xb <<<"${run[with]}"
  read -r tf cf pf xf <<<"${run[flat]}"
  ra_+=("$xa"); rb_+=("$xb"); rc_+=("$xf")
  d=$(ms "$ta" "$tb") dc=$(ms "$ca" "$cb") dp=$(ms "$pa" "$pb")
  fd=$(ms "$ta" "$tf") fdc=$(ms "$ca" "$cf") fdp=$(ms "$pa" "$pf")
  wa+=("$ta"); wb+=("$tb"); diff+=("$d"); cdiff+=("$dc"); pdiff+=("$dp"); fdiff+=("$fd"); fcdiff+=("$fdc"); fpdiff+=("$fdp")
  rows+=("| $i | ${order[*]} | $ta / $ca / $pa | $tf / $cf / $pf | $tb / $cb / $pb | $fd / $fdc / $fdp | $d / $dc / $dp | $xa / $xf / $xb |")
  echo "  rep $i (${order[*]}): (c)-(a) wall ${fd} CPU ${fdc} plugin ${fdp} ms; (b)-(a) wall ${d} CPU ${dc} plugin ${dp} ms" >&2
done
# The findings differ because the summaries are used: count HeapEscape warnings of each.
warn_a=$(grep -c 'warning: \[HeapEscape\]' "$OUT/logs/without-1.log" || true)
warn_b=$(grep -c 'warning: \[HeapEscape\]' "$OUT/logs/with-1.log" || true)
warn_c=$(grep -c 'warning: \[HeapEscape\]' "$OUT/logs/flat-1.log" || true)

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
  read -r ms_load ms_look cpu_load cpu_look found nclasses < <("$BENCH_JDK/bin/java" -cp "$plugin_jar" "$OUT/gen/Read.java" "$CP_WITH" "$DEPS" "$METHODS" "$((FILES * CALLS))")
  reads+=("$ms_load"); looks+=("$ms_look"); cpu_reads+=("$cpu_load"); cpu_looks+=("$cpu_look")
done

med() { printf '%s\n' "$@" | median; }
med_a=$(med "${wa[@]}")
med_b=$(med "${wb[@]}")
med_d=$(med "${diff[@]}") med_dc=$(med "${cdiff[@]}") med_dp=$(med "${pdiff[@]}")
med_fd=$(med "${fdiff[@]}") med_fdc=$(med "${fcdiff[@]}") med_fdp=$(med "${fpdiff[@]}")
med_load=$(med "${reads[@]}")
med_look=$(med "${looks[@]}")
med_cpu_load=$(med "${cpu_reads[@]}")
med_cpu_look=$(med "${cpu_looks[@]}")
{
  echo "# Summary reading: $DEPS dependency jars"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$BENCH_JDK/bin/java" -version 2>&1 | head -n 1), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  echo "Each jar: $CLASSES classes x $METHODS methods summarized, resource $((resource_bytes / DEPS)) bytes on average ($((resource_bytes / 1024)) KiB in all)."
  echo "Project: $FILES files, $((FILES * CALLS)) calls into $((FILES * CALLS)) different jars' methods. javac + Error Prone $EP_VERSION + noescape, fresh JVM per run."
  echo "Configurations, the same 200 jars but for the resource: (a) no summaries; (c) summaries that say what the default for an unknown callee assumes (the findings of (a); only the reading differs: **the cost of reading**); (b) the real summaries (fewer findings: **the net effect in practice**)."
  echo "Each cell: wall / process CPU (user + system) / the plugin's own CPU (SelfTiming), seconds; differences in ms."
  echo
  echo "| rep | order | (a) | (c) | (b) | (c) - (a) | (b) - (a) | reading, ms CPU: (a) / (c) / (b) |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Median wall: (a) ${med_a} s, (b) ${med_b} s."
  echo "**The plugin's CPU time spent reading dependency summaries** (finding the jar a call's class came from, opening its resource, decoding the class; SelfTiming), medians: (a) $(med "${ra_[@]}") ms (looking, finding no resource), **(c) $(med "${rc_[@]}") ms**, (b) $(med "${rb_[@]}") ms."
  echo "**Reading, (c) - (a), medians: wall ${med_fd} ms, process CPU ${med_fdc} ms, plugin CPU ${med_fdp} ms** (target: at most 200 ms)."
  echo "In practice, (b) - (a), medians: wall ${med_d} ms, process CPU ${med_dc} ms, plugin CPU ${med_dp} ms."
  echo "HeapEscape warnings: (a) $warn_a, (c) $warn_c, (b) $warn_b (the real summaries rule out the escapes through m0, m2, ...)."
  echo
  echo "Reading alone (fresh JVM, median of $REPS): the project's $((FILES * CALLS)) lookups, opening the $((FILES * CALLS)) jars they name as the plugin does: **${med_load} ms** wall / ${med_cpu_load} ms CPU of the reading thread. Opening all $DEPS jars' tables of contents afterwards (a whole-class-path reader): ${med_look} ms wall / ${med_cpu_look} ms CPU."
  echo "(On a loaded machine wall times inflate with the load average; the thread's CPU time much less.)"
} | tee "$OUT/../summary-read.md"
