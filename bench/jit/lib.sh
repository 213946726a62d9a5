# Shared by bench/jit/run.sh and bench/jit/workload.sh (sourced; expects ROOT, BUILD_JDK, NOESCAPE_CLI).

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
