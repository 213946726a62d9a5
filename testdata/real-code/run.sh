#!/usr/bin/env bash
# The hand-judged real-code set (README.md): fetches each library of libraries.tsv through Maven
# (its jar, runtime dependencies and sources, under target/<library>/), runs the command line with
# default rules on it, and joins the findings with the judgments in <library>.tsv: prints (a) the
# judged findings that are gone, merged, moved or changed and the new (unjudged) ones, (b) the
# metrics. Needs the network (Maven Central) the first time, and the built command line:
#   mvn -B -ntp -DskipTests install      (from the repository root; JDK 21+ as JAVA_HOME)
#
# usage: testdata/real-code/run.sh [-v] [--refetch] [LIBRARY...]
#   -v          print the old and new text of changed messages
#   --refetch   fetch the inputs again even if target/<library>/ has them
#   LIBRARY     names from libraries.tsv (default: all)
# Environment: NOESCAPE_CLI (default analyzer-core/target/noescape-cli.jar), JAVA_HOME (java to
# run it with; else java on PATH, 17+), MVN (default mvn).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${NOESCAPE_CLI:-$root/analyzer-core/target/noescape-cli.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mvn=${MVN:-mvn}
verbose=0 refetch=0 wanted=()
for arg in "$@"; do
  case $arg in
    -v) verbose=1 ;;
    --refetch) refetch=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    *) wanted+=("$arg") ;;
  esac
done
[[ -f $cli ]] || { echo "run.sh: $cli not found: build it with 'mvn -B -ntp -DskipTests install'" >&2; exit 2; }

# name groupId artifactId version, one line per library to run
libs=$(awk -F'\t' 'NR > 1 && NF >= 4 {print $1, $2, $3, $4}' "$here/libraries.tsv")
if ((${#wanted[@]})); then
  for w in "${wanted[@]}"; do
    grep -q "^$w " <<<"$libs" || { echo "run.sh: $w is not in libraries.tsv" >&2; exit 2; }
  done
  libs=$(grep -E "^($(IFS='|'; echo "${wanted[*]}")) " <<<"$libs")
fi

cd "$here"
names=()
while read -r name group artifact version; do
  names+=("$name")
  out=target/$name
  stamp="$group:$artifact:$version"
  if ((refetch)) || [[ ! -f $out/fetched || $(cat "$out/fetched") != "$stamp" ]]; then
    rm -rf "$out"
    echo "fetching $stamp" >&2
    log=$(mktemp)
    if ! "$mvn" -B -ntp -q -Dstyle.color=never -f "$here/pom.xml" -Dlib.name="$name" \
        -Dlib.groupId="$group" -Dlib.artifactId="$artifact" -Dlib.version="$version" \
        generate-resources >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"
      echo "run.sh: fetching $stamp failed" >&2; exit 1
    fi
    rm -f "$log"
    echo "$stamp" >"$out/fetched"
  fi
  echo "analyzing $name" >&2
  # Paths in the report are relative to this directory: target/<name>/src/<package path>.
  "$java" -jar "$cli" --classpath "$out/deps/*" --source "$out/src" --fail-on never -q \
    --json "$out/out.json" "$out/jar/$artifact-$version.jar"
done <<<"$libs"

VERBOSE=$verbose python3 "$here/join.py" "$here" "${names[@]}"
