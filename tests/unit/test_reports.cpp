// The anonymised report data set and the exports made from it, on real store files.
#include "core/report_builder.hpp"
#include "core/report_exports.hpp"
#include "core/report_format.hpp"
#include "report_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

using namespace pasapas::core;
using namespace pasapas::test;

namespace {

const ReportPeriod kNovember{"2026-11-01", "2026-11-30"};

ReportDataset build(ProgressStore& store, const ReportPeriod& period = kNovember, int k = 5) {
    const auto& catalogue = shipped_catalogue();
    return build_report(store, catalogue.lessons, catalogue.scenarios, period, k);
}

bool is_uuid(const std::string& text) {
    static const std::regex pattern(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return std::regex_match(text, pattern);
}

StepEvent step_event(LearnerId learner, const std::string& lesson, const std::string& step,
                     const std::string& action, const std::string& at, bool success = true) {
    StepEvent event;
    event.learner = learner;
    event.lesson_id = lesson;
    event.step_id = step;
    event.action = action;
    event.success = success;
    event.mistake = success ? "" : "wrong-target";
    event.duration_ms = 4200;
    event.at = at;
    return event;
}

void record(ProgressStore& store, const StepEvent& event) {
    LessonProgress progress;
    progress.lesson_id = event.lesson_id;
    progress.status = event.action == "lesson-done" ? LessonStatus::Done : LessonStatus::InProgress;
    store.record(event, progress);
}

std::vector<const ReportEvent*> events_of(const ReportDataset& data, const std::string& verb) {
    std::vector<const ReportEvent*> out;
    for (const auto& event : data.events) {
        if (event.verb == verb) {
            out.push_back(&event);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("A learner's pseudonym is a keyed hash: stable on this install, unlinkable elsewhere",
          "[reports]") {
    TempDir dir;
    std::string first;
    std::string again;
    std::string other;
    {
        ProgressStore store(dir / "progress.db");
        const auto lea = store.create_learner("Léa", "chat");
        const auto max = store.create_learner("Max", "chien");
        first = Pseudonymizer(store).of(lea);
        again = Pseudonymizer(store).of(lea);
        other = Pseudonymizer(store).of(max);
    }
    CHECK(std::regex_match(first, std::regex("^[0-9a-f]{32}$")));
    CHECK(first == again);
    CHECK(first != other);
    {
        ProgressStore reopened(dir / "progress.db");
        CHECK(Pseudonymizer(reopened).of(1) == first);
        Statement secret(reopened.database(),
                         "SELECT length(value), typeof(value) FROM install_secrets "
                         "WHERE name = 'pseudonym'");
        REQUIRE(secret.step());
        CHECK(secret.integer(0) == 32);
        CHECK(secret.text(1) == "blob");
    }
    // Another install has another secret: the same learner id gives another pseudonym.
    TempDir elsewhere;
    ProgressStore store(elsewhere / "progress.db");
    const auto lea = store.create_learner("Léa", "chat");
    CHECK(Pseudonymizer(store).of(lea) != first);
}

TEST_CASE("The data set holds activities of the period with ids, attributes and pseudonyms only",
          "[reports]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto world = make_canary_world(store);
    ActivityRow october;
    october.date = "2026-10-31";
    october.learners = {world.brestois[0]};
    insert_activity(store, october);

    const auto data = build(store);
    REQUIRE(data.activities.size() == 3);  // October's is out of the period
    CHECK(data.k == 5);
    const auto individual =
        std::find_if(data.activities.begin(), data.activities.end(),
                     [&](const ReportActivity& a) { return a.id == world.individual_uuid; });
    REQUIRE(individual != data.activities.end());
    CHECK(individual->kind == "individuel");
    CHECK(individual->participants == 1);
    CHECK(individual->equipment == std::vector<std::string>{"ordinateur", "telephone"});
    CHECK(individual->themes.size() == 3);
    CHECK(individual->demarche == "caf");
    CHECK(individual->level == 2);
    CHECK(individual->referred);
    CHECK(individual->referral == "aide_sociale");
    CHECK(individual->learner_pseudonym == Pseudonymizer(store).of(world.zorglubette));
    // The only learner of that commune: the commune would point at her, so it is left out.
    CHECK(individual->learner.age_bracket == "70_plus");
    CHECK(individual->learner.commune.empty());
    CHECK(individual->learner.postcode.empty());
    CHECK(individual->learner.insee.empty());

    const auto workshop = std::find_if(data.activities.begin(), data.activities.end(),
                                       [&](const ReportActivity& a) { return a.id == world.workshop_uuid; });
    REQUIRE(workshop != data.activities.end());
    CHECK(workshop->participants == 9);  // six learners and three people without a profile
    CHECK(workshop->level == 1);
    CHECK(workshop->learner_pseudonym.empty());

    // Seven learners took part in November: Brest (six of them) is shown, the rare commune is not;
    // the archived learner's past session still counts.
    REQUIRE(data.learners.size() == 8);
    int in_brest = 0;
    std::set<std::string> pseudonyms;
    for (const auto& learner : data.learners) {
        pseudonyms.insert(learner.pseudonym);
        if (learner.attributes.insee == "29019") {
            ++in_brest;
            CHECK(learner.attributes.commune == "Brest");
        } else {
            CHECK(learner.attributes.commune.empty());
        }
    }
    CHECK(in_brest == 6);
    CHECK(pseudonyms.count(Pseudonymizer(store).of(world.archived)) == 1);
    CHECK(pseudonyms.size() == 8);

    // With a threshold of 7, Brest's six are too few to name the commune.
    const auto strict = build(store, kNovember, 7);
    for (const auto& learner : strict.learners) {
        CHECK(learner.attributes.commune.empty());
    }
}

TEST_CASE("Lesson events become attempted, progressed and completed with the stored uuids", "[reports]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto lea = store.create_learner("Léa", "chat");
    auto first = step_event(lea, "souris", "bouger", "attempt", "2026-11-03T09:00:00.000Z", false);
    auto hint = step_event(lea, "souris", "bouger", "hint", "2026-11-03T09:00:05.000Z");
    hint.hint_level = 1;
    auto done = step_event(lea, "souris", "bouger", "step-done", "2026-11-03T09:00:10.000Z");
    done.hint_level = 1;
    auto done2 = step_event(lea, "souris", "cliquer", "step-done", "2026-11-03T09:01:00.000Z");
    auto finished = step_event(lea, "souris", "cliquer", "lesson-done", "2026-11-03T09:01:01.000Z");
    for (const auto* event : {&first, &hint, &done, &done2, &finished}) {
        record(store, *event);
    }
    // A second attempt begins with a step done straight away (an explanation step).
    record(store, step_event(lea, "souris", "bouger", "step-done", "2026-11-04T09:00:00.000Z"));
    // Outside the period: not in the data set.
    record(store, step_event(lea, "clavier", "bonjour", "attempt", "2026-12-01T09:00:00.000Z"));

    const auto data = build(store);
    const auto stored = store.events(lea, "souris");
    REQUIRE(stored.size() == 6);
    const auto attempted = events_of(data, "attempted");
    const auto progressed = events_of(data, "progressed");
    const auto completed = events_of(data, "completed");
    REQUIRE(attempted.size() == 2);
    REQUIRE(progressed.size() == 3);
    REQUIRE(completed.size() == 1);
    CHECK(data.events.size() == 6);

    CHECK(attempted[0]->statement_id == stored[0].uuid);
    CHECK(attempted[0]->object_kind == "lesson");
    CHECK(attempted[0]->object_id == "souris");
    CHECK(attempted[0]->object_title == "Utiliser la souris");
    CHECK(attempted[0]->timestamp == "2026-11-03T09:00:00.000Z");
    CHECK(progressed[0]->statement_id == stored[2].uuid);
    CHECK(progressed[0]->step_id == "bouger");
    CHECK(progressed[0]->mistakes == 1);
    CHECK(progressed[0]->hints == 1);
    CHECK(progressed[0]->duration_ms == 4200);
    CHECK(completed[0]->statement_id == stored[4].uuid);
    CHECK(completed[0]->duration_ms == 8400);
    // The second attempt's first event is itself a step done: two statements, two distinct ids.
    CHECK(progressed[2]->statement_id == stored[5].uuid);
    CHECK(attempted[1]->statement_id != stored[5].uuid);
    CHECK(is_uuid(attempted[1]->statement_id));
    std::set<std::string> ids;
    for (const auto& event : data.events) {
        ids.insert(event.statement_id);
        CHECK(event.pseudonym == Pseudonymizer(store).of(lea));
    }
    CHECK(ids.size() == data.events.size());

    REQUIRE(data.learners.size() == 1);
    CHECK(data.learners[0].lessons_completed == 1);
    CHECK(data.learners[0].practice_ms == 3 * 4200);
    CHECK(data.learners[0].sessions == 0);
}

TEST_CASE("Procedure runs become attempted, completed, passed or failed with stable ids", "[reports]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto lea = store.create_learner("Léa", "chat");
    auto run = [&](const std::string& mode, const std::string& level, bool finished, const std::string& at) {
        ScenarioResult result;
        result.learner = lea;
        result.scenario_id = "franceconnect";
        result.mode = mode;
        result.level = level;
        result.finished = finished;
        result.hints = 2;
        result.mistakes = 1;
        result.duration_ms = 90'000;
        result.at = at;
        result.run = "run-" + mode + "-" + at;
        store.record_scenario_result(result);
    };
    run("guided", "", true, "2026-11-02T10:00:00.000Z");
    run("practice", "", false, "2026-11-02T11:00:00.000Z");
    run("check", "avec_guidage", true, "2026-11-03T10:00:00.000Z");
    run("check", "autonome_avec_guidage", true, "2026-11-04T10:00:00.000Z");
    run("check", "autonome", true, "2026-11-05T10:00:00.000Z");

    const auto data = build(store);
    CHECK(events_of(data, "attempted").size() == 5);
    REQUIRE(events_of(data, "completed").size() == 1);
    REQUIRE(events_of(data, "failed").size() == 1);
    REQUIRE(events_of(data, "passed").size() == 2);
    const auto* failed = events_of(data, "failed")[0];
    CHECK(failed->object_kind == "procedure");
    CHECK(failed->object_title == "Se connecter avec FranceConnect");
    CHECK(failed->has_success);
    CHECK_FALSE(failed->success);
    CHECK(failed->level == "avec_guidage");
    CHECK(failed->hints == 2);
    CHECK(failed->mistakes == 1);
    CHECK(failed->duration_ms == 90'000);
    CHECK(events_of(data, "passed")[1]->level == "autonome");
    CHECK(events_of(data, "passed")[1]->success);

    std::set<std::string> ids;
    for (const auto& event : data.events) {
        CHECK(is_uuid(event.statement_id));
        ids.insert(event.statement_id);
    }
    CHECK(ids.size() == data.events.size());
    // The same runs give the same statement ids in the next export.
    const auto again = build(store);
    std::set<std::string> again_ids;
    for (const auto& event : again.events) {
        again_ids.insert(event.statement_id);
    }
    CHECK(again_ids == ids);

    REQUIRE(data.learners.size() == 1);
    CHECK(data.learners[0].procedures_completed == 1);
    CHECK(data.learners[0].best_autonomy == "autonome");
    CHECK(data.learners[0].practice_ms == 5 * 90'000);
}

TEST_CASE("What a learner typed is never stored, so no export can carry it", "[reports][privacy]") {
    TempDir dir;
    {
        ProgressStore store(dir / "progress.db");
        make_canary_world(store);
    }
    std::string bytes;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        bytes += read_bytes(entry.path());
    }
    CHECK(bytes.find("CANARI-TAPE-9090") == std::string::npos);
    CHECK(bytes.find("Zorglubette") != std::string::npos);  // the name is there: the scan works
}

namespace {

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(separator, start);
        if (at == std::string::npos) {
            out.push_back(text.substr(start));
            return out;
        }
        out.push_back(text.substr(start, at - start));
        start = at + separator.size();
    }
}

const ReportActivity& activity_with_id(const ReportDataset& data, const std::string& id) {
    const auto found = std::find_if(data.activities.begin(), data.activities.end(),
                                    [&](const ReportActivity& a) { return a.id == id; });
    REQUIRE(found != data.activities.end());
    return *found;
}

}  // namespace

TEST_CASE("CSV fields are neutralised and quoted for French Excel", "[reports][csv]") {
    CHECK(csv_field("Brest") == "Brest");
    CHECK(csv_field("=1+1") == "'=1+1");
    CHECK(csv_field("+33 6 12") == "'+33 6 12");
    CHECK(csv_field("-2") == "'-2");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\tcmd") == "'\tcmd");
    CHECK(csv_field("\rcmd") == "\"'\rcmd\"");
    CHECK(csv_field("a;b") == "\"a;b\"");
    CHECK(csv_field("dit \"oui\"") == "\"dit \"\"oui\"\"\"");
    CHECK(csv_field("deux\nlignes") == "\"deux\nlignes\"");
    CHECK(csv_field("=A1;\"x\"") == "\"'=A1;\"\"x\"\"\"");
    CHECK(csv_field("") == "");
    CHECK(csv_record({"a", "b;c", ""}) == "a;\"b;c\";\r\n");
}

TEST_CASE("The activities CSV has La Coop's columns and labels, and no name or note", "[reports][csv]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto world = make_canary_world(store);
    const auto data = build(store);
    const auto csv = coop_csv(data);

    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto body = csv.substr(3);
    CHECK(std::count(body.begin(), body.end(), '\n') == std::count(body.begin(), body.end(), '\r'));
    const auto lines = split(body, "\r\n");
    REQUIRE(lines.size() == data.activities.size() + 2);  // header, rows, and the empty end
    CHECK(lines.back().empty());
    CHECK(lines[0] ==
          "Date;Enregistré le;Dernière modification le;Type;Participants;Canaux d'accompagnement;Nom du lieu;"
          "Adresse;Commune;Code postal;Code Insee;Durée (min);Nom de l'atelier;Matériel numérique utilisé;"
          "Thématique(s) d'accompagnement;Tags;Nom de la démarche administrative;"
          "Niveau d'autonomie (ou de l'atelier);Bénéficiaire réorienté;Structure de redirection;"
          "Commune du bénéficiaire;Code postal du bénéficiaire;Code Insee du bénéficiaire;"
          "Genre du bénéficiaire;Tranche d'âge du bénéficiaire;Statut du bénéficiaire;ID CRA");
    CHECK(coop_columns().size() == 27);

    const auto row = coop_row(activity_with_id(data, world.individual_uuid));
    REQUIRE(row.size() == 27);
    CHECK(row[0] == "05/11/2026");
    CHECK(row[3] == "Accompagnement individuel");
    CHECK(row[4] == "1");
    CHECK(row[5] == "Lieu d'activité");
    CHECK(row[6] == kFormulaPlace);
    CHECK(row[7].empty());
    CHECK(row[8] == "Brest");
    CHECK(row[10] == "29019");
    CHECK(row[11] == "60");
    CHECK(row[12].empty());
    CHECK(row[13] == "Ordinateur, Téléphone");
    CHECK(row[14] == "Navigation sur internet, Aide aux démarches administratives, Social - Santé");
    CHECK(row[16] == "Allocations et compte CAF");
    CHECK(row[17] == "2/3");
    CHECK(row[18] == "Oui");
    CHECK(row[19] == "Structure d'aide sociale (maison des solidarités, centre social…)");
    CHECK(row[20].empty());  // her commune is hers alone
    CHECK(row[23] == "Féminin");
    CHECK(row[24] == "70 ans et plus");
    CHECK(row[25] == "Retraité");
    CHECK(row[26] == world.individual_uuid);
    // The place name is written so that no spreadsheet runs it.
    CHECK(csv.find(";\"'=HYPERLINK(") != std::string::npos);
    CHECK(csv.find(";2\u22153;Oui;") != std::string::npos);

    const auto workshop = coop_row(activity_with_id(data, world.workshop_uuid));
    CHECK(workshop[3] == "Atelier collectif");
    CHECK(workshop[4] == "9");
    CHECK(workshop[17] == "1/3");
    CHECK(workshop[18].empty());
    CHECK(workshop[23].empty());

    CHECK(leaked_canaries(csv).empty());
}

namespace {

ReportLearner learner_aged(const std::string& bracket, const std::string& gender = "feminin") {
    ReportLearner learner;
    learner.pseudonym = "p";
    learner.attributes.age_bracket = bracket;
    learner.attributes.gender = gender;
    return learner;
}

const StatSection& section_titled(const Statistics& stats, const std::string& title) {
    const auto found = std::find_if(stats.sections.begin(), stats.sections.end(),
                                    [&](const StatSection& s) { return s.title == title; });
    REQUIRE(found != stats.sections.end());
    return *found;
}

const StatCell& cell_labelled(const StatSection& section, const std::string& label) {
    const auto found = std::find_if(section.cells.begin(), section.cells.end(),
                                    [&](const StatCell& c) { return c.label == label; });
    REQUIRE(found != section.cells.end());
    return *found;
}

}  // namespace

TEST_CASE("Counts below k are hidden, and a shown total never gives a hidden count away",
          "[reports][stats]") {
    ReportDataset data;
    data.period = kNovember;
    // 6 + 5 + 1 = 12 learners: the lone 25–39 year old is hidden; with the total shown, 12 − 6 − 5
    // would be 1, so the 5 is hidden too.
    for (int i = 0; i < 6; ++i) {
        data.learners.push_back(learner_aged("60_69"));
    }
    for (int i = 0; i < 5; ++i) {
        data.learners.push_back(learner_aged("70_plus", "masculin"));
    }
    data.learners.push_back(learner_aged("25_39"));
    const auto stats = build_statistics(data);
    const auto& ages = section_titled(stats, "Tranches d'âge");
    CHECK(ages.total.value == 12);
    CHECK_FALSE(ages.total.suppressed);
    CHECK(cell_labelled(ages, "25–39 ans").suppressed);
    CHECK(cell_labelled(ages, "70 ans et plus").suppressed);
    CHECK_FALSE(cell_labelled(ages, "60–69 ans").suppressed);
    // Gender: 7 women and 5 men, nothing to hide.
    const auto& gender = section_titled(stats, "Genre");
    CHECK_FALSE(cell_labelled(gender, "Féminin").suppressed);
    CHECK_FALSE(cell_labelled(gender, "Masculin").suppressed);
    // Nobody has a status: one cell, « Non communiqué ou hétérogène », equal to the total.
    const auto& statuses = section_titled(stats, "Statuts");
    CHECK(cell_labelled(statuses, "Non communiqué ou hétérogène").value == 12);

    // In every section, a shown total has no hidden cell or at least two.
    for (const auto& section : stats.sections) {
        const auto hidden = std::count_if(section.cells.begin(), section.cells.end(),
                                          [](const StatCell& c) { return c.suppressed; });
        INFO(section.title);
        CHECK((section.total.suppressed || hidden != 1));
        for (const auto& c : section.cells) {
            CHECK((c.suppressed || c.value >= stats.k));
        }
    }

    const auto csv = statistics_csv(stats);
    CHECK(csv.find("Tranches d'âge;25–39 ans;< 5\r\n") != std::string::npos);
    CHECK(csv.find("Tranches d'âge;70 ans et plus;< 5\r\n") != std::string::npos);
    CHECK(csv.find("Tranches d'âge;60–69 ans;6\r\n") != std::string::npos);
    CHECK(csv.find("Tranches d'âge;Total;12\r\n") != std::string::npos);
    CHECK(csv.find("Statistiques générales;Bénéficiaires;12\r\n") != std::string::npos);
    CHECK(csv.find("Statistiques générales;Accompagnements individuels;< 5\r\n") != std::string::npos);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);

    const auto json = nlohmann::json::parse(statistics_json(stats));
    CHECK(json["k"] == 5);
    CHECK(json["period"]["from"] == "2026-11-01");
    bool seen = false;
    for (const auto& section : json["sections"]) {
        if (section["title"] != "Tranches d'âge") {
            continue;
        }
        seen = true;
        CHECK(section["total"]["value"] == 12);
        for (const auto& c : section["cells"]) {
            if (c["label"] == "25–39 ans" || c["label"] == "70 ans et plus") {
                CHECK(c["value"].is_null());
                CHECK(c["suppressed"] == true);
            } else {
                CHECK(c["value"] == 6);
                CHECK(c["suppressed"] == false);
            }
        }
    }
    CHECK(seen);
}

TEST_CASE("A total below k is hidden with all its cells, and k can be raised", "[reports][stats]") {
    ReportDataset data;
    for (int i = 0; i < 3; ++i) {
        data.learners.push_back(learner_aged("60_69"));
    }
    auto stats = build_statistics(data);
    const auto& ages = section_titled(stats, "Tranches d'âge");
    CHECK(ages.total.suppressed);
    CHECK(cell_labelled(ages, "60–69 ans").suppressed);
    CHECK(stats.general[0].suppressed);
    CHECK(statistics_csv(stats).find("Statistiques générales;Bénéficiaires;< 5\r\n") != std::string::npos);

    for (int i = 0; i < 7; ++i) {
        data.learners.push_back(learner_aged("70_plus"));
    }
    data.k = 11;
    stats = build_statistics(data);
    CHECK(stats.k == 11);
    CHECK(section_titled(stats, "Tranches d'âge").total.suppressed);
    CHECK(statistics_csv(stats).find(";< 11\r\n") != std::string::npos);
    data.k = 3;
    stats = build_statistics(data);
    CHECK_FALSE(section_titled(stats, "Tranches d'âge").total.suppressed);
    CHECK_FALSE(cell_labelled(section_titled(stats, "Tranches d'âge"), "60–69 ans").suppressed);
}

TEST_CASE("Statistics count activities, participants, hours and what was completed", "[reports][stats]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    make_canary_world(store);
    const auto data = build(store, {}, 1);  // k = 1: every count visible
    const auto stats = build_statistics(data);
    auto general = [&](const std::string& label) {
        const auto found = std::find_if(stats.general.begin(), stats.general.end(),
                                        [&](const StatCell& c) { return c.label == label; });
        REQUIRE(found != stats.general.end());
        CHECK_FALSE(found->suppressed);
        return found->value;
    };
    CHECK(general("Bénéficiaires") == 8);
    CHECK(general("Accompagnements individuels") == 2);
    CHECK(general("Ateliers collectifs") == 1);
    CHECK(general("Participants aux ateliers collectifs") == 9);
    CHECK(general("Heures d'accompagnement") == 4);  // 60 + 120 + 60 minutes
    CHECK(general("Démarches simulées terminées") == 6);
    CHECK(cell_labelled(section_titled(stats, "Commune de résidence des bénéficiaires"), "Brest (29200)")
              .value == 6);
    CHECK(cell_labelled(section_titled(stats, "Thématiques Médiation numérique"), "E-mail").value == 1);
    CHECK(section_titled(stats, "Thématiques Médiation numérique").total.value == 3);
    CHECK(cell_labelled(section_titled(stats, "Autonomie atteinte dans les démarches simulées"), "Autonome")
              .value == 6);
    // With k = 1 even a commune of one is shown; at the default threshold it is not.
    CHECK(statistics_csv(stats).find("Quimperlé-sur-Canari") != std::string::npos);
    const auto published = build_statistics(build(store));
    const auto csv = statistics_csv(published);
    const auto json = statistics_json(published);
    CHECK(leaked_canaries(csv).empty());
    CHECK(leaked_canaries(json).empty());
}

namespace {

nlohmann::json read_sheet(const fs::path& xlsx) {
    const auto run =
        run_command("/usr/bin/python3 " + quoted(PASAPAS_READ_SHEET) + " " + quoted(xlsx.string()));
    INFO(run.out);
    REQUIRE(run.status == 0);
    return nlohmann::json::parse(run.out);
}

std::string xlsx_xml(const fs::path& xlsx) {
    const auto run =
        run_command("/usr/bin/python3 " + quoted(PASAPAS_READ_SHEET) + " --xml " + quoted(xlsx.string()));
    INFO(run.out);
    REQUIRE(run.status == 0);
    return nlohmann::json::parse(run.out).get<std::string>();
}

// LibreOffice, as a mediator's spreadsheet, opens the CSV (';', '"', UTF-8, French dates) and
// saves it as XLSX for openpyxl to read back; a profile of its own keeps it off the user's.
fs::path through_libreoffice(const TempDir& dir, const fs::path& csv) {
    const auto out = dir / "libreoffice";
    const auto run =
        run_command("soffice --headless -env:UserInstallation=file://" + (dir / "lo-profile").string() +
                    " --infilter=\"CSV:59,34,76,1,,1036\" --convert-to xlsx --outdir " +
                    quoted(out.string()) + " " + quoted(csv.string()));
    INFO(run.out);
    REQUIRE(run.status == 0);
    const auto xlsx = out / (csv.stem().string() + ".xlsx");
    REQUIRE(fs::exists(xlsx));
    return xlsx;
}

}  // namespace

TEST_CASE("A real spreadsheet reads the CSV with La Coop's header and never runs a cell",
          "[reports][csv][slow]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto world = make_canary_world(store);
    for (const auto* place : {"+33 2 98 00 00 00", "@SUM(A1:A2)", "-1+1"}) {
        ActivityRow row;
        row.place_name = place;
        row.date = "2026-11-20";
        insert_activity(store, row);
    }
    const auto data = build(store);
    const auto csv_file = dir / "activites.csv";
    write_bytes(csv_file, coop_csv(data));
    const auto sheet = read_sheet(through_libreoffice(dir, csv_file));

    const auto& rows = sheet["rows"];
    REQUIRE(rows.size() == data.activities.size() + 1);
    std::vector<std::string> header;
    for (const auto& cell : rows[0]) {
        header.push_back(cell.get<std::string>());
    }
    CHECK(header == coop_columns());
    for (const auto& types : sheet["types"]) {
        for (const auto& type : types) {
            CHECK(type != "f");  // not one formula
        }
    }
    std::set<std::string> places;
    bool individual_seen = false;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        REQUIRE(row.size() == 27);
        REQUIRE(row[6].is_string());
        places.insert(row[6].get<std::string>());
        if (row[26] == world.individual_uuid) {
            individual_seen = true;
            CHECK(row[0] == "2026-11-05T00:00:00");  // a date, read the French way
            CHECK(row[3] == "Accompagnement individuel");
            CHECK(row[4] == 1);
            CHECK(row[13] == "Ordinateur, Téléphone");
            CHECK(row[17] == "2\u22153");  // text, not the 2nd of March
            CHECK(row[19] == "Structure d'aide sociale (maison des solidarités, centre social…)");
            CHECK(row[24] == "70 ans et plus");
        }
    }
    CHECK(individual_seen);
    CHECK(places.count("'" + kFormulaPlace) == 1);
    CHECK(places.count("'+33 2 98 00 00 00") == 1);
    CHECK(places.count("'@SUM(A1:A2)") == 1);
    CHECK(places.count("'-1+1") == 1);
    CHECK(leaked_canaries(xlsx_xml(through_libreoffice(dir, csv_file))).empty());
}

TEST_CASE("xAPI statements are valid 1.0.3 statements with stable ids and no personal data",
          "[reports][xapi]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto world = make_canary_world(store);
    const auto data = build(store, {});
    const auto home = xapi_home_page(store);
    CHECK(std::regex_match(home, std::regex("^https://pasapas\\.invalid/[0-9a-f]{8}$")));
    const auto statements = xapi_statements(data, home);
    REQUIRE(statements.size() == data.events.size());
    REQUIRE(statements.size() >= 14);  // the keyboard lesson's events and six autonomy checks

    const std::regex utc("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$");
    const std::set<std::string> verbs{"attempted", "progressed", "completed", "passed", "failed"};
    std::set<std::string> ids;
    for (const auto& statement : statements) {
        const auto json = nlohmann::json::parse(statement.json);
        INFO(statement.json);
        CHECK(json["id"] == statement.id);
        CHECK(is_uuid(json["id"].get<std::string>()));
        ids.insert(statement.id);
        CHECK(json["actor"]["objectType"] == "Agent");
        CHECK(json["actor"]["account"]["homePage"] == home);
        CHECK(std::regex_match(json["actor"]["account"]["name"].get<std::string>(),
                               std::regex("^[0-9a-f]{32}$")));
        CHECK(json["actor"].size() == 2);  // no name, no mbox
        const auto verb = json["verb"]["id"].get<std::string>();
        REQUIRE(verb.rfind("http://adlnet.gov/expapi/verbs/", 0) == 0);
        CHECK(verbs.count(verb.substr(31)) == 1);
        CHECK(json["verb"]["display"]["en-US"] == verb.substr(31));
        CHECK(json["verb"]["display"].contains("fr-FR"));
        CHECK(json["object"]["objectType"] == "Activity");
        CHECK(json["object"]["id"].get<std::string>().rfind("https://pasapas.invalid/", 0) == 0);
        CHECK_FALSE(json["object"]["definition"]["name"]["fr-FR"].get<std::string>().empty());
        CHECK(std::regex_match(json["timestamp"].get<std::string>(), utc));
        CHECK(json["context"]["platform"] == "Pas à Pas");
        CHECK(json["context"]["language"] == "fr-FR");
        CHECK((!json.contains("version") || json["version"] == "1.0.3"));
        CHECK_FALSE(json.contains("learner"));
        if (json.contains("result") && json["result"].contains("duration")) {
            CHECK(std::regex_match(json["result"]["duration"].get<std::string>(),
                                   std::regex("^PT(\\d+H)?(\\d+M)?\\d+(\\.\\d{1,2})?S$")));
        }
        if (verb.substr(31) == "passed") {
            CHECK(json["result"]["success"] == true);
            CHECK(json["result"]["extensions"]["https://pasapas.invalid/xapi/autonomy-level"] == "autonome");
            CHECK(json["object"]["id"] == "https://pasapas.invalid/procedures/franceconnect");
            CHECK(json["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation");
            CHECK(json["object"]["definition"]["name"]["fr-FR"] == "Se connecter avec FranceConnect");
        }
        if (verb.substr(31) == "progressed") {
            CHECK(json["object"]["id"] == "https://pasapas.invalid/lessons/clavier/steps/bonjour");
            CHECK(json["context"]["contextActivities"]["parent"][0]["id"] ==
                  "https://pasapas.invalid/lessons/clavier");
            CHECK(json["result"]["extensions"]["https://pasapas.invalid/xapi/mistakes"] == 1);
        }
    }
    CHECK(ids.size() == statements.size());
    const auto array = xapi_array(statements);
    CHECK(nlohmann::json::parse(array).size() == statements.size());
    CHECK(leaked_canaries(array).empty());

    // The next export gives the very same statements, so an LRS can refuse the duplicates.
    const auto again = xapi_statements(build(store, {}), home);
    REQUIRE(again.size() == statements.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        CHECK(again[i].id == statements[i].id);
        CHECK(again[i].json == statements[i].json);
        CHECK(again[i].learner != 0);
    }
    (void)world;

    // A configured LRS namespace wins over the default one.
    Statement set(
        store.database(),
        "INSERT INTO app_settings (key, value) VALUES ('xapi_home_page', 'https://lrs.example.invalid/')");
    set.step();
    CHECK(xapi_home_page(store) == "https://lrs.example.invalid/");
}

TEST_CASE("xAPI durations are ISO 8601 with hundredths, timestamps always in UTC", "[reports][xapi]") {
    ReportDataset data;
    ReportEvent event;
    event.statement_id = "6f1c1a4e-8e2b-4c1d-9a3f-0b1c2d3e4f50";
    event.pseudonym = std::string(32, 'a');
    event.verb = "completed";
    event.object_kind = "lesson";
    event.object_id = "souris";
    event.object_title = "Utiliser la souris";
    event.timestamp = "2026-11-03T09:01:01.000Z";
    for (const auto& [ms, text] : std::vector<std::pair<std::int64_t, std::string>>{{65'250, "PT1M5.25S"},
                                                                                    {12'300, "PT12.3S"},
                                                                                    {3'600'000, "PT1H0S"},
                                                                                    {999, "PT0.99S"},
                                                                                    {4'000, "PT4S"}}) {
        event.duration_ms = ms;
        data.events = {event};
        const auto json = nlohmann::json::parse(xapi_statements(data, "https://example.invalid/").at(0).json);
        CHECK(json["result"]["duration"] == text);
        CHECK(json["result"]["completion"] == true);
        CHECK_FALSE(json["result"].contains("success"));
        CHECK(json["timestamp"] == "2026-11-03T09:01:01.000Z");
    }
    event.timestamp = "2026-11-03T09:01:01+00:00";
    data.events = {event};
    CHECK(nlohmann::json::parse(xapi_statements(data, "h").at(0).json)["timestamp"] ==
          "2026-11-03T09:01:01Z");
    CHECK(xapi_array({}) == "[]\n");
}

TEST_CASE("The XLSX opens with the export's metadata, La Coop's header and one typed row per activity",
          "[reports][xlsx]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto world = make_canary_world(store);
    const auto data = build(store);
    const auto file = dir / "activites.xlsx";
    write_coop_xlsx(data, file);
    REQUIRE(fs::exists(file));
    CHECK_FALSE(fs::exists(dir / "activites.xlsx.part"));

    const auto sheet = read_sheet(file);
    CHECK(sheet["sheet"] == "Activités");
    const auto& rows = sheet["rows"];
    REQUIRE(rows.size() == 7 + data.activities.size());
    CHECK(rows[0][0] == "Export des activités");
    CHECK(rows[1][0] == "Période");
    CHECK(rows[1][1] == "du 01/11/2026 au 30/11/2026");
    CHECK(rows[2][0] == "Date d'export");
    CHECK(rows[3][1] == "Pas à Pas");
    std::vector<std::string> header;
    for (const auto& cell : rows[6]) {
        header.push_back(cell.get<std::string>());
    }
    CHECK(header == coop_columns());
    bool individual_seen = false;
    for (std::size_t r = 7; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const auto& types = sheet["types"][r];
        for (const auto& type : types) {
            CHECK(type != "f");
        }
        if (row[26] != world.individual_uuid) {
            continue;
        }
        individual_seen = true;
        CHECK(row[0] == "2026-11-05T00:00:00");
        CHECK(types[0] == "d");
        CHECK(row[4] == 1);
        CHECK(row[6] == kFormulaPlace);  // text as typed, in a text cell
        CHECK(types[6] == "s");
        CHECK(row[11] == 60);
        CHECK(row[13] == "Ordinateur, Téléphone");
        CHECK(row[17] == "2/3");
        CHECK(row[18] == "Oui");
        CHECK(row[23] == "Féminin");
        CHECK(row[20].is_null());
    }
    CHECK(individual_seen);
    CHECK(leaked_canaries(xlsx_xml(file)).empty());
    CHECK(leaked_canaries(read_bytes(file)).empty());
}

TEST_CASE("An XLSX that cannot be written says so and leaves nothing behind", "[reports][xlsx]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    make_canary_world(store);
    const auto data = build(store);
    const auto missing = dir / "no-such-folder" / "activites.xlsx";
    try {
        write_coop_xlsx(data, missing);
        FAIL("no error for a missing folder");
    } catch (const StoreError& error) {
        CHECK_THAT(error.what(), Catch::Contains(missing.string()));
        CHECK_THAT(error.what(), Catch::Contains("folder exists"));
    }
    CHECK_FALSE(fs::exists(dir / "no-such-folder"));
    // A folder already has the name: the finished file cannot take it, and no part file stays.
    fs::create_directories(dir / "taken.xlsx");
    CHECK_THROWS_AS(write_coop_xlsx(data, dir / "taken.xlsx"), StoreError);
    CHECK_FALSE(fs::exists(dir / "taken.xlsx.part"));
}

TEST_CASE("The printable summary is one self-contained French page with charts and hidden small counts",
          "[reports][html]") {
    ReportDataset data;
    data.period = kNovember;
    for (int i = 0; i < 6; ++i) {
        data.learners.push_back(learner_aged("60_69"));
    }
    for (int i = 0; i < 5; ++i) {
        data.learners.push_back(learner_aged("70_plus"));
    }
    data.learners.push_back(learner_aged("25_39"));
    for (int i = 0; i < 7; ++i) {
        ReportActivity activity;
        activity.kind = "individuel";
        activity.participants = 1;
        activity.duration_min = 60;
        activity.level = i < 6 ? 3 : 1;
        activity.themes = {"email", i < 2 ? "sante" : "navigation_internet"};
        data.activities.push_back(activity);
    }
    const auto html = summary_html(build_statistics(data));
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK_THAT(html, Catch::Contains("<html lang=\"fr\">"));
    CHECK_THAT(html, Catch::Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(html, Catch::Contains("du 01/11/2026 au 30/11/2026"));
    CHECK_THAT(html, Catch::Contains("@media print"));
    CHECK_THAT(html, Catch::Contains("size: A4"));
    // Self-contained: no script, nothing to fetch.
    for (const auto* forbidden :
         {"<script", "http:", "https:", "src=", "url(", "@import", "<link", "<iframe"}) {
        INFO(forbidden);
        CHECK(html.find(forbidden) == std::string::npos);
    }
    // Charts drawn in SVG: four sections, a bar per shown count.
    CHECK(std::count(html.begin(), html.end(), '\n') > 10);
    std::size_t svgs = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
        ++svgs;
    }
    CHECK(svgs == 3);  // no démarche theme in the period: said in words, not drawn
    CHECK_THAT(html, Catch::Contains("Aucune donnée sur la période."));
    CHECK_THAT(html, Catch::Contains(">E-mail</text>"));
    CHECK_THAT(html,
               Catch::Contains("<span class=\"number\">12</span><span class=\"what\">Bénéficiaires</span>"));
    // The lone 25–39 year old and, through the total, the five over 70 are « < 5 », without a bar.
    CHECK_THAT(html, Catch::Contains(">25–39 ans</text><text class=\"value hidden\""));
    CHECK_THAT(html, Catch::Contains(">70 ans et plus</text><text class=\"value hidden\""));
    CHECK_THAT(html, Catch::Contains(">&lt; 5</text>"));
    CHECK_THAT(html, Catch::Contains("les nombres inférieurs à 5 sont remplacés par « &lt; 5 »"));
    CHECK(html.find("< 5") == std::string::npos);  // always escaped
}

TEST_CASE("The summary made from the canary store names nobody", "[reports][html][privacy]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    make_canary_world(store);
    const auto html = summary_html(build_statistics(build(store)));
    CHECK(leaked_canaries(html).empty());
    CHECK_THAT(html, Catch::Contains("Bénéficiaires"));
}
