#!/usr/bin/env bash
# Share of calls into the JDK that fall back to the conservative default (issue 5's target: < 10 %),
# before and after the summaries generated from java.base (analyzer-core's jdk-summaries.gz).
#
# What it does
#   Counts, per call statement of the analyzed code whose callee is a JDK method, how the engine's
#   library resolved it: a hand-checked model (jdk.models), a generated summary, or nothing
#   (unknown: every argument escapes). "Before" runs with -Dnoescape.jdksummaries=off (models only),
#   "after" with the shipped file; both in this run, same inputs.
#     corpus, bytecode     the CLI with --debug on testdata/target/classes
#     lang3, bytecode      the CLI with --debug on commons-lang3-3.18.0.jar
#     corpus, javac        javac + Error Prone + the plugin on testdata's sources
#     lang3, javac         the same on commons-lang3-3.18.0's sources (-sources.jar)
#   (javac runs with -J-Dnoescape.jdkcalls=FILE: each compilation unit appends "model generated
#   unknown"; the script sums them). It also prints the JDK callees left unknown most often.
#
# Usage (from anywhere; build first: `mvn -B -ntp -DskipTests package` so that
# analyzer-core/target/noescape-cli.jar (the CLI runs), errorprone-plugin/target/noescape-errorprone-*.jar
# (the javac runs: one jar, noescape-core shaded in) and testdata/target/classes exist):
#   bench/jdk-coverage.sh
# Environment:
#   BENCH_JDK=/usr/lib/jvm/temurin-25-jdk-amd64   JDK that runs the CLI and javac
#   SKIP_JAVAC=1                                  bytecode front end only
# Output: a markdown table on stdout and in target/bench/jdk-coverage.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OUT=$ROOT/target/bench
BENCH_JDK=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
SKIP_JAVAC=${SKIP_JAVAC:-0}
EP_VERSION=2.52.0
LANG3=org.apache.commons:commons-lang3:3.18.0
JAVA=$BENCH_JDK/bin/java
CLI=$ROOT/analyzer-core/target/noescape-cli.jar
[[ -f $CLI ]] || die "$CLI not found: run 'mvn -B -ntp -DskipTests package' first"
[[ -d $ROOT/testdata/target/classes ]] || die "testdata/target/classes not found: build first"
mkdir -p "$OUT/jdk-coverage" "$OUT/download"
export JAVA_HOME=$BENCH_JDK

# Inputs: the binary and sources jars of commons-lang3, and Error Prone's class path.
ep_resolve_pom "$OUT/resolve"
lang3_jar=$OUT/download/commons-lang3-3.18.0.jar
lang3_src=$OUT/download/commons-lang3-3.18.0-sources.jar
[[ -f $lang3_jar ]] || mvn -B -ntp -q -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:copy" -Dartifact="$LANG3:jar" -DoutputDirectory="$OUT/download"
[[ -f $lang3_src ]] || mvn -B -ntp -q -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:copy" -Dartifact="$LANG3:jar:sources" -DoutputDirectory="$OUT/download"

# line "model generated unknown" -> "unknown %"
pct() { awk '{t = $1 + $2 + $3; printf "%d | %.1f %% | %.1f %% | **%.1f %%**", t, 100 * $1 / t, 100 * $2 / t, 100 * $3 / t}'; }

# CLI: "noescape: JDK calls: 1,543 (model 93.6 %, generated 0.7 %, unknown 5.6 %)" -> counts
cli() { # MODE INPUT
  local log=$OUT/jdk-coverage/cli-$1-$(basename "$2").log
  "$JAVA" -Dnoescape.jdksummaries="$1" -jar "$CLI" --debug -q "$2" >/dev/null 2>"$log" || [[ $? == 1 ]] || { cat "$log" >&2; die "CLI failed on $2"; }
  grep 'noescape:   unknown' "$log" | head -n 10 > "$OUT/jdk-coverage/top-unknown-$1-$(basename "$2").txt" || true
  grep -o 'JDK calls: [0-9,]* (model [0-9.]* %, generated [0-9.]* %, unknown [0-9.]* %)' "$log" |
    sed -E 's/JDK calls: ([0-9,]*) \(model ([0-9.]*) %, generated ([0-9.]*) %, unknown ([0-9.]*) %\)/\1 \2 \3 \4/' | tr -d , |
    awk '{printf "%d | %.1f %% | %.1f %% | **%.1f %%**", $1, $2, $3, $4}'
}

rows=()
for input in "$ROOT/testdata/target/classes" "$lang3_jar"; do
  name=$([[ $input == *classes ]] && echo "testdata corpus" || echo "commons-lang3 3.18.0 (jar)")
  for mode in off on; do
    rows+=("| $name | bytecode | $([[ $mode == off ]] && echo before || echo after) | $(cli $mode "$input") |")
  done
done

if [[ $SKIP_JAVAC != 1 ]]; then
  pick() { ls "$@" 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' -e '-javadoc\.jar$' | head -n 1; }
  # One build of noescape on the processor path: the plugin's jar carries noescape-core's classes
  # (shaded), so adding analyzer-core's jar would put a second copy of them next to it.
  plugin_jar=$(pick "$ROOT"/errorprone-plugin/target/noescape-errorprone-*.jar)
  [[ -n $plugin_jar ]] || die "plugin jar not found: run 'mvn -B -ntp -DskipTests package' (or SKIP_JAVAC=1)"
  [[ -s $OUT/ep.classpath ]] || mvn -B -ntp -q -f "$OUT/resolve/pom.xml" "$DEP_PLUGIN:build-classpath" \
    -Dmdep.outputFile="$OUT/ep.classpath" -Dmdep.includeScope=runtime
  src=$OUT/jdk-coverage/lang3-src
  if [[ ! -s $OUT/jdk-coverage/lang3-sources.txt ]]; then
    rm -rf "$src" && mkdir -p "$src" && (cd "$src" && "$BENCH_JDK/bin/jar" xf "$lang3_src")
    find "$src" -name '*.java' ! -name module-info.java | sort > "$OUT/jdk-coverage/lang3-sources.txt"
  fi
  find "$ROOT/testdata/src/main/java" -name '*.java' ! -name module-info.java | sort > "$OUT/jdk-coverage/corpus-sources.txt"
  annotations=$ROOT/annotations/target/classes
  # The flags javac needs to host Error Prone, as -J options (the build keeps them in .mvn/jvm.config).
  mapfile -t HOSTING < <(grep -v '^[[:space:]]*$' "$ROOT/.mvn/jvm.config" | sed 's/^/-J/')
  javac_counts() { # MODE SOURCES-LIST
    local counts=$OUT/jdk-coverage/javac-$1-$(basename "$2" .txt).counts classes=$OUT/jdk-coverage/classes
    rm -f "$counts" && rm -rf "$classes" && mkdir -p "$classes"
    "$BENCH_JDK/bin/javac" "${HOSTING[@]}" \
      -J-Dnoescape.jdkcalls="$counts" -J-Dnoescape.jdksummaries="$1" \
      -XDcompilePolicy=simple --should-stop=ifError=FLOW '-Xplugin:ErrorProne -XepDisableAllChecks -Xep:HeapEscape:WARN' \
      -processorpath "$(cat "$OUT/ep.classpath"):$plugin_jar" -cp "$annotations" --release 21 -encoding UTF-8 \
      -Xmaxwarns 100000 -d "$classes" "@$2" >"$OUT/jdk-coverage/javac-$1-$(basename "$2" .txt).log" 2>&1 ||
      { tail -n 20 "$OUT/jdk-coverage/javac-$1-$(basename "$2" .txt).log" >&2; die "javac failed ($1, $2)"; }
    awk '{m += $1; g += $2; u += $3} END {print m, g, u}' "$counts" | pct
  }
  for list in corpus-sources lang3-sources; do
    name=$([[ $list == corpus* ]] && echo "testdata corpus" || echo "commons-lang3 3.18.0 (sources)")
    for mode in off on; do
      rows+=("| $name | javac plugin | $([[ $mode == off ]] && echo before || echo after) | $(javac_counts $mode "$OUT/jdk-coverage/$list.txt") |")
    done
  done
fi

{
  echo "JDK calls by how they were resolved ($(date -u +%F), $("$JAVA" -version 2>&1 | head -n 1))"
  echo
  echo "| input | front end | JDK summaries | JDK calls | model | generated | unknown (conservative) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Most frequent unknown JDK callees, commons-lang3 jar, after:"
  sed 's/^noescape:   unknown /- /' "$OUT/jdk-coverage/top-unknown-on-commons-lang3-3.18.0.jar.txt"
} | tee "$OUT/jdk-coverage.md"
