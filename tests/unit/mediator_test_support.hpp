#pragma once
// What the mediator-side tests share: a temporary folder, SQL counts on the progress file, and
// a look at the file's raw bytes (the file and its write-ahead log), to check that what must not
// be kept is really not there.
#include "core/progress_store.hpp"
#include "core/sqlite_support.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace pasapas::test {

namespace fs = std::filesystem;

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "pasapas-mediator") {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                 std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code error;
        fs::remove_all(path_, error);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

inline std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

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
