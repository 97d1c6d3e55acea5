#!/usr/bin/env bash
# Reproduces the figures of docs/performance.md: builds the component and this module (tests skipped), then
#   1. StackBenchmark: machine, footprint, what one instance registers, resource-graph depth, and the stack runs
#      (hand-written resources vs EncryptedAiDataKey, N = 1, 10, 100, 1000);
#   2. the component's runtime dependency tree, as Maven resolves it for a consumer;
#   3. startup.sh: JVM start to program end for a one-component stack and the ec2-ai-service offline plan,
#      with and without start-up flags;
#   4. PlanBenchmark: the offline plan against a stack's state (1 and 100 components) relative to the plan of a
#      new stack.
# Takes five to ten minutes on two cores, depending on how busy they are.
#
# Usage: bash benchmarks/reproduce.sh [StackBenchmark options, e.g. --rounds 12 --warmup 3]
#        STARTUP_RUNS=10 MAVEN_RUNS=0 JAVA=/path/to/bin/java bash benchmarks/reproduce.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA:-java}

./mvnw -B -q -pl benchmarks -am package -DskipTests

"$java" -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)" \
  io.github.aidatakeys.benchmarks.StackBenchmark "$@"

echo
echo "== Runtime dependencies of the component (./mvnw -q -pl component dependency:tree -Dscope=runtime)"
./mvnw -B -q -pl component dependency:tree -Dscope=runtime -DoutputFile=target/runtime-dependency-tree.txt
tree=component/target/runtime-dependency-tree.txt
echo "  direct:"
grep -E '^[+\\]- ' "$tree" | sed 's/^/    /'
echo "  transitive, all scopes that reach a consumer's runtime: $(( $(grep -c . "$tree") - 1 )) artifacts (full tree: $tree)"

echo
JAVA=$java bash benchmarks/startup.sh "${STARTUP_RUNS:-5}"

echo
"$java" -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)" \
  io.github.aidatakeys.benchmarks.PlanBenchmark
