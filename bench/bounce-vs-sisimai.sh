#!/usr/bin/env bash
# Issue 3 part 7, side by side in one run: `maildoctor bounce parse` (the shaded jar, a fresh JVM,
# JSON lines) and Sisimai 4.25 (Debian libsisimai-perl, bench/sisimai_driver.pl, JSON lines) as whole
# processes over the bounce corpus's mail files (.eml and mbox; the webhook JSON samples are left
# out because Sisimai 4 reads them only through a separate input mode) copied COPIES times (default
# 20). Target: maildoctor's wall time <= 1/10 of Sisimai's. Each side runs RUNS times (default 3),
# alternating, and the best and median wall times are reported (the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
COPIES="${COPIES:-20}"
RUNS="${RUNS:-3}"
SRC=src/test/resources/corpora/bounces
WORK=bench/target/bounce-x$COPIES
ROOT="$PWD"
[[ -f target/maildoctor-all.jar ]] || bench/build.sh >/dev/null
if [[ ! -d $WORK ]]; then
  for i in $(seq -w 1 "$COPIES"); do
    mkdir -p "$WORK/copy-$i"
    (cd "$SRC" && find . -type f \( -name '*.eml' -o -path './mbox/*' \) -print0 | cpio -0pdm --quiet "$ROOT/$WORK/copy-$i")
  done
fi
files=$(find "$WORK" -type f | wc -l)
mb=$(du -sm "$WORK" | cut -f1)
echo "# $(date -u +%FT%TZ)  $files files ($mb MB) in $WORK  load: $(uptime | sed 's/.*load average/load average/')"
# maildoctor runs through its launcher, as a user runs it (MD_LAUNCH=jar: plain `java -jar`, the
# figures recorded before branch bounce-speed). One untimed call first lets the launcher build the
# jar if the sources are newer and make its JDK 25 AOT cache (once per build).
if [[ "${MD_LAUNCH:-launcher}" == jar ]]; then
  MD=("$JAVA_HOME/bin/java" -jar target/maildoctor-all.jar)
else
  MD=(./maildoctor)
  MAILDOCTOR_AOT_WAIT=1 ./maildoctor explain "550 5.1.1 <a@example.org>: user unknown" > /dev/null
fi
echo "# maildoctor command: ${MD[*]}"
# wall and CPU (user+sys) per process: on the shared machine wall time mostly measures the queue for
# a core, CPU time what the work itself needed
T='%e %U %S %M'
md=(); ss=(); mdc=(); ssc=()
for r in $(seq 1 "$RUNS"); do
  /usr/bin/time -o bench/target/md-time -f "$T" "${MD[@]}" bounce parse "$WORK" \
    > bench/target/md-out.jsonl 2> bench/target/md-err.txt || true
  /usr/bin/time -o bench/target/sisimai-time -f "$T" perl bench/sisimai_driver.pl "$WORK" \
    > bench/target/sisimai-out.jsonl 2> bench/target/sisimai-err.txt
  read -r w u s m < <(tail -1 bench/target/md-time); md+=("$w"); mdc+=("$(echo "$u + $s" | bc)"); mdm=$m
  read -r w u s m < <(tail -1 bench/target/sisimai-time); ss+=("$w"); ssc+=("$(echo "$u + $s" | bc)"); ssm=$m
  echo "run $r: maildoctor ${md[-1]} s wall, ${mdc[-1]} s CPU, ${mdm} KB max RSS | sisimai ${ss[-1]} s wall, ${ssc[-1]} s CPU, ${ssm} KB max RSS  (load: $(cut -d' ' -f1-3 /proc/loadavg))"
done
echo "maildoctor: $(wc -l < bench/target/md-out.jsonl) result lines; stderr: $(wc -l < bench/target/md-err.txt) warning lines"
tail -1 bench/target/sisimai-err.txt
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() {
  awk -v m="$2" -v s="$3" -v what="$1" 'BEGIN { printf "%-22s maildoctor %.2f s, sisimai %.2f s: maildoctor takes %.3f of sisimai'"'"'s time, %.1fx faster (target <= 0.1: %s)\n", what, m, s, m / s, s / m, (m / s <= 0.1 ? "met" : "NOT met") }'
}
ratio "median wall time:" "$(med "${md[@]}")" "$(med "${ss[@]}")"
ratio "median CPU time:" "$(med "${mdc[@]}")" "$(med "${ssc[@]}")"
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
