#!/bin/sh
# Installs this release folder on a kiosk (run as root from the unpacked release: deploy/install.sh).
#   /opt/branch-kiosk/releases/<version>/   this release (copied)
#   /opt/branch-kiosk/current               symlink to it (what the units run)
#   /etc/systemd/system/branch-{hub,agent,kiosk-shell}.service
#   /etc/udev/rules.d/70-branch-kiosk.rules, /etc/sysusers.d/branch-kiosk.conf
#   /etc/chromium/policies/managed/branch-kiosk.json
#   /etc/branch-kiosk/kiosk.config.json and kiosk-shell.env (only when absent: yours are kept)
# DESTDIR=/some/root lays the same tree under that folder and touches nothing of the running system
# (no users, no udev reload, no systemctl). PREFIX (default /opt/branch-kiosk) moves the install.
# BRANCH_KIOSK_SHELL=0 installs the screen's unit without enabling it (a headless kiosk).
# BRANCH_ROLE=central enables only branch-hub-central (a central office's hub on PostgreSQL; its settings
# in /etc/branch-kiosk/hub-central.env, see deploy/central/hub-central.env.example).
set -eu

DESTDIR="${DESTDIR:-}"
PREFIX="${PREFIX:-/opt/branch-kiosk}"
release="$(cd "$(dirname "$0")/.." && pwd)"

version="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$release/release.json" | head -n 1)"
case "$version" in
  '' | *[!A-Za-z0-9._+-]*) echo "install: $release/release.json has no usable version" >&2; exit 1 ;;
esac
for need in services/hub.mjs services/agent.mjs pages/index.html node_modules deploy/systemd; do
  [ -e "$release/$need" ] || { echo "install: $release is not a release folder (no $need)" >&2; exit 1; }
done

root="$DESTDIR"
target="$root$PREFIX/releases/$version"
install -d -m 0755 "$root$PREFIX/releases"
if [ "$(cd "$release" && pwd -P)" != "$( (cd "$target" 2>/dev/null && pwd -P) || echo none)" ]; then
  rm -rf "$target.partial"
  cp -a "$release" "$target.partial"
  rm -rf "$target"
  mv "$target.partial" "$target"
fi
# Switch the symlink atomically (rename over the old one): a unit never sees a missing `current`.
ln -sfn "releases/$version" "$root$PREFIX/current.new"
mv -T "$root$PREFIX/current.new" "$root$PREFIX/current"

# Units and rules name the prefix; everything else comes as it is in the release.
install -d -m 0755 "$root/etc/systemd/system" "$root/etc/udev/rules.d" "$root/etc/sysusers.d" \
  "$root/etc/chromium/policies/managed" "$root/etc/branch-kiosk"
for unit in "$release"/deploy/systemd/*.service; do
  sed "s|/opt/branch-kiosk|$PREFIX|g" "$unit" > "$root/etc/systemd/system/$(basename "$unit")"
  chmod 0644 "$root/etc/systemd/system/$(basename "$unit")"
done
install -m 0644 "$release/deploy/udev/70-branch-kiosk.rules" "$root/etc/udev/rules.d/70-branch-kiosk.rules"
install -m 0644 "$release/deploy/sysusers.d/branch-kiosk.conf" "$root/etc/sysusers.d/branch-kiosk.conf"
install -m 0644 "$release/deploy/chromium/branch-kiosk.json" "$root/etc/chromium/policies/managed/branch-kiosk.json"
for conf in kiosk.config.json kiosk-shell.env; do
  [ -e "$root/etc/branch-kiosk/$conf" ] || install -m 0644 "$release/deploy/etc/$conf" "$root/etc/branch-kiosk/$conf"
done

echo "install: release $version in $target; $root$PREFIX/current -> releases/$version"
if [ -n "$DESTDIR" ]; then
  echo "install: DESTDIR set: no users made, no udev reload, no systemctl"
  exit 0
fi
systemd-sysusers /etc/sysusers.d/branch-kiosk.conf
udevadm control --reload
udevadm trigger --subsystem-match=hidraw --subsystem-match=tty --subsystem-match=gpio --subsystem-match=input
systemctl daemon-reload
if [ "${BRANCH_ROLE:-kiosk}" = central ]; then
  systemctl enable --now branch-hub-central.service
  echo "install: central hub running (settings: /etc/branch-kiosk/hub-central.env)"
  exit 0
fi
systemctl enable --now branch-hub.service branch-agent.service
if [ "${BRANCH_KIOSK_SHELL:-1}" = 1 ]; then
  systemctl enable --now branch-kiosk-shell.service
fi
echo "install: running; edit /etc/branch-kiosk/kiosk.config.json, then systemctl restart branch-agent"
