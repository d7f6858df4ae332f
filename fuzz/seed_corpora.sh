#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from testdata/: the fixtures and the documentation's sample
# bodies (copies), a few hand-written seeds for the formats testdata/ has no file of (JSON,
# names, product lists), and DER/base64 forms of the PEM fixtures (python3 stdlib).
#
# Re-running it replaces the seeds it writes (files named seed-*) and keeps everything else
# in the corpus directories, so minimised corpora committed later survive. Files larger than
# 16 KiB are cut to their first 16 KiB: the fuzzer's maximum input length follows the largest
# seed, and a long one would slow every run.
#
# Usage: fuzz/seed_corpora.sh            (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
T=testdata
C=fuzz/corpus
MAX=16384

# seed TARGET FILE...: copies each file as seed-<dir>-<name>.
seed() {
  local target=$1
  shift
  mkdir -p "$C/$target"
  for f in "$@"; do
    local name
    name="seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    head -c "$MAX" "$f" >"$C/$target/$name"
  done
}

# text TARGET NAME CONTENT: a hand-written seed (printf escapes allowed).
text() {
  mkdir -p "$C/$1"
  printf -- "$3" >"$C/$1/seed-$2"
}

rm -f "$C"/*/seed-*

# --- text wire formats -------------------------------------------------------------------
seed decode_form $T/collect-ssl/ok-urlenc-*.txt $T/order-status/ok-100-orders.txt \
  $T/spec/t06-*.txt $T/spec/t08-*.txt $T/spec/t11-*.txt $T/spec/t12a-*.txt $T/spec/t12b-*.txt \
  $T/spec/t13-*.txt
text decode_form invalid-utf8 'errorCode=0&x=\xff\xfe&y=%%zz+%%C3%%A9\r\n'

seed decode_lines $T/collect-ssl/ok-newline-*.txt $T/collect-pac/ok-newline-pkcs7.txt \
  $T/spec/t01-*.txt $T/spec/t02-*.txt $T/spec/t03-*.txt $T/spec/t04-*.txt $T/spec/t05-*.txt \
  $T/spec/t07-*.txt $T/spec/t10-*.txt
text decode_lines error '\n -4 \r\nThe value of the orderNumber argument is invalid!\r\n\r\n'

seed group_indexed $T/order-status/ok-100-orders.txt $T/spec/t08-*.txt $T/spec/t06-*.txt
text group_indexed raw-keys 'errorCode=0\n2_1_FQDN=a.example\n10_orderNumber=7\n01_orderNumber=8\n1_\n_x=1\n1_2_=\nx_1_y=2\n'
text group_indexed invalid-index 'errorCode=0&0_orderNumber=1&4294967296_1_x=2'

seed decode_json $T/spec/t09-*.txt
text decode_json flat '{"errorCode": "0", "totalCost": 35.00, "1_orderNumber": 1234, "1_1_serialNumber": "", "1_1_FQDN": null, "2_orderStatus": true}'
text decode_json nested '{"a": [1, -0, 1E3, 12345678901234567890123, {"b": {"c": []}}], "a": "dup", "s": "\\u00e9\\n\\ud83d\\ude00"}'
text decode_json python "{u'errorCode': -4, 'x': None, 'y': True, 'z': [False, 'it\\\\'s',],}"
text decode_json token '{"$serde_json::private::Number": "1"}'

seed decode_js $T/collect-pac/ok-js-pkcs7.txt $T/collect-pac/err-js.txt
text decode_js script '<script>window.g_errorCode=-16; g_errorMessage="Denied\\u0021"</script>\nlet a = 1.5e3, b, c = null; const d = true\n/* x */ var e = "\\x41\\u{1F600}\\101" // y\n'

# --- containers --------------------------------------------------------------------------
seed decode_pem $T/chain/*.pem $T/names/*.pem $T/cycle/*.pem $T/pkcs7/chain.p7b.pem \
  $T/collect-ssl/ok-newline-doc-armour.txt $T/spec/t01-*.txt
text decode_pem headers '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,MIC-ONLY\nDEK-Info: x\n\nMAA=\n-----END EC PRIVATE KEY-----\n-----BEGIN TRUSTED CERTIFICATE-----\nMAAwAA==\n-----END TRUSTED CERTIFICATE-----\n'
text decode_pem field '----- BEGIN CERTIFICATE ----- MIIB /8= ----- END CERTIFICATE -----'

seed decode_base64 $T/pkcs7/chain.p7b.b64
text decode_base64 field ' /8=\r\nMII B'
text decode_base64 urlsafe '-_8\n'
text decode_base64 placeholder 'Encoded Root Certificate'

seed decode_pkcs7 $T/pkcs7/* $T/collect-pac/ok-newline-pkcs7.txt
seed decode_netscape $T/netscape/chain.nsc $T/pkcs7/content-data.der
seed decode_zip $T/zip/chain.zip $T/zip/chain-der.zip
seed certificate_from_der $T/chain/*.der
seed extract_certificates $T/collect-ssl/*.txt $T/collect-pac/*.txt $T/chain/chain.pem \
  $T/chain/ec-leaf.pem $T/cycle/x.pem $T/pkcs7/chain.p7b $T/pkcs7/chain-indefinite.p7b \
  $T/pkcs7/chain.p7b.b64 $T/netscape/chain.nsc $T/zip/chain-der.zip $T/spec/t01-*.txt \
  $T/spec/t09-*.txt $T/spec/t11-*.txt

# DER of the PEM fixtures, base64 of the binary ones.
python3 - "$T" "$C" <<'EOF'
import base64, pathlib, re, sys
t, c = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def der_blocks(path):
    text = path.read_text()
    for body in re.findall(r"-----BEGIN [A-Z ]+-----\n(.*?)-----END", text, re.S):
        yield base64.b64decode("".join(body.split()))
for pem in ["chain/ec-leaf.pem", "chain/ec-root.pem", "names/utf8.pem", "names/t61.pem",
            "names/bmp.pem", "cycle/x.pem", "cycle/y.pem"]:
    for i, der in enumerate(der_blocks(t / pem)):
        name = f"seed-der-{pathlib.Path(pem).stem}-{i}.der"
        (c / "certificate_from_der" / name).write_bytes(der)
for binary, target in [("netscape/chain.nsc", "decode_netscape"),
                       ("chain/leaf.der", "decode_base64"),
                       ("pkcs7/chain-indefinite.p7b", "decode_base64")]:
    data = (t / binary).read_bytes()
    (c / target / f"seed-b64-{pathlib.Path(binary).name}").write_bytes(base64.encodebytes(data))
EOF

# --- names and values ----------------------------------------------------------------------
i=0
while IFS= read -r line; do
  i=$((i + 1))
  text check_dns_name "$(printf '%02d' $i)" "$line"
done <<'EOF'
www.Acme.co.uk
*.co.uk
*.github.io
my_host.acme.com
b\xc3\xbccher.de
xn--bcher-kva.de
xn--zz--.example.org
server.local
intranet
192.0.2.1
010.000.000.001
[2001:DB8:0:0::1]
fe80::1%%eth0
::ffff:192.0.2.1
foo.*.example.com
f*o.example.com
-a.b-.example.com
ab--cd.example.com
1.0.0.127.in-addr.arpa
a..b.com.
UK
us
N/A 
Soci\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9 &amp; Co
EOF

i=0
while IFS= read -r line; do
  i=$((i + 1))
  text parse_product_list "$(printf '%02d' $i)" "$line"
done <<'EOF'
706,577,163
586, 587, 356
316,,36
488,36
586
341,356
316,316
4294967296
24,36,577
EOF

# --- structure-aware targets (the bytes drive `arbitrary`) ----------------------------------
seed roundtrip_form $T/spec/t13-*.txt $T/spec/t08-*.txt $T/spec/t12a-*.txt
seed roundtrip_pem $T/chain/ec-root.pem $T/spec/t05-*.txt $T/pkcs7/content-data.der

# --- typed responses, notifications, the CSR linter ---------------------------------------
# parse_response and lint_csr read a selector byte first (parse_response: the endpoint's
# index in EndpointId::ALL in the low 4 bits, the hint in bits 4-6; lint_csr: the product
# policy); parse_notification reads the body as it is.
python3 - "$T" "$C" <<'EOF2'
import base64, pathlib, re, sys
t, c = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
MAX = 16384
def put(target, name, data):
    d = c / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"seed-{name}").write_bytes(data[:MAX])
# EndpointId::ALL order.
endpoints = {"auto-apply-order": 0, "auto-replace-ssl": 1, "collect-ssl": 2, "collect-pac": 3,
             "collect-smime": 4, "order-status": 5, "auto-revoke-ssl": 6, "auto-refund": 7,
             "account-balance": 8, "notification": 9}
for folder, index in endpoints.items():
    for f in sorted((t / folder).iterdir()):
        put("parse_response", f"{folder}-{f.name}", bytes([index]) + f.read_bytes())
# The documentation's samples, each to its endpoint; bit 7 sets AutoApplyOrder's flags.
spec = {"t01": 2, "t02": 2, "t03": 3, "t04": 2, "t05": 0x80, "t06": 0, "t07": 0,
        "t08": 5, "t09": 5, "t10": 5, "t11": 5, "t12a": 2, "t12b": 2}
for f in sorted((t / "spec").iterdir()):
    key = f.name.split("-")[0]
    if key in spec:
        put("parse_response", f"spec-{f.name}", bytes([spec[key]]) + f.read_bytes())
# Hints (bits 4-6): the same body under every hint.
body = (t / "account-balance/ok-urlenc.txt").read_bytes()
for hint in range(1, 8):
    put("parse_response", f"hint-{hint}", bytes([8 | hint << 4]) + body)
for f in sorted((t / "notification").iterdir()):
    put("parse_notification", f"notification-{f.name}", f.read_bytes())
put("parse_notification", "query", b"?orderNumber=1234567repl%231&certificateID=987&eventType=Certificate&status=verified&statusCode=9&verificationCode=mdtBfVzq0MIaiGg8&removedDomains=a.example,b.example&revocationReasonCode=1&revocationReasonName=keyCompromise&bimi-l=https%3A%2F%2Fx&acmeAccountID=1&acmeEABKeyID=k")
# CSRs: a selection of the linter's corpus (each rule family, every algorithm), the first
# byte choosing the product policy; DER and base64 forms of one.
csrs = ["ok/rsa2048-sha256.pem", "ok/p256-sha256.pem", "ok/p384-sha384.pem",
        "ok/p256-compressed-openssl.pem", "ok/rsa2048-md5.pem", "ok/p384-sha1.pem",
        "ok/rsa2048-sha256.der", "ok/rsa2048-sha256-oneline.b64",
        "ok/base64-url-safe-unpadded.b64", "ok/name-wildcard.pem", "ok/name-ip-public.pem",
        "ok/name-idn-a-label.pem", "ok/subject-bmp.pem", "ok/subject-teletex.pem",
        "ok/subject-hygiene.pem", "ok/pem-two-blocks.pem", "ok/pem-surrounding-text.pem",
        "ok/extension-ca.pem", "ok/weak-exponent-3.pem", "ok/sig-ecdsa-params-null.pem",
        "bad/der-ber-length.pem", "bad/der-trailing-data.pem", "bad/ec-point-hybrid.pem",
        "bad/ec-point-not-on-curve.pem", "bad/ed25519.pem", "bad/dsa2048-sha256.pem",
        "bad/ext-san-malformed.pem", "bad/name-ip-reserved.pem", "bad/name-bad-punycode.pem",
        "bad/rsa-pss-signature.pem", "bad/sig-tampered-p256-sha224.pem",
        "bad/subject-utf8-invalid.pem", "bad/weak-fermat-close-primes.pem",
        "bad/weak-roca.pem", "bad/weak-exponent-even.pem", "bad/not-base64.txt",
        "bad/pem-no-end.pem"]
for i, name in enumerate(csrs):
    f = t / "csr" / name
    put("lint_csr", f"csr-{name.replace('/', '-')}", bytes([i]) + f.read_bytes())
EOF2

# roundtrip_request: the bytes drive `arbitrary` (endpoint, flag, then parameters); any text
# will do, the fuzzer finds the structure.
seed roundtrip_request $T/spec/t13-*.txt $T/spec/t06-*.txt $T/account-balance/ok-urlenc.txt
text roundtrip_request short '\x00\x00\x00\x01\x00\x00\x02\x05\x00\x02\x01\x00\x00\x00'

for d in "$C"/*/; do
  printf '%-24s %3d files %8d bytes\n' "$(basename "$d")" "$(find "$d" -type f | wc -l)" \
    "$(cat "$d"* | wc -c)"
done
