#!/usr/bin/env bash
# Compile-time overhead of the noescape Error Prone plugin.
#
# What it does
#   Compiles every main source file of Apache Commons Lang 3.18.0 (downloaded as the
#   org.apache.commons:commons-lang3:3.18.0:jar:sources artifact; it needs no other jar) with
#   JDK 25's javac, REPS times in each of two configurations, alternating which one goes first:
#     (a) javac + Error Prone 2.52.0 with its default checks
#     (b) the same + the noescape plugin on the processor path (its default checks on)
#   and reports wall time and peak RSS of each javac process, the medians and the ratio (b)/(a),
#   and the plugin's own CPU time inside (b) (javac -J-Dnoescape.timing=true) as a share of (b):
#   on a shared 2-core machine whole-run times vary by ~10 %, more than the plugin costs.
#   javac runs Error Prone in-process as Maven does (-XDcompilePolicy=simple
#   --should-stop=ifError=FLOW -Xplugin:ErrorProne, the ten --add-exports/--add-opens as -J flags),
#   plus -XepAllErrorsAsWarnings: Error Prone's default ERROR checks find 7 problems in
#   commons-lang3 (BoxedPrimitiveEquality, CompareToZero, ...), which would stop javac before
#   code generation. Both configurations run every check and generate all class files.
#
# Usage (from anywhere; the plugin must be built first, e.g. `mvn -B -ntp -DskipTests package`):
#   bench/compile-overhead.sh
# Environment:
#   REPS=5                      repetitions (each compiles twice)
#   BENCH_JDK=/usr/lib/jvm/temurin-25-jdk-amd64   JDK whose javac is measured (21+)
#   RELEASE=21                  javac --release
#   JAVAC_OPTS=                 extra javac flags, e.g. "-J-Xmx2g"
#   NOESCAPE_PROCESSOR_PATH=    jars of the plugin and its runtime dependencies, ':'-separated;
#                               default: errorprone-plugin/target/noescape-errorprone-*.jar of this
#                               checkout (one jar, it carries noescape-core; a checkout from before
#                               that needs its analyzer-core/target/noescape-core-*.jar added)
#   ONLY_A=1                    measure configuration (a) only (no plugin needed)
#   ONLY_B=1                    measure configuration (b) only: the plugin's own CPU and (b)'s wall
#                               time, for comparing two plugin builds run one after the other
#   BENCH_OUT=target/bench      where inputs, logs and the report go (two runs at once need two)
#   WARMUP=1                    0: no unmeasured warm-up compilation (when runs follow each other)
# Output: a markdown report on stdout and in target/bench/compile-overhead.md (the medians also
# in target/bench/compile-overhead.tsv, for bench/run.sh); javac logs of
# every run in target/bench/logs/.
# Peak RSS needs GNU time (/usr/bin/time -v): `apt-get install -y time` if it is missing;
# without it only wall time is measured.
# Needs: bash, mvn (to download the sources and resolve Error Prone), unzip, awk.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/target/bench}
REPS=${REPS:-5}
BENCH_JDK=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
RELEASE=${RELEASE:-21}
JAVAC_OPTS=${JAVAC_OPTS:-}
ONLY_A=${ONLY_A:-0}
ONLY_B=${ONLY_B:-0}
WARMUP=${WARMUP:-1}
EP_VERSION=2.52.0
LANG3=org.apache.commons:commons-lang3:3.18.0
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
[[ -x $BENCH_JDK/bin/javac ]] || die "no javac in BENCH_JDK=$BENCH_JDK"
command -v mvn >/dev/null || die "mvn is not on PATH"
command -v unzip >/dev/null || die "unzip is not installed"
TIME=""
if has_gnu_time; then
  TIME=/usr/bin/time
else
  echo "note: GNU time not found (apt-get install -y time); measuring wall time only" >&2
fi

mkdir -p "$OUT/logs"
export JAVA_HOME=$BENCH_JDK

# 1. Sources of commons-lang3 and the Error Prone processor path, resolved by Maven (from a
#    throwaway pom under target/bench, so the checkout's own build is not involved).
src=$OUT/commons-lang3-src
ep_resolve_pom "$OUT/resolve"
if [[ ! -s $OUT/sources.txt ]]; then
  mvn -B -ntp -q -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:copy" -Dartifact="$LANG3:jar:sources" \
    -DoutputDirectory="$OUT/download"
  rm -rf "$src" && mkdir -p "$src"
  unzip -q "$OUT"/download/commons-lang3-*-sources.jar -d "$src"
  # Main sources only (the sources jar has no tests); module-info is left out: plain classpath build.
  find "$src" -name '*.java' ! -name module-info.java | sort > "$OUT/sources.txt"
fi
if [[ ! -s $OUT/ep.classpath ]]; then
  mvn -B -ntp -q -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:build-classpath" \
    -Dmdep.outputFile="$OUT/ep.classpath" -Dmdep.includeScope=runtime
fi
EP_PATH=$(cat "$OUT/ep.classpath")

# 2. The noescape jars.
NE_PATH=""
if [[ $ONLY_A != 1 ]]; then
  if [[ -n ${NOESCAPE_PROCESSOR_PATH:-} ]]; then
    NE_PATH=$NOESCAPE_PROCESSOR_PATH
  else
    pick() { ls "$@" 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' -e '-javadoc\.jar$' | head -n 1; }
    plugin_jar=$(pick "$ROOT"/errorprone-plugin/target/noescape-errorprone-*.jar)
    [[ -n $plugin_jar ]] ||
      die "plugin jar not found under $ROOT/errorprone-plugin/target: run 'mvn -B -ntp -DskipTests package' first, set NOESCAPE_PROCESSOR_PATH, or ONLY_A=1"
    NE_PATH=$plugin_jar
  fi
fi

HOSTING=(
  -J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  -J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  -J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED
  -J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED
)

# compile VARIANT REP -> prints "wall_seconds cpu_seconds peak_rss_kb" (cpu = user + sys)
compile() {
  local variant=$1 rep=$2 pp=$EP_PATH timing=()
  # (b) also asks the plugin for its own CPU time (SelfTiming), printed at exit: the plugin's
  # share of the compilation, free of the run-to-run noise of whole-process timings.
  [[ $variant == b ]] && pp=$EP_PATH:$NE_PATH && timing=(-J-Dnoescape.timing=true)
  local classes=$OUT/classes-$variant log=$OUT/logs/$variant-$rep.log tlog=$OUT/logs/$variant-$rep.time
  rm -rf "$classes" && mkdir -p "$classes"
  # shellcheck disable=SC2086
  local cmd=("$BENCH_JDK/bin/javac" "${HOSTING[@]}" "${timing[@]}" $JAVAC_OPTS
    -XDcompilePolicy=simple --should-stop=ifError=FLOW '-Xplugin:ErrorProne -XepAllErrorsAsWarnings'
    -processorpath "$pp" --release "$RELEASE" -encoding UTF-8 -Xmaxwarns 100000
    -d "$classes" "@$OUT/sources.txt")
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  if [[ -n $TIME ]]; then
    "$TIME" -v -o "$tlog" "${cmd[@]}" >"$log" 2>&1 || rc=$?
  else
    "${cmd[@]}" >"$log" 2>&1 || rc=$?
  fi
  t1=$(date +%s.%N)
  if [[ $rc != 0 ]]; then
    tail -n 30 "$log" >&2
    die "javac ($variant, rep $rep) failed with exit code $rc; log: $log"
  fi
  local rss=NA cpu=NA
  if [[ -n $TIME ]]; then
    rss=$(time_rss "$tlog")
    cpu=$(time_cpu "$tlog")
  fi
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}') $cpu $rss"
}

nfiles=$(wc -l < "$OUT/sources.txt")
nlines=$(xargs cat < "$OUT/sources.txt" | wc -l)
echo "Compiling $nfiles files ($nlines lines) of $LANG3, $REPS repetitions..." >&2

# Warm-up (not measured): file cache and the JDK's CDS archive.
if [[ $WARMUP == 1 ]]; then
  if [[ $ONLY_B == 1 ]]; then compile b 0 >/dev/null; else compile a 0 >/dev/null; fi
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
wa=() wb=() ca=() cb=() ra=() rb=() wr=() cr=()
for ((i = 1; i <= REPS; i++)); do
  tb=NA cpb=NA mb_=NA
  if [[ $ONLY_A == 1 ]]; then
    res=$(compile a "$i"); read -r ta cpa ma <<<"$res"; order=a
  elif [[ $ONLY_B == 1 ]]; then
    res=$(compile b "$i"); read -r tb cpb mb_ <<<"$res"; ta=NA cpa=NA ma=NA; order=b
  elif ((i % 2)); then
    res=$(compile a "$i"); read -r ta cpa ma <<<"$res"
    res=$(compile b "$i"); read -r tb cpb mb_ <<<"$res"; order="a, b"
  else
    res=$(compile b "$i"); read -r tb cpb mb_ <<<"$res"
    res=$(compile a "$i"); read -r ta cpa ma <<<"$res"; order="b, a"
  fi
  wa+=("$ta"); ca+=("$cpa"); ra+=("$ma")
  r_w=$(ratio "$ta" "$tb"); r_c=$(ratio "$cpa" "$cpb")
  if [[ $tb != NA ]]; then
    wb+=("$tb"); cb+=("$cpb"); rb+=("$mb_"); wr+=("$r_w"); cr+=("$r_c")
  fi
  rows+=("| $i | $order | $ta | $cpa | $(mb "$ma") | $tb | $cpb | $(mb "$mb_") | $r_w | $r_c |")
  echo "  rep $i ($order): a=${ta}s wall/${cpa}s cpu  b=${tb}s wall/${cpb}s cpu" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

med_wa=$(med "${wa[@]}") med_ca=$(med "${ca[@]}") med_ra=$(med "${ra[@]}")
med_wb=$(med "${wb[@]}") med_cb=$(med "${cb[@]}") med_rb=$(med "${rb[@]}")
med_wr=$(med "${wr[@]}") med_cr=$(med "${cr[@]}")
count() { grep -c "$1" "$2" 2>/dev/null || true; }
ep_warn_a=$(count 'warning: \[' "$OUT/logs/a-1.log")
ne_warn_b=NA
if [[ -f $OUT/logs/b-1.log ]]; then
  ne_warn_b=$(grep -c -E 'warning: \[(HeapEscape|LeakingParameter|BoxingAllocation|VarargsAllocation|CapturingLambda|UnpresizedCollection|HashMapCapacity|StringConcatInLoop|AllocationContract)\]' "$OUT/logs/b-1.log" || true)
fi

# The plugin's own CPU seconds per (b) run (SelfTiming's line), and its share of that run's javac CPU.
self_cpu=() self_share=()
for ((i = 1; i <= REPS; i++)); do
  sc=$(sed -n 's/^noescape timing: .*: \([0-9.]*\) s CPU.*/\1/p' "$OUT/logs/b-$i.log" 2>/dev/null | tail -n 1)
  [[ -n $sc ]] || continue
  self_cpu+=("$sc")
  self_share+=("$(awk -v s="$sc" -v c="${cb[$((i - 1))]}" 'BEGIN { if (c > 0) printf "%.4f", s / c; else print "NA" }')")
done
med_sc=$(med "${self_cpu[@]}") med_ss=$(med "${self_share[@]}")

{
  echo "# noescape compile overhead"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)"
  echo "- JDK: $("$BENCH_JDK/bin/java" -version 2>&1 | head -n 1) ($BENCH_JDK)"
  echo "- input: $LANG3 main sources, $nfiles files, $nlines lines, \`--release $RELEASE\`"
  echo "- (a) javac + Error Prone $EP_VERSION, default checks ($ep_warn_a warnings in run 1)"
  echo "- (b) (a) + noescape plugin, default checks ($ne_warn_b noescape warnings in run 1); processor path adds: ${NE_PATH:-none}"
  echo "- $REPS repetitions after one unmeasured warm-up of (a); order alternates; wall time of the javac process, peak RSS from GNU time"
  echo "- load average (1, 5, 15 min) before: $load_before, after: $load_after; $(nproc) CPUs shared with other work make wall time noisy, CPU time (user + sys of javac) less so"
  echo
  echo "| rep | order | (a) wall s | (a) CPU s | (a) peak RSS MB | (b) wall s | (b) CPU s | (b) peak RSS MB | (b)/(a) wall | (b)/(a) CPU |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo "| **median** | | **$med_wa** | **$med_ca** | **$(mb "$med_ra")** | **$med_wb** | **$med_cb** | **$(mb "$med_rb")** | **$med_wr** | **$med_cr** |"
  echo
  echo "Median of the per-repetition ratios (b)/(a): **$med_wr** wall time, **$med_cr** CPU time (ratios of the medians: $(ratio "$med_wa" "$med_wb") wall, $(ratio "$med_ca" "$med_cb") CPU)."
  echo
  echo "The plugin's own CPU time inside (b) (javac -J-Dnoescape.timing=true: front end, engine, rules, fixes and reporting, all checkers): median **$med_sc s**, **$(awk -v x="$med_ss" 'BEGIN { if (x == "NA") print "NA"; else printf "%.1f %%", 100 * x }')** of (b)'s javac CPU time (per run: ${self_cpu[*]:-NA} s)."
} | tee "$OUT/compile-overhead.md"
# The medians for bench/run.sh's summary (RSS in KB; plugin_share: its own CPU / (b)'s javac CPU).
{
  printf 'a_wall\tb_wall\twall_ratio\ta_cpu\tb_cpu\tcpu_ratio\ta_rss_kb\tb_rss_kb\tplugin_cpu\tplugin_share\n'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$med_wa" "$med_wb" "$med_wr" "$med_ca" "$med_cb" "$med_cr" "$med_ra" "$med_rb" "$med_sc" "$med_ss"
} > "$OUT/compile-overhead.tsv"
