#include "paths.hpp"

#include <cstdlib>

namespace pasapas::core {
namespace {

std::optional<std::filesystem::path> from_env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::filesystem::path(value);
}

}  // namespace

std::filesystem::path database_path(const std::optional<std::string>& cli_override) {
    if (cli_override && !cli_override->empty()) {
        return *cli_override;
    }
    if (auto env = from_env("PASAPAS_DB")) {
        return *env;
    }
#ifdef _WIN32
    if (auto appdata = from_env("APPDATA")) {
        return *appdata / "PasAPas" / "progress.db";
    }
    return std::filesystem::path("PasAPas") / "progress.db";
#else
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (auto xdg = from_env("XDG_DATA_HOME"); xdg && xdg->is_absolute()) {
        return *xdg / "pasapas" / "progress.db";
    }
    if (auto home = from_env("HOME")) {
        return *home / ".local" / "share" / "pasapas" / "progress.db";
    }
    // No home at all (a stripped-down kiosk account): keep the file next to where we run
    // rather than refusing to start.
    return std::filesystem::path(".pasapas") / "progress.db";
#endif
}

std::filesystem::path lessons_path(const std::optional<std::string>& cli_override,
                                   const std::filesystem::path& executable) {
    if (cli_override && !cli_override->empty()) {
        return *cli_override;
    }
    if (auto env = from_env("PASAPAS_LESSONS")) {
        return *env;
    }
    std::error_code error;
    auto exe = std::filesystem::absolute(executable, error);
    if (error) {
        exe = executable;
    }
    // weakly_canonical, because the folder may legitimately be missing (the caller reports it)
    // and canonical() would throw instead of giving a path to show.
    auto lessons =
        std::filesystem::weakly_canonical(exe.parent_path() / ".." / "share" / "pasapas" / "lessons", error);
    if (error) {
        return (exe.parent_path() / ".." / "share" / "pasapas" / "lessons").lexically_normal();
    }
    return lessons;
}

}  // namespace pasapas::core
