#!/usr/bin/env bash
# Fails when an interface string in the sources has no French translation, or when a
# translation is fuzzy or breaks its format (msgfmt --check). Run by CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
mapfile -t sources < <(find src -name '*.cpp' -o -name '*.hpp' | sort)
xgettext --from-code=UTF-8 --language=C++ --c++ \
  --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --keyword=tr \
  -o "$work/current.pot" "${sources[@]}"
status=0
for po in i18n/*.po; do
  msgfmt --check -o /dev/null "$po"
  msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" "$po" "$work/current.pot"
  missing=$(msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -c '^msgid "[^"]' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/merged.po" | grep -c '^msgid "[^"]' || true)
  if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "$po: $missing untranslated and $fuzzy fuzzy strings; run i18n/update.sh and translate:"
    msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -A1 '^msgid "[^"]' | head -n 40
    status=1
  fi
done
exit $status
