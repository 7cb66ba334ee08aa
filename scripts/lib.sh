#!/usr/bin/env bash
# Shared by scripts/demo and scripts/test: install what the build needs, then build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"

# Debian 12 packages the build and tests need. Keep in step with CMakeLists.txt.
PACKAGES=(g++ cmake make pkg-config libpugixml-dev nlohmann-json3-dev libcli11-dev catch2
          libsqlitecpp-dev libsqlite3-dev libssl-dev libxlsxwriter-dev libminizip-dev zlib1g-dev libcsv-dev
          libwxgtk3.2-dev)
# Only the tests need these: LibreOffice headless recalculates every exported workbook (Calc) and
# opens every assessment-summary letter (Writer); the GUI tests run the real windows under Xvfb and
# draw their screenshots with GTK 3 itself.
TEST_PACKAGES=(libreoffice-calc-nogui libreoffice-writer-nogui xvfb xauth libgtk-3-dev)

# install_packages [EXTRA...]: the build's packages and any extra ones named.
install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD_DIR" -j "$(nproc)"
}
