// The shipped criminal-record simulation (lessons/casier-judiciaire), loaded with the real loader
// and played headless: the free request for the bulletin n°3, which only counts once the link of
// the confirmation e-mail (delivered to the junk folder) is clicked; and each typical mistake with
// the exact text the learner sees.
#include "core/scenario_loader.hpp"
#include "core/scenario_session.hpp"
#include "scenario_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
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

constexpr CalendarDate kToday{2026, 3, 10};

void fill_etat_civil(ScenarioSession& s) {
    s.set_value("sexe", "masculin");
    s.set_value("nom-naissance", "MARCHAL");
    s.set_value("prenoms", "Yanis");
    s.set_value("date-naissance", "18/07/1985");
    s.set_value("pays-naissance", "france");
    s.set_value("departement", "75");
    s.set_value("commune-naissance", "Paris");
    s.set_value("nationalite", "francaise");
}

void fill_coordonnees(ScenarioSession& s) {
    s.set_value("adresse", "12 allée des Peupliers");
    s.set_value("code-postal", "26100");
    s.set_value("ville", "Valbourg");
    s.set_value("email", "yanis.marchal@exemple.fr");
    s.set_value("email-confirmation", "yanis.marchal@exemple.fr");
    s.set_value("mode-reception", "email");
}

using Step = std::function<void(ScenarioSession&)>;

const std::map<std::string, Step>& happy_steps() {
    static const std::map<std::string, Step> steps{
        {"recherche", [](ScenarioSession& s) { s.activate("resultat-sp"); }},
        {"sp-fiche", [](ScenarioSession& s) { s.activate("acceder"); }},
        {"cj-accueil", [](ScenarioSession& s) { s.activate("pour-moi"); }},
        {"etat-civil",
         [](ScenarioSession& s) {
             fill_etat_civil(s);
             s.activate("continuer");
         }},
        {"coordonnees",
         [](ScenarioSession& s) {
             fill_coordonnees(s);
             s.activate("continuer");
         }},
        {"recapitulatif",
         [](ScenarioSession& s) {
             s.set_value("certifie", "true");
             s.activate("valider");
         }},
    };
    return steps;
}

void play_until(ScenarioSession& s, const std::string& target) {
    for (int guard = 0; s.page().id != target && guard < 20; ++guard) {
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
    LoadResult loaded = load_shipped("casier-judiciaire");
    FakeClock clock;
    std::unique_ptr<ScenarioSession> session;

    explicit Run(ScenarioMode mode = ScenarioMode::Practice) {
        REQUIRE(loaded.problems.empty());
        REQUIRE(loaded.scenarios.size() == 1);
        session =
            std::make_unique<ScenarioSession>(loaded.scenarios.front(), mode, nullptr, 0, 23, clock.clock());
        session->set_today(kToday);
    }
};

}  // namespace

TEST_CASE("Casier judiciaire: the shipped scenario loads, with persona, card, time-out and checklist",
          "[procedure][casier]") {
    const auto loaded = load_shipped("casier-judiciaire");
    for (const auto& problem : loaded.problems) {
        UNSCOPED_INFO(problem.to_string());
    }
    REQUIRE(loaded.problems.empty());
    REQUIRE(loaded.scenarios.size() == 1);
    const Scenario& sc = loaded.scenarios.front();
    CHECK(sc.id == "casier-judiciaire");
    CHECK(sc.theme == "justice");
    CHECK(sc.start_page == "recherche");
    CHECK_FALSE(sc.persona.card.empty());
    CHECK(fs::exists(sc.persona.card));
    CHECK(sc.session.timeout_s == 1200);
    const auto& items = sc.checklist.items;
    CHECK(std::any_of(items.begin(), items.end(),
                      [](const std::string& item) { return contains(item, "7 500 €"); }));
    CHECK(std::any_of(items.begin(), items.end(),
                      [](const std::string& item) { return contains(item, "Courriels indésirables"); }));

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

TEST_CASE("Casier judiciaire: happy path, confirmed by the link of the e-mail found in the junk folder",
          "[procedure][casier]") {
    Run run(ScenarioMode::Check);
    ScenarioSession& s = *run.session;

    play_until(s, "cj-accueil");
    CHECK(s.page().url == "https://casier-judiciaire.justice.gouv.fr/");

    play_until(s, "recapitulatif");
    // The recap shows back what was typed and chosen.
    CHECK(shows(s, Block::Kind::Recap, "Masculin"));
    CHECK(shows(s, Block::Kind::Recap, "MARCHAL"));
    CHECK(shows(s, Block::Kind::Recap, "18/07/1985"));
    CHECK(shows(s, Block::Kind::Recap, "Paris (75), France"));
    CHECK(shows(s, Block::Kind::Recap, "12 allée des Peupliers, 26100 Valbourg"));
    CHECK(shows(s, Block::Kind::Recap, "yanis.marchal@exemple.fr"));
    CHECK(shows(s, Block::Kind::Recap, "Par courrier électronique"));

    play_until(s, "en-attente");
    CHECK_FALSE(s.finished());
    CHECK(shows(
        s, Block::Kind::Alert,
        "Votre demande ne sera prise en compte qu'après confirmation. Un courriel contenant un lien de "
        "confirmation et la référence de votre demande vient de vous être envoyé : cliquez sur ce lien."));
    REQUIRE(s.mails().size() == 1);
    const ReceivedMail& mail = s.mails().front();
    CHECK(mail.spam);  // « Courriels indésirables »
    CHECK(mail.subject == "Confirmez votre demande d'extrait de casier judiciaire");
    CHECK(contains(mail.body, "Votre référence : " + s.reference()));
    CHECK(mail.link == "confirmee");
    CHECK(mail.link_label == "Confirmer ma demande");

    const auto f = s.follow_mail_link(0);
    CHECK(f.moved);
    CHECK(f.finished);
    CHECK(s.finished());
    CHECK(s.mails().front().read);
    CHECK(s.page().id == "confirmee");
    CHECK(shows(s, Block::Kind::Alert, "Votre demande est confirmée. Elle va être traitée."));
    CHECK(shows(s, Block::Kind::Recap, s.reference()));
    CHECK(s.totals().mistakes == 0);
    CHECK(s.level() == AutonomyLevel::Autonomous);
}

TEST_CASE("Casier judiciaire: the paid look-alike (39 €) is a counted mistake, explained",
          "[procedure][casier]") {
    Run run;
    ScenarioSession& s = *run.session;
    const auto* ad = &s.page().actions.front();
    CHECK(ad->ad);
    CHECK(contains(ad->snippet, "39 €"));

    auto f = s.activate("annonce");
    CHECK(f.moved);
    CHECK(f.mistake == "lookalike-site");
    CHECK(f.coach ==
          "Attention, c'est une publicité pour un site payant ! Son adresse finit par « .gouv.com » et non "
          "par « "
          ".gouv.fr » : ce n'est pas un site de l'État. L'extrait de casier judiciaire est gratuit. Revenez "
          "aux "
          "résultats et choisissez service-public.fr.");
    CHECK(s.page().id == "faux-site");

    f = s.activate("payer");
    CHECK_FALSE(f.moved);
    CHECK(f.mistake == "paid-lookalike");
    CHECK(f.coach ==
          "Ne payez pas ! Ce site privé vous ferait payer 39 € pour une demande gratuite sur le site du "
          "ministère "
          "de la Justice. Revenez aux résultats de recherche.");

    s.activate("retour");
    CHECK(s.page().id == "recherche");
    s.activate("resultat-sp");
    CHECK(s.page().site == "service-public.fr");
}

TEST_CASE("Casier judiciaire: asking for someone else is explained with the 7 500 € fine",
          "[procedure][casier]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "cj-accueil");

    auto f = s.activate("pour-autre");
    CHECK(f.mistake == "someone-else");
    CHECK(
        f.coach ==
        "Attention : on ne peut pas demander l'extrait de casier judiciaire d'une autre personne, même d'un "
        "proche, même avec son accord. C'est puni d'une amende pouvant aller jusqu'à 7 500 €. Si un "
        "employeur "
        "demande l'extrait, c'est à la personne elle-même de le demander.");
    CHECK(s.page().id == "demande-tiers");
    CHECK(shows(
        s, Block::Kind::Alert,
        "Le bulletin n°3 ne peut être demandé que par la personne concernée, ou pour son enfant mineur ou un "
        "majeur sous sa tutelle. Le fait d'obtenir le bulletin n°3 d'une autre personne est puni d'une "
        "amende pouvant aller jusqu'à 7 500 €."));
    s.activate("revenir");
    CHECK(s.page().id == "cj-accueil");

    f = s.activate("pour-mineur");
    CHECK_FALSE(f.moved);
    CHECK(f.mistake == "not-for-yanis");
    CHECK(s.totals().mistakes == 2);
}

TEST_CASE("Casier judiciaire: date of birth in the future or badly written", "[procedure][casier]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "etat-civil");
    fill_etat_civil(s);

    SECTION("in the future") {
        s.set_value("date-naissance", "18/07/2085");
        const auto f = s.activate("continuer");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.size() == 1);
        CHECK(f.field_errors.at("date-naissance") ==
              "La date de naissance ne peut pas être postérieure à la date du jour.");
        CHECK(f.mistake == "date-naissance:future");
        CHECK(contains(f.coach, "Cette date est dans le futur"));
    }
    SECTION("with dashes") {
        s.set_value("date-naissance", "18-07-1985");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("date-naissance") == "La date de naissance doit être au format JJ/MM/AAAA.");
        CHECK(f.mistake == "date-naissance:format");
    }
    SECTION("a nom de naissance that is not Yanis's") {
        s.set_value("nom-naissance", "MARCHAND");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("nom-naissance") ==
              "Vérifiez votre nom de naissance : il doit être écrit comme sur votre acte de naissance.");
        CHECK(f.coach == "Ce n'est pas le nom de naissance de Yanis. Regardez sa fiche : MARCHAL.");
    }
}

TEST_CASE("Casier judiciaire: a typo in the e-mail address or its confirmation", "[procedure][casier]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "coordonnees");
    fill_coordonnees(s);

    SECTION("the confirmation differs") {
        s.set_value("email-confirmation", "yanis.marchal@exmple.fr");
        const auto f = s.activate("continuer");
        CHECK_FALSE(f.moved);
        CHECK(f.field_errors.size() == 1);
        CHECK(f.field_errors.at("email-confirmation") ==
              "Les deux adresses électroniques ne sont pas identiques.");
        CHECK(f.mistake == "email-confirmation:mismatch");
        CHECK(contains(f.coach, "Les deux adresses ne sont pas les mêmes"));
    }
    SECTION("the same typo twice") {
        s.set_value("email", "yanis.marchal@gmial.com");
        s.set_value("email-confirmation", "yanis.marchal@gmial.com");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("email") ==
              "Vérifiez votre adresse électronique : le lien de confirmation y sera envoyé.");
        CHECK(f.mistake == "email:mismatch");
        CHECK(contains(f.coach, "Yanis ne recevrait jamais le lien de confirmation"));
    }
    SECTION("no domain") {
        s.set_value("email", "yanis.marchal@exemple");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("email") == "Le format de l’adresse electronique saisie n’est pas valide.");
        CHECK(f.mistake == "email:format");
    }
    SECTION("no mode de réception") {
        s.set_value("mode-reception", "");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("mode-reception") == "Veuillez choisir un mode de réception.");
    }
}

TEST_CASE("Casier judiciaire: without the click on the e-mail link, the request stays pending",
          "[procedure][casier]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "en-attente");

    auto f = s.activate("suivre");
    CHECK(f.mistake == "not-confirmed");
    CHECK(f.coach ==
          "La demande n'est pas encore prise en compte : il faut d'abord cliquer sur le lien reçu par "
          "courriel. "
          "Ouvrez la messagerie de Yanis, regardez aussi dans « Courriels indésirables », et cliquez sur « "
          "Confirmer ma demande ».");
    CHECK(s.page().id == "suivi");
    CHECK_FALSE(s.finished());
    CHECK(shows(s, Block::Kind::Recap, "En attente de confirmation"));
    CHECK(shows(s, Block::Kind::Recap, s.reference()));

    // Guidance points to the mailbox until it is opened.
    REQUIRE(s.current_guide() != nullptr);
    CHECK(s.current_guide()->target == "@mail");

    f = s.follow_mail_link(0);
    CHECK(f.finished);
    CHECK(s.page().id == "confirmee");
}

TEST_CASE("Casier judiciaire: the form expires after 20 minutes without a click", "[procedure][casier]") {
    Run run;
    ScenarioSession& s = *run.session;
    play_until(s, "coordonnees");
    fill_coordonnees(s);

    run.clock.now += 1021s;
    CHECK(s.time_state() == ScenarioSession::TimeState::Warning);
    run.clock.now += 180s;
    // The click arrives on a site that has already closed the session.
    const auto f = s.activate("continuer");
    CHECK(f.mistake == "timeout");
    CHECK(contains(f.coach, "par sécurité, le site efface la demande au bout de quelques minutes"));
    CHECK(s.page().id == "session-expiree");
    CHECK(shows(s, Block::Kind::Alert,
                "Votre session a expiré. Les informations saisies n'ont pas été enregistrées."));
    s.activate("recommencer");
    CHECK(s.page().id == "cj-accueil");
}

TEST_CASE("Casier judiciaire: the autonomy check gives no coaching", "[procedure][casier]") {
    Run run(ScenarioMode::Check);
    ScenarioSession& s = *run.session;
    play_until(s, "cj-accueil");
    const auto f = s.activate("pour-autre");
    CHECK(f.mistake == "someone-else");
    CHECK(f.coach.empty());
    CHECK(s.current_guide() == nullptr);
}
