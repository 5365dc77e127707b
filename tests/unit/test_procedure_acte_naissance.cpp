// The shipped birth-certificate simulation (lessons/acte-naissance), loaded with the real loader
// and played headless: from the search results to service-public.fr's confirmation and its
// e-mail, the paid look-alike ad, the branches of the form and the date in the future.
#include "core/scenario_loader.hpp"
#include "core/scenario_session.hpp"
#include "scenario_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace pasapas::core;
using namespace pasapas::test;
namespace fs = std::filesystem;

namespace {

constexpr CalendarDate kToday{2025, 6, 15};

// From the search results to the first page of the online form.
void to_form(ScenarioSession& s) {
    REQUIRE(s.activate("resultat-sp").moved);
    REQUIRE(s.page().id == "sp-fiche");
    REQUIRE(s.activate("acceder").moved);
    REQUIRE(s.page().id == "acte");
}

void fill_person(ScenarioSession& s) {
    s.set_value("nom", "Fictif");
    s.set_value("prenoms", "sophie");
    s.set_value("sexe", "feminin");
    s.set_value("date-naissance", "21/05/1989");
    s.set_value("commune-naissance", "VALBOURG");
    s.set_value("departement", "Drôme");
}

void fill_address(ScenarioSession& s) {
    s.set_value("adresse", "8 avenue des Platanes");
    s.set_value("code-postal", "26 100");
    s.set_value("commune", "Valbourg");
    s.set_value("email", "sophie.fictif@exemple.fr");
}

}  // namespace

TEST_CASE("Acte de naissance: the shipped scenario loads without problems", "[procedure][acte-naissance]") {
    const auto loaded = load_shipped("acte-naissance");
    for (const auto& problem : loaded.problems) {
        UNSCOPED_INFO(problem.to_string());
    }
    REQUIRE(loaded.problems.empty());
    REQUIRE(loaded.scenarios.size() == 1);
    const Scenario& sc = loaded.scenarios.front();
    CHECK(sc.id == "acte-naissance");
    CHECK(sc.start_page == "recherche");
    CHECK(sc.theme == "papiers_elections_citoyennete");
    CHECK_FALSE(sc.checklist.items.empty());
    for (const auto& page : sc.pages) {
        INFO("page " << page.id);
        REQUIRE_FALSE(page.guides.empty());
        for (const auto& guide : page.guides) {
            CHECK_FALSE(guide.instruction.empty());
            CHECK(guide.hints.size() >= 2);
        }
    }
    // The type of acte offers the three documents service-public.fr delivers.
    const Page* acte = sc.page("acte");
    REQUIRE(acte != nullptr);
    REQUIRE(acte->fields.size() >= 1);
    std::vector<std::string> labels;
    for (const auto& option : acte->fields.front().options) {
        labels.push_back(option.label);
    }
    CHECK(labels ==
          std::vector<std::string>{"Copie intégrale", "Extrait avec filiation", "Extrait sans filiation"});
}

TEST_CASE("Procedures: the app's loader finds both procedures in the shipped lessons", "[procedure]") {
    const auto loaded = LessonLoader().load_directory(PASAPAS_LESSONS_DIR);
    for (const auto& problem : loaded.problems) {
        const auto file = problem.file.generic_string();
        INFO(problem.to_string());
        CHECK_FALSE(contains(file, "/franceconnect/"));
        CHECK_FALSE(contains(file, "/acte-naissance/"));
    }
    std::vector<std::string> ids;
    for (const auto& scenario : loaded.scenarios) {
        ids.push_back(scenario.id);
    }
    CHECK(std::find(ids.begin(), ids.end(), "franceconnect") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "acte-naissance") != ids.end());
}

TEST_CASE("Acte de naissance: happy path to the confirmation and its e-mail", "[procedure][acte-naissance]") {
    const auto loaded = load_shipped("acte-naissance");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 11);
    s.set_today(kToday);

    CHECK(s.page().id == "recherche");
    to_form(s);
    CHECK(s.page().site == "service-public.fr");
    CHECK(s.page().url.rfind("https://www.service-public.fr/", 0) == 0);

    s.set_value("type-acte", "copie-integrale");
    s.set_value("vous-etes", "personne");
    auto f = s.activate("continuer");
    CHECK(f.mistake.empty());
    REQUIRE(s.page().id == "personne");

    fill_person(s);
    f = s.activate("continuer");
    CHECK(f.field_errors.empty());
    REQUIRE(s.page().id == "filiation");  // a copie intégrale needs the parents' names

    s.set_value("nom-pere", "FICTIF");
    s.set_value("prenoms-pere", "Jean");
    s.set_value("nom-mere", "DURANT");
    s.set_value("prenoms-mere", "Marie");
    f = s.activate("continuer");
    REQUIRE(s.page().id == "coordonnees");

    fill_address(s);  // the optional complement stays empty
    f = s.activate("continuer");
    CHECK(f.field_errors.empty());
    REQUIRE(s.page().id == "recapitulatif");
    // The recap shows the learner's own entries, as typed and chosen, to re-read before validating.
    CHECK(shown(s, Block::Kind::Recap) ==
          std::vector<std::string>{"Copie intégrale", "La personne concernée", "Fictif", "sophie",
                                   "21/05/1989", "VALBOURG (Drôme)", "8 avenue des Platanes, 26 100 Valbourg",
                                   "sophie.fictif@exemple.fr"});
    CHECK(s.mails().empty());

    f = s.activate("valider");
    CHECK(f.finished);
    CHECK(s.finished());
    REQUIRE(s.page().id == "confirmation");
    CHECK(shows(s, Block::Kind::Recap, s.reference()));
    CHECK(shows(s, Block::Kind::Alert, "Votre demande a bien été enregistrée."));

    REQUIRE(s.mails().size() == 1);
    const auto& mail = s.mails().front();
    CHECK_FALSE(mail.spam);
    CHECK(contains(mail.from, "service-public.fr"));
    CHECK(mail.subject == "Votre demande d'acte de naissance n° " + s.reference());
    CHECK(contains(mail.body, "enregistrée sous le numéro " + s.reference()));
    CHECK(contains(mail.body, "gratuit"));
    CHECK(s.totals().mistakes == 0);
    CHECK(s.level() == AutonomyLevel::Autonomous);
}

TEST_CASE("Acte de naissance: the paid look-alike ad", "[procedure][acte-naissance]") {
    const auto loaded = load_shipped("acte-naissance");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 11);

    const auto& actions = s.page().actions;
    const auto ad = std::find_if(actions.begin(), actions.end(), [](const PageAction& a) { return a.ad; });
    REQUIRE(ad != actions.end());
    CHECK(ad->style == ActionStyle::Result);
    CHECK(contains(ad->url, ".gouv.org"));
    CHECK(contains(ad->snippet, "29,90 €"));
    const auto real = std::find_if(actions.begin(), actions.end(),
                                   [](const PageAction& a) { return contains(a.url, "service-public.fr"); });
    REQUIRE(real != actions.end());
    CHECK_FALSE(real->ad);

    auto f = s.activate(ad->id);
    CHECK(f.mistake == "lookalike-site");
    CHECK(f.coach ==
          "Attention, c'est une publicité pour un site payant ! L'adresse finit par « .gouv.org » et non par "
          "« .gouv.fr » : ce n'est pas un site de l'État. La demande d'acte de naissance est gratuite sur "
          "service-public.fr. Revenez aux résultats et choisissez service-public.fr.");
    CHECK(f.moved);
    REQUIRE(s.page().id == "faux-site");
    CHECK(contains(s.page().url, ".gouv.org"));
    CHECK(shows(s, Block::Kind::Alert, "Frais de traitement du dossier : 29,90 € TTC"));

    f = s.activate("payer");
    CHECK(f.mistake == "paid-lookalike");
    CHECK(contains(f.coach, "Ne payez pas !"));
    CHECK_FALSE(f.moved);

    f = s.activate("retour");
    CHECK(s.page().id == "recherche");
    to_form(s);
    CHECK(s.totals().mistakes == 2);

    SECTION("no coaching in the autonomy check") {
        ScenarioSession check(loaded.scenarios.front(), ScenarioMode::Check, nullptr, 0, 11);
        const auto g = check.activate("annonce");
        CHECK(g.mistake == "lookalike-site");
        CHECK(g.coach.empty());
    }
}

TEST_CASE("Acte de naissance: a date of birth in the future or that does not exist",
          "[procedure][acte-naissance]") {
    const auto loaded = load_shipped("acte-naissance");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 11);
    s.set_today(kToday);
    to_form(s);
    s.set_value("type-acte", "copie-integrale");
    s.set_value("vous-etes", "personne");
    s.activate("continuer");
    REQUIRE(s.page().id == "personne");
    fill_person(s);

    s.set_value("date-naissance", "21/05/2089");
    auto f = s.activate("continuer");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.size() == 1);
    CHECK(f.field_errors.at("date-naissance") == "La date de naissance ne peut pas être dans le futur.");
    CHECK(f.mistake == "date-naissance:future");
    CHECK(f.coach ==
          "Cette date est dans le futur : personne ne peut être né après aujourd'hui. Vérifiez surtout "
          "l'année : 4 "
          "chiffres, comme sur la fiche de Sophie (1989).");

    s.set_value("date-naissance", "31/02/1989");
    f = s.activate("continuer");
    CHECK(f.field_errors.at("date-naissance") == "La date de naissance n'est pas valide.");
    CHECK(f.mistake == "date-naissance:format");

    s.set_value("date-naissance", "");
    f = s.activate("continuer");
    CHECK(f.field_errors.at("date-naissance") == "Veuillez saisir la date de naissance.");

    // A real past date that is not Sophie's is caught too.
    s.set_value("date-naissance", "12/05/1989");
    f = s.activate("continuer");
    CHECK(f.mistake == "date-naissance:mismatch");
    CHECK(contains(f.coach, "21/05/1989"));

    s.set_value("date-naissance", "21/05/1989");
    f = s.activate("continuer");
    CHECK(s.page().id == "filiation");
}

TEST_CASE("Acte de naissance: the form's branches", "[procedure][acte-naissance]") {
    const auto loaded = load_shipped("acte-naissance");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 11);
    s.set_today(kToday);
    to_form(s);

    SECTION("nothing chosen: the site's messages") {
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("type-acte") == "Veuillez choisir le type d'acte.");
        CHECK(f.field_errors.at("vous-etes") == "Veuillez indiquer qui fait la demande.");
        CHECK(f.mistake == "type-acte:required");
        CHECK(s.page().id == "acte");
    }
    SECTION("an extrait sans filiation skips the parents") {
        s.set_value("type-acte", "extrait-sans-filiation");
        s.set_value("vous-etes", "autre");  // anyone may ask for this one
        s.activate("continuer");
        REQUIRE(s.page().id == "personne-extrait");
        s.set_value("nom", "FICTIF");
        s.set_value("prenoms", "Sophie");
        s.set_value("date-naissance", "21/05/1989");
        s.set_value("commune-naissance", "Valbourg");
        s.set_value("departement", "26");
        s.activate("continuer");
        REQUIRE(s.page().id == "coordonnees");
        fill_address(s);
        s.activate("continuer");
        REQUIRE(s.page().id == "recapitulatif");
        CHECK(shown(s, Block::Kind::Recap) ==
              std::vector<std::string>{"Extrait sans filiation", "Une autre personne", "FICTIF", "Sophie",
                                       "21/05/1989", "Valbourg (26)",
                                       "8 avenue des Platanes, 26 100 Valbourg", "sophie.fictif@exemple.fr"});
        CHECK(s.activate("valider").finished);
    }
    SECTION("someone else cannot ask for a copie intégrale") {
        s.set_value("type-acte", "copie-integrale");
        s.set_value("vous-etes", "autre");
        s.activate("continuer");
        REQUIRE(s.page().id == "demande-impossible");
        CHECK(shows(s, Block::Kind::Alert, "Vous ne pouvez pas demander ce type d'acte."));
        s.activate("modifier");
        CHECK(s.page().id == "acte");
    }
    SECTION("postal code and e-mail checks on the address page") {
        s.set_value("type-acte", "extrait-avec-filiation");
        s.set_value("vous-etes", "personne");
        s.activate("continuer");
        REQUIRE(s.page().id == "personne");
        fill_person(s);
        s.activate("continuer");
        s.set_value("nom-pere", "FICTIF");
        s.set_value("prenoms-pere", "Jean");
        s.set_value("nom-mere", "DURANT");
        s.set_value("prenoms-mere", "Marie");
        s.activate("continuer");
        REQUIRE(s.page().id == "coordonnees");
        fill_address(s);
        s.set_value("code-postal", "2610");
        s.set_value("email", "sophie.fictif@exemple");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("code-postal") == "Le code postal doit comporter 5 chiffres.");
        CHECK(f.field_errors.at("email") ==
              "Le format de l’adresse electronique saisie n’est pas valide. Format attendu : nom@domaine.fr");
        CHECK(f.mistake == "code-postal:format");
        CHECK(contains(f.coach, "5 chiffres"));
        CHECK(s.page().id == "coordonnees");
    }
}
