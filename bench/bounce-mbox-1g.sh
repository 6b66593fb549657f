#!/usr/bin/env bash
# Issue 3 part 7: a generated 1 GB mbox (the corpus's .eml messages repeated, mboxrd quoting) streamed
# through `maildoctor bounce parse` with -Xmx256m. Records exit code, wall and CPU time, peak RSS,
# result lines and the last lines of stderr, whatever happens (SIZE overrides the size in bytes).
set -uo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SIZE="${SIZE:-1073741824}"
MBOX=bench/target/big-$SIZE.mbox
[[ -f target/maildoctor-all.jar ]] || bench/build.sh >/dev/null
mkdir -p bench/target
[[ -f $MBOX ]] || /usr/bin/python3 bench/make_mbox.py src/test/resources/corpora/bounces "$MBOX" "$SIZE"
echo "# $(date -u +%FT%TZ)  $(du -h "$MBOX" | cut -f1) $MBOX  load: $(uptime | sed 's/.*load average/load average/')"
/usr/bin/time -o bench/target/mbox-time -f '%e s wall, %U s user, %S s sys, %M KB max RSS' \
  "$JAVA_HOME/bin/java" -Xmx256m -jar target/maildoctor-all.jar bounce parse "$MBOX" \
  > bench/target/mbox-out.jsonl 2> bench/target/mbox-err.txt
rc=$?
echo "exit code $rc; $(tail -1 bench/target/mbox-time)"
echo "result lines: $(wc -l < bench/target/mbox-out.jsonl); stderr lines: $(wc -l < bench/target/mbox-err.txt); last stderr lines:"
grep -v '^\s*at ' bench/target/mbox-err.txt | tail -4 | cut -c1-300
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
