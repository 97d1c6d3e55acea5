#!/usr/bin/env bash
# Start-up cost of a stack with one EncryptedAiDataKey under the Pulumi SDK's mock engine, in fresh JVMs, with:
#   default flags | -XX:TieredStopAtLevel=1 | AppCDS | AppCDS + TieredStopAtLevel=1 (| JDK 25+: AOT cache)
# Every JVM gets -Djava.util.concurrent.ForkJoinPool.common.parallelism=4. The configurations are interleaved,
# run by run, so that a busy machine slows them alike.
#
# Usage, from anywhere, after `./mvnw -B -q -pl benchmarks -am package -DskipTests`:
#   bash benchmarks/startup.sh [RUNS]          (RUNS per configuration, default 5)
#   JAVA=/path/to/bin/java bash benchmarks/startup.sh   (another JDK)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
java=${JAVA:-java}
target=benchmarks/target
jar=$(ls "$target"/encrypted-ai-data-key-benchmarks-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
if [[ -z "$jar" || ! -f "$target/runtime.classpath" ]]; then
  echo "build first: ./mvnw -B -q -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
# Jars only: class data sharing does not archive classes from directories.
cp="$jar:$(cat "$target/runtime.classpath")"
main=io.github.aidatakeys.benchmarks.StartupProbe
base=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=4)
jsa=$target/startup-app.jsa
aot=$target/startup-app.aot
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')

labels=("default flags" "-XX:TieredStopAtLevel=1" "AppCDS (-XX:SharedArchiveFile)" "AppCDS + -XX:TieredStopAtLevel=1")
flags=("" "-XX:TieredStopAtLevel=1" "-XX:SharedArchiveFile=$jsa" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1")

# Training run: the classes this program loads, archived when the JVM exits.
rm -f "$jsa" "$aot" "$target/startup-runs.log"
"$java" "${base[@]}" -XX:ArchiveClassesAtExit="$jsa" -cp "$cp" "$main" > "$target/startup-cds-dump.log" 2>&1
if (( ${feature%%.*} >= 25 )); then
  # JDK 25 (JEP 514): one training run writes an ahead-of-time cache (classes loaded and linked, method profiles).
  "$java" "${base[@]}" -XX:AOTCacheOutput="$aot" -cp "$cp" "$main" > "$target/startup-aot-dump.log" 2>&1
  labels+=("AOT cache (-XX:AOTCache, JDK 25)")
  flags+=("-XX:AOTCache=$aot")
fi

declare -a inside outside
for ((r = 0; r < runs; r++)); do
  for i in "${!flags[@]}"; do
    # shellcheck disable=SC2206
    extra=(${flags[$i]})
    t0=$(date +%s%N)
    out=$("$java" "${base[@]}" "${extra[@]}" -cp "$cp" "$main" 2>>"$target/startup-runs.log")
    t1=$(date +%s%N)
    grep -q ' ok$' <<<"$out" || { echo "run failed (${labels[$i]}): $out" >&2; exit 1; }
    inside[$i]+="$(sed -n 's/.*process=\([0-9]*\).*/\1/p' <<<"$out") "
    outside[$i]+="$(( (t1 - t0) / 1000000 )) "
  done
done

stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR]=$1} END {
  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%5d / %5d / %5d", v[1], m, v[NR] }'; }

echo "== Start-up: one EncryptedAiDataKey under the mock engine (OfflineStack), $runs fresh JVMs per configuration"
echo "   $("$java" -version 2>&1 | head -1); nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   AppCDS archive: $(du -h "$jsa" | cut -f1) (written by one training run with -XX:ArchiveClassesAtExit)"
[[ -f "$aot" ]] && echo "   AOT cache: $(du -h "$aot" | cut -f1) (written by one training run with -XX:AOTCacheOutput)"
printf '   %-36s %-28s %s\n' "" "process start -> program end" "whole command, JVM exit included"
printf '   %-36s %-28s %s\n' "" "ms min / median / max" "ms min / median / max"
for i in "${!flags[@]}"; do
  printf '   %-36s %-28s %s\n' "${labels[$i]}" "$(stats "${inside[$i]}")" "$(stats "${outside[$i]}")"
done
