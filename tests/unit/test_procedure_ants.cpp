// The shipped ANTS simulation (lessons/ants-carte-identite), loaded with the real loader and played
// headless: the pre-request after a lost card to its number and QR code, then the town-hall
// appointment to the receipt; and each typical mistake with the exact text the learner sees (the
// sites' messages from the reference notes, and Pas à Pas' coaching).
#include "core/scenario_loader.hpp"
#include "core/scenario_session.hpp"
#include "scenario_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace pasapas::core;
using namespace pasapas::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A fixed "today", so that the date checks do not depend on the machine's calendar.
constexpr CalendarDate kToday{2026, 3, 10};

// The one-time code of the last SMS: its first run of 6 digits.
std::string last_sms_code(const ScenarioSession& s) {
    REQUIRE_FALSE(s.sms().empty());
    const std::string& body = s.sms().back().body;
    for (std::size_t i = 0; i + 6 <= body.size(); ++i) {
        if (std::all_of(body.begin() + static_cast<std::ptrdiff_t>(i),
                        body.begin() + static_cast<std::ptrdiff_t>(i + 6),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
            return body.substr(i, 6);
        }
    }
    FAIL("no 6-digit code in the SMS: " << body);
    return {};
}

// What a careful learner does on each page of the happy path, keyed by page id.
using Step = std::function<void(ScenarioSession&)>;

const std::map<std::string, Step>& happy_steps() {
    static const std::map<std::string, Step> steps{
        {"recherche", [](ScenarioSession& s) { s.activate("resultat-ants"); }},
        {"ants-connexion",
         [](ScenarioSession& s) {
             s.set_value("identifiant", "nadia.bertin@exemple.fr");
             s.set_value("mot-de-passe", "Coquelicot-87");
             s.activate("se-connecter");
         }},
        {"ants-espace", [](ScenarioSession& s) { s.activate("pre-demande-cni"); }},
        {"motif",
         [](ScenarioSession& s) {
             s.set_value("motif", "perte");
             s.activate("continuer");
         }},
        {"motif-perte", [](ScenarioSession& s) { s.activate("confirmer-motif"); }},
        {"timbre",
         [](ScenarioSession& s) {
             s.set_value("numero-timbre", "4021 7733 1598 2604");
             s.activate("continuer");
         }},
        {"etat-civil",
         [](ScenarioSession& s) {
             s.set_value("nom", "Bertin");
             s.set_value("prenoms", "Nadia");
             s.set_value("taille", "164");
             s.set_value("date-naissance", "14/11/1987");
             s.set_value("commune-naissance", "Lyon");
             s.set_value("departement-naissance", "69");
             s.set_value("pays-naissance", "france");
             s.activate("continuer");
         }},
        {"nationalite",
         [](ScenarioSession& s) {
             s.set_value("nationalite", "filiation");
             s.activate("continuer");
         }},
        {"adresse",
         [](ScenarioSession& s) {
             s.set_value("adresse", "8 rue des Tilleuls");
             s.set_value("code-postal", "26100");
             s.set_value("commune", "Valbourg");
             s.set_value("telephone", "06 12 34 56 78");
             s.activate("continuer");
         }},
        {"justificatif",
         [](ScenarioSession& s) {
             s.set_value("justificatif", "justificatif");
             s.activate("continuer");
         }},
        {"validation",
         [](ScenarioSession& s) {
             s.set_value("certifie", "true");
             s.activate("valider");
         }},
        {"numero", [](ScenarioSession& s) { s.activate("prendre-rdv"); }},
        {"rdv-recherche",
         [](ScenarioSession& s) {
             s.set_value("commune", "Valbourg");
             s.set_value("distance", "20");
             s.set_value("motif-rdv", "cni");
             s.set_value("personnes", "1");
             s.activate("rechercher");
         }},
        {"rdv-resultats", [](ScenarioSession& s) { s.activate("creneau-valbourg"); }},
        {"rdv-informations",
         [](ScenarioSession& s) {
             s.set_value("prenom", "Nadia");
             s.set_value("nom", "BERTIN");
             s.set_value("numero-ants", s.reference());
             s.set_value("telephone", "0612345678");
             s.activate("continuer");
         }},
        {"rdv-usager",
         [](ScenarioSession& s) {
             s.set_value("usager", "moi");
             s.activate("continuer");
         }},
        {"rdv-confirmation",
         [](ScenarioSession& s) {
             s.set_value("code", last_sms_code(s));
             s.activate("confirmer");
         }},
    };
    return steps;
}

// Plays the happy path until the page `target` is shown; every step must move on.
void play_until(ScenarioSession& s, const std::string& target) {
    for (int guard = 0; s.page().id != target && guard < 40; ++guard) {
        const std::string here = s.page().id;
        INFO("on page " << here << ", on the way to " << target);
        const auto step = happy_steps().find(here);
        REQUIRE(step != happy_steps().end());
        step->second(s);
        REQUIRE(s.page().id != here);
    }
    REQUIRE(s.page().id == target);
}

struct Run {
    LoadResult loaded = load_shipped("ants-carte-identite");
    FakeClock clock;
    std::unique_ptr<ScenarioSession> session;

    explicit Run(ScenarioMode mode = ScenarioMode::Practice) {
        REQUIRE(loaded.problems.empty());
        REQUIRE(loaded.scenarios.size() == 1);
        session =
            std::make_unique<ScenarioSession>(loaded.scenarios.front(), mode, nullptr, 0, 11, clock.clock());
        session->set_today(kToday);
    }
};

}  // namespace

TEST_CASE("ANTS: the shipped scenario loads, with persona, documents, time-out and checklist",
          "[procedure][ants]") {
    const auto loaded = load_shipped("ants-carte-identite");
    for (const auto& problem : loaded.problems) {
        UNSCOPED_INFO(problem.to_string());
    }
    REQUIRE(loaded.problems.empty());
    REQUIRE(loaded.scenarios.size() == 1);
    const Scenario& sc = loaded.scenarios.front();
    CHECK(sc.id == "ants-carte-identite");
    CHECK(sc.theme == "papiers_elections_citoyennete");
    CHECK(sc.start_page == "recherche");
    CHECK(sc.documents.size() == 3);
    CHECK(sc.session.timeout_s == 1200);
    CHECK(sc.session.expired_page == "session-expiree");
    CHECK(sc.fact("timbre") == std::optional<std::string>("4021 7733 1598 2604"));

    const auto& items = sc.checklist.items;
    const auto has_item = [&](const std::string& part) {
        return std::any_of(items.begin(), items.end(),
                           [&](const std::string& item) { return contains(item, part); });
    };
    CHECK(has_item("photo d'identité de moins de 6 mois"));
    CHECK(has_item("justificatif de domicile de moins d'un an"));
    CHECK(has_item("timbre fiscal électronique de 25 €"));
    CHECK(has_item("numéro de pré-demande"));

    // Every page but the receipt guides the learner, with at least two hints going further.
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

TEST_CASE("ANTS: happy path, from the search to the town-hall receipt with the pre-request number",
          "[procedure][ants]") {
    Run run(ScenarioMode::Check);
    ScenarioSession& s = *run.session;

    play_until(s, "ants-connexion");
    CHECK(s.page().url == "https://passeport.ants.gouv.fr/connexion");

    play_until(s, "timbre");
    // The teaching point: the pre-request is free, the stamp is for a lost or stolen card.
    CHECK(shows(
        s, Block::Kind::Alert,
        "La pré-demande est gratuite. La carte d'identité aussi, sauf si elle a été perdue ou volée : un "
        "timbre fiscal de 25 € est alors demandé."));

    play_until(s, "validation");
    // The recap shows back what was typed and chosen, before it can no longer be changed.
    CHECK(shows(
        s, Block::Kind::Alert,
        "Relisez attentivement votre pré-demande. Une fois validée, elle ne pourra plus être modifiée. Une "
        "erreur peut empêcher la délivrance de votre titre."));
    CHECK(shows(s, Block::Kind::Recap, "Perte"));
    CHECK(shows(s, Block::Kind::Recap, "14/11/1987"));
    CHECK(shows(s, Block::Kind::Recap, "Lyon (69), France"));
    CHECK(shows(s, Block::Kind::Recap, "8 rue des Tilleuls, 26100 Valbourg"));
    CHECK(shows(s, Block::Kind::Recap, "facture-electricite.pdf"));

    play_until(s, "numero");
    // The number: 10 upper-case letters and digits, with its QR code, and the recap e-mail.
    const std::string reference = s.reference();
    REQUIRE(reference.size() == 10);
    CHECK(shows(s, Block::Kind::Recap, reference));
    CHECK(shows(s, Block::Kind::Qr, reference));
    REQUIRE(s.mails().size() == 1);
    CHECK_FALSE(s.mails().front().spam);
    CHECK(s.mails().front().subject == "Récapitulatif de votre pré-demande de carte d'identité");
    CHECK(contains(s.mails().front().body, "Numéro de pré-demande : " + reference));

    play_until(s, "rdv-informations");
    CHECK(s.page().site == "RDV Mairie – Mairie de Valbourg");
    play_until(s, "rdv-confirmation");
    REQUIRE(s.sms().size() == 1);
    CHECK(s.sms().front().from == "MAIRIE");
    CHECK(shows(s, Block::Kind::Recap, reference));

    s.set_value("code", last_sms_code(s));
    const auto f = s.activate("confirmer");
    CHECK(f.moved);
    CHECK(f.finished);
    CHECK(s.finished());
    CHECK(s.page().id == "rdv-confirme");
    CHECK(shows(s, Block::Kind::Alert, "Votre rendez-vous est confirmé."));
    CHECK(shows(s, Block::Kind::Recap, reference));
    CHECK(shows(s, Block::Kind::Qr, reference));
    CHECK(contains(s.sms().back().body, "N° de pré-demande : " + reference));
    CHECK(s.totals().mistakes == 0);
    CHECK(s.level() == AutonomyLevel::Autonomous);
}

TEST_CASE("ANTS: the paid look-alike site is a counted mistake, explained", "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;

    auto f = s.activate("annonce");
    CHECK(f.moved);
    CHECK(f.mistake == "lookalike-site");
    CHECK(f.coach ==
          "Attention, c'est une publicité pour un site privé et payant ! Son adresse finit par « gouv-fr.fr "
          "» et "
          "non par « .gouv.fr » : ce n'est pas un site de l'État. La pré-demande est gratuite sur le site de "
          "l'ANTS. Revenez aux résultats et choisissez passeport.ants.gouv.fr.");
    CHECK(s.page().id == "faux-site");
    CHECK_FALSE(contains(s.page().url, ".gouv.fr"));

    f = s.activate("payer");
    CHECK_FALSE(f.moved);
    CHECK(f.mistake == "paid-lookalike");
    CHECK(contains(f.coach, "Ne payez pas !"));

    f = s.activate("retour");
    CHECK(f.mistake.empty());
    CHECK(s.page().id == "recherche");
    CHECK(s.totals().mistakes == 2);
}

TEST_CASE("ANTS: a wrong password is reported for the couple identifiant/mot de passe, at the top",
          "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "ants-connexion");
    s.set_value("identifiant", "nadia.bertin@exemple.fr");
    s.set_value("mot-de-passe", "coquelicot-87");  // passwords are compared exactly
    const auto f = s.activate("se-connecter");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.empty());
    CHECK(f.alert == "Le couple identifiant/mot de passe est incorrect.");
    CHECK(f.mistake == "mot-de-passe:mismatch");
    CHECK(f.coach ==
          "Le mot de passe n'est pas le bon. Cliquez sur « Afficher » pour voir ce que vous avez tapé, et "
          "faites "
          "attention aux majuscules.");
}

TEST_CASE("ANTS: a motif that is not Nadia's is caught before it can no longer be changed",
          "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "motif");

    SECTION("no motif") {
        const auto f = s.activate("continuer");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.at("motif") == "Veuillez choisir le motif de votre demande.");
    }
    SECTION("renouvellement: the chosen motif is shown, confirming it is a mistake") {
        s.set_value("motif", "renouvellement");
        s.activate("continuer");
        REQUIRE(s.page().id == "motif-autre");
        CHECK(shows(s, Block::Kind::Recap, "Renouvellement"));
        const auto f = s.activate("confirmer-motif");
        CHECK_FALSE(f.moved);
        CHECK(f.mistake == "wrong-motif");
        CHECK(f.coach ==
              "Ce n'est pas le bon motif : Nadia a déjà eu une carte, et elle l'a perdue. Le bon motif est « "
              "Perte "
              "». Il ne se change plus après cet écran : cliquez sur « Modifier le motif ».");
        s.activate("modifier-motif");
        CHECK(s.page().id == "motif");
    }
    SECTION("vol: also leads to the stamp in real life, but Nadia's card was lost") {
        s.set_value("motif", "vol");
        s.activate("continuer");
        REQUIRE(s.page().id == "motif-vol");
        const auto f = s.activate("confirmer-motif");
        CHECK(f.mistake == "wrong-motif");
        CHECK(contains(f.coach, "le bon motif est « Perte »"));
    }
}

TEST_CASE("ANTS: a wrong stamp number is refused", "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "timbre");
    s.set_value("numero-timbre", "4021 7733 1598 2605");
    const auto f = s.activate("continuer");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.at("numero-timbre") ==
          "Ce numéro de timbre fiscal n'est pas reconnu. Vérifiez les 16 chiffres.");
    CHECK(f.mistake == "numero-timbre:mismatch");
}

TEST_CASE("ANTS: date of birth in the future or impossible", "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "etat-civil");
    s.set_value("nom", "BERTIN");
    s.set_value("prenoms", "Nadia");
    s.set_value("taille", "164");
    s.set_value("commune-naissance", "Lyon");
    s.set_value("departement-naissance", "69");
    s.set_value("pays-naissance", "france");

    SECTION("in the future") {
        s.set_value("date-naissance", "14/11/2087");
        const auto f = s.activate("continuer");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.size() == 1);
        CHECK(f.field_errors.at("date-naissance") == "La date de naissance ne peut pas être dans le futur.");
        CHECK(f.mistake == "date-naissance:future");
        CHECK(f.coach ==
              "Cette date est dans le futur : personne n'est encore né à cette date ! Vérifiez l'année sur "
              "la fiche "
              "de Nadia : 1987.");
    }
    SECTION("a day that does not exist") {
        s.set_value("date-naissance", "31/11/1987");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("date-naissance") == "La date de naissance n'est pas valide.");
        CHECK(f.mistake == "date-naissance:format");
    }
    SECTION("a real date that is not Nadia's") {
        s.set_value("date-naissance", "11/14/1987");  // month and day swapped: not even a date
        auto f = s.activate("continuer");
        CHECK(f.mistake == "date-naissance:format");
        s.set_value("date-naissance", "14/11/1978");
        f = s.activate("continuer");
        CHECK(f.field_errors.at("date-naissance") == "Vérifiez votre date de naissance.");
        CHECK(f.mistake == "date-naissance:mismatch");
    }
}

TEST_CASE("ANTS: address and contact checks", "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "adresse");
    CHECK(
        shows(s, Block::Kind::Alert,
              "Votre numéro de portable sert uniquement à vous envoyer un SMS quand votre titre est prêt."));
    s.set_value("adresse", "8 rue des Tilleuls");
    s.set_value("commune", "Valbourg");
    s.set_value("code-postal", "2610");
    s.set_value("telephone", "06 12 34 56");
    const auto f = s.activate("continuer");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.at("code-postal") == "Le code postal doit comporter 5 chiffres.");
    CHECK(f.field_errors.at("telephone") == "Le format de numéro de téléphone saisie n’est pas valide.");
    CHECK(f.mistake == "code-postal:format");
}

TEST_CASE("ANTS: upload of the proof of address, too large, wrong format, then the right file",
          "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "justificatif");

    auto f = s.activate("continuer");
    CHECK(f.field_errors.at("justificatif") == "Aucun fichier sélectionné");

    s.set_value("justificatif", "photo-lourde");
    f = s.activate("continuer");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.at("justificatif") ==
          "Le fichier photo-facture.jpg est trop volumineux. Taille max. : 5 Mo");
    CHECK(f.mistake == "justificatif:too-large");
    CHECK(contains(f.coach, "Cette photo est trop lourde pour le site"));

    s.set_value("justificatif", "scan-heic");
    f = s.activate("continuer");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.at("justificatif") ==
          "Le fichier facture-telephone.heic a une extension invalide. Extensions acceptées : pdf, jpg, png");
    CHECK(f.mistake == "justificatif:wrong-format");
    CHECK(contains(f.coach, "Le site n'accepte pas les fichiers « .heic »"));

    s.set_value("justificatif", "justificatif");
    f = s.activate("continuer");
    CHECK(f.moved);
    CHECK(f.field_errors.empty());
    CHECK(s.page().id == "validation");
    CHECK(s.totals().mistakes == 3);
}

TEST_CASE("ANTS: the town hall checks the pre-request number", "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "rdv-informations");
    const std::string reference = s.reference();
    s.set_value("prenom", "Nadia");
    s.set_value("nom", "BERTIN");
    s.set_value("telephone", "06 12 34 56 78");

    SECTION("9 characters") {
        s.set_value("numero-ants", reference.substr(0, 9));
        const auto f = s.activate("continuer");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.at("numero-ants") ==
              "Numéro de pré-demande ANTS doit comporter 10 chiffres et lettres");
        CHECK(f.mistake == "numero-ants:format");
        CHECK(contains(f.coach, "Le numéro de pré-demande a exactement 10 caractères"));
    }
    SECTION("a dash inside") {
        s.set_value("numero-ants", reference.substr(0, 5) + "-" + reference.substr(5));
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("numero-ants") ==
              "Numéro de pré-demande ANTS doit comporter 10 chiffres et lettres");
    }
    SECTION("10 characters, but not this pre-request's") {
        std::string other = reference;
        other[0] = other[0] == 'A' ? 'B' : 'A';
        s.set_value("numero-ants", other);
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("numero-ants") ==
              "Numéro de pré-demande ANTS n'a pas été trouvé. Vérifiez le numéro de votre pré-demande.");
        CHECK(f.mistake == "numero-ants:mismatch");
    }
    SECTION("typed in lower case with spaces: accepted, as the site upper-cases it") {
        std::string typed;
        for (std::size_t i = 0; i < reference.size(); ++i) {
            typed += static_cast<char>(std::tolower(static_cast<unsigned char>(reference[i])));
            if (i == 4) {
                typed += ' ';
            }
        }
        s.set_value("numero-ants", typed);
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.empty());
        CHECK(s.page().id == "rdv-usager");
    }
}

TEST_CASE("ANTS: a wrong SMS code, then a new code", "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "rdv-confirmation");
    const std::string code = last_sms_code(s);

    std::string wrong = code;
    wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
    s.set_value("code", wrong);
    auto f = s.activate("confirmer");
    CHECK_FALSE(f.moved);
    CHECK(f.field_errors.at("code") == "Le code de confirmation est incorrect.");
    CHECK(f.mistake == "code:code");
    CHECK(contains(f.coach, "Ce n'est pas le code reçu."));
    CHECK_FALSE(s.finished());

    // « Renvoyer un code »: a new SMS; only the last code works.
    s.activate("renvoyer");
    REQUIRE(s.sms().size() == 2);
    const std::string fresh = last_sms_code(s);
    if (fresh != code) {
        s.set_value("code", code);
        f = s.activate("confirmer");
        CHECK(f.mistake == "code:code");
    }
    s.set_value("code", fresh);
    f = s.activate("confirmer");
    CHECK(f.finished);
}

TEST_CASE("ANTS: the session expires after 20 minutes without a click, with a warning first",
          "[procedure][ants]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "etat-civil");
    s.set_value("nom", "BERTIN");  // typing is not an action: it does not keep the session alive

    run.clock.now += 1000s;
    CHECK(s.time_state() == ScenarioSession::TimeState::Running);
    run.clock.now += 30s;
    CHECK(s.time_state() == ScenarioSession::TimeState::Warning);
    s.extend();  // « Rester connecté »
    CHECK(s.time_state() == ScenarioSession::TimeState::Running);

    run.clock.now += 1200s;
    CHECK(s.time_state() == ScenarioSession::TimeState::Expired);
    const auto f = s.poll_time();
    CHECK(f.moved);
    CHECK(f.mistake == "timeout");
    CHECK(contains(f.coach, "par sécurité, le site ferme la session au bout de quelques minutes"));
    CHECK(s.page().id == "session-expiree");
    CHECK(shows(s, Block::Kind::Alert, "Votre session a expiré. Veuillez vous reconnecter."));

    s.activate("reconnecter");
    CHECK(s.page().id == "ants-connexion");
}

TEST_CASE("ANTS: the autonomy check gives no help and no coaching", "[procedure][ants]") {
    Run run(ScenarioMode::Check);
    ScenarioSession& s = *run.session;
    CHECK(s.current_guide() == nullptr);
    CHECK_FALSE(s.next_hint().has_value());
    const auto f = s.activate("annonce");
    CHECK(f.mistake == "lookalike-site");
    CHECK(f.coach.empty());
}

TEST_CASE("ANTS: guided mode highlights the next target and its hints get more explicit",
          "[procedure][ants]") {
    Run run(ScenarioMode::Guided);
    ScenarioSession& s = *run.session;
    play_until(s, "rdv-informations");
    s.set_value("prenom", "Nadia");
    s.set_value("nom", "BERTIN");
    REQUIRE(s.current_guide() != nullptr);
    CHECK(s.current_guide()->target == "numero-ants");
    CHECK_FALSE(s.next_hint().value().empty());
    CHECK_FALSE(s.next_hint().value().empty());
    CHECK(s.next_hint() == "Tapez " + s.reference() + ".");
}
