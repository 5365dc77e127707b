#!/usr/bin/env bash
# Regenerates the templates from the sources and merges them into every catalog.
#   i18n/pasapas.pot                  interface strings: _(), wxPLURAL, wxTRANSLATE, core's tr()
#   i18n/lessons/pasapas-lessons.pot  lesson text, extracted by pasapas-cli lessons pot
# Usage: i18n/update.sh [path/to/pasapas-cli]
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$(git ls-files 'src/*.cpp' 'src/*.hpp' | sort)
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 --language=C++ --c++ --add-comments=TRANSLATORS: \
  --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --keyword=tr \
  --package-name=pasapas --msgid-bugs-address= --sort-by-file \
  -o i18n/pasapas.pot $sources
for po in i18n/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" i18n/pasapas.pot
done
cli=${1:-build/stage/bin/pasapas-cli}
if [ -x "$cli" ]; then
  "$cli" lessons pot lessons > i18n/lessons/pasapas-lessons.pot
  for po in i18n/lessons/*.po; do
    [ -e "$po" ] && msgmerge --quiet --update --backup=none "$po" i18n/lessons/pasapas-lessons.pot
  done
fi
echo "Templates updated. Untranslated in French: $(msgattrib --untranslated i18n/fr.po | grep -c '^msgid' || true) (counting the header)"
