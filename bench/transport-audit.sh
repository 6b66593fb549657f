#!/usr/bin/env bash
# Wall time of a whole domain audit of good.test against a RUNNING harness, in one warm JVM, fresh
# resolver cache per audit: DNS-only sections, + MTA-STS/TLS-RPT/BIMI/DANE (HTTPS to the harness
# server), + STARTTLS of the harness Postfix. Sections run concurrently, so the transport sections
# should add about one HTTPS and one SMTP+TLS exchange, not their sum.
# Usage: bench/transport-audit.sh [STATE_DIR] [ROUNDS]   (default /tmp/mail-harness, 30)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CP="$(bench/build.sh)"
echo "# bench/transport-audit.sh ($(date -u +%FT%TZ), load $(cut -d' ' -f1 /proc/loadavg), $(nproc) cores)"
"$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.TransportAuditLoop "${1:-${MAIL_HARNESS_STATE:-/tmp/mail-harness}}" "${2:-30}"
