#!/usr/bin/env bash
# Installs what Petrel needs from Debian and fetches third-party sources
# (Duktape, lwIP, mbedTLS) as Debian source packages into build/third_party.
# Never touches the machine's own apt source lists: source fetching goes through
# build/apt/, a private apt state with its own sources list.
#   tools/setup.sh host      packages for the linux board and the tests
#   tools/setup.sh cross     + ARM cross tools and QEMU
#   tools/setup.sh sources   Debian source packages (duktape, lwip, mbedtls)
#   tools/setup.sh jsmin     terser from npm into build/tools/terser (boards with JSMIN=1)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
stamp_dir="$build/.setup"
mkdir -p "$stamp_dir"

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# python3-yaml, python3-lib2to3: Duktape's configure.py run by tools/duktape_configure.py
# (boards with ROM built-ins, DUK_ROM=1 in their board.mk).
HOST_PKGS="build-essential duktape-dev libcriterion-dev pkg-config dpkg-dev libzopfli-dev
 netcat-openbsd socat curl valgrind iproute2 openssl python3 python3-yaml python3-lib2to3"
CROSS_PKGS="gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm qemu-user
 gcc-arm-linux-gnueabihf libc6-dev-armhf-cross"

# Debian source packages (tools/apt-sources.list), pinned: bookworm's Duktape and lwIP,
# trixie's mbedTLS 3.6 LTS.
DUKTAPE_DEB=2.7.0-2
LWIP_DEB=2.1.3+dfsg1-2
MBEDTLS_DEB=3.6.6-0.1~deb13u1
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
  mkdir -p "$a/lists/partial" "$a/cache/archives/partial"
  # A changed tools/apt-sources.list (a new suite) reaches an existing checkout:
  # the copy is replaced and the lists are fetched again.
  if ! cmp -s "$top/tools/apt-sources.list" "$a/sources.list"; then
    cp "$top/tools/apt-sources.list" "$a/sources.list"
    rm -f "$a/lists/.updated"
  fi
  apt-get -q -o Dir::Etc::sourcelist="$a/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$a/lists" -o Dir::Cache="$a/cache" \
    -o APT::Sandbox::User=root "$@"
}

# fetch_source <srcpkg> <version> <dir>: the exact Debian version (the sources list
# has more than one suite, so an unpinned name would take the newest), unpacked
# in build/third_party/<dir> unless that is there already.
fetch_source() {
  local pkg=$1 ver=$2 dir=$3 tp="$build/third_party"
  mkdir -p "$tp"
  if [ -d "$tp/$dir" ]; then return 0; fi
  apt_private_lists
  echo "setup: fetching Debian source package $pkg $ver"
  (cd "$tp" && apt_private source --download-only "$pkg=$ver" >/dev/null &&
     dpkg-source --no-check -x "${pkg}_${ver#*:}.dsc" "$dir" >/dev/null)
}
apt_private_lists() {
  apt_private --version >/dev/null # creates build/apt and refreshes its sources.list
  [ -f "$build/apt/lists/.updated" ] || { apt_private update >/dev/null && touch "$build/apt/lists/.updated"; }
}

case "${1:-host}" in
  host) install_pkgs $HOST_PKGS ;;
  cross) install_pkgs $HOST_PKGS $CROSS_PKGS ;;
  sources)
    install_pkgs dpkg-dev
    fetch_source duktape "$DUKTAPE_DEB" duktape-2.7.0
    fetch_source lwip "$LWIP_DEB" lwip-2.1.3+dfsg1
    fetch_source mbedtls "$MBEDTLS_DEB" mbedtls-3.6.6
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
  *) echo "usage: $0 host|cross|sources|jsmin" >&2; exit 2 ;;
esac
