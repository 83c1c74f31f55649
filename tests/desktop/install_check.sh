#!/usr/bin/env bash
# `cmake --install` puts the desktop app, its .desktop entry and its icon under a prefix.
# Usage: install_check.sh CMAKE BUILD_DIR
set -u
cmake=$1 build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
status=0
check() { [ -e "$prefix/$1" ] || { echo "FAIL: $1 not installed"; status=1; }; }
check bin/labcalc-desktop
check share/applications/labcalc.desktop
check share/icons/hicolor/scalable/apps/labcalc.svg
[ -x "$prefix/bin/labcalc-desktop" ] || { echo "FAIL: bin/labcalc-desktop is not executable"; status=1; }
entry="$prefix/share/applications/labcalc.desktop"
for line in '[Desktop Entry]' 'Type=Application' 'Exec=labcalc-desktop %f' 'Icon=labcalc'; do
  grep -qxF -- "$line" "$entry" 2>/dev/null || { echo "FAIL: '$line' missing from labcalc.desktop"; status=1; }
done
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry" || status=1; fi
grep -q '<svg' "$prefix/share/icons/hicolor/scalable/apps/labcalc.svg" || { echo "FAIL: icon is not an SVG"; status=1; }
# The installed binary runs from the prefix.
"$prefix/bin/labcalc-desktop" --help >/dev/null || { echo "FAIL: installed binary does not run"; status=1; }
[ $status -eq 0 ] && echo "install: ok ($(cd "$prefix" && find . -type f | sort | tr '\n' ' '))"
exit $status
