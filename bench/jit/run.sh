#!/usr/bin/env bash
# The probe suite: what HotSpot C2 really allocates, per probe, on JDK 17 and JDK 25, and how
# often noescape's prediction agrees (bench/jit/README.md explains the method and the controls).
#
# Usage (from anywhere):
#   bench/jit/run.sh                       # everything: ~105 probes x 2 JDKs x 3 variants, parallelism 2
#   ONLY='merge|inline' bench/jit/run.sh   # probes whose id matches the regex
#   REPORT_ONLY=1 bench/jit/run.sh         # no measuring: rerun noescape and the joiner on the last measurements
#   RECORDED=bench/jit/results-2026-12-06.md bench/jit/run.sh
#                                          # no measuring: noescape and the joiner against a checked-in run's verdicts
# Environment:
#   JDK17=/usr/lib/jvm/java-17-openjdk-amd64  JDK25=/usr/lib/jvm/temurin-25-jdk-amd64   the JDKs measured
#   BUILD_JDK=$JDK25       the JDK that builds the bench (javac --release 17) and runs the driver
#   PARALLEL=2             measuring JVMs at once (each is one probe; 2 cores: keep 1 or 2)
#   REPEAT=1               main runs per probe (stability of every probe; doubtful ones get STABILITY more)
#   STABILITY=2            extra main runs for probes whose verdict is partial or not as expected
#   NOESCAPE_CLI=analyzer-core/target/noescape-cli.jar   built when missing (mvn -DskipTests install)
# Output: target/bench/jit/{measurements.json,probes.md,noescape-probes.json,agreement-probes.md,results.md}
# Exit status: 0 when the suite ran (whatever the verdicts), 1 on a build or run failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_bench

if [[ -n "${RECORDED:-}" ]]; then
  "$BUILD_JDK/bin/java" -cp "$BENCH_CP" dev.noescape.jitbench.agreement.RecordedMeasurements \
    --results "$RECORDED" --out "$OUT/measurements.json"
elif [[ -z "${REPORT_ONLY:-}" ]]; then
  args=(--jdk "$JDK17" --jdk "$JDK25" --out "$OUT" --classes "$ROOT/bench/jit/target/classes"
        --sources "$ROOT/bench/jit/src/main/java" --parallel "${PARALLEL:-2}"
        --repeat "${REPEAT:-1}" --stability "${STABILITY:-2}")
  [[ -n "${ONLY:-}" ]] && args+=(--only "$ONLY")
  "$BUILD_JDK/bin/java" -cp "$BENCH_CP" dev.noescape.jitbench.measure.SuiteMain "${args[@]}"
fi

# noescape's predictions on the probe classes, one run per measured JDK (the C2 model targets one
# JDK per run, --jit-jdk); the harness keeps Opaque's methods from being inlined, and so does the model.
ensure_cli
for jdk in 17 25; do
  (cd "$ROOT" && "$BUILD_JDK/bin/java" -jar "$NOESCAPE_CLI" --all --verbosity 2 --fail-on never -q \
    --jit-jdk "$jdk" --jit-dontinline 'dev.noescape.jitbench.probe.Opaque::*' \
    --source bench/jit/src/main/java --json "$OUT/noescape-probes-$jdk.json" bench/jit/target/classes)
done

"$BUILD_JDK/bin/java" -cp "$BENCH_CP" dev.noescape.jitbench.agreement.ProbeAgreementMain \
  --measurements "$OUT/measurements.json" \
  --noescape "17=$OUT/noescape-probes-17.json,25=$OUT/noescape-probes-25.json" \
  --sources "$ROOT/bench/jit/src/main/java" --out "$OUT/agreement-probes.md"

if [[ -n "${RECORDED:-}" ]]; then
  cp "$OUT/agreement-probes.md" "$OUT/results.md"
else
  cat "$OUT/probes.md" "$OUT/agreement-probes.md" > "$OUT/results.md"
fi
echo "bench/jit: wrote $OUT/results.md"
