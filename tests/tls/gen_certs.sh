#!/usr/bin/env bash
# gen_certs.sh DIR: makes the throw-away PKI the TLS tests use, with fresh keys on
# every run (nothing here is a fixed key, nothing is committed). Uses only
# `openssl req`, `openssl ca`, `openssl genpkey` and `openssl pkey`.
#
# DIR/<name>.crt + DIR/<name>.key for:
#   ca          root CA "Petrel Test Root CA" (trusted by the tests)
#   other-ca    an unrelated root CA (a client trusting only it rejects everything)
#   int         intermediate CA signed by ca
#   server      RSA 2048, localhost / 127.0.0.1 / ::1, signed by ca
#   server-ec   ECDSA P-256, same names, signed by ca
#   leaf        localhost, signed by int (leaf-chain.crt = leaf + int)
#   expired     localhost, valid 2020-2021 only
#   future      localhost, valid from 2090
#   wronghost   wrong.example.com only
#   selfsigned  localhost, self-signed (its own issuer, not trusted)
#   client      a client certificate (clientAuth), signed by ca
# plus server-enc.key (server.key encrypted with the passphrase "petrel"),
# DIR/certs.js (module.exports = { ca: '<PEM>', 'server.key': ... }) for JS tests,
# and DIR/.stamp. Regenerates only when DIR/.stamp is older than a day (or -f).
set -euo pipefail
force=0
[ "${1:-}" = -f ] && { force=1; shift; }
dir=${1:?usage: gen_certs.sh [-f] DIR}
mkdir -p "$dir"
cd "$dir"
if [ $force = 0 ] && [ -f .stamp ] && [ -f certs.js ] && [ -z "$(find .stamp -mmin +1440)" ]; then exit 0; fi
rm -rf ./*.crt ./*.key ./*.csr db certs.js .stamp
mkdir -p db

yesterday=$(date -u -d '-1 day' +%Y%m%d%H%M%SZ)
in30days=$(date -u -d '+30 days' +%Y%m%d%H%M%SZ)

cat > ca.cnf <<CNF
[ ca ]
default_ca = petrel_test_ca
[ petrel_test_ca ]
dir = .
database = db/index.txt
new_certs_dir = db
serial = db/serial
default_md = sha256
policy = policy_any
copy_extensions = none
unique_subject = no
[ policy_any ]
commonName = supplied
organizationName = optional
organizationalUnitName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_int ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_server ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
[ v3_wronghost ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example.com
[ v3_client ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
CNF

key() { # key NAME rsa|ec
  if [ "$2" = ec ]; then
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null
  else
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null
  fi
}
csr() { # csr NAME "/CN=.../O=..."
  openssl req -new -config ca.cnf -key "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
}
sign() { # sign NAME ISSUER EXT START END
  : > db/index.txt
  [ -f db/serial ] || openssl rand -hex 16 > db/serial
  openssl ca -batch -config ca.cnf -notext -cert "$2.crt" -keyfile "$2.key" -extensions "$3" \
    -startdate "$4" -enddate "$5" -in "$1.csr" -out "$1.crt" 2>/dev/null
  openssl rand -hex 16 > db/serial
}
root() { # root NAME CN
  key "$1" rsa
  openssl req -new -x509 -config ca.cnf -extensions v3_root -key "$1.key" -subj "/CN=$2/O=Petrel Tests" \
    -days 60 -set_serial "0x$(openssl rand -hex 12)" -out "$1.crt" 2>/dev/null
}

root ca "Petrel Test Root CA"
root other-ca "Some Other Root CA"
key int rsa; csr int "/CN=Petrel Test Intermediate CA/O=Petrel Tests"; sign int ca v3_int "$yesterday" "$in30days"

key server rsa; csr server "/CN=localhost/O=Petrel Tests/OU=server"; sign server ca v3_server "$yesterday" "$in30days"
key server-ec ec; csr server-ec "/CN=localhost/O=Petrel Tests/OU=server-ec"; sign server-ec ca v3_server "$yesterday" "$in30days"
key leaf rsa; csr leaf "/CN=localhost/O=Petrel Tests/OU=leaf"; sign leaf int v3_server "$yesterday" "$in30days"
cat leaf.crt int.crt > leaf-chain.crt
key expired rsa; csr expired "/CN=localhost/O=Petrel Tests/OU=expired"; sign expired ca v3_server 20200101000000Z 20210101000000Z
key future rsa; csr future "/CN=localhost/O=Petrel Tests/OU=future"; sign future ca v3_server 20900101000000Z 20910101000000Z
key wronghost rsa; csr wronghost "/CN=wrong.example.com/O=Petrel Tests"; sign wronghost ca v3_wronghost "$yesterday" "$in30days"
key client rsa; csr client "/CN=petrel-client/O=Petrel Tests"; sign client ca v3_client "$yesterday" "$in30days"
key selfsigned rsa
openssl req -new -x509 -config ca.cnf -extensions v3_server -key selfsigned.key -subj "/CN=localhost/O=Self Signed" \
  -days 30 -out selfsigned.crt 2>/dev/null
openssl pkey -in server.key -des3 -passout pass:petrel -out server-enc.key 2>/dev/null
rm -f ./*.csr

# The same files as one CommonJS module (ES5), so JS tests need no file system API.
{
  echo "// Generated by tests/tls/gen_certs.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ): throw-away test PKI."
  echo "module.exports = {"
  first=1
  for f in *.crt *.key; do
    [ $first = 1 ] || echo ","
    first=0
    printf "  '%s': '" "$f"
    sed 's/$/\\n/' "$f" | tr -d '\n'
    printf "'"
  done
  echo
  echo "};"
} > certs.js
touch .stamp
