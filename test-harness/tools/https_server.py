#!/usr/bin/env python3
"""HTTPS on loopback for the MTA-STS and BIMI tests: one port, the certificate chosen by SNI, the answer by
Host header. Started by start.sh (MAIL_HARNESS_HTTPS_PORT, default 8443); certificates from tls/make-certs.sh.

  mta-sts.good.test              a valid enforce policy (mx: mx.good.test)
  mta-sts.broken.test            valid syntax, mode testing, mx pattern that matches no MX of broken.test
  mta-sts.badpolicy.broken.test  invalid: mode strict, 11-digit max_age, no mx
  mta-sts.redirect.broken.test   301 to mta-sts.good.test (RFC 8461 3.3: must not be followed)
  mta-sts.huge.broken.test       a 10 MB policy
  mta-sts.html.broken.test       a valid policy served as text/html
  mta-sts.crlf.broken.test       a valid policy with CRLF and LF mixed
  mta-sts.expired.broken.test    served with an expired certificate
  mta-sts.wrongname.broken.test  served with a certificate for other.invalid
  bimi.good.test/logo.svg        an SVG Tiny PS logo; /bad.svg one with a script and an external image;
  bimi.good.test/vmc.pem         a PEM certificate standing in for a VMC
"""
import argparse
import http.server
import os
import socketserver
import ssl

GOOD = b"version: STSv1\nmode: enforce\nmx: mx.good.test\nmax_age: 604800\n"
POLICIES = {
    "mta-sts.good.test": GOOD,
    "mta-sts.broken.test": b"version: STSv1\nmode: testing\nmx: *.example.net\nmax_age: 86400\n",
    "mta-sts.badpolicy.broken.test": b"version: STSv1\nmode: strict\nmax_age: 99999999999\n",
    "mta-sts.html.broken.test": GOOD,
    "mta-sts.crlf.broken.test": b"version: STSv1\r\nmode: enforce\nmx: mx.good.test\r\nmax_age: 604800\n",
    "mta-sts.expired.broken.test": GOOD,
    "mta-sts.wrongname.broken.test": GOOD,
}
LOGO = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps" viewBox="0 0 100 100">'
        b'<title>Good Test</title><circle cx="50" cy="50" r="40" fill="#1a73e8"/></svg>\n')
BAD_LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            b'version="1.1" viewBox="0 0 200 100"><script>alert(1)</script>'
            b'<image xlink:href="https://evil.invalid/x.png" width="10" height="10"/></svg>\n')


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "harness-https"

    def log_message(self, fmt, *args):
        self.server.log.write("%s %s\n" % (self.headers.get("Host", "-"), fmt % args))
        self.server.log.flush()

    def send(self, code, ctype, body, extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = self.path
        if path == "/.well-known/mta-sts.txt":
            if host == "mta-sts.redirect.broken.test":
                return self.send(301, "text/html", b"moved\n",
                                 [("Location", "https://mta-sts.good.test/.well-known/mta-sts.txt")])
            if host == "mta-sts.huge.broken.test":
                body = GOOD + b"x-padding: " + b"x" * (10 * 1024 * 1024) + b"\n"
                return self.send(200, "text/plain", body)
            if host in POLICIES:
                ctype = "text/html" if host == "mta-sts.html.broken.test" else "text/plain; charset=utf-8"
                return self.send(200, ctype, POLICIES[host])
        if host == "bimi.good.test":
            if path == "/logo.svg":
                return self.send(200, "image/svg+xml", LOGO)
            if path == "/bad.svg":
                return self.send(200, "image/svg+xml", BAD_LOGO)
            if path == "/vmc.pem":
                with open(self.server.vmc, "rb") as f:
                    return self.send(200, "application/pem-certificate-chain", f.read())
        self.send(404, "text/plain", b"not found\n")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def context(tls, name):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(tls, name + ".crt"), os.path.join(tls, name + ".key"))
    return ctx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--tls", required=True, help="directory of make-certs.sh output")
    ap.add_argument("--log", required=True)
    a = ap.parse_args()
    default = context(a.tls, "good")
    by_name = {"mta-sts.expired.broken.test": context(a.tls, "expired"),
               "mta-sts.wrongname.broken.test": context(a.tls, "wrongname")}

    def pick(sock, name, _ctx):
        if name in by_name:
            sock.context = by_name[name]

    default.sni_callback = pick
    srv = Server(("127.0.0.1", a.port), Handler)
    srv.log = open(a.log, "a")
    srv.vmc = os.path.join(a.tls, "good.crt")
    srv.socket = default.wrap_socket(srv.socket, server_side=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
