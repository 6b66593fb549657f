#!/usr/bin/env bash
# Side by side, one run: DKIM verification of the corpus's signed messages (keys from dns.tsv, in
# memory) through maildoctor and through dkimpy (Debian python3-dkim), plus one 10 KB RSA-2048
# message signed by maildoctor and verified by both; ratios printed (target: maildoctor >= 5x).
# Both loops do the same work: messages and keys read into memory once, before timing; every
# signature of every signed message verified per round. BENCH_CLOCK=proc (whole-JVM CPU time vs
# Python's process_time) is the like-for-like clock; it needs the long default warmup (1500 rounds),
# or C2 compilation still running in the timed rounds is counted (measured: 45 vs 27 us/message).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CORPUS=src/test/resources/corpora/dkim
OUT=bench/target/peer   # the 10 KB RSA-2048 message and its key record, shared by both drivers
CP="$(bench/build.sh)"
echo "# $(date -u +%FT%TZ)  clock: ${BENCH_CLOCK:-wall} (BENCH_CLOCK=cpu: CPU time on both sides, Java thread; proc: whole JVM)  load: $(uptime | sed 's/.*load average/load average/')"
java_out="$("$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.DkimCorpusLoop "$CORPUS" "$OUT" \
  "${DKIM_WARMUP:-1500}" "${DKIM_ROUNDS:-200}")"
echo "$java_out"
py_out="$(/usr/bin/python3 bench/dkimpy_corpus.py "$CORPUS" "$OUT" "${PY_WARMUP:-2}" "${PY_ROUNDS:-50}")"
echo "$py_out"
per() { sed -n "s/.*$1.*: \([0-9.]*\) us\/$2.*/\1/p" <<<"$3"; }
ratio() {
  awk -v j="$2" -v p="$3" -v what="$1" \
    'BEGIN { r = p / j; printf "ratio (%s): maildoctor is %.2fx dkimpy (target >= 5x: %s)\n", what, r, (r >= 5 ? "met" : "NOT met") }'
}
ratio "corpus, per message" "$(per corpus message "$java_out")" "$(per corpus message "$py_out")"
ratio "10 KB RSA-2048" "$(per RSA-2048 verification "$java_out")" "$(per RSA-2048 verification "$py_out")"
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
