#!/usr/bin/env bash
# noescape's command line (whole-program bytecode analysis) next to SpotBugs + sb-contrib, on real jars.
#
# What it does
#   For each input jar (Guava 33.4.8-jre, Apache Commons Lang 3.18.0, Jackson Databind 2.19.2), with
#   its Maven runtime dependencies as the class path, runs REPS times each, alternating which goes
#   first (odd repetitions SpotBugs first, even ones noescape first):
#     SpotBugs  SpotBugs 4.9.8 + the sb-contrib 7.7.4 plugin, text UI, default effort and threshold,
#               XML report:  java -classpath <dist>/lib/spotbugs.jar -Dspotbugs.home=<dist>
#               $SPOTBUGS_JAVA_OPTS edu.umd.cs.findbugs.FindBugs2 -pluginList sb-contrib.jar
#               -auxclasspath <deps> -xml -output out.xml INPUT.jar
#               (exactly the command the distribution's bin/spotbugs -textui launches)
#     noescape  java $NOESCAPE_JAVA_OPTS -jar $NOESCAPE_CLI --classpath <deps> --json out.json INPUT.jar
#   Every run is measured with GNU time (/usr/bin/time -v): wall time of the process, CPU time
#   (user + sys, all threads: GC and JIT included) and peak RSS. The report has, per jar, every
#   repetition, the medians of both tools and the ratios noescape/SpotBugs (median of the
#   per-repetition ratios, and ratio of the medians), plus the number of SpotBugs bugs and of
#   noescape findings (for information only: the tools look for different things).
#   Exit codes are checked: SpotBugs must exit 0 (it is not run with -exitcode), noescape 0 (no
#   findings) or 1 (findings); anything else stops the script and prints the tool's stderr.
#   No unmeasured warm-up run (a SpotBugs run on Guava costs ~45 s of two CPUs): the input jars are
#   read once into the page cache instead, and the alternation spreads JIT/cache effects evenly.
#
# Inputs (downloaded once by Maven from Maven Central into target/bench/inputs/, reused afterwards):
#   com.github.spotbugs:spotbugs:4.9.8:tgz     the SpotBugs distribution (bin/spotbugs, lib/*.jar)
#   com.mebigfatguy.sb-contrib:sb-contrib:7.7.4 the plugin jar
#   com.google.guava:guava:33.4.8-jre, org.apache.commons:commons-lang3:3.18.0,
#   com.fasterxml.jackson.core:jackson-databind:2.19.2, each with its runtime dependencies
#   (maven-dependency-plugin copy-dependencies from a throwaway pom per input).
#
# Usage (from anywhere; build the CLI first so analyzer-core/target/noescape-cli.jar exists, e.g.
# `mvn -B -ntp -DskipTests package`):
#   bench/bytecode-vs-spotbugs.sh
#   REPS=1 JARS=guava SKIP_NOESCAPE=1 bench/bytecode-vs-spotbugs.sh    # SpotBugs only, one run
# Environment:
#   REPS=3                 repetitions per tool and jar
#   JARS="guava commons-lang3 jackson-databind"   which inputs, space-separated
#   NOESCAPE_CLI=analyzer-core/target/noescape-cli.jar   (relative to the checkout, or absolute)
#   JAVA=$(command -v java) the java binary that runs BOTH tools (default: the JDK 17 on PATH;
#                          e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
#   NOESCAPE_JAVA_OPTS=    JVM options of the noescape run (default none: the JVM's ergonomic heap)
#   SPOTBUGS_JAVA_OPTS=-Xmx768m   JVM options of the SpotBugs run; the default is what the
#                          distribution's bin/spotbugs script passes (fb_maxheap="-Xmx768m");
#                          SPOTBUGS_JAVA_OPTS= (set, empty) runs it with the JVM's ergonomic heap
#                          (1/4 of memory), as a plain `java -cp spotbugs.jar ...` would
#   SKIP_NOESCAPE=1        run SpotBugs only (no CLI needed; no ratios)
#   SKIP_SPOTBUGS=1        run noescape only (quick checks while working on the CLI; no ratios)
# Output: a markdown report on stdout and in target/bench/bytecode-vs-spotbugs.md (the medians and
# ratios also in target/bench/bytecode-vs-spotbugs.tsv, for bench/run.sh); per run the
# tool's stdout/stderr and GNU time's output in target/bench/logs/bytecode/, the SpotBugs XML and
# noescape JSON in target/bench/out/.
# Needs: bash, mvn, tar, awk, python3, GNU time (`apt-get install -y time`).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/target/bench
IN=$OUT/inputs
LOGS=$OUT/logs/bytecode
RES=$OUT/out
REPS=${REPS:-3}
JARS=${JARS:-guava commons-lang3 jackson-databind}
NOESCAPE_CLI=${NOESCAPE_CLI:-analyzer-core/target/noescape-cli.jar}
[[ $NOESCAPE_CLI == /* ]] || NOESCAPE_CLI=$ROOT/$NOESCAPE_CLI
JAVA=${JAVA:-$(command -v java || true)}
NOESCAPE_JAVA_OPTS=${NOESCAPE_JAVA_OPTS:-}
SPOTBUGS_JAVA_OPTS=${SPOTBUGS_JAVA_OPTS--Xmx768m} # unset: the launcher's heap; set but empty: no options
SKIP_NOESCAPE=${SKIP_NOESCAPE:-0}
SKIP_SPOTBUGS=${SKIP_SPOTBUGS:-0}
SB_VERSION=4.9.8
SBC_VERSION=7.7.4
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
[[ $SKIP_NOESCAPE == 1 && $SKIP_SPOTBUGS == 1 ]] && die "SKIP_NOESCAPE=1 and SKIP_SPOTBUGS=1: nothing to run"
[[ $REPS =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive integer, not '$REPS'"
[[ -n $JAVA && -x $JAVA ]] || die "no java binary: set JAVA=/path/to/bin/java"
command -v mvn >/dev/null || die "mvn is not on PATH"
command -v python3 >/dev/null || die "python3 is not installed"
command -v tar >/dev/null || die "tar is not installed"
has_gnu_time ||
  die "GNU time not found at /usr/bin/time (apt-get install -y time)"
if [[ $SKIP_NOESCAPE != 1 ]]; then
  [[ -s $NOESCAPE_CLI ]] ||
    die "noescape CLI not found at $NOESCAPE_CLI: build it (mvn -B -ntp -DskipTests package), set NOESCAPE_CLI, or SKIP_NOESCAPE=1"
fi

# coordinates NAME -> groupId:artifactId:version of the input jar
coordinates() {
  case $1 in
    guava) echo com.google.guava:guava:33.4.8-jre ;;
    commons-lang3) echo org.apache.commons:commons-lang3:3.18.0 ;;
    jackson-databind) echo com.fasterxml.jackson.core:jackson-databind:2.19.2 ;;
    *) die "unknown input '$1' in JARS (known: guava commons-lang3 jackson-databind)" ;;
  esac
}
for name in $JARS; do coordinates "$name" >/dev/null; done

mkdir -p "$IN" "$LOGS" "$RES"

# 1. Inputs, fetched once. A throwaway pom per download, so the checkout's build is not involved.
SB_HOME=$IN/spotbugs-$SB_VERSION
if [[ ! -s $SB_HOME/lib/spotbugs.jar ]]; then
  echo "Fetching SpotBugs $SB_VERSION and sb-contrib $SBC_VERSION..." >&2
  empty_pom "$IN/resolve" resolve ""
  fetch "$IN/mvn.log" -f "$IN/resolve/pom.xml" "$DEP_PLUGIN:copy" \
    -Dartifact=com.github.spotbugs:spotbugs:$SB_VERSION:tgz -DoutputDirectory="$IN/download"
  rm -rf "$SB_HOME" && tar xzf "$IN/download/spotbugs-$SB_VERSION.tgz" -C "$IN"
  [[ -s $SB_HOME/lib/spotbugs.jar ]] || die "spotbugs-$SB_VERSION.tgz has no lib/spotbugs.jar"
fi
SBC_JAR=$IN/download/sb-contrib-$SBC_VERSION.jar
if [[ ! -s $SBC_JAR ]]; then
  empty_pom "$IN/resolve" resolve ""
  fetch "$IN/mvn.log" -f "$IN/resolve/pom.xml" "$DEP_PLUGIN:copy" \
    -Dartifact=com.mebigfatguy.sb-contrib:sb-contrib:$SBC_VERSION -DoutputDirectory="$IN/download"
fi
# The launcher's own default heap, recorded in the report.
SB_SCRIPT_HEAP=$(sed -n 's/^fb_maxheap=\${fb_maxheap:-"\(.*\)"}$/\1/p' "$SB_HOME/bin/spotbugs" | head -n 1)

# input_jar NAME -> path of the jar; input_cp NAME -> ':'-separated dependency jars
input_jar() { local c; c=$(coordinates "$1"); IFS=: read -r _ a v <<<"$c"; echo "$IN/$1/$a-$v.jar"; }
input_cp() { find "$IN/$1/lib" -name '*.jar' | sort | paste -sd: -; }
for name in $JARS; do
  jar=$(input_jar "$name")
  [[ -s $jar ]] && continue
  echo "Fetching $(coordinates "$name") and its runtime dependencies..." >&2
  IFS=: read -r g a v <<<"$(coordinates "$name")"
  rm -rf "${IN:?}/$name"
  empty_pom "$IN/$name" "input-$name" \
    "<dependencies><dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency></dependencies>"
  fetch "$IN/mvn.log" -f "$IN/$name/pom.xml" "$DEP_PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$IN/$name/lib"
  mv "$IN/$name/lib/$a-$v.jar" "$jar"
done

# 2. Runs.
# measure TOOL NAME REP -> prints "wall_seconds cpu_seconds peak_rss_kb exit_code"; stops the
# script on an unexpected exit code.
measure() {
  local tool=$1 name=$2 rep=$3 jar cp base cmd
  jar=$(input_jar "$name"); cp=$(input_cp "$name")
  base=$LOGS/$name-$tool-$rep
  if [[ $tool == spotbugs ]]; then
    rm -f "$RES/$name-spotbugs.xml"
    # shellcheck disable=SC2086
    cmd=("$JAVA" -classpath "$SB_HOME/lib/spotbugs.jar" -Dspotbugs.home="$SB_HOME" $SPOTBUGS_JAVA_OPTS
      edu.umd.cs.findbugs.FindBugs2 -pluginList "$SBC_JAR" ${cp:+-auxclasspath "$cp"}
      -xml -output "$RES/$name-spotbugs.xml" "$jar")
  else
    rm -f "$RES/$name-noescape.json"
    # shellcheck disable=SC2086
    cmd=("$JAVA" $NOESCAPE_JAVA_OPTS -jar "$NOESCAPE_CLI" ${cp:+--classpath "$cp"}
      --json "$RES/$name-noescape.json" "$jar")
  fi
  printf '%q ' "${cmd[@]}" > "$base.cmd"
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$base.time" "${cmd[@]}" >"$base.out" 2>"$base.err" || rc=$?
  t1=$(date +%s.%N)
  local ok=0
  local -A expected=([spotbugs]=0 [noescape]="0 or 1")
  if [[ $tool == spotbugs ]]; then
    [[ $rc == 0 ]] && ok=1
  else
    [[ $rc == 0 || $rc == 1 ]] && ok=1
  fi
  local report=$RES/$name-noescape.json
  [[ $tool == spotbugs ]] && report=$RES/$name-spotbugs.xml
  if [[ $ok == 1 && ! -s $report ]]; then
    echo "---- $tool on $name (rep $rep) exited with $rc but wrote no $report" >&2
    ok=0
  fi
  if [[ $ok != 1 ]]; then
    {
      echo "---- $tool on $name (rep $rep) exited with $rc; command: $base.cmd"
      echo "---- stderr ($base.err), last 60 lines:"
      tail -n 60 "$base.err"
      echo "---- stdout ($base.out), last 20 lines:"
      tail -n 20 "$base.out"
    } >&2
    die "$tool failed on $name (exit code $rc; expected ${expected[$tool]})"
  fi
  local rss cpu
  rss=$(time_rss "$base.time")
  cpu=$(time_cpu "$base.time")
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}') $cpu $rss $rc"
}


# Counts, for information: SpotBugs BugInstances (by plugin) and classes; noescape findings (by rule).
spotbugs_counts() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception as e:
    print("NA (unreadable XML: %s)" % e); sys.exit(0)
bugs = root.findall("BugInstance")
patterns = {p.get("type"): p.get("category") for p in root.findall("BugPattern")}
summary = root.find("FindBugsSummary")
classes = summary.get("total_classes") if summary is not None else "?"
core = {"BAD_PRACTICE", "CORRECTNESS", "PERFORMANCE", "STYLE", "MALICIOUS_CODE", "MT_CORRECTNESS",
        "I18N", "SECURITY", "EXPERIMENTAL", "NOISE"}
by_cat = {}
for b in bugs:
    by_cat[b.get("category")] = by_cat.get(b.get("category"), 0) + 1
cats = ", ".join("%s %d" % (c, n) for c, n in sorted(by_cat.items(), key=lambda x: -x[1]))
print("%d bugs in %s classes (%s)" % (len(bugs), classes, cats or "none"))
PY
}
noescape_counts() {
  python3 - "$1" <<'PY'
import json, sys
try:
    with open(sys.argv[1]) as f:
        data = json.load(f)
except Exception as e:
    print("NA (unreadable JSON: %s)" % e); sys.exit(0)
def find_list(d):
    if isinstance(d, list):
        return d
    if isinstance(d, dict):
        for k in ("findings", "results", "issues"):
            if isinstance(d.get(k), list):
                return d[k]
        for v in d.values():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                return v
    return None
findings = find_list(data)
if findings is None:
    print("NA (no findings list in the JSON)"); sys.exit(0)
by_rule = {}
for f in findings:
    r = "?"
    if isinstance(f, dict):
        inner = f.get("finding") if isinstance(f.get("finding"), dict) else {}
        r = f.get("rule") or f.get("ruleId") or f.get("rule_id") or inner.get("rule") or inner.get("ruleId") or "?"
        if isinstance(r, dict):
            r = r.get("id") or r.get("name") or "?"
    by_rule[str(r)] = by_rule.get(str(r), 0) + 1
rules = ", ".join("%s %d" % (r, n) for r, n in sorted(by_rule.items(), key=lambda x: -x[1]))
print("%d findings (%s)" % (len(findings), rules or "none"))
PY
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date -u '+%Y-%m-%d %H:%M UTC')
sections=() summary=() tsv=()
for name in $JARS; do
  jar=$(input_jar "$name")
  mkdir -p "$IN/$name/lib"
  ndeps=$(find "$IN/$name/lib" -name '*.jar' | wc -l)
  nclasses=$(python3 -c 'import sys, zipfile; print(sum(1 for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.endswith(".class") and not n.startswith("META-INF/")))' "$jar")
  find "$IN/$name" -name '*.jar' -exec cat {} + > /dev/null # into the page cache
  echo "$(coordinates "$name"): $nclasses classes, $ndeps dependency jars; $REPS repetitions..." >&2
  rows=() ws=() cs=() rs=() wn=() cn=() rn=() wr=() cr=() rr=()
  for ((i = 1; i <= REPS; i++)); do
    ts=NA cps=NA ms=NA tn=NA cpn=NA mn=NA rcn=NA
    if [[ $SKIP_NOESCAPE == 1 ]]; then
      res=$(measure spotbugs "$name" "$i"); read -r ts cps ms _ <<<"$res"; order=SpotBugs
    elif [[ $SKIP_SPOTBUGS == 1 ]]; then
      res=$(measure noescape "$name" "$i"); read -r tn cpn mn rcn <<<"$res"; order=noescape
    elif ((i % 2)); then
      res=$(measure spotbugs "$name" "$i"); read -r ts cps ms _ <<<"$res"
      res=$(measure noescape "$name" "$i"); read -r tn cpn mn rcn <<<"$res"; order="SpotBugs, noescape"
    else
      res=$(measure noescape "$name" "$i"); read -r tn cpn mn rcn <<<"$res"
      res=$(measure spotbugs "$name" "$i"); read -r ts cps ms _ <<<"$res"; order="noescape, SpotBugs"
    fi
    r_w=$(ratio "$ts" "$tn"); r_c=$(ratio "$cps" "$cpn"); r_r=$(ratio "$ms" "$mn")
    [[ $ts == NA ]] || { ws+=("$ts"); cs+=("$cps"); rs+=("$ms"); }
    [[ $tn == NA ]] || { wn+=("$tn"); cn+=("$cpn"); rn+=("$mn"); }
    [[ $r_w == NA ]] || { wr+=("$r_w"); cr+=("$r_c"); rr+=("$r_r"); }
    rows+=("| $i | $order | $ts | $cps | $(mb "$ms") | $tn | $cpn | $(mb "$mn") | $rcn | $r_w | $r_c | $r_r |")
    echo "  rep $i ($order): SpotBugs ${ts}s wall/${cps}s cpu/$(mb "$ms") MB  noescape ${tn}s wall/${cpn}s cpu/$(mb "$mn") MB" >&2
  done
  mws=$(med "${ws[@]}") mcs=$(med "${cs[@]}") mrs=$(med "${rs[@]}")
  mwn=$(med "${wn[@]}") mcn=$(med "${cn[@]}") mrn=$(med "${rn[@]}")
  mwr=$(med "${wr[@]}") mcr=$(med "${cr[@]}") mrr=$(med "${rr[@]}")
  sb_count="not run (SKIP_SPOTBUGS=1)"
  [[ $SKIP_SPOTBUGS == 1 ]] || sb_count=$(spotbugs_counts "$RES/$name-spotbugs.xml")
  ne_count="not run (SKIP_NOESCAPE=1)"
  [[ $SKIP_NOESCAPE == 1 ]] || ne_count=$(noescape_counts "$RES/$name-noescape.json")
  sb_short=${sb_count%% *} ne_short=${ne_count%% *}
  [[ $sb_short == not ]] && sb_short=—
  [[ $ne_short == not ]] && ne_short=—
  tsv+=("$name	$mws	$mwn	$mwr	$mcs	$mcn	$mcr	$mrs	$mrn	$mrr")
  summary+=("| $name | $mws | $mwn | **$mwr** | $mcs | $mcn | **$mcr** | $(mb "$mrs") | $(mb "$mrn") | **$mrr** | $sb_short | $ne_short |")
  sec=$(
    echo "## $(coordinates "$name")"
    echo
    echo "- input: \`$(basename "$jar")\`, $nclasses classes; class path: $ndeps jars$( ((ndeps == 0)) || echo " ($(find "$IN/$name/lib" -name '*.jar' -printf '%f\n' | sort | paste -sd' ' -))")"
    echo "- SpotBugs (last run): $sb_count"
    echo "- noescape (last run): $ne_count"
    echo
    echo "| rep | order | SpotBugs wall s | SpotBugs CPU s | SpotBugs peak RSS MB | noescape wall s | noescape CPU s | noescape peak RSS MB | noescape exit | wall ratio | CPU ratio | RSS ratio |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo "| **median** | | **$mws** | **$mcs** | **$(mb "$mrs")** | **$mwn** | **$mcn** | **$(mb "$mrn")** | | **$mwr** | **$mcr** | **$mrr** |"
    echo
    echo "Ratios noescape/SpotBugs, median of the per-repetition ratios: **$mwr** wall, **$mcr** CPU, **$mrr** peak RSS (ratios of the medians: $(ratio "$mws" "$mwn") wall, $(ratio "$mcs" "$mcn") CPU, $(ratio "$mrs" "$mrn") RSS)."
  )
  sections+=("$sec")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# noescape CLI vs SpotBugs + sb-contrib on real jars"
  echo
  echo "- date: $start (started), $(date -u '+%Y-%m-%d %H:%M UTC') (finished)"
  echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)"
  echo "- java (both tools): \`$JAVA\` → $("$JAVA" -version 2>&1 | head -n 1)"
  echo "  ($("$JAVA" -version 2>&1 | sed -n 3p))"
  if [[ $SKIP_SPOTBUGS == 1 ]]; then
    echo "- SpotBugs: not run (SKIP_SPOTBUGS=1)"
  else
    echo "- SpotBugs $SB_VERSION (distribution com.github.spotbugs:spotbugs:$SB_VERSION:tgz) + sb-contrib $SBC_VERSION, \`FindBugs2\` text UI, default effort and priority threshold, XML output; JVM options: \`${SPOTBUGS_JAVA_OPTS:-none}\` (the distribution's bin/spotbugs uses ${SB_SCRIPT_HEAP:-?})"
  fi
  if [[ $SKIP_NOESCAPE == 1 ]]; then
    echo "- noescape: not run (SKIP_NOESCAPE=1)"
  else
    echo "- noescape: \`java ${NOESCAPE_JAVA_OPTS:+$NOESCAPE_JAVA_OPTS }-jar $NOESCAPE_CLI --classpath <deps> --json <out> <jar>\` (jar of $(date -u -r "$NOESCAPE_CLI" '+%Y-%m-%d %H:%M UTC'), $(($(stat -c %s "$NOESCAPE_CLI") / 1048576)) MB)"
    if [[ -z ${NOESCAPE_JAVA_OPTS:-} ]]; then
      echo "  (no collector or heap option given, so the command line re-runs itself in a child JVM with -XX:+UseSerialGC; GNU time's peak RSS is the larger of the two processes, i.e. the analyzing child: the waiting launcher JVM adds about 50 MB)"
    fi
  fi
  order_note="order alternating (odd: SpotBugs first)"
  [[ $SKIP_NOESCAPE == 1 || $SKIP_SPOTBUGS == 1 ]] && order_note="one tool only"
  echo "- $REPS repetitions per tool and jar, $order_note, no warm-up run; wall time of the process, CPU = user + sys of all its threads, peak RSS from GNU time"
  echo "- load average (1, 5, 15 min) before: $load_before, after: $load_after; $(nproc) CPUs shared with other work make wall time noisy, CPU time less so"
  echo "- bug and finding counts are for information only: SpotBugs looks for bugs, noescape for allocations"
  echo
  echo "## Summary (medians; ratio = noescape / SpotBugs, median of the per-repetition ratios)"
  echo
  echo "| jar | SpotBugs wall s | noescape wall s | wall ratio | SpotBugs CPU s | noescape CPU s | CPU ratio | SpotBugs RSS MB | noescape RSS MB | RSS ratio | SpotBugs bugs | noescape findings |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${summary[@]}"
  for sec in "${sections[@]}"; do
    echo
    echo "$sec"
  done
} | tee "$OUT/bytecode-vs-spotbugs.md"
# The medians for bench/run.sh's summary, one row per jar (RSS in KB).
{
  printf 'jar\tspotbugs_wall\tnoescape_wall\twall_ratio\tspotbugs_cpu\tnoescape_cpu\tcpu_ratio\tspotbugs_rss_kb\tnoescape_rss_kb\trss_ratio\n'
  printf '%s\n' "${tsv[@]}"
} > "$OUT/bytecode-vs-spotbugs.tsv"
