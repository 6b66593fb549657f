#!/usr/bin/env bash
# Issue 7 part 6: the template checker on the content corpus (speed on one thread; precision/recall
# next to SpamAssassin's recorded verdicts), the receiver's analysis with DNS in memory (1 and 2
# threads), and the receiver end to end (ReceiverThroughput: Postfix's smtp-source as the client
# process, the receiver's own process CPU time; RECEIVER_MESSAGES, RECEIVER_SESSIONS, RECEIVER_WARMUP). The end-to-end receiver load test (200 connections, 5,000 messages) is an IT:
#   MAIL_HARNESS_STATE=... mvn -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReceiverLoadIT
# (figures in target/receiver-load.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CP="$(bench/build.sh)"
CORPUS="${CONTENT_CORPUS:-src/test/resources/corpora/content}"
echo "# $(date -u +%FT%TZ)  load: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.ContentCheckerLoop "$CORPUS" "${SECONDS_PER_RUN:-10}"
"$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.AnalyzerLoop "${SECONDS_PER_RUN:-10}"
"$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.ReceiverThroughput "${RECEIVER_MESSAGES:-5000}" \
  "${RECEIVER_SESSIONS:-20}" "${RECEIVER_WARMUP:-3000}"
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
