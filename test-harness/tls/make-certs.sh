#!/usr/bin/env bash
# Makes the harness's test CA and server certificates in DIR (called by start.sh; fresh on every start):
#   ca.crt/ca.key            "maildoctor harness test CA" (tests trust it with --ca-file DIR/ca.crt)
#   good.crt/good.key        valid 2 years, names every loopback TLS host of the zones (MX, mta-sts.*, bimi.*)
#   expired.crt/expired.key  same CA, mta-sts.expired.broken.test + mx.expiredmx.broken.test (Postfix SNI),
#                            valid 2020-01-01 .. 2021-01-01
#   wrongname.crt/.key       same CA, valid, but only for other.invalid (served for mta-sts.wrongname.broken.test)
set -euo pipefail
DIR="$1"
mkdir -p "$DIR/ca-db"
cd "$DIR"
: > ca-db/index.txt
echo 1000 > ca-db/serial
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = harness
[ harness ]
dir = .
database = ./ca-db/index.txt
serial = ./ca-db/serial
new_certs_dir = ./ca-db
certificate = ./ca.crt
private_key = ./ca.key
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[ any ]
commonName = supplied
[ server ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF
q() { "$@" >/dev/null 2>&1 || { echo "openssl failed: $*" >&2; "$@"; exit 1; }; }
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -sha256 \
    -subj "/CN=maildoctor harness test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

server() { # name start end san...
    local name="$1" start="$2" end="$3"; shift 3
    local san="" h
    for h in "$@"; do san="${san:+$san,}DNS:$h"; done
    q openssl req -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" -subj "/CN=$1" -addext "subjectAltName=$san"
    q openssl ca -batch -config ca.cnf -extensions server -startdate "$start" -enddate "$end" \
        -in "$name.csr" -out "$name.crt" -notext
    rm -f "$name.csr"
}
now=$(date -u +%Y%m%d%H%M%SZ -d '-1 day')
later=$(date -u +%Y%m%d%H%M%SZ -d '+730 days')
server good "$now" "$later" mx.good.test mta-sts.good.test bimi.good.test \
    mta-sts.broken.test mta-sts.badpolicy.broken.test mta-sts.redirect.broken.test mta-sts.huge.broken.test \
    mta-sts.html.broken.test mta-sts.crlf.broken.test
server expired 20200101000000Z 20210101000000Z mta-sts.expired.broken.test mx.expiredmx.broken.test
server wrongname "$now" "$later" other.invalid
chmod 644 ./*.crt
chmod 600 ./*.key
