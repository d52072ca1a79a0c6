#!/usr/bin/env bash
# Installs what Petrel needs from Debian and fetches third-party sources
# (Duktape, lwIP, mbedTLS) as Debian source packages into build/third_party.
# Never touches the machine's own apt source lists: source fetching goes through
# build/apt/, a private apt state with its own sources list.
#   tools/setup.sh host      packages for the linux board and the tests
#   tools/setup.sh cross     + ARM cross tools and QEMU
#   tools/setup.sh sources   Debian source packages (duktape, lwip, mbedtls)
#   tools/setup.sh jsmin     terser from npm into build/tools/terser (boards with JSMIN=1)
#   tools/setup.sh babel     Babel from npm into build/tools/babel (petrel-tool build: ES2015+ to ES5)
#   tools/setup.sh mqtt      the npm `mqtt` package into build/tools/mqtt (tests/build's MQTT client app)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
stamp_dir="$build/.setup"
mkdir -p "$stamp_dir"

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# python3-yaml, python3-lib2to3: Duktape's configure.py run by tools/duktape_configure.py
# (boards with ROM built-ins, DUK_ROM=1 in their board.mk).
HOST_PKGS="build-essential duktape-dev libcriterion-dev pkg-config dpkg-dev libzopfli-dev zstd
 netcat-openbsd socat curl valgrind iproute2 openssl python3 python3-yaml python3-lib2to3"
CROSS_PKGS="gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm qemu-user
 gcc-arm-linux-gnueabihf libc6-dev-armhf-cross"

# lwIP: trixie's source package (tools/apt-sources.list); platform/lwip/lwip.mk
# compiles build/third_party/lwip-<upstream version>/ and must name the same one.
LWIP_VERSION=2.2.1+dfsg1-1+deb13u1
# mbedTLS: trixie's 3.6 LTS (modules/tls/mbedtls.mk compiles build/third_party/mbedtls-3.6.6/).
MBEDTLS_VERSION=3.6.6-0.1~deb13u1
TERSER_VERSION=5.51.4 # the JS minifier of JSMIN=1 boards (tools/jsmin.js)

missing() { # prints the packages of "$@" that are not installed
  local p; for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"
  done
}

install_pkgs() {
  local need; need=$(missing "$@")
  [ -z "$need" ] && return 0
  echo "setup: installing from Debian: $(echo $need)"
  if [ ! -f "$stamp_dir/apt-updated" ]; then
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq && touch "$stamp_dir/apt-updated"
  fi
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
}

# Private apt state: only used for `apt-get source`.
apt_private() {
  local a="$build/apt"
  apt-get -q -o Dir::Etc::sourcelist="$a/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache" \
    -o APT::Sandbox::User=root "$@"
}

# fetch_source <srcpkg> <dir-glob> [<selector>]: the selector picks the version
# (=<Debian version>) or the suite (/<suite>) that `apt-get source` takes; without
# one it takes the newest in tools/apt-sources.list.
fetch_source() {
  local pkg=$1 sel=${3:-} tp="$build/third_party" a="$build/apt" want
  mkdir -p "$tp"
  if ls -d "$tp"/$2 >/dev/null 2>&1; then return 0; fi
  # A changed tools/apt-sources.list (a suite added for a newer source package)
  # replaces the private copy, and its indexes are fetched again.
  mkdir -p "$a/lists/partial" "$a/cache/archives/partial"
  if ! cmp -s "$top/tools/apt-sources.list" "$a/sources.list"; then
    cp "$top/tools/apt-sources.list" "$a/sources.list"
    rm -f "$a/lists/.updated"
  fi
  [ -f "$a/lists/.updated" ] || { apt_private update >/dev/null && touch "$a/lists/.updated"; }
  echo "setup: fetching Debian source package $pkg$sel"
  want=${2%/}; want="${pkg}_${want#"$pkg"-}-*.dsc" # lwip-2.2.1+dfsg1/ -> lwip_2.2.1+dfsg1-*.dsc
  (cd "$tp" && apt_private source --download-only "$pkg$sel" >/dev/null &&
     dpkg-source --no-check -x "$(ls $want | head -1)" >/dev/null)
}

# npm_ci_lock DIR NAME PKG: the exact tree of DIR/package-lock.json (every package's
# version and checksum) installed by npm ci into build/tools/NAME; redone when the lock
# file changes or PKG is missing.
npm_ci_lock() {
  local src="$top/$1" dest="$build/tools/$2"
  command -v node >/dev/null || install_pkgs nodejs
  command -v npm >/dev/null || install_pkgs npm
  if ! cmp -s "$src/package-lock.json" "$dest/package-lock.json" ||
     [ ! -f "$dest/node_modules/$3/package.json" ]; then
    echo "setup: installing $2 from npm into build/tools/$2 ($1/package-lock.json)"
    rm -rf "$dest" && mkdir -p "$dest"
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
    npm ci --prefix "$dest" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

case "${1:-host}" in
  host) install_pkgs $HOST_PKGS ;;
  cross) install_pkgs $HOST_PKGS $CROSS_PKGS ;;
  sources)
    install_pkgs dpkg-dev
    fetch_source duktape 'duktape-2.*/' /bookworm
    fetch_source lwip "lwip-${LWIP_VERSION%-*}/" "=$LWIP_VERSION"
    fetch_source mbedtls "mbedtls-${MBEDTLS_VERSION%-*}/" "=$MBEDTLS_VERSION"
    ;;
  jsmin)
    command -v node >/dev/null || install_pkgs nodejs
    command -v npm >/dev/null || install_pkgs npm
    if [ ! -f "$build/tools/terser/node_modules/terser/package.json" ]; then
      echo "setup: installing terser $TERSER_VERSION from npm into build/tools/terser"
      npm install --prefix "$build/tools/terser" --no-save --no-audit --no-fund --loglevel=error \
        "terser@$TERSER_VERSION" >/dev/null
    fi
    ;;
  babel)
    # @babel/core and @babel/preset-env 7.29.17: the 7.x line, which lowers to ES5
    npm_ci_lock tools/babel babel @babel/core
    ;;
  mqtt)
    # tests/build/mqtt: an app on the npm `mqtt` package (5.16.0, which supports node >= 16)
    npm_ci_lock tests/build/mqtt mqtt mqtt
    ;;
  *) echo "usage: $0 host|cross|sources|jsmin|babel|mqtt" >&2; exit 2 ;;
esac
