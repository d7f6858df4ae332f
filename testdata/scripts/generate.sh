#!/usr/bin/env bash
# Regenerates the certificate fixtures of testdata/ with openssl (3.x) and python3 (stdlib).
#
#   testdata/scripts/generate.sh
#
# Keys are random, so every run produces new bytes; the certificate fields (names, serials,
# validity, extensions) are fixed. The script also writes testdata/chain/expected.txt: what
# openssl itself reads from each certificate (SHA-256 fingerprint, subject, issuer, serial,
# dates). Tests compare the crate's certificate model against that file, so the fixtures and
# the expectations can never drift apart.
set -euo pipefail
cd "$(dirname "$0")/.."
TD=$PWD
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p chain pkcs7 netscape zip collect-ssl collect-pac order-status

# --- A three-certificate RSA chain (root RSA-4096/SHA-384, intermediate RSA-3072/SHA-384,
# --- leaf RSA-2048/SHA-256 with five SANs), shaped like a real Sectigo DV chain.
cat > "$WORK/ca.cnf" <<'CNF'
[ ca ]
default_ca = testca
[ testca ]
dir = WORKDIR
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ v3_root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_intermediate ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.5.29.32.0
crlDistributionPoints = URI:http://crl.example.test/TestRoot.crl
authorityInfoAccess = caIssuers;URI:http://crt.example.test/TestRoot.crt, OCSP;URI:http://ocsp.example.test
[ v3_leaf ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.23.140.1.2.1
crlDistributionPoints = URI:http://crl.example.test/TestDV.crl
authorityInfoAccess = caIssuers;URI:http://crt.example.test/TestDV.crt, OCSP;URI:http://ocsp.example.test
subjectAltName = DNS:shop.example.com, DNS:www.shop.example.com, DNS:api.shop.example.com, DNS:*.static.example.com, IP:192.0.2.10
CNF
sed -i "s#WORKDIR#$WORK#" "$WORK/ca.cnf"
mkdir -p "$WORK/newcerts"; : > "$WORK/index.txt"; echo 1000 > "$WORK/serial"

sign() { # sign <csr> <issuer-cert|selfsign> <issuer-key> <ext> <serial-hex> <md> <start> <end> <out>
  echo "$5" > "$WORK/serial"
  local issuer=(-cert "$2")
  [ "$2" = selfsign ] && issuer=(-selfsign)
  openssl ca -batch -config "$WORK/ca.cnf" -in "$1" "${issuer[@]}" -keyfile "$3" \
    -extensions "$4" -md "$6" -startdate "$7" -enddate "$8" -notext -out "$9" 2>/dev/null
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out "$WORK/root.key" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$WORK/int.key" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/leaf.key" 2>/dev/null
openssl req -new -key "$WORK/root.key" -subj "/C=GB/O=sectigo-codec tests/CN=Codec Test Root CA R1" -out "$WORK/root.csr"
openssl req -new -key "$WORK/int.key" -subj "/C=GB/ST=Greater Manchester/L=Salford/O=sectigo-codec tests/CN=Codec Test DV Server CA R2" -out "$WORK/int.csr"
openssl req -new -key "$WORK/leaf.key" -subj "/CN=shop.example.com" -out "$WORK/leaf.csr"
sign "$WORK/root.csr" selfsign "$WORK/root.key" v3_root 01 sha384 200101000000Z 451231235959Z chain/root.pem
sign "$WORK/int.csr" chain/root.pem "$WORK/root.key" v3_intermediate 7E57C0DEC0DE0002 sha384 201102000000Z 351231235959Z chain/intermediate.pem
sign "$WORK/leaf.csr" chain/intermediate.pem "$WORK/int.key" v3_leaf 00C0FFEE5EC7160000000000000000AB sha256 251029000000Z 261029235959Z chain/leaf.pem
for c in root intermediate leaf; do openssl x509 -in chain/$c.pem -outform DER -out chain/$c.der; done
cat chain/leaf.pem chain/intermediate.pem chain/root.pem > chain/chain.pem

# --- A second, ECDSA chain (P-384 root signing a P-256 leaf directly).
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$WORK/ecroot.key" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/ecleaf.key" 2>/dev/null
openssl req -new -key "$WORK/ecroot.key" -subj "/C=US/O=sectigo-codec tests/CN=Codec Test ECC Root" -out "$WORK/ecroot.csr"
openssl req -new -key "$WORK/ecleaf.key" -subj "/C=US/O=Example Inc/CN=mail.example.org" -out "$WORK/ecleaf.csr"
sed -i 's/^subjectAltName = .*/subjectAltName = DNS:mail.example.org, DNS:smtp.example.org, IP:2001:db8::25, email:postmaster@example.org/' "$WORK/ca.cnf"
sign "$WORK/ecroot.csr" selfsign "$WORK/ecroot.key" v3_root 0EC0 sha384 210601000000Z 460601000000Z chain/ec-root.pem
sign "$WORK/ecleaf.csr" chain/ec-root.pem "$WORK/ecroot.key" v3_leaf 0EC1 sha256 260101120000Z 260401115959Z chain/ec-leaf.pem

# --- What openssl reads from every certificate, for the model tests.
{
  echo "# file|sha256|subject(RFC2253)|issuer(RFC2253)|serial|notBefore|notAfter"
  for c in root intermediate leaf ec-root ec-leaf; do
    f=chain/$c.pem
    fp=$(openssl x509 -in "$f" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')
    subj=$(openssl x509 -in "$f" -noout -subject -nameopt RFC2253 | sed 's/^subject=//')
    iss=$(openssl x509 -in "$f" -noout -issuer -nameopt RFC2253 | sed 's/^issuer=//')
    ser=$(openssl x509 -in "$f" -noout -serial | sed 's/^serial=//')
    nb=$(date -u -d "$(openssl x509 -in "$f" -noout -startdate | sed 's/^notBefore=//')" +%s)
    na=$(date -u -d "$(openssl x509 -in "$f" -noout -enddate | sed 's/^notAfter=//')" +%s)
    echo "$c|$fp|$subj|$iss|$ser|$nb|$na"
  done
} > chain/expected.txt

# --- PKCS#7 certs-only bags. openssl writes the certificates in file order.
openssl crl2pkcs7 -nocrl -certfile chain/chain.pem -outform DER -out pkcs7/chain.p7b
openssl crl2pkcs7 -nocrl -certfile chain/chain.pem -outform PEM -out pkcs7/chain.p7b.pem
base64 -w 64 pkcs7/chain.p7b > pkcs7/chain.p7b.b64
# root first, as the documentation prints chains
cat chain/root.pem chain/intermediate.pem chain/leaf.pem > "$WORK/rootfirst.pem"
openssl crl2pkcs7 -nocrl -certfile "$WORK/rootfirst.pem" -outform DER -out pkcs7/chain-root-first.p7b
# BER with indefinite lengths on every constructed element above the certificates (what
# Windows' certificate export writes), built by re-encoding the DER bag.
python3 scripts/ber_reencode.py pkcs7/chain.p7b pkcs7/chain-indefinite.p7b
# A genuine openssl BER stream: SignedData with content and a signer (certs: leaf only).
printf 'hello' > "$WORK/msg.txt"
openssl cms -sign -stream -binary -nodetach -outform DER -in "$WORK/msg.txt" -signer chain/leaf.pem \
  -inkey "$WORK/leaf.key" -certfile chain/intermediate.pem -out pkcs7/signed-stream.ber
# Other content types must be refused with a clear error.
openssl cms -data_create -binary -outform DER -in "$WORK/msg.txt" -out pkcs7/content-data.der
openssl cms -encrypt -binary -aes128 -outform DER -in "$WORK/msg.txt" -out pkcs7/content-enveloped.der chain/leaf.pem

# --- Netscape certificate sequence (DER), root first like the documentation's chains.
openssl nseq -toseq -in "$WORK/rootfirst.pem" -out "$WORK/chain.nsc.pem"
sed '/-----/d' "$WORK/chain.nsc.pem" | base64 -d > netscape/chain.nsc

# --- ZIP archives (what CollectSSL responseType=0 returns) and a ZIP bomb.
python3 scripts/make_zips.py

# --- Response bodies built from the chain.
python3 scripts/make_bodies.py
python3 scripts/make_responses.py
python3 scripts/spec_samples.py
echo "fixtures regenerated in $TD"
