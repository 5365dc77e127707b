#pragma once
// The mediator's record of individual sessions and collective workshops, with La Coop's activity
// fields (ids of mediator_fields.hpp), and the learners who attended. The free-text title and notes
// stay on this PC: no export reads them.
#include "progress_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

using ActivityId = std::int64_t;

// The activities table keeps lists of ids (equipment, themes) comma-separated: every id is one of
// La Coop's, which never hold a comma. Empty items are dropped when reading.
std::string join_id_list(const std::vector<std::string>& ids);
std::vector<std::string> split_id_list(const std::string& text);

// Named ActivityRecord, not Activity: lesson.hpp's Activity (what a lesson step asks the learner to
// do) lives in the same namespace, and the console's files include both.
struct ActivityRecord {
    ActivityId id = 0;                // 0 for a new one
    std::string uuid;                 // filled on creation
    std::string kind = "individuel";  // "individuel" | "collectif"
    std::string date;                 // YYYY-MM-DD
    int duration_min = 60;
    std::string place_type;
    std::string place_name;
    std::string place_commune;
    std::string place_postcode;
    std::string place_insee;
    std::vector<std::string> equipment;
    std::vector<std::string> themes;  // La Coop theme ids
    std::string demarche;             // id from demarches(), or ""
    std::string autonomy;             // individuel: autonomy level id
    std::string workshop_level;       // collectif: workshop level id
    std::string title;                // local only
    int anonymous_participants = 0;   // collectif: people present without a profile
    bool referred = false;
    std::string referral;
    std::string notes;  // local only
    std::vector<LearnerId> learners;
    std::string created_at;
    std::string updated_at;
};

class ActivityBook {
public:
    explicit ActivityBook(ProgressStore& store);

    // Checks the fields (a real date, a known kind, a duration from 1 to 1440 minutes, known ids,
    // an individual session has at most one learner) and throws StoreError with a translated
    // message naming the field otherwise. Returns the id.
    ActivityId save(ActivityRecord activity);
    void remove(ActivityId id);
    [[nodiscard]] std::optional<ActivityRecord> get(ActivityId id) const;
    // Activities dated within [from, to] (YYYY-MM-DD, inclusive; empty = unbounded), newest first.
    [[nodiscard]] std::vector<ActivityRecord> list(const std::string& from = {},
                                                   const std::string& to = {}) const;
    [[nodiscard]] std::vector<ActivityRecord> of_learner(LearnerId learner) const;

private:
    ProgressStore& store_;
};

}  // namespace pasapas::core
