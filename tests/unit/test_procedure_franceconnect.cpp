// The shipped FranceConnect simulation (lessons/franceconnect), loaded with the real loader and
// played headless: the happy path to the log-out receipt, and each typical mistake with the exact
// message the learner sees (the real sites' texts from the reference notes, and the coaching).
#include "core/scenario_loader.hpp"
#include "core/scenario_session.hpp"
#include "scenario_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

using namespace pasapas::core;
using namespace pasapas::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const std::string kCouple = "Le couple identifiant/mot de passe est incorrect.";
const std::string kWrongProviderCoach =
    "Camille n'a pas de compte chez ce fournisseur : elle ne pourra pas s'y connecter. Regardez sa fiche : "
    "son "
    "compte est celui des impôts. Revenez à la liste et choisissez « impots.gouv.fr ».";

// From the town hall's login page to the impots.gouv.fr login form.
void to_impots(ScenarioSession& s) {
    REQUIRE(s.activate("fc").moved);
    REQUIRE(s.page().id == "fc-choix");
    REQUIRE(s.activate("tuile-impots").moved);
    REQUIRE(s.page().id == "impots-connexion");
}

}  // namespace

TEST_CASE("FranceConnect: the shipped scenario loads without problems", "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    for (const auto& problem : loaded.problems) {
        UNSCOPED_INFO(problem.to_string());
    }
    REQUIRE(loaded.problems.empty());
    REQUIRE(loaded.scenarios.size() == 1);
    const Scenario& sc = loaded.scenarios.front();
    CHECK(sc.id == "franceconnect");
    CHECK(sc.start_page == "mairie-connexion");
    CHECK_FALSE(sc.checklist.items.empty());
    CHECK(sc.fact("numero_fiscal") == std::optional<std::string>("3012456789391"));
    CHECK_FALSE(sc.persona.card.empty());
    CHECK(sc.session.timeout_s > sc.session.warning_s);

    // Every page that is not the receipt guides the learner, with hints that go further.
    for (const auto& page : sc.pages) {
        INFO("page " << page.id);
        if (page.end) {
            continue;
        }
        REQUIRE_FALSE(page.guides.empty());
        for (const auto& guide : page.guides) {
            CHECK_FALSE(guide.instruction.empty());
            CHECK(guide.hints.size() >= 2);
        }
    }
}

TEST_CASE("FranceConnect: happy path, from the town hall to the log-out receipt",
          "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 7);

    // Screen 1: FranceConnect first, then « ou », then the site's own login.
    CHECK(s.page().site == "Mairie de Valbourg");
    const auto& first = s.page().blocks;
    const auto fc = std::find_if(first.begin(), first.end(), [&](const Block& b) {
        return b.kind == Block::Kind::Action && s.page().actions[b.index].style == ActionStyle::FranceConnect;
    });
    const auto ou = std::find_if(first.begin(), first.end(), [](const Block& b) {
        return b.kind == Block::Kind::Text && b.text == "ou";
    });
    const auto own =
        std::find_if(first.begin(), first.end(), [](const Block& b) { return b.kind == Block::Kind::Field; });
    REQUIRE(fc != first.end());
    REQUIRE(ou != first.end());
    REQUIRE(own != first.end());
    CHECK(fc < ou);
    CHECK(ou < own);
    CHECK(s.page().actions[fc->index].label == "S’identifier avec FranceConnect");

    auto f = s.activate("fc");
    CHECK(f.moved);
    CHECK(s.page().title == "Connexion - Choix du compte - FranceConnect");
    CHECK(shows(s, Block::Kind::Text, "Connexion en cours sur Espace citoyen de Valbourg"));
    CHECK(shows(s, Block::Kind::Heading, "Choisissez un compte pour vous connecter :"));
    std::vector<std::string> tiles;
    for (const auto& action : s.page().actions) {
        if (action.style == ActionStyle::Tile) {
            tiles.push_back(action.label);
        }
    }
    CHECK(tiles == std::vector<std::string>{"impots.gouv.fr", "ameli.fr", "L'Identité Numérique La Poste",
                                            "MSA", "Yris", "France Identité"});

    f = s.activate("tuile-impots");
    CHECK(s.page().site == "impots.gouv.fr");
    s.set_value("numero-fiscal", "301 245 678 9391");  // spaces typed inside the number are fine
    s.set_value("mot-de-passe", "Tournesol-26");
    f = s.activate("connexion");
    CHECK(f.field_errors.empty());
    CHECK(f.alert.empty());
    CHECK(f.mistake.empty());
    REQUIRE(s.page().id == "fc-consentement");

    // Screen 4: who is connecting, and what is sent.
    CHECK(shows(s, Block::Kind::Text, "Vous allez vous connecter en tant que :"));
    CHECK(shows(s, Block::Kind::Heading, "Camille EXEMPLE"));
    CHECK(shows(s, Block::Kind::Heading, "Données transmises"));
    CHECK(shows(s, Block::Kind::Recap, "12/03/1956"));
    s.set_value("accord", "true");
    f = s.activate("continuer");
    CHECK(f.moved);
    REQUIRE(s.page().id == "mairie-espace");

    // Screen 5: logged in, identity certified and frozen (shown, not editable).
    CHECK(s.page().fields.empty());
    CHECK(shows(s, Block::Kind::Heading, "Bonjour Camille EXEMPLE"));
    CHECK(
        shows(s, Block::Kind::Text, "Le prénom ne peut-être changé car il a été certifié par FranceConnect"));

    f = s.activate("deconnexion");
    CHECK(f.moved);
    REQUIRE(s.page().id == "fc-deconnexion");
    f = s.activate("deconnexion-fc");
    CHECK(f.moved);
    CHECK(f.finished);
    CHECK(s.finished());
    CHECK(s.page().end);
    CHECK(shows(s, Block::Kind::Recap, s.reference()));
    CHECK(shows(s, Block::Kind::Alert,
                "Vous êtes déconnecté(e) de Espace citoyen de Valbourg et de FranceConnect."));
    CHECK(s.totals().mistakes == 0);
    CHECK(s.level() == AutonomyLevel::Autonomous);
}

TEST_CASE("FranceConnect: numéro fiscal mistakes give the site's message and the coaching",
          "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 7);
    to_impots(s);
    s.set_value("mot-de-passe", "Tournesol-26");

    SECTION("12 digits: format") {
        s.set_value("numero-fiscal", "301245678939");
        const auto f = s.activate("connexion");
        CHECK_FALSE(f.moved);
        CHECK(s.page().id == "impots-connexion");
        CHECK(f.field_errors.at("numero-fiscal") == "Le numéro fiscal doit comporter 13 chiffres.");
        CHECK(f.alert.empty());
        CHECK(f.mistake == "numero-fiscal:format");
        CHECK(f.coach ==
              "Il manque un chiffre ou il y en a un de trop : le numéro fiscal a exactement 13 chiffres. "
              "Recomptez-les "
              "en regardant la fiche de Camille.");
    }
    SECTION("13 digits with a wrong check number: key") {
        s.set_value("numero-fiscal", "3012456789390");
        const auto f = s.activate("connexion");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.at("numero-fiscal") == "Le numéro fiscal saisi n'est pas valide.");
        CHECK(f.mistake == "numero-fiscal:key");
        CHECK(f.coach.find("les 3 derniers chiffres servent à vérifier les autres") != std::string::npos);
    }
    SECTION("a valid number that is not Camille's: the login's global alert, nothing under the field") {
        s.set_value("numero-fiscal", "1098765432457");
        const auto f = s.activate("connexion");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.empty());
        CHECK(f.alert == kCouple);
        CHECK(f.mistake == "numero-fiscal:mismatch");
    }
    SECTION("the right number and a wrong password: the same global alert") {
        s.set_value("numero-fiscal", "3012456789391");
        s.set_value("mot-de-passe", "tournesol-26");  // passwords are compared exactly
        const auto f = s.activate("connexion");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.empty());
        CHECK(f.alert == kCouple);
        CHECK(f.mistake == "mot-de-passe:mismatch");
        CHECK(f.coach.find("majuscules") != std::string::npos);
    }
    CHECK(s.totals().mistakes == 1);
}

TEST_CASE("FranceConnect: choosing a provider Camille has no account with", "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 7);
    s.activate("fc");

    auto f = s.activate("tuile-ameli");
    CHECK(f.mistake == "wrong-provider");
    CHECK(f.coach == kWrongProviderCoach);
    CHECK(f.moved);
    REQUIRE(s.page().id == "ameli-connexion");
    CHECK(s.page().site == "ameli.fr");

    // ameli's own message for a NIR that is not 13 characters.
    s.set_value("nir", "256032612345");
    s.set_value("mot-de-passe", "Tournesol-26");
    f = s.activate("connexion-ameli");
    CHECK(f.field_errors.at("nir") == "Le numéro de sécurité sociale est invalide.");
    // A key that does not go with the number: ameli's own message under the key, and the
    // coaching says why a key exists.
    s.set_value("nir", "2560326123456");
    s.set_value("cle", "91");
    f = s.activate("connexion-ameli");
    CHECK(f.field_errors.size() == 1);
    CHECK(f.field_errors.at("cle") == "La clé de contrôle est invalide.");
    CHECK(f.mistake == "cle:key");
    CHECK(f.coach.find("Les 2 derniers chiffres ne vont pas avec le numéro") == 0);
    CHECK_FALSE(f.moved);
    // A key of one digit is not even the right shape.
    s.set_value("cle", "1");
    f = s.activate("connexion-ameli");
    CHECK(f.field_errors.at("cle") == "La clé de contrôle est invalide.");
    CHECK(f.mistake == "cle:format");
    // Even with a well-formed NIR and its right key (19), Camille's impots password cannot open
    // an ameli account.
    s.set_value("cle", "19");
    f = s.activate("connexion-ameli");
    CHECK(f.field_errors.empty());
    CHECK(f.mistake == "wrong-provider");
    CHECK_FALSE(f.moved);

    f = s.activate("retour-fc");
    CHECK(f.moved);
    CHECK(s.page().id == "fc-choix");

    // Providers that are not simulated: the mistake is counted and explained, the page stays.
    f = s.activate("tuile-msa");
    CHECK(f.mistake == "wrong-provider");
    CHECK(f.coach == kWrongProviderCoach);
    CHECK_FALSE(f.moved);
    CHECK(s.page().id == "fc-choix");

    f = s.activate("tuile-impots");
    CHECK(s.page().id == "impots-connexion");
    CHECK(s.totals().mistakes == 6);  // tile, short NIR, wrong key, short key, ameli login, MSA tile
}

TEST_CASE("FranceConnect: an account opened under the usage name gives the identity error",
          "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 7);
    s.activate("fc");
    REQUIRE(s.activate("tuile-laposte").moved);
    CHECK(s.page().id == "laposte-connexion");
    s.set_value("email", "camille.martin@exemple");
    auto f = s.activate("continuer-laposte");
    CHECK(f.field_errors.at("email") == "Le format de l’adresse electronique saisie n’est pas valide.");
    s.set_value("email", "camille.martin@exemple.fr");
    f = s.activate("continuer-laposte");
    REQUIRE(s.page().id == "laposte-validation");

    f = s.activate("valide");
    CHECK(f.mistake == "identity-mismatch");
    CHECK(f.coach.find("Ce n'est pas une erreur de mot de passe.") != std::string::npos);
    REQUIRE(s.page().id == "fc-erreur-identite");
    CHECK(shows(s, Block::Kind::Heading, "Une erreur s’est produite"));
    CHECK(shows(
        s, Block::Kind::Alert,
        "Un problème lié à vos données d'identité empêche la connexion d'aboutir. Nous vous invitons à nous "
        "contacter pour corriger le problème."));

    f = s.activate("revenir-mairie");
    CHECK(s.page().id == "mairie-connexion");
    CHECK_FALSE(s.finished());
}

TEST_CASE("FranceConnect: the session expires after a long time without a click",
          "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    const Scenario& sc = loaded.scenarios.front();
    FakeClock clock;
    ScenarioSession s(sc, ScenarioMode::Practice, nullptr, 0, 7, clock.clock());

    // The town hall's page does not time out; FranceConnect's pages do.
    clock.now += 3600s;
    CHECK(s.time_state() == ScenarioSession::TimeState::Running);
    CHECK(s.poll_time().mistake.empty());
    to_impots(s);

    clock.now += std::chrono::seconds(sc.session.timeout_s - sc.session.warning_s);
    CHECK(s.time_state() == ScenarioSession::TimeState::Warning);
    s.extend();  // « Rester connecté »
    CHECK(s.time_state() == ScenarioSession::TimeState::Running);

    s.set_value("numero-fiscal", "3012456789391");  // typing is not an action: the count goes on
    clock.now += std::chrono::seconds(sc.session.timeout_s);
    CHECK(s.time_state() == ScenarioSession::TimeState::Expired);
    const auto f = s.poll_time();
    CHECK(f.mistake == "timeout");
    CHECK(f.moved);
    REQUIRE(s.page().id == "session-expiree");
    CHECK(shows(
        s, Block::Kind::Alert,
        "Votre session a expiré ou est invalide, fermez l’onglet de votre navigateur et reconnectez-vous."));
    CHECK(f.coach.find("Rester connecté") != std::string::npos);

    // The expired page itself does not time out, and leads back to the start.
    clock.now += 3600s;
    CHECK(s.poll_time().mistake.empty());
    s.activate("recommencer");
    CHECK(s.page().id == "mairie-connexion");
}

TEST_CASE("FranceConnect: closing the page on a shared computer is not logging out",
          "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Practice, nullptr, 0, 7);
    to_impots(s);
    s.set_value("numero-fiscal", "3012456789391");
    s.set_value("mot-de-passe", "Tournesol-26");
    s.activate("connexion");
    REQUIRE(s.page().id == "fc-consentement");

    // The consent box must be ticked, with FranceConnect's own message.
    auto f = s.activate("continuer");
    CHECK(f.field_errors.at("accord") == "Veuillez cocher la case pour accepter le transfert des données");
    CHECK(f.mistake == "accord:required");
    s.set_value("accord", "true");
    s.activate("continuer");
    REQUIRE(s.page().id == "mairie-espace");

    f = s.activate("fermer");
    CHECK(f.mistake == "no-logout");
    CHECK(f.coach.find("fermer la page ne déconnecte pas") != std::string::npos);
    CHECK_FALSE(f.moved);
    CHECK(s.page().id == "mairie-espace");

    const auto logout = std::find_if(s.page().actions.begin(), s.page().actions.end(),
                                     [](const PageAction& a) { return a.logout; });
    REQUIRE(logout != s.page().actions.end());
    CHECK(logout->label == "Se déconnecter");
    s.activate(logout->id);
    REQUIRE(s.page().id == "fc-deconnexion");
    f = s.activate("rester");
    CHECK(f.mistake == "no-logout");
    CHECK_FALSE(f.moved);
    f = s.activate("deconnexion-fc");
    CHECK(f.finished);
    CHECK(s.totals().mistakes == 3);
    CHECK(s.level() == AutonomyLevel::AutonomousWhenNeeded);
}

TEST_CASE("FranceConnect: the autonomy check shows the site's messages but no coaching",
          "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Check, nullptr, 0, 7);
    CHECK(s.current_guide() == nullptr);
    s.activate("fc");
    auto f = s.activate("tuile-yris");
    CHECK(f.mistake == "wrong-provider");
    CHECK(f.coach.empty());
    s.activate("tuile-impots");
    s.set_value("numero-fiscal", "301245678939");
    f = s.activate("connexion");
    CHECK(f.field_errors.at("numero-fiscal") == "Le numéro fiscal doit comporter 13 chiffres.");
    CHECK(f.coach.empty());
}

TEST_CASE("FranceConnect: guided mode walks the hints from vague to explicit", "[procedure][franceconnect]") {
    const auto loaded = load_shipped("franceconnect");
    REQUIRE(loaded.scenarios.size() == 1);
    ScenarioSession s(loaded.scenarios.front(), ScenarioMode::Guided, nullptr, 0, 7);
    REQUIRE(s.current_guide() != nullptr);
    CHECK(s.current_guide()->target == "fc");
    to_impots(s);
    CHECK(s.current_guide()->target == "numero-fiscal");
    const auto first = s.next_hint();
    const auto second = s.next_hint();
    const auto third = s.next_hint();
    REQUIRE(third.has_value());
    CHECK(*third == "Tapez 3012456789391.");  // {persona.numero_fiscal}, expanded
    CHECK(first != second);
    CHECK_FALSE(s.next_hint().has_value());
    s.set_value("numero-fiscal", "3012456789391");
    CHECK(s.current_guide()->target == "mot-de-passe");
}
