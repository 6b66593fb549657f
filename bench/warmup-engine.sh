#!/usr/bin/env bash
# Issue 8 part 8: one node drives the warm-up send/engage loop for 1,000 GreenMail mailboxes in real
# time; prints the send lag (ledger claimed_at - due_at) percentiles. Args: see WarmupEngineLoop.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CP="$(bench/build.sh)"
echo "# $(date -u +%FT%TZ)  load: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.WarmupEngineLoop "$@"
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
