#!/usr/bin/env bash
# Prepares a RUNNING harness instance's Postfix for bench/verify-throughput.sh (issue 6 part 6):
# bench0.test … bench9.test as virtual domains (bench0-8 with mailboxes u<i>x<j>, a regexp map;
# bench9 catch-all) and error throttling relaxed (smtpd_error_sleep_time=0, high error
# limits, more smtpd processes). Changes only the instance in $MAIL_HARNESS_STATE; start.sh resets it.
set -euo pipefail
STATE="${MAIL_HARNESS_STATE:?set MAIL_HARNESS_STATE to your own harness instance}"
[ "$STATE" != /tmp/mail-harness ] || { echo "refusing to change the shared harness" >&2; exit 1; }
PCONF="$STATE/postfix/etc"
# a regexp map, not 810,000 texthash lines: every new smtpd process loads its maps, and a huge
# table would make each new connection (the one-connection-per-address side) pay for it
cat > "$PCONF/vmailbox-bench" <<'MAP'
/^u[0-9]+x[0-9]@bench[0-8]\.test$/ bench/u/
/@bench9\.test$/ bench9.test/catchall/
MAP
domains="good.test, catchall.test, multimx.misc.test, nomx.misc.test$(for d in 0 1 2 3 4 5 6 7 8 9; do printf ', bench%s.test' $d; done)"
postconf -c "$PCONF" -e "virtual_mailbox_domains = $domains" \
    "virtual_mailbox_maps = texthash:$PCONF/vmailbox, regexp:$PCONF/vmailbox-bench" "smtpd_error_sleep_time = 0" \
    "smtpd_soft_error_limit = 100000" "smtpd_hard_error_limit = 100000" "default_process_limit = 300" \
    "smtpd_client_connection_count_limit = 0" "smtpd_client_connection_rate_limit = 0"
touch -d '-1 minute' "$PCONF"/*
postfix -c "$PCONF" reload
sleep 2
