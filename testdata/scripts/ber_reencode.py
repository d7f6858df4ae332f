#!/usr/bin/env python3
"""Re-encode a DER PKCS#7 certs-only bag with BER indefinite lengths.

Every constructed element above the certificates (ContentInfo, its [0], SignedData, the
digestAlgorithms SET, encapContentInfo, the certificates [0] and the signerInfos SET) gets the
indefinite length form (0x80 ... 00 00); the certificates themselves stay DER, as in the
.p7b files Windows writes. Usage: ber_reencode.py IN.der OUT.ber
"""
import sys


def read_tlv(buf, pos):
    start = pos
    tag = buf[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        raise SystemExit("high tag numbers not expected")
    first = buf[pos]
    pos += 1
    if first < 0x80:
        length = first
    else:
        n = first & 0x7F
        length = int.from_bytes(buf[pos:pos + n], "big")
        pos += n
    return tag, buf[pos:pos + length], buf[start:pos + length], pos + length


def children(value):
    pos = 0
    while pos < len(value):
        tag, inner, whole, pos = read_tlv(value, pos)
        yield tag, inner, whole


def reencode(value, depth):
    out = b""
    for tag, inner, whole in children(value):
        constructed = tag & 0x20
        # depth 0: ContentInfo; 1: [0] explicit; 2: SignedData; 3: its fields.
        # Inside the certificates [0] (tag 0xA0 at depth 3) the certificates stay DER.
        if constructed and depth <= 3:
            if depth == 3 and tag == 0xA0:
                body = b"".join(w for _, _, w in children(inner))
            else:
                body = reencode(inner, depth + 1)
            out += bytes([tag, 0x80]) + body + b"\x00\x00"
        else:
            out += whole
    return out


def main():
    data = open(sys.argv[1], "rb").read()
    ber = reencode(data, 0)
    assert ber != data
    open(sys.argv[2], "wb").write(ber)


if __name__ == "__main__":
    main()
