# shellcheck shell=bash
# Installs what the app's build and tests need, skipping whatever is already there at the right
# version. Sourced by scripts/serve, scripts/test and bench/size; each calls only the steps it needs.
#
# Everything goes under one cache folder outside the clone, so a second run and a fresh clone on
# the same machine reuse it: cargo-installed tools, npm tools and the cargo target dir.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${LEERUITKOMSTEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/leeruitkomsten}"
TOOLS="$CACHE/tools"
NODE_TOOLS="$CACHE/node"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
export PATH="$TOOLS/bin:$NODE_TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
# The CLI must be exactly the version of the wasm-bindgen crate, which Cargo.toml pins with `=`.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml")"
BINARYEN_VERSION="123.0.0"
PLAYWRIGHT_VERSION="1.65.1"
# RFC 8785 reference implementation in JS, for the independent verifier in tests/e2e.
CANONICALIZE_VERSION="2.1.0"
# The accessibility checker the page tests run on every view.
AXE_VERSION="4.14.1"
# Digital Bazaar's Verifiable Credential verifier and what it needs for eddsa-jcs-2022 and did:key,
# with the JSON-LD processor it uses: the third-party check of records (tests/e2e/vc-verifier.mjs).
VC_VERSION="7.3.0"
EDDSA_JCS_2022_VERSION="1.0.0"
DATA_INTEGRITY_VERSION="2.5.0"
ED25519_MULTIKEY_VERSION="1.3.1"
DID_METHOD_KEY_VERSION="5.3.0"
JSONLD_SIGNATURES_VERSION="11.6.0"
JSONLD_VERSION="9.0.0"
# The deelcertificaten (Open Badges 3.0, eddsa-rdfc-2022): Digital Bazaar's RDFC cryptosuite and the
# Digital Credentials Consortium's verifier (tests/e2e/vc-badge.test.mjs).
EDDSA_RDFC_2022_VERSION="1.3.0"
DCC_VERIFIER_CORE_VERSION="1.0.0-beta.11"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Cargo decides whether this crate must be compiled again by comparing its files' times with
# those of the last build in the target dir, whichever checkout that build came from. Two
# checkouts sharing the dir (a fresh clone for CI beside a working tree) could then each be
# handed the other's build: measured, a working tree's changed line was not compiled after a
# clone's build. So when the checkout differs from the last one that used the dir, its files are
# touched (the sources, the tests and what they include; not dist/, which is then older than
# them and built again), which rebuilds this crate and not its dependencies.
claim_target_dir() {
  local mark="$CARGO_TARGET_DIR/leeruitkomsten-checkout"
  [ "$(cat "$mark" 2>/dev/null)" = "$ROOT" ] && return 0
  find "$ROOT" \( -name .git -o -name node_modules -o -name target -o -path "$ROOT/dist" \) -prune \
    -o -type f -exec touch {} +
  mkdir -p "$CARGO_TARGET_DIR"
  printf '%s\n' "$ROOT" >"$mark"
}
claim_target_dir

need_cargo() {
  command -v cargo >/dev/null || fail "Rust is not installed; install it from https://rustup.rs and run this again."
  [ -n "$WASM_BINDGEN_VERSION" ] || fail "could not read the pinned wasm-bindgen version from Cargo.toml"
}

ensure_wasm_target() {
  need_cargo
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "Adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# Release builds of the pages build Rust's standard library with the app, for size (README: Size):
# a panic stops the page at once, as `panic = "abort"` already makes it, but without the code and
# text that format its message and place (source paths of this machine among them), and the
# library's smaller variants of its algorithms. That needs the library's source (rust-src) and two
# unstable options, which RUSTC_BOOTSTRAP=1 lets a stable compiler take. Only the page builds get
# them: the tests keep their panic messages.
ensure_rust_src() {
  need_cargo
  if ! rustup component list --installed 2>/dev/null | grep -qx 'rust-src'; then
    say "Adding the Rust standard library's source (rust-src)"
    rustup component add rust-src
  fi
}

# Runs a command (trunk build or serve, release) with the settings above; a compiler that does not
# know them builds as before, with a warning, so serving still works (CI's size check then fails).
with_small_std() {
  ensure_rust_src
  local flags="-Zunstable-options -Cpanic=immediate-abort"
  # shellcheck disable=SC2086
  if RUSTC_BOOTSTRAP=1 rustc $flags --target wasm32-unknown-unknown --print sysroot >/dev/null 2>&1; then
    RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" "$@"
  else
    say "warning: $(rustc --version) does not take $flags; building with the standard library as shipped (larger)"
    "$@"
  fi
}

# The release build as users get it, into DIST (dist/ unless named), from the current folder's
# index.html: with the settings above, so that the tests, bench/size and bench/run measure one
# and the same build.
build_release() {
  with_small_std trunk build --release --dist "${1:-dist}" >&2
}

ensure_trunk() {
  need_cargo
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (takes several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS"
  fi
}

ensure_wasm_bindgen() {
  need_cargo
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes, once)"
    # Not --locked: the CLI's own lock file names a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS"
  fi
}

ensure_npm() {
  command -v npm >/dev/null || fail "npm is not installed; install Node.js (for example: apt-get install -y nodejs npm)."
}

# $1: package@version, $2: a command it provides, $3: text its --version must contain
ensure_npm_tool() {
  if ! "$2" --version 2>/dev/null | grep -q -- "$3"; then
    ensure_npm
    say "Installing $1 from npm"
    mkdir -p "$NODE_TOOLS"
    npm install --prefix "$NODE_TOOLS" --no-audit --no-fund --silent "$1"
  fi
}

ensure_binaryen() {
  # trunk's release build runs wasm-opt and would try to download binaryen, which fails offline.
  ensure_npm_tool "binaryen@$BINARYEN_VERSION" wasm-opt "version_${BINARYEN_VERSION%%.*}"
}

# $1: package, $2: exact version; installs it under $NODE_TOOLS unless that version is there.
ensure_npm_package() {
  local manifest="$NODE_TOOLS/node_modules/$1/package.json"
  if [ ! -f "$manifest" ] || ! grep -q "\"version\": \"$2\"" "$manifest"; then
    ensure_npm
    say "Installing $1 $2 from npm"
    mkdir -p "$NODE_TOOLS"
    npm install --prefix "$NODE_TOOLS" --no-audit --no-fund --silent "$1@$2"
  fi
  export NODE_PATH="$NODE_TOOLS/node_modules"
}

ensure_playwright() {
  # playwright-core drives Debian's Chromium; it downloads no browser.
  ensure_npm_package playwright-core "$PLAYWRIGHT_VERSION"
  ensure_npm_package canonicalize "$CANONICALIZE_VERSION"
  ensure_npm_package axe-core "$AXE_VERSION"
}

ensure_vc_verifier() {
  ensure_npm_package canonicalize "$CANONICALIZE_VERSION"
  ensure_npm_package @digitalbazaar/vc "$VC_VERSION"
  ensure_npm_package @digitalbazaar/eddsa-jcs-2022-cryptosuite "$EDDSA_JCS_2022_VERSION"
  ensure_npm_package @digitalbazaar/data-integrity "$DATA_INTEGRITY_VERSION"
  ensure_npm_package @digitalbazaar/ed25519-multikey "$ED25519_MULTIKEY_VERSION"
  ensure_npm_package @digitalbazaar/did-method-key "$DID_METHOD_KEY_VERSION"
  ensure_npm_package jsonld-signatures "$JSONLD_SIGNATURES_VERSION"
  ensure_npm_package jsonld "$JSONLD_VERSION"
  ensure_npm_package @digitalbazaar/eddsa-rdfc-2022-cryptosuite "$EDDSA_RDFC_2022_VERSION"
  ensure_npm_package @digitalcredentials/verifier-core "$DCC_VERIFIER_CORE_VERSION"
}

# Debian packages for the tests: the browser and its driver, and poppler-utils (pdftotext, pdfinfo,
# pdftoppm) to read the printed report.
ensure_chromium() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian's ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || fail "installing these needs root; run: apt-get install -y ${missing[*]}"
      sudo="sudo"
    fi
    $sudo apt-get install -y "${missing[@]}" ||
      { $sudo apt-get update && $sudo apt-get install -y "${missing[@]}"; }
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
}

ensure_clippy() {
  if ! cargo clippy --version >/dev/null 2>&1; then
    say "Adding clippy and rustfmt"
    rustup component add clippy rustfmt
  fi
}
