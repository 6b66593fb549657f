#!/usr/bin/python3
"""Verifies the DKIM corpus's signed messages through dkimpy (Debian python3-dkim) in a loop.

Our driver for bench/dkim-vs-dkimpy.sh. Keys come from the corpus's dns.tsv through dkimpy's
dnsfunc= hook (no network). Every signature of a message is verified (dkimpy's verify(idx=i)),
because maildoctor's verifier checks all of them; dkimpy's default minkey=1024 is kept, as in the
corpus's recorded dkimpy verdicts. Then the 10 KB RSA-2048 message that DkimCorpusLoop signed and
wrote to OUT_DIR is verified on its own.

Usage: /usr/bin/python3 dkimpy_corpus.py CORPUS_DIR OUT_DIR [warmup_rounds] [rounds]
"""
import os
import sys
import time

# BENCH_CLOCK=cpu or proc: process CPU time instead of wall time (the Java side then uses thread CPU time,
# or with proc the whole JVM's CPU time)
CLOCK = time.process_time if os.environ.get('BENCH_CLOCK') in ('cpu', 'proc') else time.perf_counter

import dkim


def load_keys(path):
    keys, failing = {}, set()
    with open(path) as f:
        next(f)
        for line in f:
            name, kind, value = line.rstrip('\n').split('\t')[:3]
            if kind == 'TXT':
                keys[name.lower()] = value.encode('ascii')
            elif kind in ('TIMEOUT', 'SERVFAIL'):
                failing.add(name.lower())
    return keys, failing


def make_dnsfunc(keys, failing):
    def dnsfunc(name, timeout=5):
        n = name.decode('utf-8', 'replace').rstrip('.').lower()
        if n in failing:
            raise dkim.DnsTimeoutError('injected timeout for ' + n)
        return keys.get(n)  # None = no record, as dkimpy's own resolver returns
    return dnsfunc


def verify_all(message, nsigs, dnsfunc):
    """One receiver's work on one message: every signature. Returns the count of passing ones."""
    ok = 0
    d = dkim.DKIM(message)
    for i in range(nsigs):
        try:
            ok += 1 if d.verify(idx=i, dnsfunc=dnsfunc) else 0
        except dkim.DKIMException:
            pass  # dkimpy raises for malformed signatures and DNS errors: a non-pass, as ours
    return ok


def timed(items, dnsfunc, warmup, rounds):
    for _ in range(warmup):
        for m, n in items:
            verify_all(m, n, dnsfunc)
    t0 = CLOCK()
    for _ in range(rounds):
        for m, n in items:
            verify_all(m, n, dnsfunc)
    return (CLOCK() - t0) * 1e6 / (rounds * len(items))


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    dnsfunc = make_dnsfunc(*load_keys(os.path.join(corpus, 'dns.tsv')))
    items = []
    with open(os.path.join(corpus, 'expected.tsv')) as f:
        next(f)
        for line in f:
            cells = line.rstrip('\n').split('\t')
            if int(cells[1]) > 0:
                with open(os.path.join(corpus, cells[0]), 'rb') as m:
                    items.append((m.read(), int(cells[1])))
    sigs = sum(n for _, n in items)
    passing = sum(1 for m, n in items if verify_all(m, n, dnsfunc) == n)
    us = timed(items, dnsfunc, warmup, rounds)
    print('dkimpy DKIM corpus: %d signed messages (%d signatures), %d pass; %d rounds: %.2f us/message, '
          '%.2f us/signature' % (len(items), sigs, passing, rounds, us, us * len(items) / sigs))

    keys2048, _ = load_keys_plain(os.path.join(out, 'rsa2048-10k.tsv'))
    with open(os.path.join(out, 'rsa2048-10k.eml'), 'rb') as m:
        msg = m.read()
    f2048 = make_dnsfunc(keys2048, set())
    verdict = 'pass' if verify_all(msg, 1, f2048) == 1 else 'fail'
    us = timed([(msg, 1)], f2048, warmup * 20, rounds * 20)
    print('dkimpy DKIM 10 KB RSA-2048 (%d bytes, %s): %.2f us/verification' % (len(msg), verdict, us))


def load_keys_plain(path):
    """OUT_DIR/rsa2048-10k.tsv: one 'name<TAB>record' line, no header."""
    with open(path) as f:
        name, value = f.read().rstrip('\n').split('\t')
    return {name.lower(): value.encode('ascii')}, set()


if __name__ == '__main__':
    main()
