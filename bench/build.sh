#!/usr/bin/env bash
# Builds what the benchmarks need and prints the classpath to run them with.
# The root jar is built only if missing (the default build is untouched: bench/ is not a module of it).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -f target/maildoctor-all.jar || -n "${REBUILD:-}" ]]; then
  mvn -B -q package -Dmaven.test.skip=true >&2
fi
mvn -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
echo "bench/target/classes:$(cat bench/target/classpath.txt)"
