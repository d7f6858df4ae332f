#!/usr/bin/env python3
"""Writes the pathological inputs of testdata/fuzz-regressions/<target>/ (issue #5 item 3).

Each file is named for what it is and lives under the fuzz target whose check replays it
(tests/fuzz_regressions.rs). They are the resource-exhaustion shapes every decoder must
refuse or decode in linear time: 64 KiB versions, which is enough to cross every default
limit they aim at (tests/resources.rs builds the 256 KiB and 1 MiB versions in memory and
measures them). Crash inputs found by the fuzzer are added next to them by hand, named
crash-<what>.

Usage: python3 testdata/scripts/make_fuzz_regressions.py   (stdlib only; deterministic)
"""

import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz-regressions"
K64 = 64 * 1024


def fill(unit: bytes, size: int = K64) -> bytes:
    return (unit * (size // len(unit) + 1))[:size]


def definite_nesting(depth: int) -> bytes:
    """`depth` SEQUENCEs nested with definite lengths around an empty one."""
    inner = b"\x30\x00"
    for _ in range(depth):
        n = len(inner)
        if n < 0x80:
            header = bytes([0x30, n])
        else:
            octets = n.to_bytes((n.bit_length() + 7) // 8, "big")
            header = bytes([0x30, 0x80 | len(octets)]) + octets
        inner = header + inner
    return inner


FILES = {
    "decode_form": {
        "ampersands-64k": fill(b"&"),
        "percent41-64k": fill(b"%41"),
        "equals-64k": fill(b"="),
        "short-pairs-64k": fill(b"a=1&"),
        "raw-spaces-and-bad-escapes-64k": fill(b"v=% %zz %&"),
    },
    "group_indexed": {
        "keys-1_1_-64k": fill(b"1_1_"),
        "certificate-keys-64k": fill(b"1_1_x=v&"),
        "distinct-orders-64k": b"&".join(b"%d_x=v" % i for i in range(1, 8000))[:K64],
    },
    "decode_lines": {
        "newlines-64k": fill(b"\n"),
        "short-lines-64k": b"0\n" + fill(b"x\n"),
        "crlf-and-blanks-64k": b"0\r\n" + fill(b" \t\r\n"),
    },
    "decode_json": {
        "open-brackets-64k": fill(b"["),
        "open-braces-64k": fill(b'{"a":'),
        "values-64k": b"[" + fill(b"0,") + b"0]",
        "python-quotes-64k": fill(b"'"),
    },
    "decode_js": {
        "unterminated-string-64k": b"var g_x='" + fill(b"A"),
        "unterminated-comment-64k": b"var g_x = 1; /*" + fill(b"*"),
        "concatenation-64k": b"var g_ccc = 'A'" + fill(b" +\n'A'") + b";",
        "surrounding-text-64k": fill(b"<p>junk line</p>\n"),
        "declarations-64k": fill(b"g_a=1;"),
    },
    "decode_pem": {
        "empty-blocks-2000": b"-----BEGIN X-----\n-----END X-----\n" * 2000,
        "begin-lines-3000": b"-----BEGIN CERTIFICATE-----\n" * 3000,
        "dashes-64k": fill(b"-"),
        "unterminated-labels-64k": fill(b"-----BEGIN " + b"A" * 70),
    },
    "decode_base64": {
        "padding-64k": fill(b"="),
        "whitespace-64k": fill(b" \t\r\n"),
    },
    "decode_pkcs7": {
        "ber-indefinite-nesting-64k": fill(b"\x30\x80"),
        "der-definite-nesting-3000": definite_nesting(3000),
        "context-indefinite-nesting-64k": fill(b"\xa0\x80"),
    },
    "decode_netscape": {
        "ber-indefinite-nesting-64k": fill(b"\x30\x80"),
    },
    "extract_certificates": {
        "ber-indefinite-nesting-64k": fill(b"\x30\x80"),
        "empty-pem-blocks-2000": b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"
        * 2000,
        "nested-js-base64.txt": b"var g_ccc = 'dmFyIGdfY2NjID0gJ01JSUIn';",
    },
}


def main() -> None:
    for target, files in FILES.items():
        folder = OUT / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    (OUT / "decode_zip").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "zip" / "bomb.zip", OUT / "decode_zip" / "bomb.zip")
    shutil.copyfile(ROOT / "zip" / "too-many-entries.zip", OUT / "decode_zip" / "too-many-entries.zip")


if __name__ == "__main__":
    main()
