#!/bin/sh
# The hub's runtime install, run by deploy/Dockerfile's final stage (and by hand for a VM install) inside
# the folder deploy/build.sh made: installs exactly the packages of its lock, which are the ones the hub
# imports at the repository's versions (no devDependencies, no install scripts), and makes the data
# folder for PGlite.
set -eu
cd "$(dirname "$0")"
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
# PGlite keeps its files in BATON_DATA_DIR (unused with DATABASE_URL); in the image it belongs to `node`.
if [ -n "${BATON_DATA_DIR:-}" ]; then
  mkdir -p "$BATON_DATA_DIR"
  if [ "$(id -u)" = 0 ] && id node >/dev/null 2>&1; then chown node:node "$BATON_DATA_DIR"; fi
fi
echo "Hub installed in $(pwd): start it with node cli.mjs"
