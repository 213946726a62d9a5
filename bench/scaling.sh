#!/usr/bin/env bash
# How noescape's whole-program analysis time grows with the size of its input.
#
# What it does
#   Runs the command line over growing sets of real jars from Maven Central, each set the previous
#   one plus more jars (about 10k, 27k, 50k, 75k and 97k methods):
#     1  commons-lang3 3.18.0, commons-collections4 4.5.0
#     2  1 + guava 33.4.8-jre
#     3  2 + jackson-databind 2.19.2, jackson-core 2.19.2, commons-math3 3.6.1
#     4  3 + javaparser-core 3.28.2, org.eclipse.jgit 7.3.0.202506031305-r
#     5  4 + byte-buddy 1.17.5, commons-compress 1.28.0
#   as  java -jar $NOESCAPE_CLI --classpath <the set's runtime dependencies> --json out.json JARS...
#   REPS times each, the order of the sets alternating (odd repetitions smallest first, even ones
#   largest first), each run measured with GNU time (wall, CPU = user + sys of all threads, peak
#   RSS), with --progress so its stderr tells when the front end finished (a rough timing split). The methods of a set are counted in its input jars (bench/count-methods.py: every method,
#   constructor and static initializer of every class; the class path is not counted, it is
#   analyzed for summaries only). Per set it reports the medians and the time per 1,000 methods;
#   the growth is "flat" when the largest time per 1,000 methods is at most 1.25x the smallest
#   (wall and CPU separately). Fixed costs are inside every run, so the smallest set pays the most
#   per method: JVM start and the JDK models (about 1.7 s of CPU on a one-class jar) and above all
#   the JIT compiling noescape's and SootUp's own code (-XX:+CITime on set 1: 14.7 s of the run's
#   21 s of CPU). So it also reports the marginal cost, from each set to the next larger: the added
#   time per 1,000 added methods, in which the fixed costs cancel out; flat when the analysis
#   grows linearly.
#
# Inputs (downloaded once by Maven from Maven Central into target/bench/inputs/scaling/): per set,
#   its jars and their runtime dependencies (maven-dependency-plugin copy-dependencies from a
#   throwaway pom), the set's own jars moved to set<N>/in, the rest in set<N>/lib.
#
# Usage (build the CLI first: mvn -B -ntp -DskipTests package):
#   bench/scaling.sh
#   REPS=1 SETS="1 3" bench/scaling.sh
#   SETS="1 2 3 4 5" bench/scaling.sh        # all five sets
# Environment:
#   REPS=3                 repetitions per set
#   SETS="1 3 5"           which sets (1 to 5; the default keeps a 3-repetition run near 15 min
#                          on 2 cores: set 5 alone costs about 330 s of CPU)
#   NOESCAPE_CLI=analyzer-core/target/noescape-cli.jar   (relative to the checkout, or absolute)
#   JAVA=$(command -v java) the java binary
#   NOESCAPE_JAVA_OPTS=    JVM options (default none: the CLI relaunches itself with the serial GC)
# Output: a markdown report on stdout and in target/bench/scaling.md, the medians in
# target/bench/scaling.tsv (for bench/run.sh); per run the CLI's output and GNU time's in
# target/bench/logs/scaling/.
# Needs: bash, mvn, awk, python3, GNU time (`apt-get install -y time`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OUT=$ROOT/target/bench
IN=$OUT/inputs/scaling
LOGS=$OUT/logs/scaling
RES=$OUT/out
REPS=${REPS:-3}
SETS=${SETS:-1 3 5}
NOESCAPE_CLI=${NOESCAPE_CLI:-analyzer-core/target/noescape-cli.jar}
[[ $NOESCAPE_CLI == /* ]] || NOESCAPE_CLI=$ROOT/$NOESCAPE_CLI
JAVA=${JAVA:-$(command -v java || true)}
NOESCAPE_JAVA_OPTS=${NOESCAPE_JAVA_OPTS:-}

# The jars each set adds to the previous one.
ADDED=(
  ""
  "org.apache.commons:commons-lang3:3.18.0 org.apache.commons:commons-collections4:4.5.0"
  "com.google.guava:guava:33.4.8-jre"
  "com.fasterxml.jackson.core:jackson-databind:2.19.2 com.fasterxml.jackson.core:jackson-core:2.19.2 org.apache.commons:commons-math3:3.6.1"
  "com.github.javaparser:javaparser-core:3.28.2 org.eclipse.jgit:org.eclipse.jgit:7.3.0.202506031305-r"
  "net.bytebuddy:byte-buddy:1.17.5 org.apache.commons:commons-compress:1.28.0"
)
# coordinates N -> the coordinates of set N, space-separated
coordinates() { local i out=""; for ((i = 1; i <= $1; i++)); do out+=" ${ADDED[$i]}"; done; echo $out; }

[[ $REPS =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive integer, not '$REPS'"
for s in $SETS; do [[ $s =~ ^[1-5]$ ]] || die "unknown set '$s' in SETS (known: 1 2 3 4 5)"; done
[[ -n $JAVA && -x $JAVA ]] || die "no java binary: set JAVA=/path/to/bin/java"
command -v mvn >/dev/null || die "mvn is not on PATH"
command -v python3 >/dev/null || die "python3 is not installed"
has_gnu_time || die "GNU time not found at /usr/bin/time (apt-get install -y time)"
[[ -s $NOESCAPE_CLI ]] || die "noescape CLI not found at $NOESCAPE_CLI: build it (mvn -B -ntp -DskipTests package) or set NOESCAPE_CLI"
mkdir -p "$IN" "$LOGS" "$RES"

# 1. Inputs, fetched once per set.
for s in $SETS; do
  dir=$IN/set$s
  [[ -f $dir/methods.tsv ]] && continue
  echo "Fetching scaling set $s: $(coordinates "$s")..." >&2
  rm -rf "$dir"
  deps=""
  for c in $(coordinates "$s"); do
    IFS=: read -r g a v <<<"$c"
    deps+="<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  empty_pom "$dir" "scaling-set$s" "<dependencies>$deps</dependencies>"
  fetch "$dir/mvn.log" -f "$dir/pom.xml" "$DEP_PLUGIN:copy-dependencies" -DincludeScope=runtime -DoutputDirectory="$dir/lib"
  mkdir -p "$dir/in"
  for c in $(coordinates "$s"); do
    IFS=: read -r _ a v <<<"$c"
    mv "$dir/lib/$a-$v.jar" "$dir/in/" || die "set $s: $a-$v.jar was not downloaded"
  done
  python3 "$ROOT/bench/count-methods.py" "$dir"/in/*.jar > "$dir/methods.tsv.tmp"
  mv "$dir/methods.tsv.tmp" "$dir/methods.tsv"
done

# 2. Runs. measure SET REP -> "wall_seconds cpu_seconds peak_rss_kb"; stops on an exit code other
# than 0 (no findings) or 1 (findings).
measure() {
  local s=$1 rep=$2 dir=$IN/set$1 cp base rc=0 t0 t1
  cp=$(find "$dir/lib" -name '*.jar' 2>/dev/null | sort | paste -sd: -)
  base=$LOGS/set$s-$rep
  rm -f "$RES/scaling-set$s.json"
  # shellcheck disable=SC2086
  local cmd=("$JAVA" $NOESCAPE_JAVA_OPTS -jar "$NOESCAPE_CLI" --progress ${cp:+--classpath "$cp"}
    --json "$RES/scaling-set$s.json" "$dir"/in/*.jar)
  printf '%q ' "${cmd[@]}" > "$base.cmd"
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$base.time" "${cmd[@]}" >"$base.out" 2>"$base.err" || rc=$?
  t1=$(date +%s.%N)
  if [[ ! ($rc == 0 || $rc == 1) || ! -s $RES/scaling-set$s.json ]]; then
    tail -n 40 "$base.err" >&2
    die "noescape failed on scaling set $s (rep $rep, exit code $rc); command: $base.cmd"
  fi
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}') $(time_cpu "$base.time") $(time_rss "$base.time") $(front_end_seconds "$base.err")"
}
# front_end_seconds ERR: seconds into the analysis when the front end (loading and lowering the
# classes) was last seen at work, from the --progress lines (one every 2 s: "analyzing: 812/1,970
# classes, 6.1 s", then "analyzing: solving 4,000/15,700, 9.3 s"); NA for a run under 2 s
front_end_seconds() {
  awk '/^analyzing: .* classes, [0-9.]+ s$/ {t = $(NF - 1)} END {print (t == "" ? "NA" : t)}' "$1"
}

ascending=$(printf '%s\n' $SETS | sort -n | paste -sd' ' -)
descending=$(printf '%s\n' $SETS | sort -rn | paste -sd' ' -)
for s in $SETS; do find "$IN/set$s" -name '*.jar' -exec cat {} + > /dev/null; done # into the page cache
load_before=$(loadavg)
start=$(date -u '+%Y-%m-%d %H:%M UTC')
declare -A walls cpus rsss fronts
for ((i = 1; i <= REPS; i++)); do
  order=$ascending
  ((i % 2)) || order=$descending
  for s in $order; do
    read -r w c r f <<<"$(measure "$s" "$i")"
    walls[$s]+="$w " cpus[$s]+="$c " rsss[$s]+="$r " fronts[$s]+="$f "
    echo "  rep $i, set $s: ${w}s wall, ${c}s CPU, $(mb "$r") MB" >&2
  done
done
load_after=$(loadavg)

rows=() tsv=() wper=() cper=()
declare -A med_wall med_cpu n_methods
for s in $SETS; do
  read -r _ classes methods < <(tail -n 1 "$IN/set$s/methods.tsv")
  # shellcheck disable=SC2086
  mw=$(med ${walls[$s]}) mc=$(med ${cpus[$s]}) mr=$(med ${rsss[$s]}) mf=$(med ${fronts[$s]})
  pw=$(awk -v t="$mw" -v m="$methods" 'BEGIN {printf "%.3f", 1000 * t / m}')
  pc=$(awk -v t="$mc" -v m="$methods" 'BEGIN {printf "%.3f", 1000 * t / m}')
  wper+=("$pw") cper+=("$pc")
  med_wall[$s]=$mw med_cpu[$s]=$mc n_methods[$s]=$methods
  jars=$(awk -F'\t' '$1 != "total" {n = split($1, p, "/"); printf "%s%s", (NR > 1 ? ", " : ""), p[n]}' "$IN/set$s/methods.tsv")
  ndeps=$(find "$IN/set$s/lib" -name '*.jar' | wc -l)
  rows+=("| $s | $jars | $ndeps | $classes | $methods | ${walls[$s]% } | **$mw** | **$mc** | $(mb "$mr") | **$pw** | **$pc** | $mf |")
  tsv+=("$s	$classes	$methods	$mw	$mc	$mr	$pw	$pc")
done
# spread VALUES...: largest / smallest (NA for fewer than two sets: nothing to compare)
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {if (NR > 1 && lo > 0) printf "%.3f", hi / lo; else print "NA"}'; }
sw=$(spread "${wper[@]}") sc=$(spread "${cper[@]}")
# The marginal cost: from one set to the next larger, the added time per added 1,000 methods. The
# fixed costs of a run (JVM start, the JDK models, and above all the JIT compiling noescape's and
# SootUp's own code, which is most of the smallest set's CPU time) cancel out, so this is how the
# analysis itself grows: flat when it grows linearly, rising when it grows faster.
mrows=() mwper=() mcper=() prev=""
for s in $ascending; do
  if [[ -n $prev ]]; then
    dm=$(( n_methods[$s] - n_methods[$prev] ))
    if (( dm > 0 )); then
      mw=$(awk -v a="${med_wall[$prev]}" -v b="${med_wall[$s]}" -v m="$dm" 'BEGIN {printf "%.3f", 1000 * (b - a) / m}')
      mc=$(awk -v a="${med_cpu[$prev]}" -v b="${med_cpu[$s]}" -v m="$dm" 'BEGIN {printf "%.3f", 1000 * (b - a) / m}')
      mwper+=("$mw") mcper+=("$mc")
      mrows+=("| $prev → $s | $dm | **$mw** | **$mc** |")
    fi
  fi
  prev=$s
done
msw=$(spread "${mwper[@]}") msc=$(spread "${mcper[@]}")
verdict() { awk -v x="$1" 'BEGIN {print (x != "NA" && x <= 1.25) ? "flat (within 25 %)" : "NOT flat (over 25 %)"}'; }

{
  echo "# noescape: analysis time against input size"
  echo
  echo "- date: $start (started), $(date -u '+%Y-%m-%d %H:%M UTC') (finished)"
  echo "- machine: $(machine)"
  echo "- java: \`$JAVA\` → $("$JAVA" -version 2>&1 | head -n 1)"
  echo "- noescape: \`java ${NOESCAPE_JAVA_OPTS:+$NOESCAPE_JAVA_OPTS }-jar $NOESCAPE_CLI --classpath <deps> --json <out> <jars>\`"
  echo "- $REPS repetitions per set, set order alternating (odd: smallest first); wall time of the process (JVM start included), CPU = user + sys of all threads, peak RSS from GNU time; methods counted in the input jars (bench/count-methods.py)"
  echo "- load average (1, 5, 15 min) before: $load_before, after: $load_after"
  echo
  echo "| set | input jars | class path jars | classes | methods | wall s (each rep) | wall s median | CPU s median | peak RSS MB | wall s / 1k methods | CPU s / 1k methods | front end done at s |"
  echo "|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "\"front end done at\": median seconds into the analysis (after JVM start) of the last --progress line of the loading/lowering phases (±2 s); the rest of the wall time is the engine, the rules and the report."
  echo
  echo "Largest / smallest time per 1,000 methods: **$sw** wall ($(verdict "$sw")), **$sc** CPU ($(verdict "$sc")). Every run pays the fixed costs (JVM start, JIT warm-up), which the smallest set spreads over the fewest methods."
  if ((${#mrows[@]} > 0)); then
    echo
    echo "Marginal cost, from each set to the next larger (medians): the added time per 1,000 added methods, in which the fixed costs cancel out."
    echo
    echo "| sets | methods added | wall s / 1k added methods | CPU s / 1k added methods |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${mrows[@]}"
    echo
    echo "Largest / smallest marginal time per 1,000 methods: **$msw** wall ($(verdict "$msw")), **$msc** CPU ($(verdict "$msc"))."
  fi
} | tee "$OUT/scaling.md"
{
  printf 'set\tclasses\tmethods\twall\tcpu\trss_kb\twall_per_1k\tcpu_per_1k\n'
  printf '%s\n' "${tsv[@]}"
  printf 'spread\t\t\t\t\t\t%s\t%s\n' "$sw" "$sc"
  printf 'marginal_spread\t\t\t\t\t\t%s\t%s\n' "$msw" "$msc"
} > "$OUT/scaling.tsv"
