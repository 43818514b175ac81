#!/bin/sh
# The hub's build step, run by deploy/Dockerfile's build stage (and by hand for a VM install), from the
# repository root: bundles server/cli.ts and the lib/ it shares with the extension into one file with
# esbuild (the same bundle `npm run hub` makes), and writes a folder that is the whole deployable hub:
#
#   .output/hub-dist/cli.mjs            the hub (start it with `node cli.mjs`)
#   .output/hub-dist/package.json       only the npm packages the bundle imports, at this repo's versions
#   .output/hub-dist/package-lock.json  this repo's lock cut down to those packages: the same versions
#                                       and checksums, so the runtime's `npm ci` installs what was tested
#   .output/hub-dist/install.sh         the runtime install (deploy/install.sh)
#   .output/hub-dist/healthcheck.mjs    the container's health check (deploy/healthcheck.mjs)
#
# Needs Node 20 and npm; esbuild (the version in package-lock.json) is fetched into .output/build-tools.
set -eu
out=.output/hub-dist
tools=.output/build-tools
esbuild_version=$(node -p "require('./package-lock.json').packages['node_modules/esbuild'].version")
mkdir -p "$tools"
npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --prefer-offline --loglevel=error "esbuild@$esbuild_version"
rm -rf "$out"
mkdir -p "$out"
"$tools/node_modules/.bin/esbuild" server/cli.ts --bundle --platform=node --format=esm --target=node20 \
  --packages=external --log-level=warning --outfile="$out/cli.mjs" --metafile="$tools/hub-meta.json"
node deploy/hub-package.mjs "$tools/hub-meta.json" "$out/package.json"
cp package-lock.json deploy/install.sh deploy/healthcheck.mjs "$out/"
# Only the lock is rewritten (nothing installed): npm keeps every locked version that still applies.
(cd "$out" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error)
echo "Hub built in $out"
