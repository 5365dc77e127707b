#include "report_builder.hpp"

#include "mediator_fields.hpp"
#include "sqlite_support.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <utility>

namespace pasapas::core {
namespace {

constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kPseudonymBytes = 16;  // 32 hex characters
constexpr const char* kSecretName = "pseudonym";

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kHex[bytes[i] >> 4U]);
        out.push_back(kHex[bytes[i] & 0x0fU]);
    }
    return out;
}

std::string keyed_hash_hex(const std::string& key, std::string_view message, std::size_t bytes) {
    std::array<unsigned char, crypto_generichash_BYTES_MAX> out{};
    crypto_generichash(out.data(), bytes, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
    return to_hex(out.data(), bytes);
}

std::string read_secret(sqlite3* db) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT value FROM install_secrets WHERE name = ?", -1, &raw, nullptr);
    if (rc != SQLITE_OK) {
        throw_sql(db, rc);
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    sqlite3_bind_text(raw, 1, kSecretName, -1, SQLITE_STATIC);
    rc = sqlite3_step(raw);
    if (rc == SQLITE_DONE) {
        return {};
    }
    if (rc != SQLITE_ROW) {
        throw_sql(db, rc);
    }
    const auto* data = static_cast<const char*>(sqlite3_column_blob(raw, 0));
    return data == nullptr ? std::string{}
                           : std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(raw, 0)));
}

void insert_secret(sqlite3* db, const std::array<unsigned char, kSecretBytes>& secret) {
    sqlite3_stmt* raw = nullptr;
    // OR IGNORE: another process may have made one meanwhile; theirs wins and both read it back.
    int rc = sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO install_secrets (name, value) VALUES (?, ?)", -1,
                                &raw, nullptr);
    if (rc != SQLITE_OK) {
        throw_sql(db, rc);
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    sqlite3_bind_text(raw, 1, kSecretName, -1, SQLITE_STATIC);
    sqlite3_bind_blob(raw, 2, secret.data(), static_cast<int>(secret.size()), SQLITE_STATIC);
    rc = sqlite3_step(raw);
    if (rc != SQLITE_DONE) {
        throw_sql(db, rc);
    }
}

// The activities table keeps lists as ids separated by commas; anything that is not part of an
// id (spaces, brackets, quotes) is a separator too, so a change of layout cannot glue ids together.
std::vector<std::string> split_ids(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (const char c : text) {
        const bool id_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '_' || c == '-' || c == '.';
        if (id_char) {
            current.push_back(c);
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

// Only ids of the given list survive, so a typo or free text in the store never reaches an export.
std::vector<std::string> known_ids(const std::string& text, const std::vector<TagEntry>& list) {
    std::vector<std::string> out;
    for (auto& id : split_ids(text)) {
        if (find_tag(list, id) != nullptr && std::find(out.begin(), out.end(), id) == out.end()) {
            out.push_back(std::move(id));
        }
    }
    return out;
}

std::string known_id(const std::string& id, const std::vector<TagEntry>& list) {
    return find_tag(list, id) != nullptr ? id : std::string{};
}

LearnerAttributes known_attributes(LearnerAttributes attributes) {
    attributes.age_bracket = known_id(attributes.age_bracket, age_brackets());
    attributes.gender = known_id(attributes.gender, genders());
    attributes.social_status = known_id(attributes.social_status, social_statuses());
    return attributes;
}

// The same commune however it was typed: by INSEE code when known, else name and postcode.
std::string commune_key(const LearnerAttributes& attributes) {
    if (!attributes.insee.empty()) {
        return "insee:" + attributes.insee;
    }
    if (attributes.commune.empty() && attributes.postcode.empty()) {
        return {};
    }
    return "name:" + attributes.commune + "|" + attributes.postcode;
}

void forget_commune(LearnerAttributes& attributes) {
    attributes.commune.clear();
    attributes.postcode.clear();
    attributes.insee.clear();
}

// Period bounds compare with the date part of UTC timestamps and with activity dates alike.
bool in_period(const ReportPeriod& period, std::string_view date_or_stamp) {
    const auto day = date_or_stamp.substr(0, 10);
    return (period.from.empty() || day >= period.from) && (period.to.empty() || day <= period.to);
}

struct LearnerRow {
    LearnerAttributes attributes;
    bool in_data = false;
    ReportLearner report;
};

struct StepRow {
    LearnerId learner = 0;
    std::string lesson;
    std::string step;
    std::string at;
    std::string action;
    bool success = false;
    std::string mistake;
    int hint_level = 0;
    std::int64_t duration_ms = 0;
    std::string uuid;
};

struct RunRow {
    LearnerId learner = 0;
    std::string scenario;
    std::string run;
    std::string mode;
    std::string level;
    int mistakes = 0;
    int hints = 0;
    std::int64_t duration_ms = 0;
    bool finished = false;
    std::string at;
};

int autonomy_rank(const std::string& level) {
    const auto& list = autonomy_levels();
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].code == level) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

class Builder {
public:
    Builder(ProgressStore& store, const std::vector<Lesson>& lessons, const std::vector<Scenario>& scenarios,
            const ReportPeriod& period, int k)
        : store_(store), pseudonyms_(store), db_(store.database()), period_(period), k_(k) {
        for (const auto& lesson : lessons) {
            lesson_titles_[lesson.id] = lesson.title;
        }
        for (const auto& scenario : scenarios) {
            scenario_titles_[scenario.id] = scenario.title;
        }
    }

    ReportDataset build() {
        ReportDataset data;
        data.period = period_;
        data.generated_at = utc_now_iso();
        data.k = k_;
        guarded(store_.path(), [&] {
            read_learners();
            read_activities(data);
            read_steps(data);
            read_runs(data);
        });
        finish(data);
        return data;
    }

private:
    void read_learners() {
        // Attributes only: the name, avatar, PIN and notes are never selected.
        Statement query(db_,
                        "SELECT id, age_bracket, gender, social_status, commune, postcode, insee "
                        "FROM learners ORDER BY id");
        while (query.step()) {
            LearnerRow row;
            row.attributes = known_attributes(
                {query.text(1), query.text(2), query.text(3), query.text(4), query.text(5), query.text(6)});
            learners_.emplace(query.integer(0), std::move(row));
        }
    }

    LearnerRow* learner(LearnerId id) {
        const auto found = learners_.find(id);
        return found == learners_.end() ? nullptr : &found->second;
    }

    void read_activities(ReportDataset& data) {
        // Neither the title nor the notes: both are the mediator's free text.
        Statement query(db_,
                        "SELECT id, uuid, kind, date, duration_min, place_type, place_name, place_commune, "
                        "place_postcode, place_insee, equipment, themes, demarche, autonomy, workshop_level, "
                        "anonymous_participants, referred, referral, created_at, updated_at "
                        "FROM activities WHERE (?1 = '' OR date >= ?1) AND (?2 = '' OR date <= ?2) "
                        "ORDER BY date, created_at, id");
        query.bind(1, period_.from).bind(2, period_.to);
        while (query.step()) {
            ReportActivity activity;
            activity.id = query.text(1);
            activity.kind = known_id(query.text(2), activity_kinds());
            activity.date = query.text(3);
            activity.duration_min = query.small_integer(4);
            activity.place_type = known_id(query.text(5), place_types());
            activity.place_name = query.text(6);
            activity.place_commune = query.text(7);
            activity.place_postcode = query.text(8);
            activity.place_insee = query.text(9);
            activity.equipment = known_ids(query.text(10), equipment_options());
            activity.themes = known_ids(query.text(11), coop_themes());
            activity.demarche = known_id(query.text(12), demarches());
            const bool individual = activity.kind == "individuel";
            activity.level = individual ? level_rank(known_id(query.text(13), autonomy_levels()))
                                        : level_rank(known_id(query.text(14), workshop_levels()));
            const int anonymous = std::max(0, query.small_integer(15));
            activity.referred = query.integer(16) != 0;
            activity.referral =
                activity.referred ? known_id(query.text(17), referral_structures()) : std::string{};
            activity.recorded_at = query.text(18);
            activity.modified_at = query.text(19);

            std::vector<LearnerId> present;
            Statement list(
                db_, "SELECT learner_id FROM activity_learners WHERE activity_id = ? ORDER BY learner_id");
            list.bind(1, query.integer(0));
            while (list.step()) {
                if (auto* row = learner(list.integer(0))) {
                    row->in_data = true;
                    row->report.sessions += 1;
                    present.push_back(list.integer(0));
                }
            }
            activity.participants = static_cast<int>(present.size()) + anonymous;
            if (individual) {
                // An individual session is one person, whether or not they have a profile here.
                activity.participants = std::max(activity.participants, 1);
                if (present.size() == 1) {
                    activity_learner_.push_back({data.activities.size(), present.front()});
                    activity.learner_pseudonym = pseudonyms_.of(present.front());
                }
            }
            data.activities.push_back(std::move(activity));
        }
    }

    std::string lesson_title(const std::string& id) const {
        const auto found = lesson_titles_.find(id);
        return found == lesson_titles_.end() ? id : found->second;
    }

    std::string scenario_title(const std::string& id) const {
        const auto found = scenario_titles_.find(id);
        return found == scenario_titles_.end() ? id : found->second;
    }

    ReportEvent lesson_event(const StepRow& row, const std::string& verb) {
        ReportEvent event;
        event.learner = row.learner;
        event.pseudonym = pseudonyms_.of(row.learner);
        event.verb = verb;
        event.object_kind = "lesson";
        event.object_id = row.lesson;
        event.object_title = lesson_title(row.lesson);
        event.timestamp = row.at;
        return event;
    }

    void read_steps(ReportDataset& data) {
        std::vector<StepRow> rows;
        Statement query(db_,
                        "SELECT learner_id, lesson_id, step_id, at, action, success, mistake, hint_level, "
                        "duration_ms, uuid FROM step_events ORDER BY learner_id, lesson_id, at, id");
        while (query.step()) {
            rows.push_back({query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                            query.integer(5) != 0, query.text(6), query.small_integer(7), query.integer(8),
                            query.text(9)});
        }
        // Every event is read, not only the period's, because "attempted" is the first event of an
        // attempt, which may lie before the period; only statements dated in the period are kept.
        std::size_t i = 0;
        while (i < rows.size()) {
            std::size_t end = i;
            while (end < rows.size() && rows[end].learner == rows[i].learner &&
                   rows[end].lesson == rows[i].lesson) {
                ++end;
            }
            read_lesson(data, rows, i, end);
            i = end;
        }
    }

    void read_lesson(ReportDataset& data, const std::vector<StepRow>& rows, std::size_t begin,
                     std::size_t end) {
        auto* owner = learner(rows[begin].learner);
        if (owner == nullptr) {
            return;
        }
        bool new_attempt = true;
        int attempt_hints = 0;
        int attempt_mistakes = 0;
        std::int64_t attempt_ms = 0;
        int step_mistakes = 0;
        std::set<std::string> completed_in_period;
        for (std::size_t i = begin; i < end; ++i) {
            const auto& row = rows[i];
            const bool keep = in_period(period_, row.at);
            if (keep) {
                owner->in_data = true;
            }
            if (new_attempt) {
                new_attempt = false;
                attempt_hints = attempt_mistakes = step_mistakes = 0;
                attempt_ms = 0;
                if (keep) {
                    auto event = lesson_event(row, "attempted");
                    // The event's uuid names the statement about that very event when there is one.
                    const bool has_own = row.action == "step-done" || row.action == "lesson-done";
                    event.statement_id = has_own ? name_based_uuid("attempted:" + row.uuid) : row.uuid;
                    data.events.push_back(std::move(event));
                }
            }
            if (row.action == "attempt" && !row.success) {
                ++step_mistakes;
                ++attempt_mistakes;
            }
            if (row.action == "step-done" || row.action == "leave") {
                // duration_ms counts from when the step was shown, so only a step's last event adds time.
                attempt_ms += row.duration_ms;
                attempt_hints += row.hint_level;
                if (keep) {
                    owner->report.practice_ms += row.duration_ms;
                }
            }
            if (row.action == "step-done") {
                if (keep) {
                    auto event = lesson_event(row, "progressed");
                    event.statement_id = row.uuid;
                    event.step_id = row.step;
                    event.duration_ms = row.duration_ms;
                    event.hints = row.hint_level;
                    event.mistakes = step_mistakes;
                    data.events.push_back(std::move(event));
                }
                step_mistakes = 0;
            } else if (row.action == "leave") {
                step_mistakes = 0;
            } else if (row.action == "lesson-done") {
                if (keep) {
                    auto event = lesson_event(row, "completed");
                    event.statement_id = row.uuid;
                    event.duration_ms = attempt_ms;
                    event.hints = attempt_hints;
                    event.mistakes = attempt_mistakes;
                    data.events.push_back(std::move(event));
                    completed_in_period.insert(row.lesson);
                }
                new_attempt = true;
            }
        }
        owner->report.lessons_completed += static_cast<int>(completed_in_period.size());
    }

    ReportEvent run_event(const RunRow& row, const std::string& verb) {
        ReportEvent event;
        event.statement_id = name_based_uuid(verb + ":" + row.run);
        event.learner = row.learner;
        event.pseudonym = pseudonyms_.of(row.learner);
        event.verb = verb;
        event.object_kind = "procedure";
        event.object_id = row.scenario;
        event.object_title = scenario_title(row.scenario);
        event.timestamp = row.at;
        event.duration_ms = row.duration_ms;
        event.hints = row.hints;
        event.mistakes = row.mistakes;
        return event;
    }

    void read_runs(ReportDataset& data) {
        Statement query(db_,
                        "SELECT learner_id, scenario_id, run, mode, level, mistakes, hints, duration_ms, "
                        "finished, at FROM scenario_results ORDER BY at, id");
        std::map<LearnerId, std::set<std::string>> finished_scenarios;
        while (query.step()) {
            const RunRow row{query.integer(0),       query.text(1),    query.text(2),
                             query.text(3),          query.text(4),    query.small_integer(5),
                             query.small_integer(6), query.integer(7), query.integer(8) != 0,
                             query.text(9)};
            auto* owner = learner(row.learner);
            if (owner == nullptr || !in_period(period_, row.at)) {
                continue;
            }
            owner->in_data = true;
            owner->report.practice_ms += row.duration_ms;
            auto attempted = run_event(row, "attempted");
            attempted.duration_ms = 0;
            attempted.hints = attempted.mistakes = 0;
            data.events.push_back(std::move(attempted));
            if (!row.finished) {
                continue;
            }
            finished_scenarios[row.learner].insert(row.scenario);
            if (row.mode == "check") {
                const int rank = autonomy_rank(row.level);
                if (rank == 0) {
                    continue;
                }
                auto event = run_event(row, rank >= 2 ? "passed" : "failed");
                event.has_success = true;
                event.success = rank >= 2;
                event.level = row.level;
                if (rank > autonomy_rank(owner->report.best_autonomy)) {
                    owner->report.best_autonomy = row.level;
                }
                data.events.push_back(std::move(event));
            } else if (row.mode == "guided" || row.mode == "practice") {
                data.events.push_back(run_event(row, "completed"));
            }
        }
        for (const auto& [id, scenarios] : finished_scenarios) {
            learners_.at(id).report.procedures_completed = static_cast<int>(scenarios.size());
        }
    }

    void finish(ReportDataset& data) {
        // A commune is kept only when at least k learners of this data set live there.
        std::map<std::string, int> residents;
        for (const auto& [id, row] : learners_) {
            if (row.in_data) {
                residents[commune_key(row.attributes)] += 1;
            }
        }
        for (auto& [id, row] : learners_) {
            if (row.in_data && residents[commune_key(row.attributes)] < k_) {
                forget_commune(row.attributes);
            }
        }
        for (auto& [id, row] : learners_) {
            if (!row.in_data) {
                continue;
            }
            row.report.pseudonym = pseudonyms_.of(id);
            row.report.attributes = row.attributes;
            data.learners.push_back(row.report);
        }
        for (const auto& [index, id] : activity_learner_) {
            data.activities[index].learner = learners_.at(id).attributes;
        }
        std::stable_sort(
            data.events.begin(), data.events.end(),
            [](const ReportEvent& a, const ReportEvent& b) { return a.timestamp < b.timestamp; });
    }

    ProgressStore& store_;
    Pseudonymizer pseudonyms_;
    sqlite3* db_;
    ReportPeriod period_;
    int k_;
    std::map<std::string, std::string> lesson_titles_;
    std::map<std::string, std::string> scenario_titles_;
    std::map<LearnerId, LearnerRow> learners_;
    std::vector<std::pair<std::size_t, LearnerId>> activity_learner_;
};

}  // namespace

Pseudonymizer::Pseudonymizer(ProgressStore& store) {
    ensure_sodium();
    sqlite3* db = store.database();
    secret_ = guarded(store.path(), [&] {
        auto secret = read_secret(db);
        if (secret.size() == kSecretBytes) {
            return secret;
        }
        std::array<unsigned char, kSecretBytes> fresh{};
        randombytes_buf(fresh.data(), fresh.size());
        insert_secret(db, fresh);
        sodium_memzero(fresh.data(), fresh.size());
        secret = read_secret(db);
        if (secret.size() != kSecretBytes) {
            throw SqlFailure{SQLITE_CORRUPT, "install secret of the wrong size"};
        }
        return secret;
    });
}

std::string Pseudonymizer::of(LearnerId learner) const {
    return keyed_hash_hex(secret_, "learner:" + std::to_string(learner), kPseudonymBytes);
}

std::string Pseudonymizer::install_tag() const {
    return keyed_hash_hex(secret_, "install", kPseudonymBytes).substr(0, 8);
}

ReportDataset build_report(ProgressStore& store, const std::vector<Lesson>& lessons,
                           const std::vector<Scenario>& scenarios, const ReportPeriod& period, int k) {
    return Builder(store, lessons, scenarios, period, std::max(k, 1)).build();
}

std::string name_based_uuid(const std::string& name) {
    ensure_sodium();
    static constexpr std::string_view kNamespace = "pasapas:statement:";
    const std::string message = std::string(kNamespace) + name;
    std::array<unsigned char, 16> bytes{};
    crypto_generichash(bytes.data(), bytes.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), nullptr, 0);
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0fU) | 0x50U);  // version 5: name-based
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3fU) | 0x80U);  // RFC 4122 variant
    const auto hex = to_hex(bytes.data(), bytes.size());
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) +
           '-' + hex.substr(20);
}

std::string xapi_home_page(ProgressStore& store) {
    auto configured = guarded(store.path(), [&] {
        Statement query(store.database(), "SELECT value FROM app_settings WHERE key = 'xapi_home_page'");
        return query.step() ? query.text(0) : std::string{};
    });
    if (!configured.empty()) {
        return configured;
    }
    return "https://pasapas.invalid/" + Pseudonymizer(store).install_tag();
}

}  // namespace pasapas::core
