#pragma once
// What the report tests share: a temporary folder, activities written straight into their tables
// (as the mediator console would), and the shipped catalogue for titles.
#include "core/lesson_loader.hpp"
#include "core/progress_store.hpp"
#include "core/sqlite_support.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace pasapas::test {

namespace fs = std::filesystem;

inline void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct CommandRun {
    int status = -1;
    std::string out;
};

// Runs a shell command line and gathers what it prints (stdout and stderr together).
inline CommandRun run_command(const std::string& command) {
    CommandRun run;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t got = 0;
    while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        run.out.append(buffer, got);
    }
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(c);
        }
    }
    return out + "'";
}

// An activity row as the mediator console keeps it (lists as comma-separated ids).
struct ActivityRow {
    std::string uuid;
    std::string kind = "individuel";
    std::string date = "2026-11-10";
    int duration_min = 60;
    std::string place_type = "lieu_activite";
    std::string place_name = "Médiathèque des Capucins";
    std::string place_commune = "Brest";
    std::string place_postcode = "29200";
    std::string place_insee = "29019";
    std::string equipment = "ordinateur";
    std::string themes = "navigation_internet";
    std::string demarche;
    std::string autonomy;
    std::string workshop_level;
    std::string title;
    int anonymous_participants = 0;
    bool referred = false;
    std::string referral;
    std::string notes;
    std::vector<core::LearnerId> learners;
    std::string created_at = "2026-11-10T09:00:00.000Z";
    std::string updated_at = "2026-11-10T10:00:00.000Z";
};

inline std::string insert_activity(core::ProgressStore& store, ActivityRow row) {
    using core::Statement;
    if (row.uuid.empty()) {
        row.uuid = core::new_uuid();
    }
    sqlite3* db = store.database();
    core::Transaction transaction(db);
    Statement insert(db,
                     "INSERT INTO activities (uuid, kind, date, duration_min, place_type, place_name, "
                     "place_commune, place_postcode, place_insee, equipment, themes, demarche, autonomy, "
                     "workshop_level, title, anonymous_participants, referred, referral, notes, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, row.uuid)
        .bind(2, row.kind)
        .bind(3, row.date)
        .bind(4, std::int64_t{row.duration_min})
        .bind(5, row.place_type)
        .bind(6, row.place_name)
        .bind(7, row.place_commune)
        .bind(8, row.place_postcode)
        .bind(9, row.place_insee)
        .bind(10, row.equipment)
        .bind(11, row.themes)
        .bind(12, row.demarche)
        .bind(13, row.autonomy)
        .bind(14, row.workshop_level)
        .bind(15, row.title)
        .bind(16, std::int64_t{row.anonymous_participants})
        .bind(17, std::int64_t{row.referred ? 1 : 0})
        .bind(18, row.referral)
        .bind(19, row.notes)
        .bind(20, row.created_at)
        .bind(21, row.updated_at);
    insert.step();
    const auto id = sqlite3_last_insert_rowid(db);
    for (const auto learner : row.learners) {
        Statement attach(db, "INSERT INTO activity_learners (activity_id, learner_id) VALUES (?, ?)");
        attach.bind(1, id).bind(2, learner);
        attach.step();
    }
    transaction.commit();
    return row.uuid;
}

inline core::LearnerId add_learner(core::ProgressStore& store, const std::string& name,
                                   const core::LearnerAttributes& attributes, const std::string& notes = {}) {
    const auto id = store.create_learner(name, "chat");
    store.update_learner(id, name, "chat", attributes, notes);
    return id;
}

inline const core::LoadResult& shipped_catalogue() {
    static const core::LoadResult result = core::LessonLoader{}.load_directory(PASAPAS_LESSONS_DIR);
    return result;
}

}  // namespace pasapas::test

#include "core/lesson_session.hpp"
#include "core/report_builder.hpp"

namespace pasapas::test {

// Strings that must never leave the PC: names, the mediator's notes and titles, a rare commune,
// and what a learner typed. Each is unique, so finding it anywhere in an export is a leak.
inline const std::vector<std::string>& canaries() {
    static const std::vector<std::string> list{
        "Zorglubette",
        "Bidulonne",
        "Quimperlé-sur-Canari",
        "29998",
        "29999",
        "CANARI-NOTE-7781",
        "CANARI-TITRE-4242",
        "CANARI-ACTNOTE-5151",
        "CANARI-TAPE-9090",
        "Archibaldine",
        "Canarinette",
        "Piafounet",
        "Mésangeon",
        "Rougegorgette",
        "Pinsonnard",
    };
    return list;
}

inline std::vector<std::string> leaked_canaries(const std::string& bytes) {
    std::vector<std::string> found;
    for (const auto& canary : canaries()) {
        if (bytes.find(canary) != std::string::npos) {
            found.push_back(canary);
        }
    }
    return found;
}

// A formula a spreadsheet would run if the CSV let it: the place name is the mediator's own field.
inline const std::string kFormulaPlace = "=HYPERLINK(\"https://canari.invalid\";\"clic\")";

struct CanaryWorld {
    core::LearnerId zorglubette = 0;
    core::LearnerId archived = 0;
    std::vector<core::LearnerId> brestois;
    std::string individual_uuid;
    std::string workshop_uuid;
};

// Six learners in Brest (a commune shared by enough people to be shown), one in a rare commune
// with notes, one archived; an individual session, a workshop, lessons and procedures done.
inline CanaryWorld make_canary_world(core::ProgressStore& store) {
    CanaryWorld world;
    world.zorglubette = add_learner(
        store, "Zorglubette", {"70_plus", "feminin", "retraite", "Quimperlé-sur-Canari", "29999", "29998"},
        "CANARI-NOTE-7781 : vit seule, téléphone 06 12 34 56 78");
    const std::vector<std::string> names{"Bidulonne", "Canarinette",   "Piafounet",
                                         "Mésangeon", "Rougegorgette", "Pinsonnard"};
    const std::vector<std::string> ages{"60_69", "60_69", "70_plus", "40_59", "25_39", "60_69"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        world.brestois.push_back(
            add_learner(store, names[i],
                        {ages[i], i % 2 == 0 ? "feminin" : "masculin", "retraite", "Brest", "29200", "29019"},
                        "CANARI-NOTE-7781"));
    }
    world.archived = add_learner(store, "Archibaldine",
                                 {"18_24", "", "sans_emploi", "Quimperlé-sur-Canari", "29999", "29998"},
                                 "CANARI-NOTE-7781");
    store.set_archived(world.archived, true);

    ActivityRow individual;
    individual.date = "2026-11-05";
    individual.place_name = kFormulaPlace;
    individual.equipment = "ordinateur,telephone";
    individual.themes = "navigation_internet,aide_aux_demarches_administratives,social_sante";
    individual.demarche = "caf";
    individual.autonomy = "autonome_avec_guidage";
    individual.title = "CANARI-TITRE-4242";
    individual.notes = "CANARI-ACTNOTE-5151 Zorglubette a oublié son mot de passe";
    individual.referred = true;
    individual.referral = "aide_sociale";
    individual.learners = {world.zorglubette};
    individual.created_at = "2026-11-05T14:00:00.000Z";
    individual.updated_at = "2026-11-06T08:30:00.000Z";
    world.individual_uuid = insert_activity(store, individual);

    ActivityRow workshop;
    workshop.kind = "collectif";
    workshop.date = "2026-11-12";
    workshop.duration_min = 120;
    workshop.themes = "email,securite_numerique";
    workshop.workshop_level = "debutant";
    workshop.title = "CANARI-TITRE-4242 atelier";
    workshop.notes = "CANARI-ACTNOTE-5151";
    workshop.anonymous_participants = 3;
    workshop.learners = world.brestois;
    world.workshop_uuid = insert_activity(store, workshop);

    ActivityRow past;  // the archived learner's session still counts
    past.date = "2026-11-07";
    past.autonomy = "avec_guidage";
    past.learners = {world.archived};
    past.notes = "CANARI-ACTNOTE-5151";
    insert_activity(store, past);

    // Zorglubette types a wrong answer, then the right one, in the keyboard lesson.
    const auto& catalogue = shipped_catalogue();
    const auto clavier = std::find_if(catalogue.lessons.begin(), catalogue.lessons.end(),
                                      [](const core::Lesson& lesson) { return lesson.id == "clavier"; });
    REQUIRE(clavier != catalogue.lessons.end());
    {
        core::LessonSession session(*clavier, &store, world.zorglubette);
        core::Action typed;
        typed.type = core::Action::Type::Text;
        typed.text = "CANARI-TAPE-9090";
        CHECK_FALSE(session.act(typed).step_complete);
        typed.text = "bonjour";
        CHECK(session.act(typed).step_complete);
        session.next();
    }
    for (const auto learner : world.brestois) {
        core::ScenarioResult check;
        check.learner = learner;
        check.scenario_id = "franceconnect";
        check.mode = "check";
        check.level = "autonome";
        check.finished = true;
        check.at = "2026-11-12T11:00:00.000Z";
        store.record_scenario_result(check);
    }
    return world;
}

}  // namespace pasapas::test
