#!/usr/bin/env python3
"""Response bodies built from the generated chain (run from testdata/; generate.sh does).

The shapes follow DIGEST.md (sections 2.3, 2.4, 3.3, 4.2). Where the documentation gives no
sample (the JavaScript form, the PKCS#7 and ZIP fields), the body is synthetic and says so in
testdata/README.md.
"""
import base64
import random
import urllib.parse


def read(path):
    return open(path, "rb").read()


def b64(data):
    return base64.b64encode(data).decode()


def pem_blocks(*names):
    return "".join(read(f"chain/{n}.pem").decode() for n in names)


def doc_armour(*names):
    """PEM blocks with the documentation's armour: spaces inside the dashes, and a
    four-dash footer on the last block (DIGEST.md section 12, quirks 1 and 2)."""
    out = []
    for i, n in enumerate(names):
        body = "".join(l for l in read(f"chain/{n}.pem").decode().splitlines(True) if "-----" not in l)
        footer = "---- END CERTIFICATE -----" if i == len(names) - 1 else "----- END CERTIFICATE -----"
        out.append("----- BEGIN CERTIFICATE -----\n" + body + footer + "\n")
    return "".join(out)


def form(pairs):
    return urllib.parse.urlencode(pairs)  # quote_plus: '+' -> %2B, '/' -> %2F, '=' -> %3D


def write(path, text, newline="\n"):
    data = text.replace("\n", newline) if newline != "\n" else text
    open(path, "w", newline="").write(data)


leaf, inter, root = (b64(read(f"chain/{n}.der")) for n in ("leaf", "intermediate", "root"))
validity = [
    ("notBefore", "1761696000"), ("notAfter", "1793318399"), ("certificateDuration", "366"),
    ("productTermStartDate", "1761696000"), ("productTermEndDate", "1793232000"),
    ("productTermDuration", "365"),
]

# CollectSSL, newline, status 2, documentation armour, root first (DIGEST section 2.3, T1).
write("collect-ssl/ok-newline-doc-armour.txt", "2\n" + doc_armour("root", "intermediate", "leaf"))
# CollectSSL, newline, status 2 with the FQDN line, standard PEM, CRLF (section 2.5).
write("collect-ssl/ok-newline-fqdn-crlf.txt",
      "2\nshop.example.com\n" + pem_blocks("leaf", "intermediate", "root"), newline="\r\n")
# CollectSSL, URL-encoded, responseType=3: certificate + repeated caCertificate (section 2.4).
write("collect-ssl/ok-urlenc-individual.txt", form(
    [("errorCode", "2")] + validity + [
        ("fqdn", "shop.example.com"), ("certificateStatus", "Issued"), ("validationStatus", "Complete"),
        ("caCertificate", root), ("caCertificate", inter), ("certificate", leaf),
    ]))
# The same, but the server left '+' in the base64 unencoded, so form decoding turns it into
# a space (section 2.4, encoding note). Slashes and '=' stay raw as well.
raw = "errorCode=2&" + "&".join(f"{k}={v}" for k, v in
                                [("caCertificate", root), ("caCertificate", inter), ("certificate", leaf)])
assert "+" in raw
write("collect-ssl/ok-urlenc-raw-plus.txt", raw)
# queryType=3 (CA bundle only), root first.
write("collect-ssl/ok-urlenc-cabundle.txt", form([("errorCode", "2"), ("caCertificate", root), ("caCertificate", inter)]))
# responseType=2 / 0 / 1: the whole chain in one field.
write("collect-ssl/ok-urlenc-pkcs7.txt", form([("errorCode", "2"), ("pkcs7", b64(read("pkcs7/chain.p7b")))]))
write("collect-ssl/ok-urlenc-zip.txt", form([("errorCode", "2"), ("zipFile", b64(read("zip/chain.zip")))]))
write("collect-ssl/ok-urlenc-netscape.txt",
      form([("errorCode", "2"), ("netscapeCertificateSequence", b64(read("netscape/chain.nsc")))]))

# CollectPAC responseEncoding=2: JavaScript variables (syntax UNCONFIRMED, section 3.3), with
# the base64 PKCS#7 split over several concatenated string literals.
p7 = b64(read("pkcs7/chain.p7b"))
chunks = [p7[i:i + 76] for i in range(0, len(p7), 76)]
write("collect-pac/ok-js-pkcs7.txt",
      "var g_errorCode = 2;\nvar g_errorMessage = '';\nvar g_ccc = '" + "' +\n  '".join(chunks) + "';\n")
write("collect-pac/err-js.txt",
      'var g_errorCode = -16;\nvar g_errorMessage = "Incorrect login details, account is locked, '
      'password has expired or your source IP is blocked.";\nvar g_ccc = "";\n')
# CollectPAC responseEncoding=0, responseType=2: status line, then the base64 PKCS#7.
write("collect-pac/ok-newline-pkcs7.txt", "2\n" + base64.encodebytes(read("pkcs7/chain.p7b")).decode())

# GetDetailedOrderStatus, URL-encoded: 100 orders x 3 certificates x 20 fields, keys in a
# shuffled (seeded) order, to exercise numeric grouping (2 before 10) and unknown fields.
rng = random.Random(20261121)
cert_fields = [
    "serialNumber", "objectType", "FQDN", "certificateStatus", "certificateStatusReason", "csrStatus",
    "dcvStatus", "notBefore", "notAfter", "certificateDuration", "productTermStartDate",
    "productTermEndDate", "productTermDuration", "ovCallBackStatus", "organizationValidationStatus",
    "freeDVUPStatus", "evClickThroughStatus", "caaStatus", "brandValStatus", "futureField",
]
pairs = []
for x in range(1, 101):
    pairs += [(f"{x}_orderNumber", str(9000000 + x)), (f"{x}_orderDateTime", f"2025-{(x % 12) + 1:02}-{(x % 28) + 1:02} 13:52"),
              (f"{x}_orderStatus", rng.choice(["Pending", "Issued", "Rejected"])), (f"{x}_orderStatusReason", "")]
    for y in range(1, 4):
        for f in cert_fields:
            if f == "serialNumber":
                v = f"{rng.getrandbits(128):032X}"
            elif f == "objectType":
                v = "Sectigo SSL Certificate (DV)"
            elif f == "FQDN":
                v = f"host{x}-{y}.example.com"
            elif f in ("notBefore", "productTermStartDate"):
                v = str(1761696000 + x * 86400)
            elif f in ("notAfter", "productTermEndDate"):
                v = str(1793232000 + x * 86400)
            elif f.endswith("Duration"):
                v = "365"
            elif f == "certificateStatus":
                v = rng.choice(["Issued", "Awaiting Validation", "Revoked"])
            elif f in ("certificateStatusReason", "futureField"):
                v = rng.choice(["", "note: value & more = 100%"])
            else:
                v = str(rng.choice([-1, 0, 1, 2]))
            pairs.append((f"{x}_{y}_{f}", v))
rng.shuffle(pairs)
write("order-status/ok-100-orders.txt", form([("errorCode", "0")] + pairs))
print("bodies written")
