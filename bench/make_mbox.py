#!/usr/bin/env python3
"""Writes an mbox (RFC 4155, mboxrd quoting) of at least SIZE bytes made of the bounce corpus's .eml
messages, repeated in order: bench/make_mbox.py CORPUS_DIR OUT SIZE_BYTES. Prints the message count."""
import os, re, sys

corpus, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
msgs = []
for root, _, files in os.walk(corpus):
    for f in sorted(files):
        if f.endswith('.eml'):
            with open(os.path.join(root, f), 'rb') as fh:
                b = fh.read().replace(b'\r\n', b'\n').replace(b'\r', b'\n')
            b = re.sub(rb'(?m)^(>*From )', rb'>\1', b)  # mboxrd: body lines starting "From " get a '>'
            msgs.append(b if b.endswith(b'\n') else b + b'\n')
msgs.sort()
written = count = 0
with open(out, 'wb', buffering=1 << 20) as fh:
    while written < size:
        for m in msgs:
            sep = b'From MAILER-DAEMON Sat Dec  5 12:00:00 2026\n'
            fh.write(sep); fh.write(m); fh.write(b'\n')
            written += len(sep) + len(m) + 1
            count += 1
            if written >= size:
                break
print(f"{count} messages, {written} bytes in {out}")
