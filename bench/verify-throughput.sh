#!/usr/bin/env bash
# Issue 6 part 6: session reuse vs one connection per address through a 10 ms delaying proxy.
# Needs YOUR OWN harness instance prepared by bench/verify-postfix.sh, e.g.
#   MAIL_HARNESS_STATE=/tmp/mh-verify bash bench/verify-postfix.sh
#   MAIL_HARNESS_STATE=/tmp/mh-verify bench/verify-throughput.sh [reuseCount] [singleCount]
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="${MAIL_HARNESS_STATE:?}"
. "$STATE/harness.env"
CP="$(bench/build.sh)"
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -Xmx512m -cp "$CP" org.maildoctor.bench.VerifyThroughput \
    "$MAIL_HARNESS_SMTP_PORT" "${PROXY_PORT:-2629}" "${1:-100000}" "${2:-10000}" "${DELAY_MS:-10}" "${PER_HOST:-4}"
