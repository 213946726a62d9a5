#!/usr/bin/env bash
# The language server's speed and memory (issue 16's targets), on whole runs of the packaged server:
# first diagnostics after opening a showcase-size project (empty and warm Maven cache), edit-to-diagnostics
# latency on a generated 1,000-line showcase-style file (median of 20 after warm-up), and the server's RSS
# after 10 and after 1,000 edits. Driver: language-server/src/test/java/dev/noescape/lsp/bench/LspBench.java.
#
#   bash bench/lsp.sh [EDITS]        (from the repository root, after mvn -B -ntp -DskipTests install)
#   BENCH_JVM_ARGS="-XX:..." bash bench/lsp.sh    the server's JVM with these options (as an editor's command would)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
edits=${1:-1000}
jar=language-server/target/noescape-lsp.jar
[[ -f $jar ]] || { echo "no $jar: run mvn -B -ntp -DskipTests install first" >&2; exit 1; }
mvn -B -ntp -q -pl language-server test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
repo=$(mvn -B -ntp -q help:evaluate -Dexpression=settings.localRepository -DforceStdout -Dstyle.color=never -pl language-server \
  | sed 's/\x1b\[[0-9;]*m//g')
work=$(mktemp -d "${TMPDIR:-/tmp}/noescape-lsp-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp="language-server/target/test-classes:language-server/target/classes:$(cat language-server/target/bench-classpath.txt)"
java ${BENCH_JVM_ARGS:+"-Dbench.jvmArgs=$BENCH_JVM_ARGS"} -cp "$cp" dev.noescape.lsp.bench.LspBench "$jar" testdata/showcase "$work" "$edits" "-Dmaven.repo.local=$repo"
