#!/usr/bin/env bash
# Issue 6 part 4: `maildoctor verify --input` streams 10 million rows with bounded memory.
# Generates an N-row CSV (default 10,000,000) of addresses that need no SMTP session — one third
# syntax errors, one third at the harness's null-MX domain (nullmx.test, RFC 7505), one third at a
# name the harness DNS answers NXDOMAIN for (ghost.good.test) — all distinct, and runs the bulk
# command with -Xmx256m on a fresh H2 store. Records peak RSS (GNU time), wall time, rows/s,
# exit code and the output's row count. Needs the harness DNS (MAIL_HARNESS_STATE, default the
# shared one: only DNS is queried, once per domain).
#   bench/verify-10m.sh [rows] [jar]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000000}"
JAR="${2:-target/maildoctor-all.jar}"
STATE="${MAIL_HARNESS_STATE:-/tmp/mail-harness}"
. "$STATE/harness.env"
WORK="${BENCH_WORK:-bench/target/verify-10m}"
rm -rf "$WORK" && mkdir -p "$WORK"
awk -v n="$ROWS" 'BEGIN { print "email"; for (i = 1; i <= n; i++) {
    m = i % 3; if (m == 0) print "broken address " i; else if (m == 1) print "u" i "@nullmx.test";
    else print "u" i "@ghost.good.test" } }' > "$WORK/list.csv"
echo "input: $(wc -l < "$WORK/list.csv") lines, $(du -h "$WORK/list.csv" | cut -f1)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
start=$(date +%s)
set +e
/usr/bin/time -v -o "$WORK/time.txt" "$JAVA" -Xmx256m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" \
    verify --data-dir "$WORK/store" --dns "127.0.0.1:$MAIL_HARNESS_DNS_PORT" --allow-private --input "$WORK/list.csv" --output "$WORK/out.csv" > "$WORK/stdout.txt" 2> "$WORK/stderr.txt"
rc=$?
set -e
secs=$(( $(date +%s) - start ))
out=$(( $(wc -l < "$WORK/out.csv" 2>/dev/null || echo 1) - 1 ))
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$WORK/time.txt")
heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
echo "rows=$ROWS exit=$rc wall=${secs}s cpu=${cpu}s rows_per_s=$(( ROWS / (secs > 0 ? secs : 1) ))" \
     "peak_rss_kb=$rss max_heap_before_gc_mb=$heap output_rows=$out"
tail -3 "$WORK/stdout.txt"
