#!/usr/bin/env python3
"""Response fixtures for the typed layer that embed the generated chain (run from testdata/;
generate.sh does). The other files under testdata/<endpoint>/ are small hand-written bodies,
listed in testdata/README.md.

The push notification with certificate push (DIGEST.md section 10): a POST form body whose
`certificate` holds the end-entity PEM and whose `caCertificate` holds the CA chain as
several PEM blocks in one field (root first, as the documentation's chains are).
"""
import urllib.parse


def read(path):
    return open(path, "r").read()


leaf, inter, root = (read(f"chain/{n}.pem") for n in ("leaf", "intermediate", "root"))
body = urllib.parse.urlencode([
    ("orderNumber", "1234567"), ("certificateID", "987654321"), ("eventType", "Certificate"),
    ("status", "issued"), ("statusCode", "6"), ("statusDesc", "Valid"),
    ("certificate", leaf), ("caCertificate", root + inter),
])
open("notification/ok-post-certificates.txt", "w", newline="").write(body)
print("response fixtures written")
