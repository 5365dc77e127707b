#include "activity_book.hpp"

#include "mediator_fields.hpp"
#include "sqlite_support.hpp"
#include "tags.hpp"
#include "translate.hpp"

#include <algorithm>
#include <chrono>

namespace pasapas::core {
namespace {

constexpr int kLongestActivityMin = 24 * 60;

bool real_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (std::size_t p = 0; p < 3; ++p) {
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    }
    const std::chrono::year_month_day date{std::chrono::year{parts[0]},
                                           std::chrono::month{static_cast<unsigned>(parts[1])},
                                           std::chrono::day{static_cast<unsigned>(parts[2])}};
    return parts[0] >= 1900 && date.ok();
}

bool known(const std::vector<TagEntry>& list, const std::string& id) {
    return find_tag(list, id) != nullptr;
}

// Empty is La Coop's « Non renseigné » for optional fields; anything else must be one of its ids.
void check_optional(const std::vector<TagEntry>& list, const std::string& id, const std::string& pattern) {
    if (!id.empty() && !known(list, id)) {
        throw StoreError(fmt(pattern, {id}));
    }
}

void check_each(const std::vector<TagEntry>& list, const std::vector<std::string>& ids,
                const std::string& pattern) {
    for (const auto& id : ids) {
        if (!known(list, id)) {
            throw StoreError(fmt(pattern, {id}));
        }
    }
}

template <class T>
void dedupe(std::vector<T>& items) {
    std::vector<T> out;
    for (auto& item : items) {
        if (std::find(out.begin(), out.end(), item) == out.end()) {
            out.push_back(std::move(item));
        }
    }
    items = std::move(out);
}

void validate(sqlite3* db, ActivityRecord& activity) {
    if (!known(activity_kinds(), activity.kind)) {
        throw StoreError(tr("The kind of activity must be an individual session or a collective workshop."));
    }
    if (!real_date(activity.date)) {
        throw StoreError(tr("The date must be a real date, like 2026-03-14."));
    }
    if (activity.duration_min < 1 || activity.duration_min > kLongestActivityMin) {
        throw StoreError(tr("The duration must be between 1 and 1440 minutes (24 hours)."));
    }
    check_optional(place_types(), activity.place_type,
                   tr("The type of place \"{0}\" is not one of La Coop's."));
    dedupe(activity.equipment);
    check_each(equipment_options(), activity.equipment, tr("The equipment \"{0}\" is not one of La Coop's."));
    dedupe(activity.themes);
    check_each(coop_themes(), activity.themes, tr("The theme \"{0}\" is not one of La Coop's."));
    check_optional(demarches(), activity.demarche,
                   tr("The procedure \"{0}\" is not in the list of procedures."));
    check_optional(autonomy_levels(), activity.autonomy,
                   tr("The autonomy level \"{0}\" is not one of La Coop's."));
    check_optional(workshop_levels(), activity.workshop_level,
                   tr("The workshop level \"{0}\" is not one of La Coop's."));
    check_optional(referral_structures(), activity.referral,
                   tr("The referral \"{0}\" is not one of La Coop's structures."));
    if (activity.anonymous_participants < 0) {
        throw StoreError(tr("The number of people present without a profile cannot be below zero."));
    }
    dedupe(activity.learners);
    if (activity.kind == "individuel" &&
        static_cast<int>(activity.learners.size()) + activity.anonymous_participants > 1) {
        throw StoreError(tr("An individual session is for one person: attach at most one learner."));
    }
    for (const LearnerId learner : activity.learners) {
        Statement query(db, "SELECT EXISTS (SELECT 1 FROM learners WHERE id = ?)");
        query.bind(1, learner);
        if (!query.step() || query.integer(0) == 0) {
            throw StoreError(tr("One of the learners attached to this activity no longer exists."));
        }
    }
    // The level that does not match the kind would be exported under the wrong column.
    if (activity.kind == "individuel") {
        activity.workshop_level.clear();
    } else {
        activity.autonomy.clear();
    }
    if (!activity.referred) {
        activity.referral.clear();
    }
}

constexpr const char* kColumns =
    "SELECT id, uuid, kind, date, duration_min, place_type, place_name, place_commune, place_postcode, "
    "place_insee, equipment, themes, demarche, autonomy, workshop_level, title, anonymous_participants, "
    "referred, referral, notes, created_at, updated_at FROM activities ";

ActivityRecord activity_from(sqlite3* db, const Statement& row) {
    ActivityRecord out;
    out.id = row.integer(0);
    out.uuid = row.text(1);
    out.kind = row.text(2);
    out.date = row.text(3);
    out.duration_min = row.small_integer(4);
    out.place_type = row.text(5);
    out.place_name = row.text(6);
    out.place_commune = row.text(7);
    out.place_postcode = row.text(8);
    out.place_insee = row.text(9);
    out.equipment = split_id_list(row.text(10));
    out.themes = split_id_list(row.text(11));
    out.demarche = row.text(12);
    out.autonomy = row.text(13);
    out.workshop_level = row.text(14);
    out.title = row.text(15);
    out.anonymous_participants = row.small_integer(16);
    out.referred = row.integer(17) != 0;
    out.referral = row.text(18);
    out.notes = row.text(19);
    out.created_at = row.text(20);
    out.updated_at = row.text(21);
    Statement learners(db,
                       "SELECT learner_id FROM activity_learners WHERE activity_id = ? ORDER BY learner_id");
    learners.bind(1, out.id);
    while (learners.step()) {
        out.learners.push_back(learners.integer(0));
    }
    return out;
}

std::vector<ActivityRecord> read_all(sqlite3* db, Statement& query) {
    std::vector<ActivityRecord> out;
    while (query.step()) {
        out.push_back(activity_from(db, query));
    }
    return out;
}

}  // namespace

std::string join_id_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += ',';
        }
        out += item;
    }
    return out;
}

std::vector<std::string> split_id_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start) {
            out.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

ActivityBook::ActivityBook(ProgressStore& store) : store_(store) {}

ActivityId ActivityBook::save(ActivityRecord activity) {
    return guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        validate(db, activity);
        const std::string now = utc_now_iso();
        if (activity.id == 0) {
            Statement insert(
                db,
                "INSERT INTO activities (uuid, kind, date, duration_min, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)");
            insert.bind(1, new_uuid()).bind(2, activity.kind).bind(3, activity.date);
            insert.bind(4, std::int64_t{activity.duration_min}).bind(5, now).bind(6, now);
            insert.step();
            activity.id = sqlite3_last_insert_rowid(db);
        }
        Statement update(db,
                         "UPDATE activities SET kind = ?, date = ?, duration_min = ?, place_type = ?, "
                         "place_name = ?, place_commune = ?, place_postcode = ?, place_insee = ?, "
                         "equipment = ?, themes = ?, demarche = ?, autonomy = ?, workshop_level = ?, "
                         "title = ?, anonymous_participants = ?, referred = ?, referral = ?, notes = ?, "
                         "updated_at = ? WHERE id = ?");
        update.bind(1, activity.kind)
            .bind(2, activity.date)
            .bind(3, std::int64_t{activity.duration_min})
            .bind(4, activity.place_type)
            .bind(5, activity.place_name)
            .bind(6, activity.place_commune)
            .bind(7, activity.place_postcode)
            .bind(8, activity.place_insee)
            .bind(9, join_id_list(activity.equipment))
            .bind(10, join_id_list(activity.themes))
            .bind(11, activity.demarche)
            .bind(12, activity.autonomy)
            .bind(13, activity.workshop_level)
            .bind(14, activity.title)
            .bind(15, std::int64_t{activity.anonymous_participants})
            .bind(16, std::int64_t{activity.referred ? 1 : 0})
            .bind(17, activity.referral)
            .bind(18, activity.notes)
            .bind(19, now)
            .bind(20, activity.id);
        update.step();
        if (sqlite3_changes(db) == 0) {
            throw StoreError(tr("This activity no longer exists: it may have been deleted."));
        }
        Statement clear(db, "DELETE FROM activity_learners WHERE activity_id = ?");
        clear.bind(1, activity.id);
        clear.step();
        for (const LearnerId learner : activity.learners) {
            Statement attach(db, "INSERT INTO activity_learners (activity_id, learner_id) VALUES (?, ?)");
            attach.bind(1, activity.id).bind(2, learner);
            attach.step();
        }
        transaction.commit();
        return activity.id;
    });
}

void ActivityBook::remove(ActivityId id) {
    guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        for (const char* sql :
             {"DELETE FROM activity_learners WHERE activity_id = ?", "DELETE FROM activities WHERE id = ?"}) {
            Statement erase(db, sql);
            erase.bind(1, id);
            erase.step();
        }
        transaction.commit();
    });
}

std::optional<ActivityRecord> ActivityBook::get(ActivityId id) const {
    return guarded(store_.path(), [&]() -> std::optional<ActivityRecord> {
        sqlite3* db = store_.database();
        Statement query(db, std::string(kColumns) + "WHERE id = ?");
        query.bind(1, id);
        if (!query.step()) {
            return std::nullopt;
        }
        return activity_from(db, query);
    });
}

std::vector<ActivityRecord> ActivityBook::list(const std::string& from, const std::string& to) const {
    return guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Statement query(db, std::string(kColumns) +
                                "WHERE (?1 = '' OR date >= ?1) AND (?2 = '' OR date <= ?2) "
                                "ORDER BY date DESC, id DESC");
        query.bind(1, from).bind(2, to);
        return read_all(db, query);
    });
}

std::vector<ActivityRecord> ActivityBook::of_learner(LearnerId learner) const {
    return guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Statement query(db,
                        std::string(kColumns) +
                            "WHERE id IN (SELECT activity_id FROM activity_learners WHERE learner_id = ?) "
                            "ORDER BY date DESC, id DESC");
        query.bind(1, learner);
        return read_all(db, query);
    });
}

}  // namespace pasapas::core
