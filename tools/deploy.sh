#!/usr/bin/env bash
# Publish a built site on the web server, switching atomically, and roll back.
#
#   tools/deploy.sh install SITE_DIR   copy SITE_DIR to releases/<UTC time>, then activate it
#   tools/deploy.sh activate RELEASE   point "current" at releases/RELEASE
#   tools/deploy.sh rollback           go back to the release before the current one
#   tools/deploy.sh list               releases, the current one marked with *
#
# Layout (CAM_NANG_BASE, default /srv/cam-nang):
#   releases/2026-11-30T050000Z/   one complete site per release, never changed once copied
#   current -> releases/...        what nginx serves (root /srv/cam-nang/current)
#
# The switch is a rename of a new symlink over "current" (ln -sfn + mv -T,
# one rename(2)): a reader gets the old site or the new one, never a mix or
# nothing. nginx follows the link on every request, so no reload is needed:
# its configuration (deploy/nginx/, the security policy included) does not
# change with a release.
#
# Environment: CAM_NANG_BASE, KEEP (releases kept, default 5).
set -euo pipefail

base="${CAM_NANG_BASE:-/srv/cam-nang}"
keep="${KEEP:-5}"
die() { echo "deploy: $*" >&2; exit 1; }

current_release() {
  [[ -L "$base/current" ]] && basename "$(readlink "$base/current")" || true
}

releases() {
  [[ -d "$base/releases" ]] || return 0
  find "$base/releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort
}

switch_to() {  # atomic: a new link renamed over the old one
  local release="$1"
  [[ -f "$base/releases/$release/index.html" ]] || die "no site in releases/$release"
  ln -sfn "releases/$release" "$base/.current.new"
  mv -T "$base/.current.new" "$base/current"
}

activate() {
  local release="$1"
  switch_to "$release"
  echo "current -> releases/$release"
}

install_site() {
  local site="$1" stamp target
  [[ -f "$site/index.html" && -f "$site/404.html" && -d "$site/errors" ]] \
    || die "$site is not a built site (run: make build)"
  mkdir -p "$base/releases"
  stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
  target="$stamp"
  local n=1
  while [[ -e "$base/releases/$target" ]]; do target="$stamp-$n"; n=$((n + 1)); done
  # Copy into a hidden folder first, so a half-copied release is never listed.
  local partial="$base/releases/.$target.partial"
  rm -rf "$partial"
  if command -v rsync >/dev/null; then
    rsync -rlt --chmod=D755,F644 "$site/" "$partial/"
  else
    mkdir -p "$partial"
    cp -R "$site/." "$partial/"
    chmod -R u=rwX,go=rX "$partial"
  fi
  mv -T "$partial" "$base/releases/$target"
  activate "$target"
  prune
}

prune() {  # keep the newest $keep releases, and always the current one
  local current old
  current="$(current_release)"
  releases | head -n -"$keep" | while read -r old; do
    [[ "$old" == "$current" ]] || rm -rf "${base:?}/releases/$old"
  done
}

rollback() {
  local current previous=""
  current="$(current_release)"
  [[ -n "$current" ]] || die "nothing is deployed"
  while read -r release; do
    [[ "$release" == "$current" ]] && break
    previous="$release"
  done < <(releases)
  [[ -n "$previous" ]] || die "no release before $current"
  activate "$previous"
}

case "${1:-}" in
  install)  [[ $# -eq 2 ]] || die "usage: $0 install SITE_DIR"; install_site "${2%/}" ;;
  activate) [[ $# -eq 2 ]] || die "usage: $0 activate RELEASE"; activate "$2" ;;
  rollback) rollback ;;
  list)     cur="$(current_release)"; releases | while read -r r; do
              [[ "$r" == "$cur" ]] && echo "* $r" || echo "  $r"; done ;;
  *) sed -n '2,8p' "$0" >&2; exit 2 ;;
esac
