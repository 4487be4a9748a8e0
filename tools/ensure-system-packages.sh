#!/usr/bin/env bash
# Make sure the Debian packages that a task needs are installed.
# As root, missing packages are installed with apt-get; otherwise we stop with
# the exact command to run. Browser tests are never skipped for lack of Chromium.
set -euo pipefail

purpose="${1:-test}"
# binary-path-or-library-soname  debian-package
# The tests open the model documents' Word files in LibreOffice (headless),
# with Liberation Serif, metric-compatible with Times New Roman, so pages are
# laid out as in Word; and the checklists' exported workbooks in Calc.
# The build renders the PDF with WeasyPrint, which loads Pango, HarfBuzz's
# subsetter (embedded font subsets) and fontconfig.
build_checks=(
  "libpango-1.0.so.0 libpango-1.0-0"
  "libpangoft2-1.0.so.0 libpangoft2-1.0-0"
  "libharfbuzz-subset.so.0 libharfbuzz-subset0"
  "libfontconfig.so.1 libfontconfig1"
)
case "$purpose" in
  build)
    checks=("${build_checks[@]}")
    ;;
  test)
    checks=(
      "${build_checks[@]}"
      "/usr/bin/chromium chromium"
      "/usr/sbin/nginx nginx"
      "/usr/bin/pdftoppm poppler-utils"
      "/usr/bin/soffice libreoffice-writer-nogui"
      "/usr/lib/libreoffice/program/libsclo.so libreoffice-calc-nogui"  # opens the exported workbooks
      "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf fonts-liberation2"
      "/usr/bin/git git"
      "/usr/bin/java default-jre-headless"   # the Nu HTML Checker (vnu.jar)
      "/usr/bin/npm npm"                     # installs vnu-jar (make validators)
    )
    ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
for entry in "${checks[@]}"; do
  path="${entry%% *}"; pkg="${entry##* }"
  if [[ "$path" == /* ]]; then
    [[ -e "$path" ]] || missing+=("$pkg")
  else  # a shared library, looked up in the dynamic linker's cache
    /sbin/ldconfig -p 2>/dev/null | grep -q "^[[:space:]]*$path " || missing+=("$pkg")
  fi
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
