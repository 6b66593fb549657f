#!/usr/bin/env bash
# Issue 8 part 8: plan 10,000 mailboxes' warm-up schedules (target < 1 s per batch).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CP="$(bench/build.sh)"
echo "# $(date -u +%FT%TZ)  load: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.WarmupPlanLoop "${1:-10000}"
