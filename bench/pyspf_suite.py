#!/usr/bin/python3
"""Runs the openspf RFC 7208 suite through pyspf (Debian python3-spf) in a loop, with in-memory DNS.

Our driver for bench/spf-vs-pyspf.sh. pyspf reads DNS through the module-level function
spf.DNSLookup(name, qtype, strict, timeout), which yields ((name, type), value) pairs; replacing it
is how pyspf's own suite runner works, so the zone rules here follow that runner: SPF-type data is
served as TXT when a name lists no TXT, a TIMEOUT entry times out lookups of types not listed before it,
names are matched case-insensitively with empty labels dropped.

Usage: /usr/bin/python3 pyspf_suite.py YAML [warmup_rounds] [rounds]
"""
import os
import sys
import time

# BENCH_CLOCK=cpu: process CPU time instead of wall time (the Java side then uses thread CPU time)
CLOCK = time.process_time if os.environ.get('BENCH_CLOCK') == 'cpu' else time.perf_counter

import spf
import yaml

ZONE = {}  # the current scenario's zone: lower-case name -> list of (type, value) or 'TIMEOUT'


def dns_lookup(name, qtype, strict=True, timeout=None):
    """In-memory replacement for spf.DNSLookup, with the semantics of pyspf's suite runner: all of
    the name's records are yielded (pyspf itself picks the type and follows CNAMEs from them), and a
    TIMEOUT entry raises unless a record of the asked type came before it."""
    name = '.'.join(label for label in name.split('.') if label)
    not_found_yet = True
    for e in ZONE.get(name.lower(), ()):
        if e == 'TIMEOUT':
            if not_found_yet:
                raise spf.TempError('DNS timeout')
            return
        if e[0] == qtype:
            not_found_yet = False
        yield ((name, e[0]), e[1])


def zone_of(zonedata):
    zone = {}
    for owner, rrs in (zonedata or {}).items():
        has_txt = any(isinstance(r, dict) and 'TXT' in r for r in rrs)
        out = []
        for r in rrs:
            if r == 'TIMEOUT':
                out.append('TIMEOUT')
                continue
            (t, v), = r.items()
            t = t.upper()
            if v == 'NONE':
                continue
            if t == 'SPF':
                if has_txt:
                    continue
                t = 'TXT'
            if t == 'TXT':
                v = list(v) if isinstance(v, list) else [v]
            elif t == 'MX':
                v = (v[0], v[1])
            out.append((t, v))
        zone[owner.lower()] = out
    return zone


def load(path):
    cases = []
    with open(path, 'rb') as f:
        for scenario in yaml.safe_load_all(f):
            if not scenario or 'tests' not in scenario:
                continue
            zone = zone_of(scenario.get('zonedata'))
            for tid, t in scenario['tests'].items():
                result = t['result']
                accepted = result if isinstance(result, list) else [result]
                cases.append((tid, zone, t['host'], t.get('mailfrom', ''), t.get('helo', ''), accepted))
    return cases


OLD = {'unknown': 'permerror', 'error': 'temperror'}


def check(case):
    global ZONE
    _, zone, host, mailfrom, helo, _ = case
    ZONE = zone
    q = spf.query(i=host, s=mailfrom, h=helo)
    q.set_default_explanation('DEFAULT')
    res = q.check()[0]
    return OLD.get(res, res)


def main():
    path = sys.argv[1]
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    spf.DNSLookup = dns_lookup
    cases = load(path)
    passed = sum(1 for c in cases if check(c) in [OLD.get(a, a) for a in c[5]])
    for _ in range(warmup):
        for c in cases:
            check(c)
    t0 = CLOCK()
    for _ in range(rounds):
        for c in cases:
            check(c)
    elapsed = CLOCK() - t0
    checks = rounds * len(cases)
    print('pyspf %s SPF: %d/%d suite tests pass; %d checks (%d rounds, %d warm-up) in %.3f s: %.2f us/check'
          % (spf.__version__, passed, len(cases), checks, rounds, warmup, elapsed, elapsed * 1e6 / checks))


if __name__ == '__main__':
    main()
