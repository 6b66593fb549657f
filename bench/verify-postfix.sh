#!/usr/bin/env bash
# Prepares a RUNNING harness instance's Postfix for bench/verify-throughput.sh (issue 6 part 6):
# bench0.test … bench9.test as virtual domains (bench0-8 with mailboxes u<i>x<j> for i < 10,000 and
# j < 10, bench9 catch-all) and error throttling relaxed (smtpd_error_sleep_time=0, high error
# limits, more smtpd processes). Changes only the instance in $MAIL_HARNESS_STATE; start.sh resets it.
set -euo pipefail
STATE="${MAIL_HARNESS_STATE:?set MAIL_HARNESS_STATE to your own harness instance}"
[ "$STATE" != /tmp/mail-harness ] || { echo "refusing to change the shared harness" >&2; exit 1; }
PCONF="$STATE/postfix/etc"
python3 - "$PCONF/vmailbox" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    for d in range(9):
        for j in range(10):
            for i in range(10000):
                f.write(f"u{i}x{j}@bench{d}.test bench{d}.test/u/\n")
    f.write("@bench9.test bench9.test/catchall/\n")
PY
domains="good.test, catchall.test, multimx.misc.test, nomx.misc.test$(for d in 0 1 2 3 4 5 6 7 8 9; do printf ', bench%s.test' $d; done)"
postconf -c "$PCONF" -e "virtual_mailbox_domains = $domains" "smtpd_error_sleep_time = 0" \
    "smtpd_soft_error_limit = 100000" "smtpd_hard_error_limit = 100000" "default_process_limit = 300" \
    "smtpd_client_connection_count_limit = 0" "smtpd_client_connection_rate_limit = 0"
touch -d '-1 minute' "$PCONF"/*
postfix -c "$PCONF" reload
sleep 2
