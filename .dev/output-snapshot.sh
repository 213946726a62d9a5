#!/usr/bin/env bash
# Development helper (not used by CI): writes what noescape prints on fixed inputs into DIR, so a
# refactoring can be checked byte for byte (diff -r BEFORE AFTER). Run after `mvn -DskipTests install`.
#   .dev/output-snapshot.sh DIR
# JAVA_HOME must be a JDK 21+ (the showcase build runs javac with Error Prone).
# Inputs: the corpus classes (testdata/target/classes, --all --verbosity 2, with and without
# --source), the showcase classes (with --source; needs the showcase built), guava 33.4.8-jre from
# the local Maven repository (--all), each as text, SARIF and JSON; plus the javac plugin's corpus
# findings when errorprone-plugin/target/noescape-corpus/findings.txt exists.
set -euo pipefail
out=$(realpath -m "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cli=analyzer-core/target/noescape-cli.jar
java=${JAVA:-java}
mkdir -p "$out"
run() { # name args...
  local name=$1; shift
  "$java" -jar "$cli" --fail-on never "$@" > "$out/$name.txt" 2> "$out/$name.err" || true
  "$java" -jar "$cli" --fail-on never -q --sarif "$out/$name.sarif" --json "$out/$name.json" "$@" 2>/dev/null || true
}
run corpus-all --all --verbosity 2 testdata/target/classes
run corpus-src --all --source testdata/src/main/java testdata/target/classes
run corpus-default --source testdata/src/main/java testdata/target/classes
# The showcase build: javac warnings of the Error Prone plugin, then noescape:check.
mvn -B -ntp -f testdata/showcase/pom.xml clean verify > "$out/showcase-build.log" 2>&1 || true
grep '\[WARNING\].*\[[A-Z][a-zA-Z]*\]' "$out/showcase-build.log" | sed "s|$root/||" > "$out/showcase-javac.txt" || true
if [[ -d testdata/showcase/target/classes ]]; then
  run showcase --source testdata/showcase/src/main/java testdata/showcase/target/classes
fi
guava=$HOME/.m2/repository/com/google/guava/guava/33.4.8-jre/guava-33.4.8-jre.jar
[[ -f $guava ]] && run guava --all "$guava"
f=errorprone-plugin/target/noescape-corpus/findings.txt
[[ -f $f ]] && cp "$f" "$out/javac-corpus-findings.txt"
f=analyzer-core/target/noescape-corpus/bytecode-findings.txt
[[ -f $f ]] && cp "$f" "$out/bytecode-corpus-findings.txt"
ls -la "$out"
