#!/usr/bin/env python3
"""Builds the CSR fixtures that openssl will not make: weak and broken keys, unusual string
types, DER defects, malformed EC points, tampered requests.

Usage: forge_csrs.py OUT_DIR

The CertificationRequest DER is assembled here (a small DER writer below) and signed:

* with a normal key through `cryptography` (ECDSA, and RSA where the key is valid);
* for RSA keys `cryptography`/OpenSSL refuse (p = q, even modulus, small factor, perfect
  power, e = 1, e >= n, huge e), with RSASSA-PKCS1-v1_5 computed from the definition:
  s = EM^d mod n with d = e^-1 mod lambda(n), so the signature still verifies wherever the
  mathematics allows it. An even exponent has no inverse: that request carries a signature
  made with e = 65537's d and cannot verify.

Primes come from `secrets` and a Miller-Rabin test (64 rounds). Keys are random on every run;
only the shape of each fixture is fixed. Python 3 with `cryptography` (>= 41).
"""

import base64
import hashlib
import math
import os
import secrets
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

OUT = sys.argv[1]  # [--moduli] also writes moduli-2048.bin (about a minute)

# ---------------------------------------------------------------------------------------------
# DER writer
# ---------------------------------------------------------------------------------------------


def length(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, value):
    return bytes([tag]) + length(len(value)) + value


def seq(*items):
    return tlv(0x30, b"".join(items))


def set_(*items):
    return tlv(0x31, b"".join(items))


def oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    out = [40 * parts[0] + parts[1]]
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        out += reversed(chunk)
    return tlv(0x06, bytes(out))


def integer(n, force_negative_bytes=None):
    if force_negative_bytes is not None:
        return tlv(0x02, force_negative_bytes)
    b = n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big")  # room for the sign bit
    return tlv(0x02, b)


NULL = b"\x05\x00"
UTF8, PRINTABLE, TELETEX, IA5, BMP, UNIVERSAL = 0x0C, 0x13, 0x14, 0x16, 0x1E, 0x1C

OID = {
    "CN": "2.5.4.3",
    "C": "2.5.4.6",
    "L": "2.5.4.7",
    "ST": "2.5.4.8",
    "street": "2.5.4.9",
    "O": "2.5.4.10",
    "OU": "2.5.4.11",
    "emailAddress": "1.2.840.113549.1.9.1",
}
RSA_ENCRYPTION = "1.2.840.113549.1.1.1"
EC_PUBLIC_KEY = "1.2.840.10045.2.1"
P256 = "1.2.840.10045.3.1.7"
SIG_OIDS = {
    "sha256WithRSA": "1.2.840.113549.1.1.11",
    "ecdsa-with-SHA256": "1.2.840.10045.4.3.2",
}
DIGEST_INFO_SHA256 = bytes.fromhex("3031300d060960864801650304020105000420")

DOMAIN = "www.acme-widgets.com"


def atv(name, value, tag=UTF8):
    if isinstance(value, str):
        if tag == BMP:
            value = value.encode("utf-16-be")
        elif tag == UNIVERSAL:
            value = value.encode("utf-32-be")
        elif tag == TELETEX:
            value = value.encode("latin-1")
        else:
            value = value.encode("utf-8")
    return seq(oid(OID[name]), tlv(tag, value))


def name(*rdns):
    """rdns: each an atv() or a list of atv() for a multi-valued RDN."""
    return seq(*[set_(*(r if isinstance(r, list) else [r])) for r in rdns])


def standard_subject(cn=DOMAIN):
    return name(
        atv("C", "GB", PRINTABLE),
        atv("ST", "Greater Manchester"),
        atv("L", "Salford"),
        atv("O", "Acme Widgets Ltd"),
        atv("CN", cn),
    )


def san_attribute(*dns):
    names = b"".join(tlv(0x82, d.encode()) for d in dns)
    ext = seq(oid("2.5.29.17"), tlv(0x04, seq(names)))
    return seq(oid("1.2.840.113549.1.9.14"), set_(seq(ext)))


def attributes(*attrs, present=True):
    return tlv(0xA0, b"".join(attrs)) if present else b""


def rsa_spki(n, e, params=NULL, n_bytes=None):
    alg = seq(oid(RSA_ENCRYPTION), params) if params is not None else seq(oid(RSA_ENCRYPTION))
    n_der = integer(n) if n_bytes is None else tlv(0x02, n_bytes)
    key = seq(n_der, integer(e))
    return seq(alg, tlv(0x03, b"\x00" + key))


def ec_spki(point, curve=P256):
    return seq(seq(oid(EC_PUBLIC_KEY), oid(curve)), tlv(0x03, b"\x00" + point))


def cri(subject, spki, attrs=None, version=0):
    if attrs is None:
        attrs = attributes(san_attribute(DOMAIN, DOMAIN.removeprefix("www.")))
    return seq(integer(version), subject, spki, attrs)


def csr(tbs, sig_alg, signature):
    return seq(tbs, sig_alg, tlv(0x03, b"\x00" + signature))


def write(rel, der, label="CERTIFICATE REQUEST"):
    path = os.path.join(OUT, rel)
    body = base64.b64encode(der).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    with open(path, "w") as f:
        f.write(f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n")


# ---------------------------------------------------------------------------------------------
# Number theory
# ---------------------------------------------------------------------------------------------

SMALL_PRIMES = [p for p in range(3, 2000) if all(p % q for q in range(2, int(p**0.5) + 1))]


def is_probable_prime(n, rounds=64):
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = secrets.randbelow(n - 3) + 2
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def random_prime(bits, e=65537):
    while True:
        p = secrets.randbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if math.gcd(p - 1, e) == 1 and is_probable_prime(p):
            return p


def next_prime(n):
    n += 1 if n % 2 == 0 else 2
    while not is_probable_prime(n):
        n += 2
    return n


def lcm(a, b):
    return a // math.gcd(a, b) * b


def emsa_sha256(tbs, k):
    t = DIGEST_INFO_SHA256 + hashlib.sha256(tbs).digest()
    return b"\x00\x01" + b"\xff" * (k - len(t) - 3) + b"\x00" + t


def raw_rsa_sign(tbs, n, d):
    k = (n.bit_length() + 7) // 8
    m = int.from_bytes(emsa_sha256(tbs, k), "big")
    return pow(m, d, n).to_bytes(k, "big")


def rsa_csr_from_numbers(n, e, lam, subject=None, attrs=None, **spki_kw):
    """A CSR for the key (n, e) signed from the definition; d = e^-1 mod lambda(n)."""
    spki = rsa_spki(n, e, **spki_kw)
    tbs = cri(subject or standard_subject(), spki, attrs)
    d = pow(e, -1, lam)
    sig = raw_rsa_sign(tbs, n, d)
    return csr(tbs, seq(oid(SIG_OIDS["sha256WithRSA"]), NULL), sig)


# ---------------------------------------------------------------------------------------------
# Keys through `cryptography`
# ---------------------------------------------------------------------------------------------

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def rsa_spki_of(key):
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign_rsa(tbs, key=RSA_KEY, sig_alg=None):
    sig = key.sign(tbs, padding.PKCS1v15(), hashes.SHA256())
    return csr(tbs, sig_alg or seq(oid(SIG_OIDS["sha256WithRSA"]), NULL), sig)


def sign_ec(tbs, key=EC_KEY, sig_alg=None):
    sig = key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    return csr(tbs, sig_alg or seq(oid(SIG_OIDS["ecdsa-with-SHA256"])), sig)


def rsa_csr(subject=None, attrs=None, version=0, key=RSA_KEY, spki=None):
    tbs = cri(subject or standard_subject(), spki or rsa_spki_of(key), attrs, version)
    return sign_rsa(tbs, key)


# ---------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------


def subject_fixtures():
    S = standard_subject
    w = lambda rel, subject: write(rel, rsa_csr(subject=subject))
    base = [atv("C", "GB", PRINTABLE), atv("L", "Salford")]
    # Sectigo accepts these types (DIGEST §6.4); deprecated, so warnings.
    w("ok/subject-teletex.pem", name(*base, atv("O", "Acme Widgets Ltd", TELETEX), atv("CN", DOMAIN)))
    w("ok/subject-bmp.pem", name(*base, atv("O", "Acme Zürich", BMP), atv("CN", DOMAIN)))
    w("ok/subject-universal-ascii.pem", name(*base, atv("O", "Acme Widgets Ltd", UNIVERSAL), atv("CN", DOMAIN)))
    # UniversalString with non-ASCII content: Sectigo accepts ASCII only.
    w("bad/subject-universal-non-ascii.pem", name(*base, atv("O", "Acme Zürich", UNIVERSAL), atv("CN", DOMAIN)))
    # PrintableString with a character outside its alphabet.
    w("bad/subject-printable-bad-char.pem", name(*base, atv("O", "Acme@Widgets", PRINTABLE), atv("CN", DOMAIN)))
    # IA5String is not a DirectoryString.
    w("bad/subject-cn-ia5.pem", name(*base, atv("O", "Acme Widgets Ltd"), atv("CN", DOMAIN, IA5)))
    # countryName must be a PrintableString.
    w("bad/subject-country-utf8.pem", name(atv("C", "GB", UTF8), atv("O", "Acme Widgets Ltd"), atv("CN", DOMAIN)))
    # Invalid UTF-8 in a UTF8String.
    w("bad/subject-utf8-invalid.pem", name(*base, atv("O", b"Acme \xc3\x28 Ltd", UTF8), atv("CN", DOMAIN)))
    # Empty value, control character, over-long organisation.
    w("bad/subject-empty-ou.pem", name(*base, atv("O", "Acme Widgets Ltd"), atv("OU", ""), atv("CN", DOMAIN)))
    w("bad/subject-control-char.pem", name(*base, atv("O", "Acme\x07Widgets"), atv("CN", DOMAIN)))
    w("bad/subject-o-too-long.pem", name(*base, atv("O", "A" * 65), atv("CN", DOMAIN)))
    # A CN of 81 characters (openssl refuses to write one): a valid DNS name, too long a CN.
    long_name = "a" * 60 + ".acme-widgets.com"
    write(
        "bad/subject-cn-too-long.pem",
        rsa_csr(subject=name(*base, atv("CN", long_name)), attrs=attributes(san_attribute(long_name))),
    )
    # Shape: multi-valued RDN, duplicate O, four streets, two CNs, an attribute Sectigo ignores.
    w(
        "ok/subject-shape.pem",
        name(
            *base,
            [atv("O", "Acme Widgets Ltd"), atv("ST", "Greater Manchester")],
            atv("O", "Acme Widgets Holdings"),
            atv("street", "1 High Street"),
            atv("street", "Unit 2"),
            atv("street", "Floor 3"),
            atv("street", "Desk 4"),
            atv("emailAddress", "admin@acme-widgets.com", IA5),
            atv("CN", DOMAIN),
            atv("CN", "acme-widgets.com"),
        ),
    )
    # Missing commonName (-8).
    write("bad/subject-no-cn.pem", rsa_csr(subject=name(*base, atv("O", "Acme Widgets Ltd")), attrs=attributes()))


def der_fixtures():
    spki = rsa_spki_of(RSA_KEY)
    # version 1 instead of 0, signed correctly.
    write("bad/der-version-1.pem", rsa_csr(version=1))
    good = rsa_csr()
    # Trailing bytes after the CertificationRequest.
    write("bad/der-trailing-data.pem", good + b"\x00\x00")
    # Truncated.
    write("bad/der-truncated.pem", good[:-10])
    # A non-minimal (BER) length on the outer SEQUENCE.
    body = good[4:]  # good starts 30 82 xx xx
    write("bad/der-ber-length.pem", b"\x30\x83" + len(body).to_bytes(3, "big") + body)
    # No [0] attributes field at all (old generators); accepted.
    tbs = seq(integer(0), standard_subject(), spki)
    write("ok/der-no-attributes.pem", sign_rsa(tbs))
    # rsaEncryption without its NULL parameters (BR 7.1.3.1.1), signed correctly.
    n, e = RSA_KEY.public_key().public_numbers().n, 65537
    tbs = cri(standard_subject(), rsa_spki(n, e, params=None))
    write("bad/key-rsa-params-absent.pem", sign_rsa(tbs))
    # sha256WithRSAEncryption without NULL parameters (warning).
    tbs = cri(standard_subject(), spki)
    write("ok/sig-rsa-params-absent.pem", sign_rsa(tbs, sig_alg=seq(oid(SIG_OIDS["sha256WithRSA"]))))
    # ecdsa-with-SHA256 with NULL parameters (warning).
    ec_spki_der = EC_KEY.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    tbs = cri(standard_subject(), ec_spki_der)
    write("ok/sig-ecdsa-params-null.pem", sign_ec(tbs, sig_alg=seq(oid(SIG_OIDS["ecdsa-with-SHA256"]), NULL)))
    # An ECDSA signature algorithm on an RSA key.
    tbs = cri(standard_subject(), spki)
    write("bad/sig-key-mismatch.pem", sign_rsa(tbs, sig_alg=seq(oid(SIG_OIDS["ecdsa-with-SHA256"]))))
    # A subjectAltName extension whose iPAddress has 5 octets.
    bad_san = seq(oid("2.5.29.17"), tlv(0x04, seq(tlv(0x82, DOMAIN.encode()), tlv(0x87, b"\x0a\x00\x00\x01\x01"))))
    ext_req = seq(oid("1.2.840.113549.1.9.14"), set_(seq(bad_san)))
    tbs = cri(standard_subject(), spki, attributes(ext_req))
    write("bad/ext-san-malformed.pem", sign_rsa(tbs))
    # A negative modulus (sign bit set, no leading zero).
    n_bytes = n.to_bytes(256, "big")
    tbs = cri(standard_subject(), rsa_spki(n, e, n_bytes=n_bytes))
    write("bad/key-rsa-negative-modulus.pem", sign_rsa(tbs))


def weak_key_fixtures():
    e = 65537
    # Fermat: adjacent primes.
    p = random_prime(1024)
    q = next_prime(p)
    while math.gcd(q - 1, e) != 1:
        q = next_prime(q)
    write("bad/weak-fermat-close-primes.pem", rsa_csr_from_numbers(p * q, e, lcm(p - 1, q - 1)))
    # p = q: n = p^2, lambda = p (p - 1).
    p = random_prime(1024)
    write("bad/weak-fermat-p-equals-q.pem", rsa_csr_from_numbers(p * p, e, p * (p - 1)))
    # ROCA: p = k*M + (65537^a mod M), M = primorial of the primes up to 167.
    M = 1
    for r in [2] + [x for x in SMALL_PRIMES if x <= 167]:
        M *= r

    def roca_prime(bits):
        # k such that 1.5 * 2^(bits-1) <= p < 2^bits: the product of two is 2*bits long.
        lo, hi = (3 << (bits - 2)) // M + 1, (1 << bits) // M - 1
        while True:
            a = secrets.randbelow(2**60)
            cand = (lo + secrets.randbelow(hi - lo)) * M + pow(65537, a, M)
            if math.gcd(cand - 1, e) == 1 and is_probable_prime(cand):
                return cand

    p, q = roca_prime(1024), roca_prime(1024)
    assert (p * q).bit_length() == 2048
    write("bad/weak-roca.pem", rsa_csr_from_numbers(p * q, e, lcm(p - 1, q - 1)))
    # A prime factor at the bound: 65537 * q.
    while True:
        q = random_prime(2032)
        if (65537 * q).bit_length() == 2048 and math.gcd(q - 1, e) == 1:
            break
    # e = 65537 divides nothing here: lambda = lcm(65536, q - 1).
    write("bad/weak-small-factor-65537.pem", rsa_csr_from_numbers(65537 * q, e, lcm(65536, q - 1)))
    # Even modulus: 2 * q.
    q = random_prime(2047)
    write("bad/weak-even-modulus.pem", rsa_csr_from_numbers(2 * q, e, q - 1))
    # Perfect cube: n = p^3, lambda = p^2 (p - 1).
    while True:
        p = random_prime(683)
        if (p**3).bit_length() == 2048:
            break
    write("bad/weak-perfect-cube.pem", rsa_csr_from_numbers(p**3, e, p * p * (p - 1)))
    # Exponents.
    p, q = random_prime(1024, 3), random_prime(1024, 3)
    n, lam = p * q, lcm(p - 1, q - 1)
    write("ok/weak-exponent-3.pem", rsa_csr_from_numbers(n, 3, lam))
    # e = 1: the signature is the encoded message itself.
    spki = rsa_spki(n, 1)
    tbs = cri(standard_subject(), spki)
    k = (n.bit_length() + 7) // 8
    write("bad/weak-exponent-1.pem", csr(tbs, seq(oid(SIG_OIDS["sha256WithRSA"]), NULL), emsa_sha256(tbs, k)))
    # e = 65536 (even): no inverse exists; signed with 65537's d, so it cannot verify.
    spki = rsa_spki(n, 65536)
    tbs = cri(standard_subject(), spki)
    write("bad/weak-exponent-even.pem", csr(tbs, seq(oid(SIG_OIDS["sha256WithRSA"]), NULL), raw_rsa_sign(tbs, n, pow(65537, -1, lam))))
    # e >= n: e = n + 2j, coprime with lambda.
    big_e = n + 2
    while math.gcd(big_e, lam) != 1:
        big_e += 2
    write("bad/weak-exponent-above-modulus.pem", rsa_csr_from_numbers(n, big_e, lam))
    # A 256-bit exponent: inside the BR range, but RustCrypto caps e at 2^33 - 1, so the
    # signature goes through the reference check.
    while True:
        huge_e = secrets.randbits(256) | (1 << 255) | 1
        if math.gcd(huge_e, lam) == 1:
            break
    write("ok/weak-exponent-256-bit.pem", rsa_csr_from_numbers(n, huge_e, lam))
    # A 257-bit exponent: outside the BR range (warning).
    while True:
        e257 = secrets.randbits(257) | (1 << 256) | 1
        if math.gcd(e257, lam) == 1:
            break
    write("ok/weak-exponent-257-bit.pem", rsa_csr_from_numbers(n, e257, lam))
    # An ordinary key for the blocklist test, and the blocklist naming it (badkeys BKHASH120
    # of n) and the SPKI SHA-256 of the EC key below.
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    write("ok/blocklisted-rsa.pem", rsa_csr(key=key))
    n_bytes = key.public_key().public_numbers().n.to_bytes(256, "big")
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_spki_der = ec_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    write("ok/blocklisted-ec.pem", sign_ec(cri(standard_subject(), ec_spki_der), key=ec_key))
    with open(os.path.join(OUT, "blocklist.txt"), "w") as f:
        f.write("# badkeys BKHASH120 of ok/blocklisted-rsa.pem's modulus\n")
        f.write(hashlib.sha256(n_bytes.lstrip(b"\x00")).hexdigest()[:30] + "\n")
        f.write("# SHA-256 of ok/blocklisted-ec.pem's SubjectPublicKeyInfo\n")
        f.write(hashlib.sha256(ec_spki_der).hexdigest() + "\n")


P256_P = 2**256 - 2**224 + 2**192 + 2**96 - 1


def ec_fixtures():
    nums = EC_KEY.public_key().public_numbers()
    x, y = nums.x, nums.y
    X, Y = x.to_bytes(32, "big"), y.to_bytes(32, "big")

    def with_point(rel, point):
        write(rel, sign_ec(cri(standard_subject(), ec_spki(point))))

    with_point("ok/ec-point-compressed.pem", bytes([2 + (y & 1)]) + X)
    with_point("bad/ec-point-hybrid.pem", bytes([6 + (y & 1)]) + X + Y)
    with_point("bad/ec-point-not-on-curve.pem", b"\x04" + X + (y ^ 1).to_bytes(32, "big"))
    # x + p is congruent to x (so a reducing parser would accept the point) but not below p;
    # when it does not fit 32 bytes, x = p itself.
    big_x = x + P256_P if x + P256_P < 2**256 else P256_P
    with_point("bad/ec-point-out-of-range.pem", b"\x04" + big_x.to_bytes(32, "big") + Y)
    with_point("bad/ec-point-identity.pem", b"\x00")
    with_point("bad/ec-point-wrong-length.pem", b"\x04" + X + Y[:-1])


def tamper_fixtures():
    """Requests altered after signing: one byte of the CN in the signed data changes."""
    for src, dst in [
        ("ok/rsa2048-sha256.pem", "bad/sig-tampered-rsa.pem"),
        ("ok/rsa2048-md5.pem", "bad/sig-tampered-rsa-md5.pem"),
        ("ok/rsa2048-sha224.pem", "bad/sig-tampered-rsa-sha224.pem"),
        ("ok/p256-sha256.pem", "bad/sig-tampered-p256-sha256.pem"),
        ("ok/p256-sha224.pem", "bad/sig-tampered-p256-sha224.pem"),
        ("ok/p384-sha384.pem", "bad/sig-tampered-p384-sha384.pem"),
        ("ok/p384-sha1.pem", "bad/sig-tampered-p384-sha1.pem"),
    ]:
        with open(os.path.join(OUT, src)) as f:
            text = f.read()
        der = base64.b64decode("".join(text.splitlines()[1:-1]))
        assert DOMAIN.encode() in der
        der = der.replace(DOMAIN.encode(), DOMAIN.replace("www", "wwx").encode())
        write(dst, der)
    # The signature's last byte flipped instead (RSA).
    with open(os.path.join(OUT, "ok/rsa2048-sha256.pem")) as f:
        der = bytearray(base64.b64decode("".join(f.read().splitlines()[1:-1])))
    der[-1] ^= 0x01
    write("bad/sig-flipped-rsa.pem", bytes(der))


def ordinary_moduli(count=1000):
    """1000 moduli of ordinary 2048-bit RSA keys (OpenSSL's generator), 256 bytes each,
    concatenated: the weak-key detectors must flag none of them."""
    with open(os.path.join(OUT, "moduli-2048.bin"), "wb") as f:
        for _ in range(count):
            n = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key().public_numbers().n
            f.write(n.to_bytes(256, "big"))


if __name__ == "__main__":
    if "--moduli" in sys.argv:
        ordinary_moduli()
    subject_fixtures()
    der_fixtures()
    weak_key_fixtures()
    ec_fixtures()
    tamper_fixtures()
