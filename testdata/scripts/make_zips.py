#!/usr/bin/env python3
"""ZIP fixtures: what CollectSSL returns for responseType=0, plus hostile archives.

Run from testdata/ (generate.sh does). Timestamps are fixed so the archives only change
when the certificates do.
"""
import io
import zipfile

FIXED = (2025, 10, 29, 0, 0, 0)


def pem(name):
    return open(f"chain/{name}.pem", "rb").read()


def der(name):
    return open(f"chain/{name}.der", "rb").read()


def write(path, members, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = compression
            z.writestr(info, data)
    open(path, "wb").write(buf.getvalue())


# The layout Sectigo's ZIP bundles use: the end-entity certificate, a CA bundle, and each
# CA certificate again on its own (so the archive holds duplicates).
write("zip/chain.zip", [
    ("shop_example_com.crt", pem("leaf")),
    ("shop_example_com.ca-bundle", pem("intermediate") + pem("root")),
    ("CodecTestDVServerCAR2.crt", pem("intermediate")),
    ("CodecTestRootCAR1.crt", pem("root")),
])
# DER members, stored without compression, plus a text file that is not a certificate.
write("zip/chain-der.zip", [
    ("README.txt", b"Install the certificates in this order.\n"),
    ("leaf.cer", der("leaf")),
    ("intermediate.cer", der("intermediate")),
    ("root.cer", der("root")),
], zipfile.ZIP_STORED)
# A ZIP bomb: 64 MiB of zeros that deflate to about 64 KiB.
write("zip/bomb.zip", [("bomb.crt", b"\0" * (64 * 1024 * 1024))])
# One entry more than the default limit of 64 entries.
write("zip/too-many-entries.zip", [(f"{i:03}.crt", pem("leaf")) for i in range(65)])
