#!/usr/bin/env bash
# Start-up: how long a fresh JVM takes to run a stack program under the Pulumi SDK's mock engine, with
#   default flags | -XX:TieredStopAtLevel=1 | AppCDS | AppCDS + TieredStopAtLevel=1 (| on JDK 25+: AOT cache)
# for (1) StartupProbe, a stack with one EncryptedAiDataKey run by OfflineStack, and (2) when the example exists,
# the offline plan of examples/ec2-ai-service, run directly with java and (3) through its documented Maven command.
# Every JVM gets -Djava.util.concurrent.ForkJoinPool.common.parallelism=4. The configurations are interleaved run
# by run, so that a busy machine slows them alike.
#
# Usage, after `./mvnw -B -q -pl benchmarks -am package -DskipTests`:
#   bash benchmarks/startup.sh [RUNS]        RUNS fresh JVMs per configuration (default 5)
#   JAVA=/path/to/bin/java                   another JDK
#   MAVEN_RUNS=2                             runs of the example's Maven plan command per configuration (0: skip)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
maven_runs=${MAVEN_RUNS:-2}
java=${JAVA:-java}
target=benchmarks/target
jar=$(ls "$target"/encrypted-ai-data-key-benchmarks-*.jar 2>/dev/null | head -1 || true)
if [[ -z "$jar" || ! -f "$target/runtime.classpath" ]]; then
  echo "build first: ./mvnw -B -q -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
runtime_cp=$(cat "$target/runtime.classpath")
base=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=4)
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
log=$target/startup.log
: > "$log"

stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR]=$1} END {
  if (NR == 0) { printf "%-21s", "-"; exit }
  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%5d / %5d / %5d", v[1], m, v[NR] }'; }

# series NAME CLASSPATH MAIN [ARGS...]: trains the archives, then times every configuration RUNS times.
# The class path must hold jars only: class data sharing does not archive classes from directories.
series() {
  local name=$1 cp=$2 main=$3
  shift 3
  local jsa=$target/startup-$name.jsa aot=$target/startup-$name.aot
  local labels=("default flags" "-XX:TieredStopAtLevel=1" "AppCDS (-XX:SharedArchiveFile)"
                "AppCDS + -XX:TieredStopAtLevel=1")
  local flags=("" "-XX:TieredStopAtLevel=1" "-XX:SharedArchiveFile=$jsa" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1")
  rm -f "$jsa" "$aot"
  # Training run: the classes this program loads, archived when the JVM exits.
  "$java" "${base[@]}" -XX:ArchiveClassesAtExit="$jsa" -cp "$cp" "$main" "$@" >> "$log" 2>&1
  if (( ${feature%%.*} >= 25 )); then
    # JDK 25 (JEP 514): one training run writes an ahead-of-time cache (classes loaded and linked, profiles).
    "$java" "${base[@]}" -XX:AOTCacheOutput="$aot" -cp "$cp" "$main" "$@" >> "$log" 2>&1
    labels+=("AOT cache (-XX:AOTCache, JDK 25)")
    flags+=("-XX:AOTCache=$aot")
  fi
  local -a inside=() outside=()
  local r i t0 t1 out extra
  for ((r = 0; r < runs; r++)); do
    for i in "${!flags[@]}"; do
      # shellcheck disable=SC2206
      extra=(${flags[$i]})
      t0=$(date +%s%N)
      if ! out=$("$java" "${base[@]}" "${extra[@]}" -cp "$cp" "$main" "$@" 2>>"$log"); then
        echo "run failed ($name, ${labels[$i]}): $out" >&2
        exit 1
      fi
      t1=$(date +%s%N)
      inside[$i]+="$(sed -n 's/^startup-ms process=\([0-9]*\).*/\1/p' <<<"$out") "
      outside[$i]+="$(( (t1 - t0) / 1000000 )) "
    done
  done
  echo "   AppCDS archive $(du -h "$jsa" | cut -f1)$([[ -f "$aot" ]] && echo ", AOT cache $(du -h "$aot" | cut -f1)")," \
       "each written by one training run (-XX:ArchiveClassesAtExit / -XX:AOTCacheOutput)"
  printf '   %-36s %-24s %s\n' "ms: min / median / max" "process start -> end" "whole command, JVM exit included"
  for i in "${!flags[@]}"; do
    printf '   %-36s %-24s %s\n' "${labels[$i]}" "$(stats "${inside[$i]:-}")" "$(stats "${outside[$i]}")"
  done
}

echo "== Start-up in fresh JVMs, $runs per configuration, interleaved"
echo "   $("$java" -version 2>&1 | head -1); nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "-- (1) StartupProbe: one EncryptedAiDataKey, OfflineStack, two exports"
series probe "$jar:$runtime_cp" io.github.aidatakeys.benchmarks.StartupProbe

example=examples/ec2-ai-service
if [[ -f $example/pom.xml && -f $example/Pulumi.dev.yaml ]]; then
  plan_cmd=(./mvnw -q -Pplan -pl "$example" -am package)
  declare -a mvn_times=()
  mvn_labels=("as documented" "MAVEN_OPTS=-XX:TieredStopAtLevel=1")
  mvn_opts=("" "-XX:TieredStopAtLevel=1")
  # The first run builds the example's jar, which (2) needs; it is not counted.
  MAVEN_OPTS="" "${plan_cmd[@]}" > "$target/plan-output.txt" 2>>"$log"
  for ((r = 0; r < maven_runs; r++)); do
    for i in "${!mvn_opts[@]}"; do
      t0=$(date +%s%N)
      MAVEN_OPTS="${mvn_opts[$i]}" "${plan_cmd[@]}" > "$target/plan-output.txt" 2>>"$log"
      t1=$(date +%s%N)
      mvn_times[$i]+="$(( (t1 - t0) / 1000000 )) "
    done
  done
  example_jar=$(ls "$example"/target/*.jar | head -1)
  echo
  echo "-- (2) $example offline plan, run directly: java -cp <example jar + runtime class path> OfflinePlan ..."
  series plan "$example_jar:$runtime_cp" io.github.aidatakeys.testing.OfflinePlan \
    --program io.github.aidatakeys.examples.ec2.App --project ec2-ai-service --stack dev \
    --stack-config "$example/Pulumi.dev.yaml" --format text
  if (( maven_runs > 0 )); then
    echo
    echo "-- (3) $example offline plan through Maven: ${plan_cmd[*]} (builds the library first; $maven_runs runs)"
    printf '   %-36s %s\n' "ms: min / median / max" "whole command"
    for i in "${!mvn_opts[@]}"; do
      printf '   %-36s %s\n' "${mvn_labels[$i]}" "$(stats "${mvn_times[$i]}")"
    done
  fi
else
  echo
  echo "-- $example not found: only StartupProbe measured"
fi
