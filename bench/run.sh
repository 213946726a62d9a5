#!/usr/bin/env bash
# noescape's benchmark harness: one command, three measurements, one table.
#
# What it does
#   Runs, in one invocation, each part with alternating repetitions (REPS, median of each):
#     spotbugs  the command line's whole-program analysis vs SpotBugs 4.9.8 + sb-contrib 7.7.4 on
#               guava 33.4.8-jre, commons-lang3 3.18.0 and jackson-databind 2.19.2: wall, CPU, peak
#               RSS and the ratios noescape / SpotBugs           (bench/bytecode-vs-spotbugs.sh)
#     compile   commons-lang3 3.18.0's sources compiled with javac + Error Prone's default checks
#               vs the same + the noescape plugin: the ratio (b)/(a)  (bench/compile-overhead.sh)
#     scaling   the command line over growing sets of real jars (about 10k, 50k and 97k methods):
#               time per 1,000 methods per set, flat when within 25 %  (bench/scaling.sh)
#   Every input is downloaded from Maven Central by coordinates (mvn dependency:copy /
#   copy-dependencies into target/bench/inputs/, once; nothing is committed). Each part's script
#   documents exactly what it runs and writes its own full report; this one collects the medians,
#   checks them against issue 6's targets and writes target/bench/results.md: date, machine (CPU
#   model, cores, memory, load average), JDK, noescape commit, the targets table, the medians and
#   ratios of every part, then each part's full report.
#
# Usage (from anywhere; first build noescape in this checkout, WITHOUT installing it:
#   mvn -B -ntp -DskipTests package     -> analyzer-core/target/noescape-cli.jar and the plugin jars
#   errorprone-plugin/target/noescape-errorprone-*.jar, which carries noescape-core):
#   bench/run.sh                                   # everything: about 30 min on 2 idle cores
#   PARTS=compile REPS=1 bench/run.sh              # a quick look at one part
#   PARTS="spotbugs scaling" JARS=guava SETS="1 3" bench/run.sh
# Environment:
#   PARTS="spotbugs compile scaling"   which parts, in this order
#   REPS=3                 repetitions of every part (each part's median is over REPS runs)
#   BENCH_JDK=$JAVA_HOME   the JDK that runs everything (javac of the compile part, java of the
#                          others); default $JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64
#   REPORT_ONLY=1          run nothing: write results.md again from the parts' last results
#                          (target/bench/*.tsv and *.md), e.g. after running parts one by one
#   JARS=, SETS=, SPOTBUGS_JAVA_OPTS=, NOESCAPE_JAVA_OPTS=, NOESCAPE_CLI=, NOESCAPE_PROCESSOR_PATH=
#                          passed on to the parts' scripts (see their headers)
# Output: target/bench/results.md (also printed); the parts' reports target/bench/{bytecode-vs-
# spotbugs,compile-overhead,scaling}.md; logs under target/bench/logs/.
# Exit status: 0 when every part ran (whether or not the targets are met), 1 when a part failed.
# Needs: bash, mvn, python3, awk, unzip, tar, GNU time (`apt-get install -y time`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OUT=$ROOT/target/bench
PARTS=${PARTS:-spotbugs compile scaling}
REPS=${REPS:-3}
REPORT_ONLY=${REPORT_ONLY:-0}
BENCH_JDK=${BENCH_JDK:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
[[ -x $BENCH_JDK/bin/javac ]] || die "no JDK at BENCH_JDK=$BENCH_JDK (set BENCH_JDK or JAVA_HOME)"
export BENCH_JDK REPS JAVA=$BENCH_JDK/bin/java JAVA_HOME=$BENCH_JDK
for p in $PARTS; do
  case $p in spotbugs | compile | scaling) ;; *) die "unknown part '$p' in PARTS (known: spotbugs compile scaling)" ;; esac
done
mkdir -p "$OUT"

# The parts, each its own script and report. A part that fails stops the harness (set -e).
script() { case $1 in spotbugs) echo bytecode-vs-spotbugs ;; compile) echo compile-overhead ;; scaling) echo scaling ;; esac; }
start=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(loadavg)
for p in $PARTS; do
  if [[ $REPORT_ONLY == 1 ]]; then
    [[ -s $OUT/$(script "$p").tsv ]] || die "REPORT_ONLY=1: no $OUT/$(script "$p").tsv: run part '$p' first"
    continue
  fi
  rm -f "$OUT/$(script "$p").tsv"
  echo "== $p: bench/$(script "$p").sh (REPS=$REPS)" >&2
  "$ROOT/bench/$(script "$p").sh" > /dev/null || die "part '$p' failed (bench/$(script "$p").sh)"
done
load_after=$(loadavg)

# col FILE ROW_KEY COLUMN_NAME: a value of a part's TSV (first column = row key; '-' = one-row file)
col() {
  awk -F'\t' -v key="$2" -v name="$3" 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
    (key == "-" || $1 == key) && (name in c) {print $c[name]; exit}' "$1"
}
# check VALUE LIMIT: met / MISSED / not measured
check() { awk -v x="$1" -v l="$2" 'BEGIN {if (x == "NA" || x == "") print "not measured"; else print (x <= l) ? "met" : "**MISSED**"}'; }
targets=() medians=()
has() { [[ " $PARTS " == *" $1 "* ]]; }
if has spotbugs; then
  t=$OUT/bytecode-vs-spotbugs.tsv
  w=$(col "$t" guava wall_ratio) r=$(col "$t" guava rss_ratio)
  targets+=("| guava: noescape wall / SpotBugs wall | ≤ 0.5 | ${w:-NA} | $(check "${w:-NA}" 0.5) |")
  targets+=("| guava: noescape peak RSS / SpotBugs peak RSS | ≤ 1.0 | ${r:-NA} | $(check "${r:-NA}" 1.0) |")
  medians+=("### CLI vs SpotBugs + sb-contrib (medians; ratio = noescape / SpotBugs, median of per-repetition ratios)" ""
    "| jar | SpotBugs wall s | noescape wall s | wall ratio | SpotBugs CPU s | noescape CPU s | CPU ratio | SpotBugs RSS MB | noescape RSS MB | RSS ratio |"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
  while IFS=$'\t' read -r jar sw nw wr sc nc cr sr nr rr; do
    medians+=("| $jar | $sw | $nw | **$wr** | $sc | $nc | **$cr** | $(mb "$sr") | $(mb "$nr") | **$rr** |")
  done < <(tail -n +2 "$t")
  medians+=("")
fi
if has compile; then
  t=$OUT/compile-overhead.tsv
  w=$(col "$t" - wall_ratio) c=$(col "$t" - cpu_ratio)
  targets+=("| commons-lang3 compile: with plugin / without (wall) | ≤ 1.05 | $w | $(check "$w" 1.05) |")
  targets+=("| commons-lang3 compile: with plugin / without (CPU) | ≤ 1.05 | $c | $(check "$c" 1.05) |")
  share=$(col "$t" - plugin_share)
  medians+=("### commons-lang3 compile: (a) javac + Error Prone defaults, (b) (a) + noescape (medians)" ""
    "| (a) wall s | (b) wall s | (b)/(a) wall | (a) CPU s | (b) CPU s | (b)/(a) CPU | (a) RSS MB | (b) RSS MB | plugin's own CPU s | share of (b)'s CPU |"
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    "| $(col "$t" - a_wall) | $(col "$t" - b_wall) | **$w** | $(col "$t" - a_cpu) | $(col "$t" - b_cpu) | **$c** | $(mb "$(col "$t" - a_rss_kb)") | $(mb "$(col "$t" - b_rss_kb)") | $(col "$t" - plugin_cpu) | $(awk -v x="$share" 'BEGIN {if (x == "NA") print "NA"; else printf "%.1f %%", 100 * x}') |"
    "")
fi
if has scaling; then
  t=$OUT/scaling.tsv
  w=$(col "$t" spread wall_per_1k) c=$(col "$t" spread cpu_per_1k)
  targets+=("| scaling: largest / smallest wall s per 1,000 methods | ≤ 1.25 | $w | $(check "$w" 1.25) |")
  targets+=("| scaling: largest / smallest CPU s per 1,000 methods | ≤ 1.25 | $c | $(check "$c" 1.25) |")
  mw=$(col "$t" marginal_spread wall_per_1k) mc=$(col "$t" marginal_spread cpu_per_1k)
  targets+=("| scaling, marginal (fixed costs cancelled): largest / smallest wall s per 1,000 added methods | ≤ 1.25 | ${mw:-NA} | $(check "${mw:-NA}" 1.25) |")
  targets+=("| scaling, marginal: largest / smallest CPU s per 1,000 added methods | ≤ 1.25 | ${mc:-NA} | $(check "${mc:-NA}" 1.25) |")
  medians+=("### Scaling: the CLI over growing jar sets (medians)" ""
    "| set | classes | methods | wall s | CPU s | peak RSS MB | wall s / 1k methods | CPU s / 1k methods |"
    "|---:|---:|---:|---:|---:|---:|---:|---:|")
  while IFS=$'\t' read -r s cl m wl cp rs pw pc; do
    [[ $s == spread || $s == marginal_spread ]] && continue
    medians+=("| $s | $cl | $m | $wl | $cp | $(mb "$rs") | **$pw** | **$pc** |")
  done < <(tail -n +2 "$t")
  medians+=("")
fi

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]] || commit+=" (with uncommitted changes)"
{
  echo "# noescape benchmark harness (bench/run.sh)"
  echo
  if [[ $REPORT_ONLY == 1 ]]; then
    echo "- date: $start (report only, from the parts' last runs; their dates are in the full reports below)"
  else
    echo "- date: $start (started), $(date -u '+%Y-%m-%d %H:%M UTC') (finished)"
  fi
  echo "- machine: $(machine)"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -n 1) ($BENCH_JDK)"
  reps_note="$REPS alternating repetitions each, medians"
  [[ $REPORT_ONLY == 1 ]] && reps_note="repetitions as in each part's report"
  echo "- noescape: commit $commit; parts: $PARTS; $reps_note"
  [[ $REPORT_ONLY == 1 ]] ||
    echo "- load average (1, 5, 15 min) before: $load_before, after: $load_after (a shared machine: the ratios, measured side by side, matter more than the absolute times)"
  echo
  echo "## Targets (issue 6)"
  echo
  echo "| target | limit | measured | |"
  echo "|---|---:|---:|---|"
  printf '%s\n' "${targets[@]}"
  echo
  echo "## Medians"
  echo
  printf '%s\n' "${medians[@]}"
  for p in $PARTS; do
    echo "## Full report: bench/$(script "$p").sh"
    echo
    # the part's own report, its headings one level down
    sed 's/^#/##/' "$OUT/$(script "$p").md"
    echo
  done
} | tee "$OUT/results.md"
