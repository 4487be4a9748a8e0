#!/usr/bin/env bash
# Make sure the Debian packages that a task needs are installed.
# As root, missing packages are installed with apt-get; otherwise we stop with
# the exact command to run. Browser tests are never skipped for lack of Chromium.
set -euo pipefail

purpose="${1:-test}"
# binary-or-library  debian-package
case "$purpose" in
  test)
    checks=(
      "/usr/bin/chromium chromium"
      "/usr/sbin/nginx nginx"
      "/usr/bin/pdftoppm poppler-utils"
      "/usr/bin/git git"
    )
    ;;
  *) echo "usage: $0 test" >&2; exit 2 ;;
esac

missing=()
for entry in "${checks[@]}"; do
  path="${entry%% *}"; pkg="${entry##* }"
  [[ -e "$path" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
Missing system packages: ${missing[*]}
Thiếu gói hệ thống: ${missing[*]}
Install them, then run the command again:
  sudo apt-get install ${missing[*]}
MSG
exit 1
