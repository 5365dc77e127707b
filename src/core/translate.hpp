#pragma once
// Translation hook for the headless core.
//
// The core must not depend on wxWidgets, yet its messages (lesson problems, store notices)
// reach users and must be translated. The core marks them with tr("English source"), and
// whoever embeds the core installs the translator: the app plugs in wxGetTranslation, the
// command-line tool plugs in GNU gettext. xgettext extracts them with --keyword=tr.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace pasapas::core {

using Translator = std::function<std::string(const char* msgid)>;

// Installs the translator used by tr(); an empty function restores the identity.
void set_translator(Translator translator);

// Returns the translation of an English source message.
std::string tr(const char* msgid);

// Replaces {0}, {1}… in a (translated) pattern. Numbered so translators may reorder.
std::string fmt(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace pasapas::core
