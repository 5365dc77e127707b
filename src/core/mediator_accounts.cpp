#include "mediator_accounts.hpp"

#include "mediator_log.hpp"
#include "sqlite_support.hpp"
#include "translate.hpp"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <string_view>

namespace pasapas::core {
namespace {

using Clock = std::chrono::system_clock;
using Millis = std::chrono::milliseconds;

// Lockouts stop doubling here: past a day, longer waits only keep the rightful mediator out.
constexpr std::chrono::seconds kLongestLockout{std::chrono::hours{24}};

// "2026-11-23T15:04:05.123Z" (milliseconds optional), as utc_now_iso() writes it.
std::optional<Clock::time_point> parse_utc(std::string_view text) {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millis = 0;
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) || !read_digits(text, 8, 2, day) ||
        !read_digits(text, 11, 2, hour) || !read_digits(text, 14, 2, minute) ||
        !read_digits(text, 17, 2, second)) {
        return std::nullopt;
    }
    if (text.size() >= 23 && text[19] == '.' && !read_digits(text, 20, 3, millis)) {
        millis = 0;
    }
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return Clock::time_point{std::chrono::sys_days{date}} + std::chrono::hours{hour} +
           std::chrono::minutes{minute} + std::chrono::seconds{second} + Millis{millis};
}

std::string format_utc(Clock::time_point when) {
    const auto days = std::chrono::floor<std::chrono::days>(when);
    const std::chrono::year_month_day date{days};
    const std::chrono::hh_mm_ss time{std::chrono::floor<Millis>(when - days)};
    std::array<char, 96> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int{date.year()},
                  unsigned{date.month()}, unsigned{date.day()}, static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                  static_cast<int>(time.subseconds().count()));
    return buffer.data();
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Characters, not bytes: "éééééééé" is eight characters long for the person who typed it.
std::size_t utf8_length(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++count;
        }
    }
    return count;
}

void check_password(const std::string& password) {
    if (utf8_length(password) < MediatorAccounts::kMinPasswordLength) {
        throw StoreError(fmt(tr("The password must be at least {0} characters long."),
                             {std::to_string(MediatorAccounts::kMinPasswordLength)}));
    }
}

std::string hash_password(const std::string& password) {
    ensure_sodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw StoreError(
            tr("This computer does not have enough free memory to protect the password. "
               "Close other programs, then try again."));
    }
    return out.data();
}

bool verify(const std::string& hash, const std::string& password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// An unknown login costs the same Argon2id verification as a known one, so the time a refusal
// takes does not tell which logins exist.
const std::string& dummy_hash() {
    static const std::string hash = hash_password("pasapas-no-such-mediator");
    return hash;
}

std::chrono::seconds lockout_for(int failed_attempts) {
    auto wait = std::chrono::seconds{MediatorAccounts::kFirstLockout};
    for (int i = MediatorAccounts::kMaxAttempts; i < failed_attempts && wait < kLongestLockout; ++i) {
        wait *= 2;
    }
    return std::min(wait, kLongestLockout);
}

std::chrono::seconds seconds_until(Clock::time_point from, Clock::time_point to) {
    // Rounded up: "wait 0 seconds" while still locked would be a lie.
    const auto left = std::chrono::ceil<std::chrono::seconds>(to - from);
    return std::max(left, std::chrono::seconds{1});
}

struct Row {
    MediatorId id = 0;
    std::string hash;
    int failed_attempts = 0;
    std::string locked_until;
};

}  // namespace

MediatorAccounts::MediatorAccounts(ProgressStore& store) : store_(store) {}

bool MediatorAccounts::any() const {
    return guarded(store_.path(), [&] {
        Statement query(store_.database(), "SELECT EXISTS (SELECT 1 FROM mediators)");
        return query.step() && query.integer(0) != 0;
    });
}

std::vector<Mediator> MediatorAccounts::list() const {
    return guarded(store_.path(), [&] {
        std::vector<Mediator> out;
        Statement query(store_.database(),
                        "SELECT id, login, created_at FROM mediators ORDER BY login COLLATE NOCASE, id");
        while (query.step()) {
            out.push_back({query.integer(0), query.text(1), query.text(2)});
        }
        return out;
    });
}

MediatorId MediatorAccounts::create(const std::string& login, const std::string& password) {
    const std::string name = trimmed(login);
    if (name.empty()) {
        throw StoreError(tr("The login cannot be empty: type a name or a nickname for this mediator."));
    }
    check_password(password);
    const bool taken = guarded(store_.path(), [&] {
        Statement query(store_.database(),
                        "SELECT EXISTS (SELECT 1 FROM mediators WHERE login = ? COLLATE NOCASE)");
        query.bind(1, name);
        return query.step() && query.integer(0) != 0;
    });
    if (taken) {
        throw StoreError(fmt(tr("The login {0} is already taken: choose another one."), {name}));
    }
    const std::string hash = hash_password(password);
    const MediatorId id = guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        Statement insert(db, "INSERT INTO mediators (login, password_hash, created_at) VALUES (?, ?, ?)");
        insert.bind(1, name).bind(2, hash).bind(3, utc_now_iso());
        insert.step();
        const MediatorId created = sqlite3_last_insert_rowid(db);
        transaction.commit();
        return created;
    });
    MediatorLog(store_).append(id, "create-mediator");
    return id;
}

void MediatorAccounts::change_password(MediatorId id, const std::string& new_password) {
    check_password(new_password);
    const std::string hash = hash_password(new_password);
    const bool changed = guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        Statement update(db,
                         "UPDATE mediators SET password_hash = ?, failed_attempts = 0, locked_until = '' "
                         "WHERE id = ?");
        update.bind(1, hash).bind(2, id);
        update.step();
        const bool found = sqlite3_changes(db) > 0;
        transaction.commit();
        return found;
    });
    if (!changed) {
        throw StoreError(tr("This mediator account no longer exists."));
    }
    MediatorLog(store_).append(id, "change-password");
}

MediatorAccounts::Verdict MediatorAccounts::sign_in(const std::string& login, const std::string& password,
                                                    const std::string& now_utc) {
    MediatorLog log(store_);
    const auto now = parse_utc(now_utc).value_or(Clock::now());
    const auto row = guarded(store_.path(), [&]() -> std::optional<Row> {
        Statement query(
            store_.database(),
            "SELECT id, password_hash, failed_attempts, locked_until FROM mediators WHERE login = ?");
        query.bind(1, trimmed(login));
        if (!query.step()) {
            return std::nullopt;
        }
        return Row{query.integer(0), query.text(1), query.small_integer(2), query.text(3)};
    });
    if (!row) {
        (void)verify(dummy_hash(), password);
        // The login typed is not logged: it may well be a password typed in the wrong box.
        log.append(std::nullopt, "sign-in-failed", "unknown login");
        return {Outcome::Unknown, std::nullopt, std::chrono::seconds{0}};
    }
    if (const auto until = parse_utc(row->locked_until); until && now < *until) {
        // Not even checked: while locked, guessing costs nothing but gains nothing either.
        const auto wait = seconds_until(now, *until);
        log.append(row->id, "sign-in-refused", "locked, " + std::to_string(wait.count()) + " s left");
        return {Outcome::Locked, row->id, wait};
    }
    if (verify(row->hash, password)) {
        guarded(store_.path(), [&] {
            sqlite3* db = store_.database();
            Transaction transaction(db);
            Statement reset(db, "UPDATE mediators SET failed_attempts = 0, locked_until = '' WHERE id = ?");
            reset.bind(1, row->id);
            reset.step();
            transaction.commit();
        });
        log.append(row->id, "sign-in");
        return {Outcome::Ok, row->id, std::chrono::seconds{0}};
    }
    const auto failures = guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        // Counted in the file, so that closing the app between guesses does not reset the count.
        Statement count(db, "SELECT failed_attempts FROM mediators WHERE id = ?");
        count.bind(1, row->id);
        const int failed = (count.step() ? count.small_integer(0) : row->failed_attempts) + 1;
        std::string locked_until;
        if (failed >= kMaxAttempts) {
            locked_until = format_utc(now + lockout_for(failed));
        }
        Statement update(db, "UPDATE mediators SET failed_attempts = ?, locked_until = ? WHERE id = ?");
        update.bind(1, std::int64_t{failed}).bind(2, locked_until).bind(3, row->id);
        update.step();
        transaction.commit();
        return failed;
    });
    log.append(row->id, "sign-in-failed", "wrong password, " + std::to_string(failures) + " in a row");
    if (failures >= kMaxAttempts) {
        const auto wait = lockout_for(failures);
        log.append(row->id, "locked", std::to_string(wait.count()) + " s");
        return {Outcome::Locked, row->id, wait};
    }
    return {Outcome::Wrong, row->id, std::chrono::seconds{0}};
}

}  // namespace pasapas::core
