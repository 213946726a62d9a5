#!/usr/bin/env bash
# Profile-guided findings measured (docs/profiles.md, "Measured"):
#   1. bench/jit's real workloads (workload.Workloads: jackson-databind writing and reading back 40
#      POJOs, commons-lang3 StringUtils/WordUtils, guava Splitter/Joiner/immutable collections) run
#      under JDK Flight Recorder with settings=profile, as users record;
#   2. StaticRanks.java for two programs, jackson (databind + core) and commons-lang3 + guava: how much
#      of the sampled program bytes a finding or verdict explains, and how the static hotness score
#      alone ranks the heaviest places and findings;
#   3. the cost of reading: a recording of 100 MB or more filled with allocation events (small TLABs,
#      the sampler's throttle raised, the TLAB events on: the worst case, as every event is one to
#      read), and the command line on the showcase classes with and without --profile, REPEAT times
#      each: wall time and peak RSS (GNU time), medians.
#
# Usage: bench/profile/run.sh      (from anywhere; JAVA_HOME / BUILD_JDK as for bench/jit/run.sh)
# Environment: ITERATIONS=15000 (step 1), BIG_ITERATIONS=80000 (step 3), REPEAT=3, REUSE=1 keeps recordings,
#   COST_ONLY=1 runs step 3 only
# Output: target/bench/profile/{workloads.jfr,big.jfr,jackson.txt,langguava.txt,cost.txt}
set -euo pipefail
source "$(dirname "$0")/../jit/lib.sh"
build_bench
ensure_cli
OUT="$ROOT/target/bench/profile"
mkdir -p "$OUT"
JAVA="$BUILD_JDK/bin/java"
CPF="$ROOT/bench/jit/target/classpath.txt"

if [[ -z "${COST_ONLY:-}" ]]; then
if [[ -z "${REUSE:-}" || ! -f "$OUT/workloads.jfr" ]]; then
  "$JAVA" -Xmx1g -XX:StartFlightRecording=filename="$OUT/workloads.jfr",settings=profile -cp "$BENCH_CP" \
    dev.noescape.jitbench.workload.Workloads "${ITERATIONS:-15000}"
fi

# StaticRanks NAME REGEX: the jars of the bench's class path matching REGEX are the program, the rest its class path.
static_ranks() {
  local inputs others
  inputs=$(tr ':' '\n' < "$CPF" | grep -E "$2" | tr '\n' ' ')
  others=$(tr ':' '\n' < "$CPF" | grep -vE "$2" | paste -sd: -)
  # shellcheck disable=SC2086  # the jar list is meant to split
  "$JAVA" -Xmx3g -cp "$NOESCAPE_CLI" "$ROOT/bench/profile/StaticRanks.java" "$OUT/workloads.jfr" "$others" $inputs \
    | tee "$OUT/$1.txt"
}
static_ranks jackson 'jackson-databind|jackson-core'
static_ranks langguava 'commons-lang3|/guava-'
fi

if [[ -z "${REUSE:-}" || ! -f "$OUT/big.jfr" ]]; then
  "$JAVA" -Xmx1g -XX:TLABSize=4k -XX:-ResizeTLAB \
    "-XX:StartFlightRecording=filename=$OUT/big.jfr,settings=profile,jdk.ObjectAllocationSample#throttle=100000/s,jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true" \
    -cp "$BENCH_CP" dev.noescape.jitbench.workload.Workloads "${BIG_ITERATIONS:-80000}"
fi
(cd "$ROOT/testdata/showcase" && JAVA_HOME="$BUILD_JDK" mvn -B -ntp -q -DskipTests package) >/dev/null

# cli_run ARGS...: one command line run on the showcase classes; prints "seconds kilobytes".
cli_run() {
  /usr/bin/time -f '%e %M' -o "$OUT/time.tmp" "$JAVA" -jar "$NOESCAPE_CLI" --fail-on never -q \
    --json "$OUT/cost.json" "$@" "$ROOT/testdata/showcase/target/classes" >/dev/null
  cat "$OUT/time.tmp"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
{
  echo "recording: $(du -m "$OUT/big.jfr" | cut -f1) MB"
  without=(); with=()
  for _ in $(seq "${REPEAT:-3}"); do
    without+=("$(cli_run)")
    with+=("$(cli_run --profile "$OUT/big.jfr")")
  done
  wt=$(printf '%s\n' "${without[@]}" | cut -d' ' -f1 | median); wm=$(printf '%s\n' "${without[@]}" | cut -d' ' -f2 | median)
  pt=$(printf '%s\n' "${with[@]}" | cut -d' ' -f1 | median); pm=$(printf '%s\n' "${with[@]}" | cut -d' ' -f2 | median)
  echo "without --profile: ${without[*]}  (median ${wt} s, ${wm} kB)"
  echo "with --profile:    ${with[*]}  (median ${pt} s, ${pm} kB)"
  awk -v a="$wt" -v b="$pt" -v c="$wm" -v d="$pm" 'BEGIN {printf "added: %.1f s (time ratio %.2f), peak RSS ratio %.2f\n", b - a, b / a, d / c}'
} | tee "$OUT/cost.txt"
echo "bench/profile: wrote $OUT"
