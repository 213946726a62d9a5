#!/usr/bin/env bash
# A robustness sweep: noescape's command line over many real jars, one at a time, each alone.
#
# What it does
#   Lists every *.jar under SWEEP_DIR (default: the local Maven repository ~/.m2/repository), leaving
#   out -sources, -javadoc and -tests jars and noescape's own artifacts (dev/noescape), sorted by
#   path (LC_ALL=C, so the order and a LIMIT prefix are deterministic). For each jar it runs
#     timeout -k 5 $TIMEOUT $JAVA -jar $NOESCAPE_CLI --fail-on never --json <out>.json JAR
#   with no class path (the jar is the whole program: everything it references outside itself is
#   missing, which the analysis must survive), one jar at a time, and records:
#     classes_jar     .class entries in the jar (multi-release versions/ included), counted by the
#                     script from the zip listing (the CLI's own count is classes_total)
#     classes_total   classes in the input, classes_analyzed of those analyzed completely: the JSON
#                     report's summary.classes, or (older CLIs) the summary line on stderr
#                     (noescape: N findings (...) in M classes (K not fully analyzed, see notes))
#     notes           the JSON report's notes (one per class or input the run could not do), and
#                     the first one
#     findings        the JSON report's summary.total (all rules at their default severities)
#     wall_s          wall time of the process (JVM start included)
#     exit            the CLI's exit status (124/137: killed by timeout)
#     status          ok | timeout (killed at TIMEOUT) | crash (exit 2, or a stack trace / uncaught
#                     exception on stderr, or no JSON written) | no-classes (the jar has no class
#                     files: exit 0 and total 0)
#   Each jar's stderr is kept in target/bench/sweep/<n>.err, its JSON in target/bench/sweep/<n>.json.
#
# Output
#   target/bench/sweep.tsv   one row per jar (header first), the columns above
#   target/bench/sweep.md    totals (jars per status, classes, % analyzed, wall-time median/p90/max),
#                            every crash/timeout with the first stderr line, the notes' reasons
#                            grouped, and the per-jar table
#
# Usage (build the CLI first: mvn -B -ntp -o -pl analyzer-core -am package -DskipTests):
#   bench/sweep.sh
#   LIMIT=150 TIMEOUT=60 bench/sweep.sh
#   SWEEP_DIR=/some/dir/with/jars bench/sweep.sh
# Environment:
#   SWEEP_DIR=~/.m2/repository   where to look for *.jar (recursively)
#   LIMIT=0                      at most this many jars (0: all), the first in sorted order
#   TIMEOUT=60                   seconds per jar
#   JAVA=$JAVA_HOME/bin/java     the java binary (default: java on PATH without JAVA_HOME)
#   JAVA_OPTS=                   extra JVM options (e.g. -Xmx4g)
#   NOESCAPE_CLI=analyzer-core/target/noescape-cli.jar   (relative to the checkout, or absolute)
#   REPORT_ONLY=1                only rewrite sweep.md from the existing sweep.tsv and sweep/*.json
# Do not edit this script while it runs: bash reads it as it goes.
# Exit status: 0 when the sweep ran (whatever it found), 2 on a usage error.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SWEEP_DIR=${SWEEP_DIR:-$HOME/.m2/repository}
LIMIT=${LIMIT:-0}
TIMEOUT=${TIMEOUT:-60}
if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=$(command -v java); fi
fi
JAVA_OPTS=${JAVA_OPTS:-}
CLI=${NOESCAPE_CLI:-analyzer-core/target/noescape-cli.jar}
[[ "$CLI" = /* ]] || CLI=$ROOT/$CLI
OUT=$ROOT/target/bench
WORK=$OUT/sweep
TSV=$OUT/sweep.tsv
MD=$OUT/sweep.md

[[ -f "$CLI" ]] || { echo "sweep: no $CLI (build it first)" >&2; exit 2; }
[[ -d "$SWEEP_DIR" ]] || { echo "sweep: no directory $SWEEP_DIR" >&2; exit 2; }
[[ "$LIMIT" =~ ^[0-9]+$ && "$TIMEOUT" =~ ^[0-9]+$ ]] || { echo "sweep: LIMIT and TIMEOUT are numbers" >&2; exit 2; }
command -v unzip >/dev/null || { echo "sweep: needs unzip" >&2; exit 2; }
command -v jq >/dev/null || { echo "sweep: needs jq" >&2; exit 2; }

mkdir -p "$WORK"
if [[ "${REPORT_ONLY:-0}" == 1 ]]; then
  [[ -f "$TSV" ]] || { echo "sweep: REPORT_ONLY=1 needs $TSV" >&2; exit 2; }
  JARS=()
else
rm -f "$WORK"/*.err "$WORK"/*.json
mapfile -t JARS < <(find "$SWEEP_DIR" -type f -name '*.jar' \
  ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar' ! -name '*-test-sources.jar' \
  ! -path '*/dev/noescape/*' | sort)
if (( LIMIT > 0 && ${#JARS[@]} > LIMIT )); then JARS=("${JARS[@]:0:LIMIT}"); fi
echo "sweep: ${#JARS[@]} jars from $SWEEP_DIR, ${TIMEOUT}s each, $("$JAVA" -version 2>&1 | head -1)" >&2

printf 'n\tjar\tclasses_jar\tclasses_total\tclasses_analyzed\tnotes\tfirst_note\tfindings\twall_s\texit\tstatus\n' > "$TSV"
n=0
for jar in "${JARS[@]}"; do
  n=$((n + 1))
  rel=${jar#"$SWEEP_DIR"/}
  err=$WORK/$n.err json=$WORK/$n.json
  classes_jar=$( (unzip -Z1 "$jar" 2>/dev/null || true) | grep -c -E '\.class$' | tr -d ' ' || true)
  start=$(date +%s.%N)
  set +e
  # shellcheck disable=SC2086
  timeout -k 5 "$TIMEOUT" "$JAVA" $JAVA_OPTS -jar "$CLI" --fail-on never --json "$json" "$jar" >/dev/null 2>"$err" </dev/null
  code=$?
  set -e
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  summary=$(grep -E '^noescape: (no findings|[0-9,]+ findings?) ' "$err" | tail -1 || true)
  total='' analyzed=''
  if [[ $summary =~ \ in\ ([0-9,]+)\ class ]]; then
    total=${BASH_REMATCH[1]//,/}
    analyzed=$total
    if [[ $summary =~ \(([0-9,]+)\ not\ fully\ analyzed ]]; then analyzed=$(( total - ${BASH_REMATCH[1]//,/} )); fi
  fi
  notes='' first='' findings=''
  if [[ -s "$json" ]] && jq -e . "$json" >/dev/null 2>&1; then
    notes=$(jq '.notes | length' "$json")
    first=$(jq -r '.notes[0] // "" | gsub("[\t\n]"; " ")' "$json" | cut -c1-200)
    findings=$(jq '.summary.total' "$json")
    if [[ $(jq '.summary.classes != null' "$json") == true ]]; then
      total=$(jq '.summary.classes.total' "$json") analyzed=$(jq '.summary.classes.analyzed' "$json")
    fi
  fi
  if (( code == 124 || code == 137 )); then
    status=timeout
  elif (( code == 2 )) || grep -q -E '^(Exception in thread|\s+at [a-zA-Z_$][a-zA-Z0-9_$.]*\(|Caused by: )' "$err" || [[ -z "$findings" ]]; then
    status=crash
    [[ -n "$first" ]] || first=$(grep -v -E '^\s*$' "$err" | head -1 | tr '\t' ' ' | cut -c1-200)
  elif [[ "${total:-0}" == 0 ]]; then
    status=no-classes
  else
    status=ok
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\n' "$n" "$rel" "$classes_jar" "$total" "$analyzed" "$notes" \
    "$first" "$findings" "$wall" "$code" "$status" >> "$TSV"
  printf 'sweep: [%d/%d] %-8s %6.1fs %s\n' "$n" "${#JARS[@]}" "$status" "$wall" "$rel" >&2
done
fi

# ---- the report ----
{
  echo "# noescape sweep"
  echo
  echo "\`bench/sweep.sh\` with SWEEP_DIR=\`$SWEEP_DIR\`, LIMIT=$LIMIT, TIMEOUT=${TIMEOUT}s;"
  echo "\`$("$JAVA" -version 2>&1 | head -1)\` (JAVA); each jar alone, no class path, \`--fail-on never\`."
  echo
  echo "## Totals"
  echo
  awk -F'\t' 'NR > 1 {
      jars++; st[$11]++; cj += $3; ct += $4; ca += $5; nn += $6; nf += $8
    }
    END {
      printf "| jars | ok | timeout | crash | no-classes | classes (jar) | classes (input) | analyzed | %% analyzed | notes | findings |\n"
      printf "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
      printf "| %d | %d | %d | %d | %d | %d | %d | %d | %.2f%% | %d | %d |\n", jars, st["ok"], st["timeout"], st["crash"],
        st["no-classes"], cj, ct, ca, ct ? 100 * ca / ct : 100, nn, nf
    }' "$TSV"
  echo
  echo "Wall time per jar (s, JVM start included):"
  awk -F'\t' 'NR > 1 { print $9 }' "$TSV" | sort -n | awk '
    { v[NR] = $1; s += $1 }
    END {
      if (NR == 0) { print "no jars"; exit }
      printf "min %.1f, median %.1f, p90 %.1f, max %.1f, sum %.0f\n", v[1], v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[NR], s
    }'
  echo
  echo "## Crashes and timeouts"
  echo
  awk -F'\t' 'NR > 1 && ($11 == "crash" || $11 == "timeout") { printf "- %s `%s` (exit %s, %.1fs): %s\n", $11, $2, $10, $9, $7; k++ }
    END { if (!k) print "none" }' "$TSV"
  echo
  echo "## Notes by reason"
  echo
  echo "Every note of every ok jar, the class name taken out (\`skipped a/B.class: reason\` → reason):"
  echo
  cat "$WORK"/*.json 2>/dev/null | jq -r '.notes[]?' 2>/dev/null \
    | sed -E 's/^skipped [^ ]+: //; s/^[^ ]+ not fully analyzed: //' | cut -c1-120 | sort | uniq -c | sort -rn | head -40 \
    | awk '{ c = $1; $1 = ""; printf "- %d ×%s\n", c, $0 }'
  echo
  echo "## Per jar"
  echo
  echo "| # | jar | classes (jar) | input | analyzed | notes | first note | findings | wall s | exit | status |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"
  awk -F'\t' 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }' "$TSV"
} > "$MD"
echo "sweep: wrote $MD and $TSV" >&2
