#!/usr/bin/env bash
# Re-runs the hand-judged escape verdicts of bench/precision/judged.tsv (commons-lang3 3.18.0, judged
# against its sources) and says, per verdict, whether it still stands; then the run's totals.
#
# What it does
#   1. fetches commons-lang3-3.18.0.jar from Maven Central (once, into target/bench/download/);
#   2. runs each given CLI jar with --all --expected-escapes --json (every verdict, the expected
#      escapes included, so that a verdict moving to the low tier is not mistaken for a fix) and
#      with --all alone (the default output, for line counts);
#   3. joins each run with judged.tsv (judge.py): an imprecise verdict that is no longer reported
#      (or no longer claims escape) is fixed; a correct one that is gone is flagged CHECK and the
#      script fails: either the judgment or the analysis is wrong, and nothing may become unsound.
#
# Usage (from anywhere; build first: `mvn -B -ntp -DskipTests package`):
#   bench/precision/run.sh [CLI_JAR ...]     default: analyzer-core/target/noescape-cli.jar
# Give the jar of a baseline build first to compare before and after in one run.
# Output: per jar, the verdict table and the totals on stdout and in
# target/bench/precision/<jar name>.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OUT=$ROOT/target/bench/precision
JAVA=${JAVA:-java}
LANG3=org.apache.commons:commons-lang3:3.18.0
mkdir -p "$OUT" "$ROOT/target/bench/download"
jar=$ROOT/target/bench/download/commons-lang3-3.18.0.jar
if [[ ! -f $jar ]]; then
  empty_pom "$ROOT/target/bench/resolve" resolve-precision
  fetch "$OUT/fetch.log" -f "$ROOT/target/bench/resolve/pom.xml" "$DEP_PLUGIN:copy" -Dartifact="$LANG3:jar" \
    -DoutputDirectory="$ROOT/target/bench/download"
fi
(($# > 0)) || set -- "$ROOT/analyzer-core/target/noescape-cli.jar"
status=0
for cli in "$@"; do
  [[ -f $cli ]] || die "$cli not found: build with 'mvn -B -ntp -DskipTests package' first"
  name=$(basename "$cli" .jar)
  # An older CLI has no --expected-escapes: it reported every escape anyway.
  expected=--expected-escapes
  "$JAVA" -jar "$cli" --help 2>/dev/null | grep -q -- --expected-escapes || expected=
  "$JAVA" -jar "$cli" --all $expected --fail-on never -q --json "$OUT/$name.json" "$jar"
  "$JAVA" -jar "$cli" --all --fail-on never -q "$jar" > "$OUT/$name.txt"
  echo "## $name"
  python3 "$ROOT/bench/precision/judge.py" "$ROOT/bench/precision/judged.tsv" "$OUT/$name.json" "$OUT/$name.txt" \
    | tee "$OUT/$name.md" || status=1
done
exit $status
