#!/usr/bin/env bash
# Regenerates testdata/csr/: the CSR corpus of the linter (issue #4 item 7).
#
#   testdata/scripts/generate_csrs.sh      # needs openssl 3.x, python3 with `cryptography`
#
# ok/   requests with no error finding under the product-independent policy
# bad/  requests with at least one error finding
# blocklist.txt  hex blocklist naming ok/blocklisted-{rsa,ec}.pem
#
# openssl makes every request it can (all key types and sizes at the edges, every allowed hash
# on RSA and both curves, refused algorithms, name and subject variants); forge_csrs.py
# assembles the rest (weak keys, string types, DER defects, EC points, tampering). Keys are
# random and thrown away: the bytes change on every run, the shape of each file does not.
# The 8192- and 8200-bit keys take a while (about a minute together).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../csr"
keys="$(mktemp -d)"
trap 'rm -rf "$keys"' EXIT
rm -rf "$out/ok" "$out/bad"
mkdir -p "$out/ok" "$out/bad"

D=www.acme-widgets.com
SUBJ="/C=GB/ST=Greater Manchester/L=Salford/O=Acme Widgets Ltd/CN=$D"
SAN="subjectAltName=DNS:$D,DNS:acme-widgets.com"

# req KEY OUT DIGEST SUBJECT [openssl req options...]   (DIGEST "-" for none)
req() {
  local key=$1 dest=$2 digest=$3 subj=$4
  shift 4
  local md=()
  if [ "$digest" != "-" ]; then md=("-$digest"); fi
  openssl req -new -key "$keys/$key" "${md[@]}" -utf8 -subj "$subj" "$@" -out "$out/$dest"
}

rsa() { openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$1" -out "$keys/rsa$1.key" 2>/dev/null; }
ec() { openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$1" -pkeyopt ec_param_enc:named_curve -out "$keys/$2.key" 2>/dev/null; }

for bits in 1024 2047 2048 2052 3072 4096 8192 8200; do rsa "$bits"; done
ec P-256 p256
ec P-384 p384
ec P-521 p521
ec secp256k1 secp256k1
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:explicit -out "$keys/p256-explicit.key" 2>/dev/null
openssl ec -in "$keys/p256.key" -conv_form compressed -out "$keys/p256-compressed.key" 2>/dev/null
openssl genpkey -algorithm ED25519 -out "$keys/ed25519.key"
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out "$keys/dsa.param" 2>/dev/null
openssl genpkey -paramfile "$keys/dsa.param" -out "$keys/dsa.key"
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out "$keys/rsa-pss.key" 2>/dev/null

# --- Key sizes at the edges (Sectigo: RSA 2048-8192, P-256/P-384) ---------------------------
for bits in 2048 3072 4096 8192; do
  req "rsa$bits.key" "ok/rsa$bits-sha256.pem" sha256 "$SUBJ" -addext "$SAN"
done
for bits in 1024 2047 2052 8200; do
  req "rsa$bits.key" "bad/rsa$bits-sha256.pem" sha256 "$SUBJ" -addext "$SAN"
done

# --- Every allowed hash on RSA-2048, P-256 and P-384 ----------------------------------------
for h in md5 sha1 sha224 sha384 sha512; do
  req rsa2048.key "ok/rsa2048-$h.pem" "$h" "$SUBJ" -addext "$SAN"
done
for curve in p256 p384; do
  for h in sha1 sha224 sha256 sha384 sha512; do
    req "$curve.key" "ok/$curve-$h.pem" "$h" "$SUBJ" -addext "$SAN"
  done
done
req p256-compressed.key ok/p256-compressed-openssl.pem sha256 "$SUBJ" -addext "$SAN"

# --- Refused algorithms and curves ---------------------------------------------------------
req p521.key bad/p521-sha512.pem sha512 "$SUBJ" -addext "$SAN"
req secp256k1.key bad/secp256k1-sha256.pem sha256 "$SUBJ" -addext "$SAN"
req p256-explicit.key bad/p256-explicit-params.pem sha256 "$SUBJ" -addext "$SAN"
req ed25519.key bad/ed25519.pem - "$SUBJ" -addext "$SAN"
req dsa.key bad/dsa2048-sha256.pem sha256 "$SUBJ" -addext "$SAN"
req rsa-pss.key bad/rsa-pss-key.pem sha256 "$SUBJ" -addext "$SAN"
req rsa2048.key bad/rsa-pss-signature.pem sha256 "$SUBJ" -addext "$SAN" -sigopt rsa_padding_mode:pss

# --- Names ---------------------------------------------------------------------------------
n() { # OUT CN [SAN]
  local o=$1 cn=$2 san=${3:-}
  if [ -n "$san" ]; then
    req rsa2048.key "$o" sha256 "/C=GB/O=Acme Widgets Ltd/CN=$cn" -addext "subjectAltName=$san"
  else
    req rsa2048.key "$o" sha256 "/C=GB/O=Acme Widgets Ltd/CN=$cn"
  fi
}
n ok/name-wildcard.pem '*.acme-widgets.com' 'DNS:*.acme-widgets.com,DNS:acme-widgets.com'
n ok/name-ip-public.pem 8.8.8.8 'IP:8.8.8.8'
n ok/name-no-san.pem "$D"
n ok/name-idn-a-label.pem 'xn--mnchen-3ya.de' 'DNS:xn--mnchen-3ya.de'
n bad/name-ip-reserved.pem 192.168.1.10 'IP:192.168.1.10'
n bad/name-ip-not-canonical.pem 010.000.000.001
n bad/name-local.pem server.local 'DNS:server.local'
n bad/name-single-label.pem intranet 'DNS:intranet'
n bad/name-underscore.pem my_host.acme-widgets.com 'DNS:my_host.acme-widgets.com'
n bad/name-wildcard-two.pem '*.*.acme-widgets.com' 'DNS:*.*.acme-widgets.com'
n bad/name-wildcard-partial.pem 'f*o.acme-widgets.com' 'DNS:f*o.acme-widgets.com'
n bad/name-wildcard-public-suffix.pem '*.co.uk' 'DNS:*.co.uk'
n bad/name-unicode.pem 'münchen.de'
n bad/name-bad-punycode.pem 'xn--a.acme-widgets.com' 'DNS:xn--a.acme-widgets.com'
n bad/name-trailing-dot.pem 'www.acme-widgets.com.' 'DNS:www.acme-widgets.com.'
n bad/name-label-too-long.pem "$D" "DNS:$D,DNS:$(printf 'a%.0s' {1..64}).acme-widgets.com"
n bad/name-reverse-zone.pem 10.2.0.192.in-addr.arpa 'DNS:10.2.0.192.in-addr.arpa'
n bad/name-san-mix.pem "$D" "DNS:$D,DNS:WWW.acme-widgets.com,email:admin@acme-widgets.com,URI:https://acme-widgets.com/,IP:10.0.0.1"
n ok/name-cn-not-in-san.pem "$D" 'DNS:acme-widgets.com'
n ok/name-wildcard-private-suffix.pem '*.acme-widgets.github.io' 'DNS:*.acme-widgets.github.io,DNS:*.github.io'
req rsa2048.key ok/extension-ca.pem sha256 "$SUBJ" -addext "$SAN" \
  -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,digitalSignature'

# --- Subject hygiene (openssl's own defaults included) ---------------------------------------
req rsa2048.key ok/subject-openssl-defaults.pem sha256 \
  "/C=AU/ST=Some-State/O=Internet Widgits Pty Ltd/CN=$D" -addext "$SAN"
req rsa2048.key ok/subject-hygiene.pem sha256 \
  "/C=GB/L= Salford/O=AT&amp;T Widgets/OU=N\/A/CN=$D" -addext "$SAN"
req rsa2048.key ok/subject-mojibake.pem sha256 "/C=DE/L=MÃ¼nchen/O=Acme Widgets GmbH/CN=$D" -addext "$SAN"
req rsa2048.key ok/subject-utf8.pem sha256 "/C=CH/L=Zürich/O=Acme Zürich AG/CN=$D" -addext "$SAN"
req rsa2048.key bad/subject-country-uk.pem sha256 "/C=UK/O=Acme Widgets Ltd/CN=$D" -addext "$SAN"

# --- Encodings of one request -----------------------------------------------------------------
base=ok/rsa2048-sha256
openssl req -in "$out/$base.pem" -outform DER -out "$out/$base.der"
sed '1d;$d' "$out/$base.pem" | sed 's/$/\r/' > "$out/$base-crlf.b64"
sed '1d;$d' "$out/$base.pem" | tr -d '\n' > "$out/$base-oneline.b64"
sed 's/CERTIFICATE REQUEST/NEW CERTIFICATE REQUEST/' "$out/$base.pem" > "$out/ok/new-label.pem"
sed '1d;$d' "$out/$base.pem" | tr -d '\n=' | tr '+/' '-_' > "$out/ok/base64-url-safe-unpadded.b64"
sed 's/$/\r/' "$out/$base.pem" > "$out/ok/pem-crlf.pem"
{ echo "Here is the CSR you asked for:"; cat "$out/$base.pem"; echo "Regards"; } > "$out/ok/pem-surrounding-text.pem"
sed 's/CERTIFICATE REQUEST/CERTIFICATE/' "$out/$base.pem" > "$out/ok/pem-label-certificate.pem"
cat "$out/$base.pem" "$out/ok/p256-sha256.pem" > "$out/ok/pem-two-blocks.pem"
sed '3s/^\(.\{10\}\)./\1!/' "$out/$base.pem" > "$out/bad/pem-bang.pem"
sed '$d' "$out/$base.pem" > "$out/bad/pem-no-end.pem"
{ echo "-----BEGIN CERTIFICATE REQUEST-----"; echo "Paste your CSR here"; echo "-----END CERTIFICATE REQUEST-----"; } > "$out/bad/pem-placeholder.pem"
printf 'not a CSR: see the attached file\n' > "$out/bad/not-base64.txt"

# --- Everything openssl cannot make -------------------------------------------------------------
python3 "$here/forge_csrs.py" "$out" --moduli

echo "$(find "$out/ok" "$out/bad" -type f | wc -l) files in $out"
