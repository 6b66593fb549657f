#!/usr/bin/env bash
# Issue 5 part 5: one IP against 20 DNS blocklists, every answer delayed 200 ms by a proxy in
# front of the harness DNS (BlocklistLatencyIT): prints the wall time of three checks.
# Needs a running harness (MAIL_HARNESS_STATE, default /tmp/mail-harness).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
echo "# $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -o -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BlocklistLatencyIT >/dev/null
grep -h "blocklist check against" target/failsafe-reports/org.maildoctor.blocklist.BlocklistLatencyIT-output.txt
