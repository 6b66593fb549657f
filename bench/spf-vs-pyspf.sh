#!/usr/bin/env bash
# Side by side, one run: the RFC 7208 suite in a loop through maildoctor (in-process, in-memory DNS)
# and through pyspf (Debian python3-spf, in-memory DNS), then the ratio (target: maildoctor >= 10x).
# Rounds: SPF_WARMUP/SPF_ROUNDS for Java (the JIT needs a long warm-up), PY_WARMUP/PY_ROUNDS for pyspf.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
YAML=src/test/resources/corpora/spf/rfc7208-tests.yml
CP="$(bench/build.sh)"
echo "# $(date -u +%FT%TZ)  clock: ${BENCH_CLOCK:-wall} (BENCH_CLOCK=cpu: CPU time on both sides)  load: $(uptime | sed 's/.*load average/load average/')"
java_out="$("$JAVA_HOME/bin/java" -cp "$CP" org.maildoctor.bench.SpfSuiteLoop "$YAML" \
  "${SPF_WARMUP:-500}" "${SPF_ROUNDS:-2000}")"
echo "$java_out"
# Debian's python3 on purpose: a pyenv python3 earlier in PATH lacks the spf module.
py_out="$(/usr/bin/python3 bench/pyspf_suite.py "$YAML" "${PY_WARMUP:-20}" "${PY_ROUNDS:-200}")"
echo "$py_out"
us() { sed -n 's/.*: \([0-9.]*\) us\/check.*/\1/p' <<<"$1"; }
awk -v j="$(us "$java_out")" -v p="$(us "$py_out")" \
  'BEGIN { r = p / j; printf "ratio: maildoctor is %.2fx pyspf per check (target >= 10x: %s)\n", r, (r >= 10 ? "met" : "NOT met") }'
echo "# after run, load: $(uptime | sed 's/.*load average/load average/')"
