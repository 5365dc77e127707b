// The mediator's record of sessions and workshops: what is typed comes back as it was, what La Coop
// would not accept is refused with a message naming the field, and periods select by date.
#include "core/activity_book.hpp"
#include "mediator_test_support.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <thread>

using namespace pasapas::core;
using pasapas::test::sql_integer;
using pasapas::test::TempDir;

namespace {

std::string message_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const StoreError& error) {
        return error.what();
    }
    return "(no error)";
}

ActivityRecord workshop(const std::string& date) {
    ActivityRecord a;
    a.kind = "collectif";
    a.date = date;
    a.duration_min = 90;
    a.place_type = "lieu_activite";
    a.place_name = "Médiathèque des Tilleuls";
    a.place_commune = "Saint-Herblain";
    a.place_postcode = "44800";
    a.place_insee = "44162";
    a.equipment = {"ordinateur", "tablette"};
    a.themes = {"email", "navigation_internet"};
    a.workshop_level = "debutant";
    a.title = "Premiers pas avec la messagerie";
    a.anonymous_participants = 2;
    a.notes = "Apporter les rallonges";
    return a;
}

}  // namespace

TEST_CASE("A workshop comes back exactly as it was recorded", "[activities]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    ActivityBook book(store);
    const auto ana = store.create_learner("Ana", "fox");
    const auto bob = store.create_learner("Bob", "owl");

    auto recorded = workshop("2026-03-14");
    recorded.learners = {bob, ana, bob};  // attached twice by mistake: kept once
    recorded.referred = true;
    recorded.referral = "aide_demarches";
    recorded.demarche = "caf";
    const auto id = book.save(recorded);
    CHECK(id > 0);

    const auto back = book.get(id);
    REQUIRE(back);
    CHECK(back->id == id);
    CHECK(back->uuid.size() == 36);
    CHECK(back->uuid[14] == '4');
    CHECK(back->kind == "collectif");
    CHECK(back->date == "2026-03-14");
    CHECK(back->duration_min == 90);
    CHECK(back->place_type == "lieu_activite");
    CHECK(back->place_name == "Médiathèque des Tilleuls");
    CHECK(back->place_commune == "Saint-Herblain");
    CHECK(back->place_postcode == "44800");
    CHECK(back->place_insee == "44162");
    CHECK(back->equipment == std::vector<std::string>{"ordinateur", "tablette"});
    CHECK(back->themes == std::vector<std::string>{"email", "navigation_internet"});
    CHECK(back->demarche == "caf");
    CHECK(back->workshop_level == "debutant");
    CHECK(back->title == "Premiers pas avec la messagerie");
    CHECK(back->anonymous_participants == 2);
    CHECK(back->referred);
    CHECK(back->referral == "aide_demarches");
    CHECK(back->notes == "Apporter les rallonges");
    CHECK(back->learners == std::vector<LearnerId>{ana, bob});
    CHECK(back->created_at.size() == 24);
    CHECK(back->updated_at == back->created_at);

    // Editing keeps the uuid (La Coop's « ID CRA ») and the creation time, and dates the change.
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
    auto edited = *back;
    edited.uuid = "something else";
    edited.learners = {ana};
    edited.themes = {"email"};
    CHECK(book.save(edited) == id);
    const auto again = book.get(id);
    REQUIRE(again);
    CHECK(again->uuid == back->uuid);
    CHECK(again->created_at == back->created_at);
    CHECK(again->updated_at > back->updated_at);
    CHECK(again->learners == std::vector<LearnerId>{ana});
    CHECK(again->themes == std::vector<std::string>{"email"});
    CHECK(book.list().size() == 1);
    CHECK(book.of_learner(bob).empty());
    REQUIRE(book.of_learner(ana).size() == 1);
    CHECK(book.of_learner(ana)[0].id == id);
}

TEST_CASE("What La Coop would not accept is refused, with the field named", "[activities]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    ActivityBook book(store);
    const auto ana = store.create_learner("Ana", "fox");
    const auto bob = store.create_learner("Bob", "owl");

    const auto refused = [&](const std::function<void(ActivityRecord&)>& change) {
        auto a = workshop("2026-03-14");
        change(a);
        return message_of([&] { book.save(a); });
    };
    const std::string date_message = "The date must be a real date, like 2026-03-14.";
    CHECK(refused([](ActivityRecord& a) { a.date = "2026-02-30"; }) == date_message);
    CHECK(refused([](ActivityRecord& a) { a.date = "14/03/2026"; }) == date_message);
    CHECK(refused([](ActivityRecord& a) { a.date = ""; }) == date_message);
    CHECK_THAT(refused([](ActivityRecord& a) { a.kind = "visite"; }), Catch::Contains("kind of activity"));
    CHECK_THAT(refused([](ActivityRecord& a) { a.duration_min = 0; }), Catch::Contains("duration"));
    CHECK_THAT(refused([](ActivityRecord& a) { a.duration_min = 1441; }), Catch::Contains("1440 minutes"));
    CHECK(refused([](ActivityRecord& a) {
              a.themes = {"email", "cuisine"};
          }) == "The theme \"cuisine\" is not one of La Coop's.");
    CHECK_THAT(refused([](ActivityRecord& a) { a.equipment = {"fax"}; }),
               Catch::Contains("equipment \"fax\""));
    CHECK_THAT(refused([](ActivityRecord& a) { a.place_type = "plage"; }), Catch::Contains("type of place"));
    CHECK_THAT(refused([](ActivityRecord& a) { a.demarche = "ma démarche à moi"; }),
               Catch::Contains("procedure"));
    CHECK_THAT(refused([](ActivityRecord& a) { a.workshop_level = "expert"; }),
               Catch::Contains("workshop level"));
    CHECK_THAT(refused([](ActivityRecord& a) { a.referred = true, a.referral = "voisin"; }),
               Catch::Contains("referral \"voisin\""));
    CHECK_THAT(refused([](ActivityRecord& a) { a.anonymous_participants = -1; }),
               Catch::Contains("without a profile"));
    CHECK_THAT(refused([&](ActivityRecord& a) {
                   a.learners = {ana, 9999};
               }),
               Catch::Contains("no longer exists"));
    CHECK_THAT(refused([&](ActivityRecord& a) {
                   a.kind = "individuel";
                   a.anonymous_participants = 0;
                   a.learners = {ana, bob};
               }),
               Catch::Contains("individual session is for one person"));
    CHECK_THAT(refused([&](ActivityRecord& a) { a.id = 4242; }), Catch::Contains("no longer exists"));
    // Nothing half-saved by any of the refusals.
    CHECK(book.list().empty());
    CHECK(sql_integer(store, "SELECT count(*) FROM activity_learners") == 0);
}

TEST_CASE("An individual session keeps only its autonomy level, a workshop only its own", "[activities]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    ActivityBook book(store);
    const auto ana = store.create_learner("Ana", "fox");

    ActivityRecord session;
    session.kind = "individuel";
    session.date = "2026-03-10";
    session.duration_min = 45;
    session.autonomy = "autonome_avec_guidage";
    session.workshop_level = "avance";
    session.referral = "administration";  // chosen then "not referred" ticked: not kept
    session.learners = {ana};
    const auto id = book.save(session);
    const auto back = book.get(id);
    REQUIRE(back);
    CHECK(back->autonomy == "autonome_avec_guidage");
    CHECK(back->workshop_level.empty());
    CHECK(back->referral.empty());
    CHECK(back->learners == std::vector<LearnerId>{ana});
}

TEST_CASE("Activities are listed by period, newest first, and can be removed", "[activities]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    ActivityBook book(store);
    const auto ana = store.create_learner("Ana", "fox");
    auto january = workshop("2026-01-15");
    january.learners = {ana};
    const auto jan = book.save(january);
    const auto feb = book.save(workshop("2026-02-10"));
    const auto mar = book.save(workshop("2026-03-31"));
    const auto apr = book.save(workshop("2026-04-01"));

    const auto ids = [](const std::vector<ActivityRecord>& list) {
        std::vector<ActivityId> out;
        for (const auto& a : list) {
            out.push_back(a.id);
        }
        return out;
    };
    CHECK(ids(book.list()) == std::vector<ActivityId>{apr, mar, feb, jan});
    CHECK(ids(book.list("2026-02-01", "2026-03-31")) == std::vector<ActivityId>{mar, feb});
    CHECK(ids(book.list("", "2026-01-31")) == std::vector<ActivityId>{jan});
    CHECK(ids(book.list("2026-03-31", "")) == std::vector<ActivityId>{apr, mar});
    CHECK(book.list("2026-05-01", "2026-05-31").empty());

    book.remove(jan);
    CHECK_FALSE(book.get(jan).has_value());
    CHECK(book.of_learner(ana).empty());
    CHECK(sql_integer(store, "SELECT count(*) FROM activity_learners") == 0);
    CHECK(book.list().size() == 3);
    CHECK(store.learner(ana).has_value());  // the learner stays; only the attendance goes
}
