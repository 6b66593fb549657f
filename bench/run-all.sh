#!/usr/bin/env bash
# One run of every benchmark, in sequence (never in parallel: the machine is small), with the
# machine description, into bench/target/results.txt; RESULTS.md is written from that file.
set -uo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p bench/target
{
  echo "## machine"; date -u +%FT%TZ; echo "nproc: $(nproc)"; lscpu | head; free -h | head -2
  "$JAVA_HOME/bin/java" -version 2>&1; /usr/bin/python3 --version
  dpkg-query -W python3-spf python3-dkim libsisimai-perl 2>/dev/null; uptime
  echo "## jmh"; bench/run-jmh.sh 2>&1 | grep -v '^WARNING'
  echo "## spf vs pyspf"; bench/spf-vs-pyspf.sh
  echo "## dkim vs dkimpy"; bench/dkim-vs-dkimpy.sh
  echo "## bounce corpus, CPU time per message"
  "$JAVA_HOME/bin/java" -cp "$(bench/build.sh)" org.maildoctor.bench.BounceCorpusLoop src/test/resources/corpora/bounces 20 20
  echo "## bounce vs sisimai"; bench/bounce-vs-sisimai.sh
  echo "## 1 GB mbox, -Xmx256m"; bench/bounce-mbox-1g.sh
} 2>&1 | tee bench/target/results.txt
