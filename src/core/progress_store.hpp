#pragma once
// The learners' progress, in one SQLite file.
//
// What the UI has shown as saved must survive a crash or a power cut: every write is its own
// transaction in WAL mode with synchronous=FULL, and returns only once it is on disk. A file
// that is corrupt or was written by a newer version is never overwritten: it is moved aside
// under a dated name and a fresh store starts, and open_report() says so in plain words.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace pasapas::core {

using LearnerId = std::int64_t;

// Raised when the store cannot work at all (disk full, permission denied…). Message is translated.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The only things a mediator may record about a learner, as La Coop records them: coarse enough
// that they identify nobody on their own. Ids are those of mediator_fields.hpp; empty means
// « Non communiqué ». No birth date (a year may be typed once to pick the bracket, then dropped),
// no phone, no e-mail.
struct LearnerAttributes {
    std::string age_bracket;    // "moins_12", "12_17", "18_24", "25_39", "40_59", "60_69", "70_plus"
    std::string gender;         // "masculin", "feminin"
    std::string social_status;  // "retraite", "sans_emploi", "en_emploi", "scolarise"
    std::string commune;        // commune of residence: name, postcode and INSEE code
    std::string postcode;
    std::string insee;
    bool operator==(const LearnerAttributes&) const = default;
};

struct Learner {
    LearnerId id = 0;
    std::string name;    // first name or nickname, as the learner typed it
    std::string avatar;  // id of an avatar picture in assets/avatars
    bool has_pin = false;
    std::string created_at;  // UTC, ISO 8601
    bool archived = false;
    LearnerAttributes attributes;
    std::string notes;  // the mediator's own notes: shown in the console, never exported
};

enum class LessonStatus : std::uint8_t { NotStarted, InProgress, Done };

struct LessonProgress {
    std::string lesson_id;
    LessonStatus status = LessonStatus::NotStarted;
    int current_step = 0;  // index of the step to resume at
    std::string updated_at;
};

// One thing the learner did in a step. Only categories are kept, never what they typed.
struct StepEvent {
    LearnerId learner = 0;
    std::string lesson_id;
    std::string step_id;
    int step_index = 0;
    std::string action;  // "attempt", "hint", "step-done", "lesson-done", "leave"
    bool success = false;
    std::string mistake;           // activity_rules mistake key, empty if none
    int hint_level = 0;            // hints seen so far in this step
    std::int64_t duration_ms = 0;  // since the step was shown
    std::string at;                // UTC ISO 8601, filled by the store when empty
    std::string uuid;              // stable id, filled by the store when empty
};

// How one run of a procedure simulation ended (one row per run; recorded again when it changes).
// Ids are stable for exports and statistics:
//   mode: "guided", "practice", "check" (autonomy check);
//   level, La Coop's three levels: "avec_guidage" (« Avec guidage »), "autonome_avec_guidage"
//   (« Autonome avec guidage en cas de besoin »), "autonome" (« Autonome »).
struct ScenarioResult {
    LearnerId learner = 0;
    std::string scenario_id;
    std::string mode;
    std::string level;
    int mistakes = 0;
    int hints = 0;
    std::int64_t duration_ms = 0;
    bool finished = false;
    std::string at;   // UTC ISO 8601, filled by the store when empty
    std::string run;  // identifies the run: recording the same run again updates its row; filled when empty
};

struct OpenReport {
    enum class Kind : std::uint8_t { Created, Opened, Migrated, CorruptMovedAside, NewerMovedAside };
    Kind kind = Kind::Created;
    int from_version = 0;
    std::filesystem::path aside;  // where the unusable file was kept
    std::string message;          // translated, plain words; empty when nothing to say
};

class ProgressStore {
public:
    static constexpr int kSchemaVersion = 4;
    static constexpr int kMaxPinAttempts = 5;  // then the profile waits kPinLockout
    static constexpr std::chrono::seconds kPinLockout{60};

    // Opens or creates the file (and its folder). Throws StoreError when it cannot.
    explicit ProgressStore(const std::filesystem::path& file);
    ~ProgressStore();
    ProgressStore(const ProgressStore&) = delete;
    ProgressStore& operator=(const ProgressStore&) = delete;

    [[nodiscard]] const OpenReport& open_report() const { return report_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // The open connection, for the core's other stores that keep their tables in this file
    // (mediator accounts, activities, outbox: see sqlite_support.hpp). Never null.
    [[nodiscard]] sqlite3* database() const { return db_; }

    // Learners. The PIN, when given, is 4 digits and kept only as an Argon2id hash.
    LearnerId create_learner(const std::string& name, const std::string& avatar,
                             const std::optional<std::string>& pin = std::nullopt);
    [[nodiscard]] std::vector<Learner> learners() const;      // not archived, by name
    [[nodiscard]] std::vector<Learner> all_learners() const;  // archived ones too, by name
    [[nodiscard]] std::optional<Learner> learner(LearnerId id) const;
    // Mediator console. rename/update keep everything else; archive hides the profile from the
    // profile screen and keeps its progress; erase deletes every row that belongs to the learner
    // (progress, events, results, settings, workshop attendance, unsent reports) for good.
    void update_learner(LearnerId id, const std::string& name, const std::string& avatar,
                        const LearnerAttributes& attributes, const std::string& notes);
    void set_archived(LearnerId id, bool archived);
    void erase_learner(LearnerId id);
    enum class PinCheck : std::uint8_t { Ok, Wrong, LockedOut };
    PinCheck check_pin(LearnerId id, const std::string& pin);

    // Settings remembered per learner ("text_percent", "high_contrast", "language"…).
    void set_setting(LearnerId id, const std::string& key, const std::string& value);
    [[nodiscard]] std::map<std::string, std::string> settings(LearnerId id) const;

    // Progress. record() writes the event and the lesson's new position in one transaction.
    void record(const StepEvent& event, const LessonProgress& progress);
    [[nodiscard]] LessonProgress progress(LearnerId id, const std::string& lesson_id) const;
    [[nodiscard]] std::vector<LessonProgress> all_progress(LearnerId id) const;
    [[nodiscard]] std::vector<StepEvent> events(LearnerId id, const std::string& lesson_id = {}) const;

    // Procedure simulations' results, oldest first. Nothing typed is ever in them.
    void record_scenario_result(const ScenarioResult& result);
    [[nodiscard]] std::vector<ScenarioResult> scenario_results(LearnerId id) const;

private:
    void open_and_prepare();  // opens path_, sets the pragmas, creates or migrates the schema
    void close() noexcept;

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    OpenReport report_;
    std::map<LearnerId, std::pair<int, std::chrono::steady_clock::time_point>> pin_failures_;
};

}  // namespace pasapas::core
