# Shared by scripts/run and scripts/test: installs the pinned build tools when missing.
# Sourced, not executed. Tools land in ~/.cargo/bin and $ONECHAT_CACHE_DIR, outside the clone,
# so later runs (and CI on the same machine) start warm.

CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs rustc 1.96
WASM_BINDGEN_VERSION=0.2.130  # must equal the wasm-bindgen in Cargo.lock
BINARYEN_VERSION=132.0.0      # wasm-opt, for release builds only
ONECHAT_CACHE_DIR=${ONECHAT_CACHE_DIR:-$HOME/.cache/onechat}

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

have_version() { # have_version <command> <version>
  command -v "$1" >/dev/null 2>&1 && "$@" --version 2>/dev/null | grep -q "$2"
}

install_rust_tools() {
  rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown ||
    { step "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  if ! (command -v cargo-leptos >/dev/null && cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"); then
    step "installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 12 minutes on 2 cores)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  if ! (command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"); then
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)"
    # Not --locked: one of its locked dependencies is no longer on crates.io.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# Release WASM bundles rebuild the standard library for size, with panics that stop at once
# instead of formatting a message (-Zbuild-std and -Cpanic=immediate-abort; the pinned stable
# compiler accepts them with RUSTC_BOOTSTRAP=1). Measured in docs/PERFORMANCE.md: the
# dashboard's main module 449.6 -> 424.0 KB brotli. Debug builds (the test suite) keep
# Rust's panic messages. ONECHAT_WASM_STD=prebuilt, or no rust-src to be had, builds with
# the prebuilt standard library instead.
install_rust_src() {
  [ "${ONECHAT_WASM_STD:-}" = prebuilt ] && return 1
  rustup component list --installed 2>/dev/null | grep -q '^rust-src' && return 0
  step "adding rust-src (the standard library's source, for size-optimised release WASM)"
  rustup component add rust-src ||
    { echo "rust-src unavailable: release WASM uses the prebuilt standard library" >&2; return 1; }
}

# release_wasm_build <cargo leptos build arguments...>: a release build whose WASM part
# rebuilds the standard library as described above when it can.
release_wasm_build() {
  if install_rust_src; then
    RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
      cargo leptos build --release "$@" --lib-cargo-args=-Zbuild-std=std,panic_abort
  else
    cargo leptos build --release "$@"
  fi
}

install_wasm_opt() {
  local dir="$ONECHAT_CACHE_DIR/binaryen-$BINARYEN_VERSION"
  if [ ! -x "$dir/node_modules/.bin/wasm-opt" ]; then
    step "installing wasm-opt (binaryen $BINARYEN_VERSION from npm, once)"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
  # cargo-leptos looks for wasm-opt on PATH before trying to download it.
  export PATH="$dir/node_modules/.bin:$PATH"
}

install_browser_tools() {
  if [ ! -x /usr/bin/chromium ]; then
    step "installing Debian's Chromium for the browser tests"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
  fi
  step "installing the end-to-end test packages"
  (cd end2end && npm ci --no-audit --no-fund --silent)
}
