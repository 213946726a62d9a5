# Shared by the benchmark scripts in bench/ (sourced, not run): statistics, Maven downloads, GNU
# time parsing and the machine description. Each function is small; the scripts document what they
# measure, this file only how numbers are combined.
# shellcheck shell=bash

die() { echo "ERROR: $*" >&2; exit 1; }

# median: the median of the numbers on stdin, one per line (NA when there are none)
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) {print "NA"} else if (NR % 2) {print v[(NR + 1) / 2]} else {printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}}'; }
# med ARGS...: the median of the arguments, NA ones left out
med() { local v; v=$(printf '%s\n' "$@" | grep -v '^NA$' || true); if [[ -z $v ]]; then echo NA; else printf '%s\n' "$v" | median; fi; }
# mb KB: kilobytes as whole megabytes
mb() { [[ $1 == NA ]] && echo NA || awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
# ratio BASE X: X / BASE with three decimals (NA when either is NA or BASE is 0)
ratio() { [[ $1 == NA || $2 == NA ]] && echo NA || awk -v a="$1" -v b="$2" 'BEGIN {if (a > 0) printf "%.3f", b / a; else print "NA"}'; }

# GNU time -v output FILE -> CPU seconds (user + sys of all threads) / peak RSS in KB
time_cpu() { awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {t += $2} END {printf "%.2f", t}' "$1"; }
time_rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
# has_gnu_time: whether /usr/bin/time is GNU time (-v)
has_gnu_time() { [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; }

# empty_pom DIR ARTIFACT_ID [XML]: a throwaway pom in DIR (with XML, e.g. <dependencies>, inside
# <project>), so downloads never involve the checkout's own build
empty_pom() {
  mkdir -p "$1"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$2</artifactId><version>1</version>
  ${3:-}
</project>
POM
}
# ep_resolve_pom DIR: a throwaway pom in DIR depending on error_prone_core $EP_VERSION, to resolve
# Error Prone's processor path and download inputs with the dependency plugin
ep_resolve_pom() {
  empty_pom "$1" resolve-error-prone "<dependencies><dependency><groupId>com.google.errorprone</groupId><artifactId>error_prone_core</artifactId><version>$EP_VERSION</version></dependency></dependencies>"
}
# The maven-dependency-plugin that downloads every input from Maven Central.
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
# fetch LOG ARGS...: quiet Maven; its output (in LOG) shown only when it fails
fetch() {
  local log=$1; shift
  mvn -B -ntp -q -Dstyle.color=never "$@" >"$log" 2>&1 || { cat "$log" >&2; die "mvn $* failed"; }
}

# machine: one line naming the CPU model, cores, memory and kernel
machine() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  echo "${cpu:-unknown CPU}, $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)"
}
# loadavg: the 1, 5 and 15 minute load averages
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
