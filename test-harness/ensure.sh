#!/usr/bin/env bash
# Start the harness only if it is not already answering; reuse a running one.
# One harness instance per machine: tests and scripts call this, never start.sh/stop.sh directly.
# A running harness is restarted only when the harness files changed since it was started
# (a new zone or a new canned answer must be served), which this script detects by a hash.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${MAIL_HARNESS_STATE:-/tmp/mail-harness}"
DNS_PORT="${MAIL_HARNESS_DNS_PORT:-5353}"
SMTP_PORT="${MAIL_HARNESS_SMTP_PORT:-25}"
HTTPS_PORT="${MAIL_HARNESS_HTTPS_PORT:-8443}"
SPAMD_PORT="${MAIL_HARNESS_SPAMD_PORT:-7830}"
RSPAMD_PORT="${MAIL_HARNESS_RSPAMD_PORT:-7831}"
GREYLIST_PORT="${MAIL_HARNESS_GREYLIST_PORT:-10023}"

want=$(cd "$HERE" && find . -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)

answering() {
    [ -s "$STATE/harness.env" ] || return 1
    dig @127.0.0.1 -p "$DNS_PORT" +time=1 +tries=1 good.test SOA 2>/dev/null | grep -q 'status: NOERROR' || return 1
    timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT; IFS= read -r -t 3 line <&3; printf 'QUIT\r\n' >&3; [[ \$line == 220* ]]" 2>/dev/null \
        || return 1
    # the MTA-STS/BIMI HTTPS server, spamd, rspamd and postgrey are separate processes that can die alone
    local p
    for p in "$HTTPS_PORT" "$SPAMD_PORT" "$RSPAMD_PORT" "$GREYLIST_PORT"; do
        timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" 2>/dev/null || return 1
    done
}

if command -v dig >/dev/null 2>&1 && answering && [ "$(cat "$STATE/harness.hash" 2>/dev/null)" = "$want" ]; then
    echo "[mail-harness] already running (state $STATE); reusing it" >&2
    exit 0
fi
bash "$HERE/start.sh"
echo "$want" > "$STATE/harness.hash"
