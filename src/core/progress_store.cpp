#include "progress_store.hpp"

#include "sqlite_support.hpp"
#include "translate.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <memory>
#include <string_view>
#include <system_error>
#include <utility>

namespace pasapas::core {
namespace {

namespace fs = std::filesystem;

// SQLITE_TRANSIENT (SQLite copies the value) without its C-style cast; the integer-to-pointer
// cast is SQLite's own documented sentinel.
sqlite3_destructor_type transient() {
    return reinterpret_cast<sqlite3_destructor_type>(  // NOLINT(performance-no-int-to-ptr)
        static_cast<std::intptr_t>(-1));
}

// Lets the v1→v2 migration give every old event its own fresh uuid in plain SQL.
void sql_new_uuid(sqlite3_context* context, int /*argc*/, sqlite3_value** /*argv*/) {
    const auto uuid = new_uuid();
    sqlite3_result_text(context, uuid.data(), static_cast<int>(uuid.size()), transient());
}

const char* status_text(LessonStatus status) {
    // A recorded event means the lesson was at least opened, so NotStarted is kept as begun.
    return status == LessonStatus::Done ? "done" : "in_progress";
}

LessonStatus status_from(const std::string& text) {
    if (text == "done") {
        return LessonStatus::Done;
    }
    if (text == "in_progress") {
        return LessonStatus::InProgress;
    }
    return LessonStatus::NotStarted;
}

bool valid_pin(const std::string& pin) {
    if (pin.size() != 4) {
        return false;
    }
    for (const char c : pin) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

// ---- Schema ----------------------------------------------------------------------------------

// The schema as of kSchemaVersion, for a new file. It must describe the same tables and columns
// (in the same order) as a file brought up to date by the migrations below; a test compares them.
constexpr const char* kLatestSchema = R"sql(
CREATE TABLE learners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    avatar TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    pin_hash TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    age_bracket TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    social_status TEXT NOT NULL DEFAULT '',
    commune TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    insee TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE lesson_progress (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    lesson_id TEXT NOT NULL,
    status TEXT NOT NULL,
    current_step INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (learner_id, lesson_id)
);
CREATE TABLE step_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    success INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    mistake TEXT NOT NULL DEFAULT '',
    hint_level INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX step_events_by_learner ON step_events (learner_id, lesson_id);
CREATE TABLE learner_settings (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (learner_id, key)
);
CREATE TABLE scenario_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    run TEXT NOT NULL UNIQUE,
    mode TEXT NOT NULL,
    level TEXT NOT NULL,
    mistakes INTEGER NOT NULL,
    hints INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    finished INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX scenario_results_by_learner ON scenario_results (learner_id, scenario_id);
CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE install_secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE mediators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE mediator_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    mediator_id INTEGER,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER mediator_log_no_update BEFORE UPDATE ON mediator_log
BEGIN SELECT RAISE(ABORT, 'mediator_log is append-only'); END;
CREATE TRIGGER mediator_log_no_delete BEFORE DELETE ON mediator_log
BEGIN SELECT RAISE(ABORT, 'mediator_log is append-only'); END;
CREATE TABLE activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    duration_min INTEGER NOT NULL,
    place_type TEXT NOT NULL DEFAULT '',
    place_name TEXT NOT NULL DEFAULT '',
    place_commune TEXT NOT NULL DEFAULT '',
    place_postcode TEXT NOT NULL DEFAULT '',
    place_insee TEXT NOT NULL DEFAULT '',
    equipment TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    demarche TEXT NOT NULL DEFAULT '',
    autonomy TEXT NOT NULL DEFAULT '',
    workshop_level TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    anonymous_participants INTEGER NOT NULL DEFAULT 0,
    referred INTEGER NOT NULL DEFAULT 0,
    referral TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    mediator_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX activities_by_date ON activities (date);
CREATE TABLE activity_learners (
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, learner_id)
);
CREATE INDEX activity_learners_by_learner ON activity_learners (learner_id);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    item_key TEXT NOT NULL UNIQUE,
    learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL DEFAULT '',
    last_status INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE sent_items (
    item_key TEXT PRIMARY KEY,
    learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL
);
)sql";

// Version 1 → 2: PINs, archiving, per-learner settings, and richer events with a stable uuid.
// SQLite cannot add a UNIQUE column, so step_events is rebuilt; nothing references it.
constexpr const char* kMigrate1To2 = R"sql(
ALTER TABLE learners ADD COLUMN pin_hash TEXT;
ALTER TABLE learners ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
CREATE TABLE step_events_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    success INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    mistake TEXT NOT NULL DEFAULT '',
    hint_level INTEGER NOT NULL DEFAULT 0
);
INSERT INTO step_events_v2 (id, learner_id, lesson_id, step_id, step_index, at, action, success, duration_ms, uuid)
    SELECT id, learner_id, lesson_id, step_id, step_index, at, action, success, duration_ms, pasapas_new_uuid()
    FROM step_events ORDER BY id;
DROP TABLE step_events;
ALTER TABLE step_events_v2 RENAME TO step_events;
CREATE INDEX step_events_by_learner ON step_events (learner_id, lesson_id);
CREATE TABLE learner_settings (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (learner_id, key)
);
)sql";

// v2 → v3: procedure simulations' results.
constexpr const char* kMigrate2To3 = R"sql(
CREATE TABLE scenario_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    run TEXT NOT NULL UNIQUE,
    mode TEXT NOT NULL,
    level TEXT NOT NULL,
    mistakes INTEGER NOT NULL,
    hints INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    finished INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX scenario_results_by_learner ON scenario_results (learner_id, scenario_id);
)sql";

// v3 → v4: the mediator console. Learners gain the coarse attributes La Coop records (never a
// birth date, phone or e-mail); mediators, their append-only log, activities (La Coop's
// individual sessions and collective workshops), report settings and the sending outbox.
constexpr const char* kMigrate3To4 = R"sql(
ALTER TABLE learners ADD COLUMN age_bracket TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN gender TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN social_status TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN commune TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN insee TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE install_secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE mediators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE mediator_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    mediator_id INTEGER,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER mediator_log_no_update BEFORE UPDATE ON mediator_log
BEGIN SELECT RAISE(ABORT, 'mediator_log is append-only'); END;
CREATE TRIGGER mediator_log_no_delete BEFORE DELETE ON mediator_log
BEGIN SELECT RAISE(ABORT, 'mediator_log is append-only'); END;
CREATE TABLE activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    duration_min INTEGER NOT NULL,
    place_type TEXT NOT NULL DEFAULT '',
    place_name TEXT NOT NULL DEFAULT '',
    place_commune TEXT NOT NULL DEFAULT '',
    place_postcode TEXT NOT NULL DEFAULT '',
    place_insee TEXT NOT NULL DEFAULT '',
    equipment TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    demarche TEXT NOT NULL DEFAULT '',
    autonomy TEXT NOT NULL DEFAULT '',
    workshop_level TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    anonymous_participants INTEGER NOT NULL DEFAULT 0,
    referred INTEGER NOT NULL DEFAULT 0,
    referral TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    mediator_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX activities_by_date ON activities (date);
CREATE TABLE activity_learners (
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, learner_id)
);
CREATE INDEX activity_learners_by_learner ON activity_learners (learner_id);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    item_key TEXT NOT NULL UNIQUE,
    learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL DEFAULT '',
    last_status INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE sent_items (
    item_key TEXT PRIMARY KEY,
    learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL
);
)sql";

struct Migration {
    int from;
    const char* sql;
};
constexpr std::array kMigrations{Migration{1, kMigrate1To2}, Migration{2, kMigrate2To3},
                                 Migration{3, kMigrate3To4}};
static_assert(kMigrations.size() + 1 == ProgressStore::kSchemaVersion, "one migration per version step");

// ---- Opening ---------------------------------------------------------------------------------

enum class Verdict : std::uint8_t { Usable, Corrupt, Newer };

std::uint32_t big_endian_u32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24U) | (std::uint32_t{bytes[1]} << 16U) |
           (std::uint32_t{bytes[2]} << 8U) | std::uint32_t{bytes[3]};
}

// Decides whether an existing file can be used, without writing to it: first from its 100-byte
// header, then through a connection that does not checkpoint on close, so that a file we are
// about to keep aside is left exactly as it was.
Verdict inspect(const fs::path& file) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    if (error || size == 0) {
        return Verdict::Usable;  // missing or empty: SQLite starts a new database there
    }
    std::array<unsigned char, 100> header{};
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            throw SqlFailure{SQLITE_CANTOPEN, "cannot open for reading"};
        }
        in.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(header.size()));
        if (in.gcount() != static_cast<std::streamsize>(header.size())) {
            return Verdict::Corrupt;
        }
    }
    static constexpr std::string_view kMagic{"SQLite format 3\0", 16};
    if (std::memcmp(header.data(), kMagic.data(), kMagic.size()) != 0) {
        return Verdict::Corrupt;
    }
    if (big_endian_u32(header.data() + 60) > static_cast<std::uint32_t>(ProgressStore::kSchemaVersion)) {
        return Verdict::Newer;
    }

    sqlite3* raw = nullptr;
    const int open_rc = sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    const std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close_v2);
    if (open_rc != SQLITE_OK) {
        if (is_corruption(open_rc)) {
            return Verdict::Corrupt;
        }
        throw_sql(raw, open_rc);
    }
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_busy_timeout(raw, 5000);
    try {
        const int version = user_version(raw);
        if (version > ProgressStore::kSchemaVersion) {
            return Verdict::Newer;
        }
        Statement check(raw, "PRAGMA quick_check");
        if (!check.step() || check.text(0) != "ok") {
            return Verdict::Corrupt;
        }
        if (version == 0) {
            // Tables without our version stamp: some other program's database, not ours to change.
            Statement tables(raw, "SELECT count(*) FROM sqlite_master");
            if (tables.step() && tables.integer(0) > 0) {
                return Verdict::Corrupt;
            }
        }
    } catch (const SqlFailure& failure) {
        if (is_corruption(failure.code)) {
            return Verdict::Corrupt;
        }
        throw;
    }
    return Verdict::Usable;
}

const std::array<const char*, 4> kCompanionSuffixes{"", "-wal", "-shm", "-journal"};

bool any_exists(const fs::path& base) {
    std::error_code error;
    for (const char* suffix : kCompanionSuffixes) {
        if (fs::exists(fs::path(base.string() + suffix), error)) {
            return true;
        }
    }
    return false;
}

// Renames the file and its SQLite companions to <name>.<label>-YYYYMMDD-HHMMSS[-N].
fs::path move_aside(const fs::path& file, const char* label) {
    const std::string stem = file.string() + "." + label + "-" + local_stamp();
    fs::path aside = stem;
    for (int counter = 2; any_exists(aside); ++counter) {
        aside = stem + "-" + std::to_string(counter);
    }
    for (const char* suffix : kCompanionSuffixes) {
        const fs::path from = file.string() + suffix;
        std::error_code error;
        if (!fs::exists(from, error)) {
            continue;
        }
        fs::rename(from, fs::path(aside.string() + suffix), error);
        if (error) {
            throw StoreError(fmt(tr("Pas à Pas could not keep the unreadable progress file {0} aside ({1}). "
                                    "A mediator can move it away by hand."),
                                 {file.string(), error.message()}));
        }
    }
    return aside;
}

}  // namespace

// ---- ProgressStore ---------------------------------------------------------------------------

ProgressStore::ProgressStore(const std::filesystem::path& file) : path_(file) {
    ensure_sodium();
    const auto folder = path_.parent_path();
    if (!folder.empty()) {
        std::error_code error;
        fs::create_directories(folder, error);
        if (error || !fs::is_directory(folder)) {
            throw StoreError(
                fmt(tr("Pas à Pas cannot create the folder {0} to save progress ({1}). "
                       "Check that the disk is connected and that you may write there."),
                    {folder.string(), error ? error.message() : tr("it is a file, not a folder")}));
        }
    }
    std::error_code error;
    if (fs::exists(path_, error) && !fs::is_regular_file(path_, error)) {
        throw StoreError(fmt(tr("Pas à Pas cannot use {0} as its progress file: it is not a regular file."),
                             {path_.string()}));
    }

    const auto keep_aside = [this](Verdict verdict) {
        if (verdict == Verdict::Corrupt) {
            report_.kind = OpenReport::Kind::CorruptMovedAside;
            report_.aside = move_aside(path_, "corrupt");
            report_.message = fmt(tr("Your progress file could not be read. It was kept aside as {0} so "
                                     "nothing is lost, and Pas à Pas started with a new one. A mediator "
                                     "can help recover it."),
                                  {report_.aside.string()});
        } else {
            report_.kind = OpenReport::Kind::NewerMovedAside;
            report_.aside = move_aside(path_, "newer");
            report_.message = fmt(tr("Your progress file was saved by a newer version of Pas à Pas, which "
                                     "this one cannot read. It was kept aside as {0} so nothing is lost, and "
                                     "Pas à Pas started with a new one. Install the newer version to get it "
                                     "back, or ask a mediator."),
                                  {report_.aside.string()});
        }
    };

    guarded(path_, [&] {
        if (const auto verdict = inspect(path_); verdict != Verdict::Usable) {
            keep_aside(verdict);
        }
        try {
            open_and_prepare();
        } catch (const SqlFailure& failure) {
            // Damage that only shows once the schema is read: same treatment, but only once.
            if (!is_corruption(failure.code) || !report_.aside.empty()) {
                throw;
            }
            close();
            keep_aside(Verdict::Corrupt);
            open_and_prepare();
        }
    });
}

ProgressStore::~ProgressStore() {
    close();
}

void ProgressStore::close() noexcept {
    if (db_ != nullptr) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }
}

void ProgressStore::open_and_prepare() {
    const int rc =
        sqlite3_open_v2(path_.string().c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        SqlFailure failure{rc, db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)};
        close();
        throw failure;
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    if (sqlite3_db_readonly(db_, "main") == 1) {
        throw SqlFailure{SQLITE_READONLY, "read-only"};
    }
    const int fn_rc = sqlite3_create_function_v2(db_, "pasapas_new_uuid", 0, SQLITE_UTF8, nullptr,
                                                 &sql_new_uuid, nullptr, nullptr, nullptr);
    if (fn_rc != SQLITE_OK) {
        throw_sql(db_, fn_rc);
    }
    {
        Statement journal(db_, "PRAGMA journal_mode = WAL");
        if (!journal.step() || journal.text(0) != "wal") {
            throw SqlFailure{SQLITE_CANTOPEN, "cannot use write-ahead logging"};
        }
    }
    exec(db_, "PRAGMA synchronous = FULL");
    exec(db_, "PRAGMA foreign_keys = ON");
    // Erased learners' names must not linger in free pages of the file.
    exec(db_, "PRAGMA secure_delete = ON");

    const int version = user_version(db_);
    if (version == 0) {
        Transaction transaction(db_);
        exec(db_, kLatestSchema);
        set_user_version(db_, kSchemaVersion);
        transaction.commit();
        if (report_.aside.empty()) {
            report_.kind = OpenReport::Kind::Created;
        }
        return;
    }
    if (version > kSchemaVersion) {
        // Only reachable if another program changed the file between inspect() and now.
        throw SqlFailure{SQLITE_NOTADB, "newer schema"};
    }
    report_.from_version = version;
    if (version == kSchemaVersion) {
        report_.kind = OpenReport::Kind::Opened;
        return;
    }
    for (const auto& migration : kMigrations) {
        if (migration.from < version) {
            continue;
        }
        Transaction transaction(db_);
        exec(db_, migration.sql);
        set_user_version(db_, migration.from + 1);
        transaction.commit();
    }
    report_.kind = OpenReport::Kind::Migrated;
}

LearnerId ProgressStore::create_learner(const std::string& name, const std::string& avatar,
                                        const std::optional<std::string>& pin) {
    std::optional<std::string> hash;
    if (pin) {
        if (!valid_pin(*pin)) {
            throw StoreError(tr("A PIN is made of exactly 4 digits, from 0 to 9."));
        }
        std::array<char, crypto_pwhash_STRBYTES> out{};
        if (crypto_pwhash_str(out.data(), pin->data(), pin->size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
            throw StoreError(
                tr("This computer does not have enough free memory to protect the PIN. "
                   "Close other programs, then try again."));
        }
        hash = out.data();
    }
    return guarded(path_, [&] {
        Transaction transaction(db_);
        Statement insert(db_,
                         "INSERT INTO learners (name, avatar, created_at, pin_hash) VALUES (?, ?, ?, ?)");
        insert.bind(1, name).bind(2, avatar).bind(3, utc_now_iso());
        if (hash) {
            insert.bind(4, *hash);
        } else {
            insert.bind_null(4);
        }
        insert.step();
        const LearnerId id = sqlite3_last_insert_rowid(db_);
        transaction.commit();
        return id;
    });
}

namespace {

constexpr const char* kLearnerColumns =
    "SELECT id, name, avatar, pin_hash IS NOT NULL, created_at, archived, age_bracket, gender, "
    "social_status, commune, postcode, insee, notes FROM learners ";

Learner learner_from(const Statement& row) {
    return Learner{row.integer(0),
                   row.text(1),
                   row.text(2),
                   row.integer(3) != 0,
                   row.text(4),
                   row.integer(5) != 0,
                   {row.text(6), row.text(7), row.text(8), row.text(9), row.text(10), row.text(11)},
                   row.text(12)};
}

}  // namespace

std::vector<Learner> ProgressStore::learners() const {
    return guarded(path_, [&] {
        std::vector<Learner> out;
        Statement query(db_,
                        std::string(kLearnerColumns) + "WHERE archived = 0 ORDER BY name COLLATE NOCASE, id");
        while (query.step()) {
            out.push_back(learner_from(query));
        }
        return out;
    });
}

std::vector<Learner> ProgressStore::all_learners() const {
    return guarded(path_, [&] {
        std::vector<Learner> out;
        Statement query(db_, std::string(kLearnerColumns) + "ORDER BY name COLLATE NOCASE, id");
        while (query.step()) {
            out.push_back(learner_from(query));
        }
        return out;
    });
}

std::optional<Learner> ProgressStore::learner(LearnerId id) const {
    return guarded(path_, [&]() -> std::optional<Learner> {
        Statement query(db_, std::string(kLearnerColumns) + "WHERE id = ?");
        query.bind(1, id);
        if (!query.step()) {
            return std::nullopt;
        }
        return learner_from(query);
    });
}

void ProgressStore::update_learner(LearnerId id, const std::string& name, const std::string& avatar,
                                   const LearnerAttributes& attributes, const std::string& notes) {
    guarded(path_, [&] {
        Transaction transaction(db_);
        Statement update(db_,
                         "UPDATE learners SET name = ?, avatar = ?, age_bracket = ?, gender = ?, "
                         "social_status = ?, commune = ?, postcode = ?, insee = ?, notes = ? WHERE id = ?");
        update.bind(1, name)
            .bind(2, avatar)
            .bind(3, attributes.age_bracket)
            .bind(4, attributes.gender)
            .bind(5, attributes.social_status)
            .bind(6, attributes.commune)
            .bind(7, attributes.postcode)
            .bind(8, attributes.insee)
            .bind(9, notes)
            .bind(10, id);
        update.step();
        transaction.commit();
    });
}

void ProgressStore::set_archived(LearnerId id, bool archived) {
    guarded(path_, [&] {
        Transaction transaction(db_);
        Statement update(db_, "UPDATE learners SET archived = ? WHERE id = ?");
        update.bind(1, std::int64_t{archived ? 1 : 0}).bind(2, id);
        update.step();
        transaction.commit();
    });
}

void ProgressStore::erase_learner(LearnerId id) {
    guarded(path_, [&] {
        // Every table that names a learner references learners(id) ON DELETE CASCADE; the
        // deletes are spelled out anyway so that erasure does not hang on one pragma.
        Transaction transaction(db_);
        for (const char* sql :
             {"DELETE FROM step_events WHERE learner_id = ?",
              "DELETE FROM lesson_progress WHERE learner_id = ?",
              "DELETE FROM learner_settings WHERE learner_id = ?",
              "DELETE FROM scenario_results WHERE learner_id = ?",
              "DELETE FROM activity_learners WHERE learner_id = ?", "DELETE FROM outbox WHERE learner_id = ?",
              "DELETE FROM sent_items WHERE learner_id = ?", "DELETE FROM learners WHERE id = ?"}) {
            Statement erase(db_, sql);
            erase.bind(1, id);
            erase.step();
        }
        transaction.commit();
        // Nor in the write-ahead log, which still holds the pages as they were before.
        exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    });
    pin_failures_.erase(id);
}

ProgressStore::PinCheck ProgressStore::check_pin(LearnerId id, const std::string& pin) {
    const auto now = std::chrono::steady_clock::now();
    auto failures = pin_failures_.find(id);
    if (failures != pin_failures_.end() && failures->second.first >= kMaxPinAttempts) {
        if (now - failures->second.second < kPinLockout) {
            return PinCheck::LockedOut;
        }
        pin_failures_.erase(failures);  // the wait is over: a fresh series of attempts
    }

    const auto stored = guarded(path_, [&]() -> std::optional<std::optional<std::string>> {
        Statement query(db_, "SELECT pin_hash FROM learners WHERE id = ?");
        query.bind(1, id);
        if (!query.step()) {
            return std::nullopt;
        }
        return query.is_null(0) ? std::optional<std::string>{} : std::optional<std::string>{query.text(0)};
    });
    if (stored && !*stored) {
        return PinCheck::Ok;  // no PIN on this profile: nothing to check
    }
    if (stored && valid_pin(pin) &&
        crypto_pwhash_str_verify(stored->value().c_str(), pin.data(), pin.size()) == 0) {
        pin_failures_.erase(id);
        return PinCheck::Ok;
    }
    auto& entry = pin_failures_[id];
    entry.first += 1;
    entry.second = now;
    return PinCheck::Wrong;
}

void ProgressStore::set_setting(LearnerId id, const std::string& key, const std::string& value) {
    guarded(path_, [&] {
        Transaction transaction(db_);
        Statement upsert(db_,
                         "INSERT INTO learner_settings (learner_id, key, value) VALUES (?, ?, ?) "
                         "ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value");
        upsert.bind(1, id).bind(2, key).bind(3, value);
        upsert.step();
        transaction.commit();
    });
}

std::map<std::string, std::string> ProgressStore::settings(LearnerId id) const {
    return guarded(path_, [&] {
        std::map<std::string, std::string> out;
        Statement query(db_, "SELECT key, value FROM learner_settings WHERE learner_id = ?");
        query.bind(1, id);
        while (query.step()) {
            out.emplace(query.text(0), query.text(1));
        }
        return out;
    });
}

void ProgressStore::record(const StepEvent& event, const LessonProgress& progress) {
    const std::string at = event.at.empty() ? utc_now_iso() : event.at;
    const std::string uuid = event.uuid.empty() ? new_uuid() : event.uuid;
    const std::string& lesson = progress.lesson_id.empty() ? event.lesson_id : progress.lesson_id;
    const std::string& updated_at = progress.updated_at.empty() ? at : progress.updated_at;
    guarded(path_, [&] {
        Transaction transaction(db_);
        // Replaying an event with the same uuid (a retry after an error) must not count it twice.
        Statement insert(db_,
                         "INSERT INTO step_events (learner_id, lesson_id, step_id, step_index, at, action, "
                         "success, duration_ms, uuid, mistake, hint_level) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING");
        insert.bind(1, event.learner)
            .bind(2, event.lesson_id)
            .bind(3, event.step_id)
            .bind(4, std::int64_t{event.step_index})
            .bind(5, at)
            .bind(6, event.action)
            .bind(7, std::int64_t{event.success ? 1 : 0})
            .bind(8, event.duration_ms)
            .bind(9, uuid)
            .bind(10, event.mistake)
            .bind(11, std::int64_t{event.hint_level});
        insert.step();
        Statement upsert(
            db_,
            "INSERT INTO lesson_progress (learner_id, lesson_id, status, current_step, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (learner_id, lesson_id) DO UPDATE SET "
            "status = excluded.status, current_step = excluded.current_step, "
            "updated_at = excluded.updated_at");
        upsert.bind(1, event.learner)
            .bind(2, lesson)
            .bind(3, status_text(progress.status))
            .bind(4, std::int64_t{progress.current_step})
            .bind(5, updated_at);
        upsert.step();
        transaction.commit();
    });
}

LessonProgress ProgressStore::progress(LearnerId id, const std::string& lesson_id) const {
    return guarded(path_, [&] {
        Statement query(db_,
                        "SELECT lesson_id, status, current_step, updated_at FROM lesson_progress "
                        "WHERE learner_id = ? AND lesson_id = ?");
        query.bind(1, id).bind(2, lesson_id);
        LessonProgress out;
        out.lesson_id = lesson_id;
        if (query.step()) {
            out.status = status_from(query.text(1));
            out.current_step = query.small_integer(2);
            out.updated_at = query.text(3);
        }
        return out;
    });
}

std::vector<LessonProgress> ProgressStore::all_progress(LearnerId id) const {
    return guarded(path_, [&] {
        std::vector<LessonProgress> out;
        Statement query(db_,
                        "SELECT lesson_id, status, current_step, updated_at FROM lesson_progress "
                        "WHERE learner_id = ? ORDER BY lesson_id");
        query.bind(1, id);
        while (query.step()) {
            out.push_back({query.text(0), status_from(query.text(1)), query.small_integer(2), query.text(3)});
        }
        return out;
    });
}

std::vector<StepEvent> ProgressStore::events(LearnerId id, const std::string& lesson_id) const {
    return guarded(path_, [&] {
        std::vector<StepEvent> out;
        Statement query(db_,
                        "SELECT learner_id, lesson_id, step_id, step_index, action, success, mistake, "
                        "hint_level, duration_ms, at, uuid FROM step_events "
                        "WHERE learner_id = ?1 AND (?2 = '' OR lesson_id = ?2) ORDER BY id");
        query.bind(1, id).bind(2, lesson_id);
        while (query.step()) {
            StepEvent event;
            event.learner = query.integer(0);
            event.lesson_id = query.text(1);
            event.step_id = query.text(2);
            event.step_index = query.small_integer(3);
            event.action = query.text(4);
            event.success = query.integer(5) != 0;
            event.mistake = query.text(6);
            event.hint_level = query.small_integer(7);
            event.duration_ms = query.integer(8);
            event.at = query.text(9);
            event.uuid = query.text(10);
            out.push_back(std::move(event));
        }
        return out;
    });
}

void ProgressStore::record_scenario_result(const ScenarioResult& result) {
    const std::string at = result.at.empty() ? utc_now_iso() : result.at;
    const std::string run = result.run.empty() ? new_uuid() : result.run;
    guarded(path_, [&] {
        Transaction transaction(db_);
        Statement upsert(
            db_,
            "INSERT INTO scenario_results (learner_id, scenario_id, run, mode, level, mistakes, "
            "hints, duration_ms, finished, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (run) DO UPDATE SET mode = excluded.mode, level = excluded.level, "
            "mistakes = excluded.mistakes, hints = excluded.hints, "
            "duration_ms = excluded.duration_ms, finished = excluded.finished, at = excluded.at");
        upsert.bind(1, result.learner)
            .bind(2, result.scenario_id)
            .bind(3, run)
            .bind(4, result.mode)
            .bind(5, result.level)
            .bind(6, std::int64_t{result.mistakes})
            .bind(7, std::int64_t{result.hints})
            .bind(8, result.duration_ms)
            .bind(9, std::int64_t{result.finished ? 1 : 0})
            .bind(10, at);
        upsert.step();
        transaction.commit();
    });
}

std::vector<ScenarioResult> ProgressStore::scenario_results(LearnerId id) const {
    return guarded(path_, [&] {
        std::vector<ScenarioResult> out;
        Statement query(
            db_,
            "SELECT learner_id, scenario_id, mode, level, mistakes, hints, duration_ms, finished, "
            "at, run FROM scenario_results WHERE learner_id = ? ORDER BY id");
        query.bind(1, id);
        while (query.step()) {
            ScenarioResult result;
            result.learner = query.integer(0);
            result.scenario_id = query.text(1);
            result.mode = query.text(2);
            result.level = query.text(3);
            result.mistakes = query.small_integer(4);
            result.hints = query.small_integer(5);
            result.duration_ms = query.integer(6);
            result.finished = query.integer(7) != 0;
            result.at = query.text(8);
            result.run = query.text(9);
            out.push_back(std::move(result));
        }
        return out;
    });
}

}  // namespace pasapas::core
