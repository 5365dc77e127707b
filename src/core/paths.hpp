#pragma once
// Where Pas à Pas keeps and finds things. Overridable for tests and workshop set-ups:
// the database by --db or PASAPAS_DB, the lessons by --lessons or PASAPAS_LESSONS.
#include <filesystem>
#include <optional>
#include <string>

namespace pasapas::core {

// The progress database: the override if any, else $XDG_DATA_HOME/pasapas/progress.db
// (~/.local/share/pasapas/progress.db), %APPDATA%\PasAPas\progress.db on Windows.
std::filesystem::path database_path(const std::optional<std::string>& cli_override);

// The bundled lessons: the override if any, else <exe>/../share/pasapas/lessons.
std::filesystem::path lessons_path(const std::optional<std::string>& cli_override,
                                   const std::filesystem::path& executable);

}  // namespace pasapas::core
