#!/bin/sh
# Updates an installed kiosk to a new release and rolls back when it does not come up healthy:
#   deploy/update.sh NEW        (NEW: an unpacked release folder, or its .tar.gz from `npm run package`)
# 1. NEW goes beside the installed releases (/opt/branch-kiosk/releases/<version>), the old ones stay;
# 2. the `current` symlink is switched to it (an atomic rename);
# 3. the services restart;
# 4. every health URL must answer 200 within the timeout, else `current` goes back to the release it
#    pointed at before, the services restart on it, and the script exits 1 ("rolled back to ...").
# Units and udev rules are not touched: a release that changes them is installed with deploy/install.sh.
# Settings (environment):
#   PREFIX                 install prefix (/opt/branch-kiosk)
#   BRANCH_RESTART         restart command (systemctl restart branch-hub.service branch-agent.service)
#   BRANCH_HEALTH_URLS     space-separated URLs (http://127.0.0.1:7100/readyz http://127.0.0.1:7200/healthz)
#   BRANCH_HEALTH_TIMEOUT  seconds to wait for them (60)
#   BRANCH_NODE            node, which runs the health probe (node)
set -eu

PREFIX="${PREFIX:-/opt/branch-kiosk}"
restart="${BRANCH_RESTART:-systemctl restart branch-hub.service branch-agent.service}"
health_urls="${BRANCH_HEALTH_URLS:-http://127.0.0.1:7100/readyz http://127.0.0.1:7200/healthz}"
timeout="${BRANCH_HEALTH_TIMEOUT:-60}"
node="${BRANCH_NODE:-node}"

[ $# -eq 1 ] || { echo "usage: $0 NEW_RELEASE_FOLDER_OR_TARBALL" >&2; exit 64; }
new="$1"
releases="$PREFIX/releases"
[ -L "$PREFIX/current" ] || { echo "update: $PREFIX/current is not a symlink: install first (deploy/install.sh)" >&2; exit 1; }
previous="$(readlink "$PREFIX/current")"

# 1. Beside the old ones.
staging="$(mktemp -d "$releases/.incoming.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
case "$new" in
  *.tar.gz | *.tgz) tar -xzf "$new" -C "$staging" ;;
  *) cp -a "$new" "$staging/" ;;
esac
unpacked="$(find "$staging" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
[ -n "$unpacked" ] && [ -f "$unpacked/release.json" ] || { echo "update: $new is not a release (no release.json)" >&2; exit 1; }
version="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$unpacked/release.json" | head -n 1)"
case "$version" in
  '' | *[!A-Za-z0-9._+-]*) echo "update: $new has no usable version in release.json" >&2; exit 1 ;;
esac
if [ "releases/$version" = "$previous" ]; then
  echo "update: release $version is already current" >&2
  exit 1
fi
rm -rf "${releases:?}/$version"
mv "$unpacked" "$releases/$version"

switch_to() {
  ln -sfn "$1" "$PREFIX/current.new"
  mv -T "$PREFIX/current.new" "$PREFIX/current"
}

# GET url: exit 0 on 200. An https URL is probed without a certificate check: the probe runs on the kiosk
# itself, against its own services (a self-signed hub included).
probe='const u = new URL(process.argv[1]);
const get = require(u.protocol === "https:" ? "node:https" : "node:http").get;
get(u, { rejectUnauthorized: false, timeout: 3000 }, (r) => process.exit(r.statusCode === 200 ? 0 : 1))
  .on("timeout", () => process.exit(1)).on("error", () => process.exit(1));'

healthy() {
  deadline=$(($(date +%s) + timeout))
  for url in $health_urls; do
    until "$node" -e "$probe" "$url"; do
      if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "update: $url did not answer 200 within ${timeout} s" >&2
        return 1
      fi
      sleep 1
    done
  done
}

# 2.-4.
switch_to "releases/$version"
echo "update: current -> releases/$version (was $previous); restarting"
if sh -c "$restart" && healthy; then
  echo "update: release $version is healthy"
  exit 0
fi
echo "update: release $version failed its health check; rolling back to $previous" >&2
switch_to "$previous"
sh -c "$restart" || true
if healthy; then
  echo "update: rolled back to $previous (healthy)" >&2
else
  echo "update: rolled back to $previous, which is not healthy either: look at journalctl -u branch-hub -u branch-agent" >&2
fi
exit 1
