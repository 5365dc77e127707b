#pragma once
// What the mediator-side tests share: a temporary folder, SQL counts on the progress file, and
// a look at the file's raw bytes (the file and its write-ahead log), to check that what must not
// be kept is really not there.
#include "core/progress_store.hpp"
#include "core/sqlite_support.hpp"
#include "temp_dir.hpp"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace pasapas::test {

namespace fs = std::filesystem;

// True when needle appears in the database file or in its -wal / -journal companions.
inline bool file_holds(const fs::path& db, const std::string& needle) {
    for (const char* suffix : {"", "-wal", "-journal"}) {
        const fs::path file = db.string() + suffix;
        std::error_code error;
        if (fs::exists(file, error) && read_bytes(file).find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// A single integer from SQL on the store's own connection (counts, flags).
inline std::int64_t sql_integer(const core::ProgressStore& store, const std::string& sql,
                                std::int64_t bound = 0, bool bind = false) {
    core::Statement query(store.database(), sql);
    if (bind) {
        query.bind(1, bound);
    }
    return query.step() ? query.integer(0) : -1;
}

inline std::string sql_text(const core::ProgressStore& store, const std::string& sql) {
    core::Statement query(store.database(), sql);
    return query.step() ? query.text(0) : std::string{};
}

}  // namespace pasapas::test
