#!/usr/bin/env bash
# Real-workload mode: jackson-databind, commons-lang3 and guava in a loop (workload.Workloads) under
# -XX:+LogCompilation on JDK 17 and JDK 25; per allocation site of those libraries, whether C2
# eliminated it in all, some or none of the compilations that compiled it; joined with noescape's
# predictions on the same jars (bench/jit/README.md, "Real workloads").
#
# Usage (from anywhere):
#   bench/jit/workload.sh
#   REPORT_ONLY=1 bench/jit/workload.sh     # reuse the logs and noescape's report of the last run
# Environment:
#   JDK17, JDK25, BUILD_JDK, NOESCAPE_CLI   as for run.sh
#   ITERATIONS=3000        loop iterations of the workload (about 30 s per JDK on 2 busy cores)
#   REUSE_NOESCAPE=1       keep target/bench/jit/noescape-workload-{17,25}.json when they exist (the
#                          analysis of the four jars takes minutes)
# Output: target/bench/jit/{workload-17.xml.gz,workload-25.xml.gz,noescape-workload-{17,25}.json,workload.md}
set -euo pipefail
LIBS='jackson-databind|jackson-core|commons-lang3|/guava-'
source "$(dirname "$0")/lib.sh"
build_bench

if [[ -z "${REPORT_ONLY:-}" ]]; then
  for jdk in "$JDK17" "$JDK25"; do
    feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    log="$OUT/workload-$feature.xml"
    rm -f "$log" "$log.gz"
    "$jdk/bin/java" -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile="$log" \
      -cp "$BENCH_CP" dev.noescape.jitbench.workload.Workloads "${ITERATIONS:-3000}"
    gzip -f "$log"
  done
fi

# one noescape run per measured JDK: the C2 model predicts for one (--jit-jdk), and reads the JDK's
# own classes (the allocations inside its methods, by bci) from the image of the JDK running it
for feature in 17 25; do
  run_jdk=$JDK25; [[ $feature == 17 ]] && run_jdk=$JDK17
  if [[ -z "${REUSE_NOESCAPE:-}" || ! -f "$OUT/noescape-workload-$feature.json" ]]; then
    ensure_cli
    inputs=$(tr ':' '\n' < bench/jit/target/classpath.txt | grep -E "$LIBS" | tr '\n' ' ')
    others=$(tr ':' '\n' < bench/jit/target/classpath.txt | grep -vE "$LIBS" | paste -sd: -)
    # shellcheck disable=SC2086  # the jar list is meant to split
    "$run_jdk/bin/java" -jar "$NOESCAPE_CLI" --all --verbosity 2 --fail-on never -q -cp "$others" \
      --jit-jdk "$feature" --json "$OUT/noescape-workload-$feature.json" $inputs bench/jit/target/classes
  fi
done

"$BUILD_JDK/bin/java" -Xmx2g -cp "$BENCH_CP" dev.noescape.jitbench.agreement.WorkloadAgreementMain \
  --logs "17=$OUT/workload-17.xml.gz,25=$OUT/workload-25.xml.gz" --jdks "17=$JDK17,25=$JDK25" \
  --classpath "$BENCH_CP" \
  --packages com.fasterxml.jackson.,org.apache.commons.lang3.,com.google.common.,dev.noescape.jitbench.workload. \
  --noescape "17=$OUT/noescape-workload-17.json,25=$OUT/noescape-workload-25.json" --out "$OUT/workload.md"
echo "bench/jit: wrote $OUT/workload.md"
