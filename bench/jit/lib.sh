# Shared by bench/jit/run.sh and bench/jit/workload.sh (sourced): the environment both document,
# the bench's build and noescape's command line.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
BUILD_JDK="${BUILD_JDK:-$JDK25}"
OUT="$ROOT/target/bench/jit"
NOESCAPE_CLI="${NOESCAPE_CLI:-$ROOT/analyzer-core/target/noescape-cli.jar}"
mkdir -p "$OUT"

# Builds the standalone bench project and sets BENCH_CP (its classes and dependencies).
build_bench() {
  (cd "$ROOT/bench/jit" && JAVA_HOME="$BUILD_JDK" mvn -B -ntp -q -DskipTests package \
     dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime) \
    || { echo "bench/jit: the build failed" >&2; exit 1; }
  BENCH_CP="$ROOT/bench/jit/target/classes:$(cat "$ROOT/bench/jit/target/classpath.txt")"
}

# Builds noescape's command line when it is missing.
ensure_cli() {
  if [[ ! -f "$NOESCAPE_CLI" ]]; then
    echo "bench/jit: building $NOESCAPE_CLI" >&2
    (cd "$ROOT" && JAVA_HOME="$BUILD_JDK" mvn -B -ntp -q -DskipTests -Dinvoker.skip install) \
      || { echo "bench/jit: building noescape failed" >&2; exit 1; }
  fi
}
