#include "sqlite_support.hpp"

#include "translate.hpp"

#include <sodium.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace pasapas::core {
namespace {

namespace fs = std::filesystem;

// SQLITE_TRANSIENT (SQLite copies the value) without its C-style cast; the integer-to-pointer
// cast is SQLite's own documented sentinel.
sqlite3_destructor_type transient() {
    return reinterpret_cast<sqlite3_destructor_type>(  // NOLINT(performance-no-int-to-ptr)
        static_cast<std::intptr_t>(-1));
}

std::tm broken_down(std::time_t seconds, bool utc) {
    std::tm out{};
#ifdef _WIN32
    utc ? gmtime_s(&out, &seconds) : localtime_s(&out, &seconds);
#else
    utc ? gmtime_r(&seconds, &out) : localtime_r(&seconds, &out);
#endif
    return out;
}

}  // namespace

[[noreturn]] void throw_sql(sqlite3* db, int code) {
    throw SqlFailure{code, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code)};
}

bool is_corruption(int code) {
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

StoreError store_error(const fs::path& file, const SqlFailure& failure) {
    switch (failure.code & 0xff) {
        case SQLITE_FULL:
            return StoreError(fmt(tr("The disk is full, so Pas à Pas cannot save progress in {0}. "
                                     "Free some space, then start Pas à Pas again."),
                                  {file.string()}));
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
        case SQLITE_AUTH:
            return StoreError(fmt(tr("Pas à Pas is not allowed to write its progress file {0}. The folder "
                                     "or the disk may be read-only; a mediator can check its permissions."),
                                  {file.string()}));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return StoreError(fmt(tr("The progress file {0} is in use by another Pas à Pas window. "
                                     "Close it, then try again."),
                                  {file.string()}));
        case SQLITE_IOERR:
            return StoreError(fmt(tr("The disk did not let Pas à Pas read or save {0} ({1}). Check that "
                                     "the disk or USB stick is still connected."),
                                  {file.string(), failure.detail}));
        default:
            return StoreError(fmt(tr("Pas à Pas could not read or save progress in {0} ({1})."),
                                  {file.string(), failure.detail}));
    }
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        SqlFailure failure{rc, message != nullptr ? message : sqlite3_errstr(rc)};
        sqlite3_free(message);
        throw failure;
    }
}

int user_version(sqlite3* db) {
    Statement query(db, "PRAGMA user_version");
    return query.step() ? query.small_integer(0) : 0;
}

void set_user_version(sqlite3* db, int version) {
    // PRAGMA takes no bound parameters; the value is our own integer, never user input.
    exec(db, ("PRAGMA user_version = " + std::to_string(version)).c_str());
}

void ensure_sodium() {
    static const int rc = sodium_init();
    if (rc < 0) {
        throw StoreError(tr("Pas à Pas could not start its security library, so it cannot protect PINs."));
    }
}

std::string new_uuid() {
    ensure_sodium();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0fU) | 0x40U);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3fU) | 0x80U);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out.push_back('-');
        }
        out.push_back(kHex[bytes[i] >> 4U]);
        out.push_back(kHex[bytes[i] & 0x0fU]);
    }
    return out;
}

bool read_digits(std::string_view text, std::size_t from, std::size_t count, int& value) {
    // from_chars would take a leading '-' as a sign: "-1" is not two digits.
    if (count == 0 || text.size() < from + count || text[from] < '0' || text[from] > '9') {
        return false;
    }
    const char* first = text.data() + from;
    const auto [end, error] = std::from_chars(first, first + count, value);
    return error == std::errc{} && end == first + count;
}

std::string utc_now_iso() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const auto t = broken_down(static_cast<std::time_t>(ms / 1000), true);
    std::array<char, 96> buffer{};  // room for any int, so -O3 sees no truncation
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.tm_year + 1900,
                  t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, static_cast<int>(ms % 1000));
    return buffer.data();
}

// Local time, because the mediator who looks for the kept file reads the name on this computer.
std::string local_stamp() {
    const auto t = broken_down(std::time(nullptr), false);
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d%02d%02d-%02d%02d%02d", t.tm_year + 1900, t.tm_mon + 1,
                  t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
    return buffer.data();
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        throw_sql(db, rc);
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
    check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), transient(), SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind_null(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    throw_sql(db_, rc);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

int Statement::small_integer(int column) const {
    return sqlite3_column_int(stmt_, column);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (data == nullptr) {
        return {};
    }
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK) {
        throw_sql(db_, rc);
    }
}

Transaction::Transaction(sqlite3* db) : db_(db) {
    exec(db_, "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!committed_) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    exec(db_, "COMMIT");
    committed_ = true;
}

}  // namespace pasapas::core
