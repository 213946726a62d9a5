#!/usr/bin/env bash
# Regenerates analyzer-core/src/main/resources/dev/noescape/models/jdk-summaries.gz: the escape
# summaries of java.base computed from its bytecode by JdkSummaryGenerator (tools module; see its Javadoc and
# docs/formats/jdk-models.md), and prints the generation's figures (time, methods, sizes, heap) with
# GNU time's wall time and peak RSS.
#
# Run it on the JDK CI builds with (Temurin 25), after changing jdk.models or the engine, and commit
# the file; JdkSummaryRegenerationTest (tools module) fails when the shipped file is stale.
#
# Usage: bench/jdk-summaries.sh
# Environment:
#   BENCH_JDK=/usr/lib/jvm/temurin-25-jdk-amd64   the JDK whose java.base is summarized (and that runs it)
#   OUTPUT=analyzer-core/src/main/resources/dev/noescape/models/jdk-summaries.gz
#   HEAP=-Xmx4g
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_JDK=${BENCH_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUTPUT=${OUTPUT:-$ROOT/analyzer-core/src/main/resources/dev/noescape/models/jdk-summaries.gz}
HEAP=${HEAP:--Xmx4g}
export JAVA_HOME=$BENCH_JDK PATH=$BENCH_JDK/bin:$PATH
cd "$ROOT"
# The generator is a build-time tool: it lives in the tools module (noescape-tools), which nothing ships.
# install puts noescape-core where the tools module's class path finds it (its tests are skipped here).
mvn -B -ntp -q -pl tools -am -DskipTests install
mvn -B -ntp -q -pl tools dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
TIME=()
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 && TIME=(/usr/bin/time -v -o "$ROOT/tools/target/jdk-summaries.time")
"${TIME[@]}" "$BENCH_JDK/bin/java" $HEAP -XX:+UseSerialGC \
  -cp "$(cat tools/target/classpath.txt):tools/target/classes" \
  dev.noescape.tools.jdksummaries.JdkSummaryGenerator "$OUTPUT"
if [[ ${#TIME[@]} -gt 0 ]]; then
  grep -E 'Elapsed \(wall|Maximum resident|User time|System time' "$ROOT/tools/target/jdk-summaries.time"
fi
