#!/usr/bin/env bash
# Fixtures for the certificate model's edge cases (openssl 3.x only), separate from
# generate.sh so that running it does not change the chain fixtures other tests use.
#
#   testdata/scripts/make_names.sh
#
# names/*.pem      self-signed certificates whose subjects need RFC 4514 escaping, a
#                  multi-valued RDN and an attribute type openssl has no name for (1.2.3.4)
#                  (utf8.pem), and non-ASCII text as T61String (t61.pem) and BMPString
#                  (bmp.pem);
# names/expected.txt   openssl's own `-nameopt RFC2253` reading of each subject;
# cycle/{x,y}.pem  two CA certificates that issue each other (X: subject "Cycle X", issuer
#                  "Cycle Y"; Y: the reverse), for chain ordering with a cycle.
#
# Keys are random, so the bytes change on every run; names and expectations do not.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p names cycle

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# A config whose [new_oids] lets -subj set 1.2.3.4; a fresh openssl does not know the name.
cfg() { # cfg <string_mask>
  cat > "$WORK/req.cnf" <<CNF
oid_section = new_oids
[ new_oids ]
codecTestAttr = 1.2.3.4
[ req ]
distinguished_name = dn
string_mask = $1
utf8 = yes
[ dn ]
CNF
}

SUBJ='/C=DE/O=Müller, Smith & Co+OU=R"D/CN=#1 <test>; a\\b\/c /emailAddress=pki@example.org/codecTestAttr=custom/DC=example/serialNumber=12 34'
key "$WORK/n.key"
cfg utf8only
openssl req -new -x509 -config "$WORK/req.cnf" -key "$WORK/n.key" -utf8 -multivalue-rdn \
  -set_serial 1 -days 3650 -subj "$SUBJ" -out names/utf8.pem
cfg nombstr   # PrintableString, else T61String (Latin-1 text)
openssl req -new -x509 -config "$WORK/req.cnf" -key "$WORK/n.key" -utf8 \
  -set_serial 2 -days 3650 -subj '/C=DE/O=Müller GmbH/CN=café' -out names/t61.pem
cfg default   # PrintableString, else BMPString
openssl req -new -x509 -config "$WORK/req.cnf" -key "$WORK/n.key" -utf8 \
  -set_serial 3 -days 3650 -subj '/C=GR/CN=Ωmega' -out names/bmp.pem
{
  echo "# file|subject(RFC2253)"
  for n in utf8 t61 bmp; do
    echo "$n|$(openssl x509 -in names/$n.pem -noout -subject -nameopt RFC2253 | sed 's/^subject=//')"
  done
} > names/expected.txt

# --- Two CAs that issue each other.
key "$WORK/x.key"; key "$WORK/y.key"
cat > "$WORK/ca.ext" <<'EXT'
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
EXT
openssl req -new -x509 -key "$WORK/y.key" -subj "/CN=Cycle Y" -days 3650 -out "$WORK/y0.pem"
openssl req -new -key "$WORK/x.key" -subj "/CN=Cycle X" -out "$WORK/x.csr"
openssl req -new -key "$WORK/y.key" -subj "/CN=Cycle Y" -out "$WORK/y.csr"
openssl x509 -req -in "$WORK/x.csr" -CA "$WORK/y0.pem" -CAkey "$WORK/y.key" -set_serial 0x0C1 \
  -days 3650 -extfile "$WORK/ca.ext" -out cycle/x.pem 2>/dev/null
openssl x509 -req -in "$WORK/y.csr" -CA cycle/x.pem -CAkey "$WORK/x.key" -set_serial 0x0C2 \
  -days 3650 -extfile "$WORK/ca.ext" -out cycle/y.pem 2>/dev/null
echo "name and cycle fixtures regenerated"
