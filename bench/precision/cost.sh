#!/usr/bin/env bash
# What the precision work costs: the command line on guava (--all, every verdict), once per CLI jar
# per round, rounds interleaved so that the machine's load falls on both alike; then the medians of
# CPU seconds, wall seconds and peak RSS, and each jar's ratio against the first (the baseline).
#
# Usage (from anywhere; build the jars first):
#   bench/precision/cost.sh BASELINE_CLI_JAR CLI_JAR...      REPS=3 (rounds), GUAVA=33.6.0-jre
#   bench/precision/cost.sh 'cli.jar::-Dnoescape.jitmodel=off' cli.jar
#                                          # a jar followed by :: and JVM options for its runs: the
#                                          # same build with the C2 model off, then on
# Rounds alternate the order (ABBA: first to last, then last to first), so that a trend in the
# machine's load falls on every jar alike.
# Output: a Markdown table on stdout and in target/bench/precision/cost.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
(($# >= 2)) || die "usage: $0 BASELINE_CLI_JAR CLI_JAR..."
has_gnu_time || die "needs GNU time (/usr/bin/time -v)"
REPS=${REPS:-3}
GUAVA=${GUAVA:-33.6.0-jre}
JAVA=${JAVA:-java}
OUT=$ROOT/target/bench/precision
DL=$ROOT/target/bench/download
mkdir -p "$OUT" "$DL"
jar=$DL/guava-$GUAVA.jar
if [[ ! -f $jar ]]; then
  empty_pom "$ROOT/target/bench/resolve" resolve-precision-cost
  fetch "$OUT/fetch-guava.log" -f "$ROOT/target/bench/resolve/pom.xml" "$DEP_PLUGIN:copy" \
    -Dartifact="com.google.guava:guava:$GUAVA:jar" -DoutputDirectory="$DL"
fi

declare -A cpu wall rss
for ((r = 1; r <= REPS; r++)); do
  order=$(seq 1 $#)
  ((r % 2 == 0)) && order=$(seq $# -1 1)
  for i in $order; do
    cli=${!i}
    opts=()
    if [[ $cli == *::* ]]; then
      read -r -a opts <<< "${cli#*::}"
      cli=${cli%%::*}
    fi
    log=$OUT/cost-$i-$r.time
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$log" "$JAVA" "${opts[@]}" -jar "$cli" --all --fail-on never -q "$jar" > /dev/null
    end=$(date +%s.%N)
    cpu[$i]+="$(time_cpu "$log") "
    rss[$i]+="$(time_rss "$log") "
    wall[$i]+="$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') "
  done
done

{
  echo "guava $GUAVA, --all, $REPS interleaved rounds, $(date -u +%Y-%m-%d), $(nproc) cores"
  echo
  echo "| CLI jar | CPU s | wall s | peak RSS MB | CPU ratio | wall ratio | RSS ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  # shellcheck disable=SC2086
  base_cpu=$(med ${cpu[1]}); base_wall=$(med ${wall[1]}); base_rss=$(med ${rss[1]})
  for i in $(seq 1 $#); do
    cli=${!i}
    # shellcheck disable=SC2086
    c=$(med ${cpu[$i]}); w=$(med ${wall[$i]}); m=$(med ${rss[$i]})
    echo "| $cli | $c | $w | $(mb "$m") | $(ratio "$base_cpu" "$c") | $(ratio "$base_wall" "$w") | $(ratio "$base_rss" "$m") |"
  done
} | tee "$OUT/cost.md"
