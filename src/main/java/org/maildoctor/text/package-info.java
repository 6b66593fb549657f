/**
 * Byte searches shared by the parsers (MIME, mbox, wording rules): pure, no I/O. They exist because a short
 * {@code bounce parse} process runs with the quick JIT compiler only, which has no intrinsic for
 * {@code String.indexOf}; see {@link org.maildoctor.text.Bytes}.
 */
package org.maildoctor.text;
