#!/usr/bin/env bash
# JMH benchmarks of issue 4 part 6: SPF check_host() warm cache (target >= 500,000/s on one core)
# and DKIM verify of a 10 KB RSA-2048 message (target >= 10,000/s); issue 3 part 7: the bounce
# corpus parsed in-process (target >= 30,000 messages/s on one core). Extra args go to JMH,
# e.g. bench/run-jmh.sh Spf   (a regex of benchmark names).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CP="$(bench/build.sh)"
echo "# $(date -u +%FT%TZ)  load: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -t 1 "$@"
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
