#pragma once
// What every table of the progress file is read and written through: prepared statements with
// bound parameters, IMMEDIATE transactions, and SQLite failures turned into translated
// StoreErrors that name the file. Shared by ProgressStore and the stores that keep their tables
// in the same file (mediator accounts, activities, outbox), so a full disk reads the same everywhere.
#include "progress_store.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace pasapas::core {

// A failed SQLite call, before it is turned into a translated StoreError that names the file.
struct SqlFailure {
    int code = SQLITE_ERROR;
    std::string detail;
};

[[noreturn]] void throw_sql(sqlite3* db, int code);
bool is_corruption(int code);
StoreError store_error(const std::filesystem::path& file, const SqlFailure& failure);

// Runs one store operation and turns SQLite failures into translated errors naming the file.
template <class Operation>
auto guarded(const std::filesystem::path& file, Operation&& operation) -> decltype(operation()) {
    try {
        return operation();
    } catch (const SqlFailure& failure) {
        throw store_error(file, failure);
    }
}

void exec(sqlite3* db, const char* sql);

// A prepared statement; every value goes through a bound parameter, never into the SQL text,
// because names may hold quotes and anything else a keyboard can type.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind_null(int index);

    bool step();  // true while there is a row to read

    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] int small_integer(int column) const;
    [[nodiscard]] bool is_null(int column) const;
    [[nodiscard]] std::string text(int column) const;

private:
    void check(int rc) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE takes the write lock up front, so a busy database is reported at the start
// of the write rather than halfway through it.
class Transaction {
public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    sqlite3* db_;
    bool committed_ = false;
};

int user_version(sqlite3* db);
void set_user_version(sqlite3* db, int version);

void ensure_sodium();       // throws StoreError when libsodium cannot start
std::string new_uuid();     // random (version 4) UUID, lower case
std::string utc_now_iso();  // 2026-11-23T15:04:05.123Z
std::string local_stamp();  // 20261123-160405, local time, for file names a person reads
// Reads the count digits of text at from (a date or stamp field); false when any is not a digit.
// from_chars rather than sscanf, which cannot tell "07" from "7x" or report an overflow.
bool read_digits(std::string_view text, std::size_t from, std::size_t count, int& value);

}  // namespace pasapas::core
