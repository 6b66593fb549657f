#!/usr/bin/python3
"""ARC fixtures for ArcVerifierTest and ArcHarnessIT, made with dkimpy (Debian python3-dkim 1.1.4,
python3-authres) as the peer:

    /usr/bin/python3 src/test/resources/arc/generate.py

writes, next to this script, one .eml per case, dns.tsv (the key records the unit test's fake zone
serves) and expected.tsv (dkimpy's arc_verify verdict and reason for every case, read by the test).
Keys: keys/*.pem (test-only RSA-2048 keys made with `openssl genrsa`); the harness case seals with
the harness key test-harness/dkim/sel1.private (sel1._domainkey.good.test, served by Knot).
Chains are sealed at a fixed time (t=1796000000) so the files are reproducible up to RSA signing,
which is deterministic (PKCS#1 v1.5).
"""
import base64
import os
import re
import subprocess

import dkim

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
T = 1796000000


def key(name):
    with open(os.path.join(HERE, "keys", name + ".pem"), "rb") as f:
        return f.read()


def public_record(pem):
    der = subprocess.run(["openssl", "rsa", "-pubout", "-outform", "DER"], input=pem,
                         capture_output=True, check=True).stdout
    return "v=DKIM1; k=rsa; p=" + base64.b64encode(der).decode()


KEYS = {  # dns name -> private key
    "arc1._domainkey.fwd1.example": key("fwd1"),
    "arc2._domainkey.fwd2.example": key("fwd2"),
    "orig._domainkey.orig.example": key("orig"),
    # the harness's key (Knot serves it from test-harness/dns/good.test.zone)
    "sel1._domainkey.good.test": open(os.path.join(ROOT, "test-harness", "dkim", "sel1.private"), "rb").read(),
}
ZONE = {name.encode() + b".": public_record(pem).encode() for name, pem in KEYS.items()}


def dns(name, timeout=5):
    return ZONE.get(name)


ORIGINAL = (b"From: Olivia <olivia@orig.example>\r\n"
            b"To: list@fwd1.example\r\n"
            b"Subject: Quarterly figures\r\n"
            b"Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
            b"Message-ID: <q4@orig.example>\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n"
            b"\r\n"
            b"The figures are attached to the wiki page.\r\n"
            b"Regards,\r\nOlivia\r\n")


def ar(srv_id, text):
    return b"Authentication-Results: " + srv_id + b"; " + text + b"\r\n"


def seal(msg, selector, domain, pem, srv_id, results):
    """One forwarder: records its own Authentication-Results, then adds the next ARC set on top."""
    msg = ar(srv_id, results) + msg
    arc_set = dkim.arc_sign(msg, selector, domain, pem, srv_id, timestamp=str(T))
    if not arc_set:
        raise SystemExit("dkimpy refused to seal for " + domain.decode())
    return b"".join(arc_set) + msg


def forwarded_by_list(msg):
    """What a mailing list does: tag the subject, add a footer (the originator's DKIM breaks)."""
    msg = msg.replace(b"Subject: Quarterly figures", b"Subject: [list] Quarterly figures")
    return msg + b"-- \r\nlist@fwd1.example: unsubscribe at https://fwd1.example/u\r\n"


def cases():
    signed = dkim.sign(ORIGINAL, b"orig", b"orig.example", KEYS["orig._domainkey.orig.example"],
                       include_headers=[b"from", b"to", b"subject", b"date", b"message-id"]) + ORIGINAL
    one = seal(forwarded_by_list(signed), b"arc1", b"fwd1.example", KEYS["arc1._domainkey.fwd1.example"],
               b"fwd1.example", b"spf=pass smtp.mailfrom=orig.example; dkim=pass header.d=orig.example")
    two = seal(b"Received: from fwd1.example by fwd2.example; Tue, 01 Dec 2026 10:01:00 +0000\r\n" + one,
               b"arc2", b"fwd2.example", KEYS["arc2._domainkey.fwd2.example"], b"fwd2.example",
               b"spf=fail smtp.mailfrom=orig.example; dkim=fail header.d=orig.example; arc=pass")
    three = seal(two, b"arc1", b"fwd1.example", KEYS["arc1._domainkey.fwd1.example"], b"fwd1.example",
                 b"arc=pass")
    yield "pass-i1", one
    yield "pass-i2", two
    yield "pass-i3", three
    # the second forwarder rewrites the subject before sealing: AMS(1) breaks, the chain still passes
    # (oldest-pass 2, RFC 8617 5.2 step 5)
    yield "pass-i2-ams1-broken", seal(one.replace(b"[list] Quarterly", b"[list] FW: Quarterly"), b"arc2",
                                      b"fwd2.example", KEYS["arc2._domainkey.fwd2.example"], b"fwd2.example",
                                      b"arc=pass")
    yield "fail-body-changed", two.replace(b"attached to the wiki", b"attached to the Wiki")
    yield "fail-subject-changed", two.replace(b"[list] Quarterly", b"[list] quarterly")
    # the AAR of instance 1 is covered only by the seals: AMS(2) does not sign it
    yield "fail-aar1-changed", re.sub(b"(ARC-Authentication-Results: i=1; fwd1.example;\\s*spf=)pass", b"\\1fail",
                                      two, count=1)
    # an ARC-Seal field altered: t= of the seal of instance 1
    yield "fail-seal1-changed", alter_seal(two, 1)
    yield "fail-seal2-signature", alter_seal_b(two, 2)
    yield "fail-instance1-missing", drop_set(two, 1)
    yield "fail-duplicate-set", duplicate_aar(two, 2)
    broken = seal(b"Received: from fwd1.example by fwd2.example; Tue, 01 Dec 2026 10:02:00 +0000\r\n"
                  + two.replace(b"attached to the wiki", b"attached to the Wiki"), b"arc2", b"fwd2.example",
                  KEYS["arc2._domainkey.fwd2.example"], b"fwd2.example", b"arc=fail")
    yield "fail-cv-fail", broken
    yield "fail-cv1-pass", cv_of_one(one)
    yield "none", ORIGINAL
    harness = seal(ORIGINAL.replace(b"list@fwd1.example", b"list@good.test"), b"sel1", b"good.test",
                   KEYS["sel1._domainkey.good.test"], b"good.test",
                   b"spf=pass smtp.mailfrom=orig.example")
    yield "harness-good-test", harness


def field_span(msg, name, instance):
    """Start and end (after CRLF) of the header field `name` with i=instance, folding included."""
    m = re.search(b"(?m)^" + re.escape(name) + b":(?:[^\r\n]|\r\n[ \t])*\\bi=" + str(instance).encode()
                  + b"\\b(?:[^\r\n]|\r\n[ \t])*\r\n", msg)
    if not m:
        raise SystemExit("no %s i=%d" % (name.decode(), instance))
    return m.start(), m.end()


def alter_seal(msg, instance):
    a, b = field_span(msg, b"ARC-Seal", instance)
    return msg[:a] + msg[a:b].replace(b"t=%d" % T, b"t=%d" % (T + 1)) + msg[b:]


def alter_seal_b(msg, instance):
    a, b = field_span(msg, b"ARC-Seal", instance)
    f = msg[a:b]
    i = f.index(b"b=") + 12
    flipped = b"A" if f[i:i + 1] != b"A" else b"B"
    return msg[:a] + f[:i] + flipped + f[i + 1:] + msg[b:]


def drop_set(msg, instance):
    for name in (b"ARC-Seal", b"ARC-Message-Signature", b"ARC-Authentication-Results"):
        a, b = field_span(msg, name, instance)
        msg = msg[:a] + msg[b:]
    return msg


def duplicate_aar(msg, instance):
    a, b = field_span(msg, b"ARC-Authentication-Results", instance)
    return msg[:a] + msg[a:b] + msg[a:b] + msg[b:]


def cv_of_one(msg):
    a, b = field_span(msg, b"ARC-Seal", 1)
    return msg[:a] + msg[a:b].replace(b"cv=none", b"cv=pass") + msg[b:]


def main():
    rows = ["case\tdkimpy_cv\tdkimpy_reason"]
    for name, msg in cases():
        with open(os.path.join(HERE, name + ".eml"), "wb") as f:
            f.write(msg)
        cv, _, reason = dkim.arc_verify(msg, dnsfunc=dns)
        rows.append("%s\t%s\t%s" % (name, (cv or b"terminated").decode(), reason))
    with open(os.path.join(HERE, "expected.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(HERE, "dns.tsv"), "w") as f:
        f.write("name\ttype\tvalue\n")
        for name, value in sorted(ZONE.items()):
            f.write("%s\tTXT\t%s\n" % (name.decode().rstrip("."), value.decode()))


if __name__ == "__main__":
    main()
