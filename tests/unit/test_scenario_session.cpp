// The scenario engine, headless: what the learner sees after each action on a small simulated
// site built here in C++ (so that these tests do not depend on the loader), and what the
// progress store keeps.
#include "core/progress_store.hpp"
#include "core/scenario_session.hpp"
#include "scenario_test_support.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

using namespace pasapas::core;
using pasapas::test::FakeClock;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// ---- A tiny scenario builder ------------------------------------------------------------------

Field field(std::string id, FieldType type, FieldCheck check = FieldCheck::None, std::string expect = {}) {
    Field out;
    out.id = std::move(id);
    out.type = type;
    out.label = out.id;
    out.check = check;
    out.expect = std::move(expect);
    return out;
}

Field& error(Field& f, std::string on, std::string message, bool global = false) {
    f.errors.push_back({std::move(on), std::move(message), global});
    return f;
}

PageAction button(std::string id, std::string go_to) {
    PageAction out;
    out.id = std::move(id);
    out.label = out.id;
    out.go_to = std::move(go_to);
    return out;
}

PageAction link(std::string id, std::string go_to, std::string mistake = {}) {
    PageAction out = button(std::move(id), std::move(go_to));
    out.kind = ActionKind::Link;
    out.style = ActionStyle::Link;
    out.mistake = std::move(mistake);
    return out;
}

Page page(std::string id) {
    Page out;
    out.id = std::move(id);
    out.site = "service-public.fr";
    out.url = "https://www.service-public.fr/" + out.id;
    out.title = out.id;
    return out;
}

Scenario demo() {
    Scenario s;
    s.id = "demo-acte";
    s.title = "Demander un acte";
    s.persona.facts = {{"prenom", "Prénom", "Camille"},
                       {"nom", "Nom", "Exemple"},
                       {"nir", "Numéro de sécurité sociale", "2 56 03 26 123 456 19"},
                       {"numero_fiscal", "Numéro fiscal", "3012456789391"},
                       {"mdp", "Mot de passe", "Tournesol-26"}};
    s.documents = {{"justificatif", "justificatif-domicile.pdf", 420, {}, {}},
                   {"photo-lourde", "photo-telephone.jpg", 14500, {}, {}},
                   {"scan-heic", "scan-carte.heic", 900, {}, {}}};
    s.session = {1200, 120, "expiree"};
    s.start_page = "accueil";

    Page accueil = page("accueil");
    accueil.guides.push_back(
        {"connexion",
         "Cliquez sur « Se connecter ».",
         {"Le bouton est en haut de la page.", "Cliquez sur le bouton bleu « Se connecter »."}});
    accueil.actions = {button("connexion", "identite"), link("annonce", "", "lookalike-site"),
                       link("mauvais-compte", "faux-site", "wrong-provider")};
    accueil.coaching.push_back(
        {"lookalike-site", "Ce site est payant : regardez l'adresse, elle ne finit pas par .gouv.fr."});

    Page identite = page("identite");
    identite.guides = {{"nom", "Tapez le nom de {persona.prenom}.", {"Il est sur la fiche."}},
                       {"nir", "Tapez le numéro de sécurité sociale.", {}},
                       {"continuer", "Cliquez sur « Continuer ».", {}}};
    Field nom = field("nom", FieldType::Text, FieldCheck::None, "{persona.nom}");
    error(nom, "required", "Le nom est requis.");
    Field nir = field("nir", FieldType::Text, FieldCheck::Nir, "{persona.nir}");
    error(nir, "format", "Le numéro de sécurité sociale est invalide.");
    error(nir, "key", "La clé de contrôle est invalide.");
    Field fiscal =
        field("numero-fiscal", FieldType::Text, FieldCheck::NumeroFiscal, "{persona.numero_fiscal}");
    error(fiscal, "format", "Le numéro fiscal doit comporter 13 chiffres.");
    error(fiscal, "mismatch", "Identifiant ou mot de passe incorrect.", true);
    Field mdp = field("mdp", FieldType::Password, FieldCheck::None, "{persona.mdp}");
    error(mdp, "mismatch", "Identifiant ou mot de passe incorrect.", true);
    Field naissance = field("naissance", FieldType::Date, FieldCheck::PastDate);
    error(naissance, "future", "La date ne peut pas être dans le futur.");
    Field email = field("email", FieldType::Email, FieldCheck::Email);
    email.optional = true;
    Field type = field("type-acte", FieldType::Radio);
    type.options = {{"copie", "Copie intégrale"}, {"extrait", "Extrait"}};
    identite.fields = {nom, nir, fiscal, mdp, naissance, email, type};
    PageAction continuer = button("continuer", "document");
    continuer.branches.push_back({"type-acte", "extrait", "telephone"});
    identite.actions = {continuer};
    identite.coaching.push_back(
        {"nir:key", "Regardez les deux derniers chiffres sur la fiche de {persona.prenom}."});
    identite.coaching.push_back({"timeout", "Le site vous a déconnecté : recommencez, {persona.prenom}."});

    Page document = page("document");
    Field piece = field("piece", FieldType::File);
    piece.accept = {"pdf", "jpg", "png"};
    piece.max_kb = 5120;
    error(piece, "too-large", "Le fichier {name} est trop volumineux. Taille max. : {max}");
    document.fields = {piece};
    document.actions = {button("envoyer", "telephone")};

    Page telephone = page("telephone");
    OutgoingMessage sms;
    sms.from = "38660";
    sms.body = "Votre code de vérification : {code}. Dossier {reference}.";
    OutgoingMessage mail;
    mail.channel = OutgoingMessage::Channel::Mail;
    mail.spam = true;
    mail.from = "ne-pas-repondre@service.example";
    mail.subject = "Activez votre compte, {persona.prenom}";
    mail.body = "Bonjour {persona.prenom}, cliquez sur le lien.";
    mail.link = "activation";
    mail.link_label = "Activer mon compte";
    telephone.sends = {sms, mail};
    telephone.guides.push_back({"@phone", "Regardez le téléphone.", {}});
    telephone.guides.push_back({"code", "Tapez le code reçu.", {}});
    telephone.fields = {field("code", FieldType::Code, FieldCheck::Code)};
    telephone.actions = {button("valider", "fin")};

    Page activation = page("activation");
    activation.actions = {button("continuer", "fin")};

    Page fin = page("fin");
    fin.end = true;
    fin.timed = false;
    fin.blocks.push_back({Block::Kind::Qr, "{reference}", {}, {}, 0, 0, 0});

    Page expiree = page("expiree");
    expiree.timed = false;
    expiree.actions = {link("recommencer", "accueil")};

    Page faux = page("faux-site");
    faux.url = "https://www.acte-naissance-express.example";

    s.pages = {accueil, identite, document, telephone, activation, fin, expiree, faux};
    return s;
}

constexpr CalendarDate kToday{2025, 6, 15};

void fill_identity(ScenarioSession& s) {
    s.set_value("nom", "exemple");  // case and spaces do not matter for text
    s.set_value("nir", "2 56 03 26 123 456 19");
    s.set_value("numero-fiscal", "3012456789391");
    s.set_value("mdp", "Tournesol-26");
    s.set_value("naissance", "12/03/1956");
    s.set_value("type-acte", "copie");
}

std::string code_in(const std::string& sms) {
    const auto at = sms.find(": ");
    return sms.substr(at + 2, 6);
}

using pasapas::test::TempDir;

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("Happy path: from the home page to the receipt", "[scenario]") {
    const Scenario scenario = demo();
    FakeClock clock;
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 42, clock.clock());
    s.set_today(kToday);
    CHECK(s.page().id == "accueil");
    CHECK_FALSE(s.can_go_back());
    REQUIRE(s.reference().size() == 10);
    for (const char c : s.reference()) {
        CHECK(((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')));
    }

    auto f = s.activate("connexion");
    CHECK(f.moved);
    CHECK(f.mistake.empty());
    CHECK(s.page().id == "identite");
    fill_identity(s);
    f = s.activate("continuer");
    CHECK(f.field_errors.empty());
    CHECK(f.alert.empty());
    CHECK(f.coach.empty());
    CHECK(s.page().id == "document");

    s.set_value("piece", "justificatif");
    CHECK(s.activate("envoyer").moved);
    CHECK(s.page().id == "telephone");
    REQUIRE(s.sms().size() == 1);
    CHECK(s.sms()[0].from == "38660");
    const std::string code = code_in(s.sms()[0].body);
    CHECK(s.sms()[0].body == "Votre code de vérification : " + code + ". Dossier " + s.reference() + ".");
    s.set_value("code", code);
    f = s.activate("valider");
    CHECK(f.moved);
    CHECK(f.finished);
    CHECK(s.finished());
    CHECK(s.page().id == "fin");
    CHECK(s.expand(s.page().blocks[0].text) == s.reference());
    CHECK(s.totals().mistakes == 0);
    CHECK(s.level() == AutonomyLevel::Autonomous);
    CHECK(s.time_state() == ScenarioSession::TimeState::Running);  // the receipt is not timed
}

TEST_CASE("The same seed gives the same reference and codes; another seed does not", "[scenario]") {
    const Scenario scenario = demo();
    ScenarioSession a(scenario, ScenarioMode::Practice, nullptr, 0, 7);
    ScenarioSession b(scenario, ScenarioMode::Practice, nullptr, 0, 7);
    ScenarioSession c(scenario, ScenarioMode::Practice, nullptr, 0, 8);
    CHECK(a.reference() == b.reference());
    CHECK(a.reference() != c.reference());
}

TEST_CASE("Each error kind shows the site's exact message under its field", "[scenario][errors]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
    s.set_today(kToday);
    s.activate("connexion");

    SECTION("required, with the page's own coaching default") {
        fill_identity(s);
        s.set_value("nom", "  ");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors == std::map<std::string, std::string>{{"nom", "Le nom est requis."}});
        CHECK(f.mistake == "nom:required");
        CHECK(f.coach == "A box the site needs is still empty. Fill it in, then press the button again.");
        CHECK_FALSE(f.moved);
        CHECK(s.page().id == "identite");
        CHECK(s.value("nir") == "2 56 03 26 123 456 19");  // what was typed stays on the page
    }
    SECTION("format: a 12-digit tax number") {
        fill_identity(s);
        s.set_value("numero-fiscal", "301245678939");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("numero-fiscal") == "Le numéro fiscal doit comporter 13 chiffres.");
        CHECK(f.mistake == "numero-fiscal:format");
    }
    SECTION("key: a wrong NIR key, coached with the persona's name") {
        fill_identity(s);
        s.set_value("nir", "2 56 03 26 123 456 18");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("nir") == "La clé de contrôle est invalide.");
        CHECK(f.mistake == "nir:key");
        CHECK(f.coach == "Regardez les deux derniers chiffres sur la fiche de Camille.");
    }
    SECTION("format: a NIR with letters") {
        fill_identity(s);
        s.set_value("nir", "2 56 O3 26 123 456 19");
        CHECK(s.activate("continuer").field_errors.at("nir") ==
              "Le numéro de sécurité sociale est invalide.");
    }
    SECTION("future: a birth date in the future") {
        fill_identity(s);
        s.set_value("naissance", "12/03/2056");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("naissance") == "La date ne peut pas être dans le futur.");
        CHECK(f.mistake == "naissance:future");
        CHECK(f.coach == "This date is in the future. Check the year.");
    }
    SECTION("format without a site message: the plain default; 31/02 is not a date") {
        fill_identity(s);
        s.set_value("naissance", "31/02/2023");
        CHECK(s.activate("continuer").field_errors.at("naissance") == "The format is not valid.");
    }
    SECTION("an optional field is checked only when filled") {
        fill_identity(s);
        s.set_value("email", "camille.exemple");
        CHECK(s.activate("continuer").field_errors.at("email") == "The format is not valid.");
    }
    SECTION("several fields wrong: each shows its first error; the first field is the mistake") {
        s.set_value("nir", "256032612345");
        const auto f = s.activate("continuer");
        CHECK(f.field_errors.at("nom") == "Le nom est requis.");
        CHECK(f.field_errors.at("nir") == "Le numéro de sécurité sociale est invalide.");
        CHECK(f.field_errors.at("naissance") == "This field is required.");
        CHECK(f.field_errors.at("type-acte") == "This field is required.");
        CHECK(f.field_errors.count("email") == 0);
        CHECK(f.mistake == "nom:required");
        CHECK(s.totals().mistakes == 1);  // one press of the button, one mistake
    }
}

TEST_CASE("A wrong password shows the login form's global alert, not a message under the field",
          "[scenario][errors]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
    s.set_today(kToday);
    s.activate("connexion");
    fill_identity(s);
    s.set_value("mdp", "tournesol-26");  // passwords are compared exactly
    auto f = s.activate("continuer");
    CHECK(f.alert == "Identifiant ou mot de passe incorrect.");
    CHECK(f.field_errors.empty());
    CHECK(f.mistake == "mdp:mismatch");
    CHECK(f.coach == "This is not what your identity sheet says. Compare them carefully.");

    s.set_value("mdp", "Tournesol-26");
    s.set_value("numero-fiscal", "1098765432457");  // a valid number, but not Camille's
    f = s.activate("continuer");
    CHECK(f.alert == "Identifiant ou mot de passe incorrect.");
    CHECK(f.mistake == "numero-fiscal:mismatch");
}

TEST_CASE("File uploads: too large and wrong format, with the file's name and the limits",
          "[scenario][errors]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
    s.set_today(kToday);
    s.activate("connexion");
    fill_identity(s);
    s.activate("continuer");
    REQUIRE(s.page().id == "document");

    s.set_value("piece", "photo-lourde");
    auto f = s.activate("envoyer");
    CHECK(f.field_errors.at("piece") ==
          "Le fichier photo-telephone.jpg est trop volumineux. Taille max. : 5 Mo");
    CHECK(f.mistake == "piece:too-large");

    s.set_value("piece", "scan-heic");
    f = s.activate("envoyer");
    CHECK(f.field_errors.at("piece") ==
          "The file scan-carte.heic is not in an accepted format. Accepted formats: pdf, jpg, png.");
    CHECK(f.mistake == "piece:wrong-format");

    s.set_value("piece", "justificatif");
    CHECK(s.activate("envoyer").moved);
    CHECK(s.totals().mistakes == 2);
}

TEST_CASE("Buttons follow the first matching branch", "[scenario]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
    s.set_today(kToday);
    s.activate("connexion");
    fill_identity(s);
    s.set_value("type-acte", "extrait");
    CHECK(s.activate("continuer").moved);
    CHECK(s.page().id == "telephone");
}

TEST_CASE("Trap links count a mistake and coach, except in the autonomy check", "[scenario][links]") {
    const Scenario scenario = demo();
    SECTION("practice") {
        ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
        auto f = s.activate("annonce");
        CHECK(f.mistake == "lookalike-site");
        CHECK(f.coach == "Ce site est payant : regardez l'adresse, elle ne finit pas par .gouv.fr.");
        CHECK_FALSE(f.moved);
        CHECK(s.page().id == "accueil");

        f = s.activate("mauvais-compte");  // no <coach> for it: a kind default
        CHECK(f.mistake == "wrong-provider");
        CHECK(f.coach == "This is not the right way to go. Take a moment to look at the page again.");
        CHECK(f.moved);
        CHECK(s.page().id == "faux-site");
        CHECK(s.totals().mistakes == 2);
    }
    SECTION("autonomy check") {
        ScenarioSession s(scenario, ScenarioMode::Check, nullptr, 0, 1);
        auto f = s.activate("annonce");
        CHECK(f.mistake == "lookalike-site");
        CHECK(f.coach.empty());
        s.set_today(kToday);
        s.activate("connexion");
        s.set_value("nir", "256032612345618");
        f = s.activate("continuer");
        CHECK(f.mistake == "nom:required");
        CHECK(f.field_errors.at("nir") == "La clé de contrôle est invalide.");  // the site still speaks
        CHECK(f.coach.empty());
        CHECK(s.totals().mistakes == 2);
    }
}

TEST_CASE("Back returns to the previous page; leaving a page clears what was typed", "[scenario]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
    CHECK_FALSE(s.back().moved);  // nothing before the first page
    s.activate("connexion");
    s.set_value("nom", "Exemple");
    CHECK(s.can_go_back());
    const auto f = s.back();
    CHECK(f.moved);
    CHECK(s.page().id == "accueil");
    CHECK_FALSE(s.can_go_back());
    s.activate("connexion");
    CHECK(s.value("nom").empty());
}

TEST_CASE("SMS codes: a wrong code is refused, the code just sent is accepted", "[scenario][sms]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 99);
    s.set_today(kToday);
    s.activate("connexion");
    fill_identity(s);
    s.set_value("type-acte", "extrait");
    s.activate("continuer");
    REQUIRE(s.sms().size() == 1);
    const std::string code = code_in(s.sms()[0].body);
    REQUIRE(code.size() == 6);
    s.set_value("code", code == "000000" ? "111111" : "000000");
    auto f = s.activate("valider");
    CHECK(f.field_errors.at("code") == "This code is not the one that was sent.");
    CHECK(f.mistake == "code:code");
    CHECK(f.coach ==
          "Type the code you have just received on the phone or in the mailbox, exactly as it is.");
    s.set_value("code", code.substr(0, 3) + " " + code.substr(3));  // spaces typed inside are fine
    CHECK(s.activate("valider").finished);
}

TEST_CASE("A mail lands in spam; its link opens the activation page", "[scenario][mail]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1);
    s.set_today(kToday);
    s.activate("connexion");
    fill_identity(s);
    s.set_value("type-acte", "extrait");
    s.activate("continuer");
    REQUIRE(s.mails().size() == 1);
    const auto& mail = s.mails()[0];
    CHECK(mail.spam);
    CHECK(mail.subject == "Activez votre compte, Camille");
    CHECK(mail.body == "Bonjour Camille, cliquez sur le lien.");
    CHECK(mail.link_label == "Activer mon compte");
    CHECK_FALSE(mail.read);
    CHECK_FALSE(s.follow_mail_link(5).moved);  // no such mail
    const auto f = s.follow_mail_link(0);
    CHECK(f.moved);
    CHECK(s.page().id == "activation");
    CHECK(s.mails()[0].read);
}

TEST_CASE("Session time-out: warning, « Rester connecté », then the expired page", "[scenario][timeout]") {
    const Scenario scenario = demo();
    FakeClock clock;
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1, clock.clock());
    s.activate("connexion");
    s.set_value("nom", "Exemple");
    using TimeState = ScenarioSession::TimeState;
    CHECK(s.time_state() == TimeState::Running);
    CHECK(s.seconds_left() == 1200);

    clock.now += 1079s;
    CHECK(s.time_state() == TimeState::Running);
    CHECK(s.poll_time().mistake.empty());
    clock.now += 1s;
    CHECK(s.time_state() == TimeState::Warning);
    CHECK(s.seconds_left() == 120);
    s.extend();
    CHECK(s.time_state() == TimeState::Running);
    CHECK(s.seconds_left() == 1200);

    clock.now += 500s;
    s.set_value("nir", "256");  // typing is not an action for the site
    clock.now += 700s;
    CHECK(s.time_state() == TimeState::Expired);
    CHECK(s.seconds_left() == 0);
    const auto f = s.poll_time();
    CHECK(f.mistake == "timeout");
    CHECK(f.moved);
    CHECK(f.coach == "Le site vous a déconnecté : recommencez, Camille.");
    CHECK(s.page().id == "expiree");
    CHECK(s.totals().mistakes == 1);
    CHECK(s.value("nom").empty());
    // The expired page is not timed.
    clock.now += 5000s;
    CHECK(s.time_state() == TimeState::Running);
    CHECK(s.seconds_left() == -1);
    CHECK(s.poll_time().mistake.empty());
    CHECK(s.activate("recommencer").moved);
    CHECK(s.page().id == "accueil");
}

TEST_CASE("A click after the time-out reaches an expired session; no coaching in the check",
          "[scenario][timeout]") {
    const Scenario scenario = demo();
    FakeClock clock;
    ScenarioSession s(scenario, ScenarioMode::Check, nullptr, 0, 1, clock.clock());
    clock.now += 1200s;
    const auto f = s.activate("connexion");
    CHECK(f.mistake == "timeout");
    CHECK(f.coach.empty());
    CHECK(s.page().id == "expiree");
}

TEST_CASE("Guides follow the targets done and hints escalate", "[scenario][guidance]") {
    const Scenario scenario = demo();
    SECTION("guided") {
        ScenarioSession s(scenario, ScenarioMode::Guided, nullptr, 0, 1);
        s.set_today(kToday);
        REQUIRE(s.current_guide() != nullptr);
        CHECK(s.current_guide()->target == "connexion");
        CHECK(s.instruction() == "Cliquez sur « Se connecter ».");
        CHECK(s.next_hint() == std::optional<std::string>("Le bouton est en haut de la page."));
        CHECK(s.next_hint() == std::optional<std::string>("Cliquez sur le bouton bleu « Se connecter »."));
        CHECK_FALSE(s.next_hint());
        CHECK(s.totals().hints == 2);

        s.activate("connexion");
        CHECK(s.current_guide()->target == "nom");
        CHECK(s.instruction() == "Tapez le nom de Camille.");
        s.set_value("nom", "Exemplaire");  // not Camille's name: not done
        CHECK(s.current_guide()->target == "nom");
        s.set_value("nom", "EXEMPLE");
        CHECK(s.current_guide()->target == "nir");
        CHECK_FALSE(s.next_hint());  // this guide has no hint
        s.set_value("nir", "256032612345618");
        CHECK(s.current_guide()->target == "nir");
        s.set_value("nir", "256032612345619");
        CHECK(s.current_guide()->target == "continuer");

        fill_identity(s);
        s.set_value("type-acte", "extrait");
        s.activate("continuer");
        REQUIRE(s.page().id == "telephone");
        CHECK(s.current_guide()->target == "@phone");
        s.mark_used("@phone");
        CHECK(s.current_guide()->target == "code");
        s.set_value("code", code_in(s.sms()[0].body));
        CHECK(s.current_guide() == nullptr);
        CHECK(s.instruction().empty());
        CHECK(s.activate("valider").finished);
        CHECK(s.level() == AutonomyLevel::WithGuidance);
    }
    SECTION("no guide and no hint in the autonomy check") {
        ScenarioSession s(scenario, ScenarioMode::Check, nullptr, 0, 1);
        CHECK(s.current_guide() == nullptr);
        CHECK(s.instruction().empty());
        CHECK_FALSE(s.next_hint());
        CHECK(s.totals().hints == 0);
    }
}

namespace {
// Plays the whole procedure with `mistakes` wrong presses first, and optionally one hint.
void play(ScenarioSession& s, int mistakes, bool hint) {
    s.set_today(kToday);
    if (hint) {
        s.next_hint();
    }
    for (int i = 0; i < mistakes; ++i) {
        s.activate("annonce");
    }
    s.activate("connexion");
    fill_identity(s);
    s.set_value("type-acte", "extrait");
    s.activate("continuer");
    s.set_value("code", code_in(s.sms().back().body));
    s.activate("valider");
}
}  // namespace

TEST_CASE("La Coop's levels, per mode", "[scenario][level]") {
    const Scenario scenario = demo();
    const auto level_after = [&](ScenarioMode mode, int mistakes, bool hint) {
        ScenarioSession s(scenario, mode, nullptr, 0, 3);
        play(s, mistakes, hint);
        REQUIRE(s.finished());
        return s.level();
    };
    CHECK(level_after(ScenarioMode::Check, 0, false) == AutonomyLevel::Autonomous);
    CHECK(level_after(ScenarioMode::Check, 2, false) == AutonomyLevel::Autonomous);
    CHECK(level_after(ScenarioMode::Check, 3, false) == AutonomyLevel::AutonomousWhenNeeded);
    CHECK(level_after(ScenarioMode::Practice, 0, false) == AutonomyLevel::Autonomous);
    CHECK(level_after(ScenarioMode::Practice, 0, true) == AutonomyLevel::AutonomousWhenNeeded);
    CHECK(level_after(ScenarioMode::Practice, 3, false) == AutonomyLevel::AutonomousWhenNeeded);
    CHECK(level_after(ScenarioMode::Guided, 0, false) == AutonomyLevel::WithGuidance);

    ScenarioSession unfinished(scenario, ScenarioMode::Check, nullptr, 0, 3);
    unfinished.activate("connexion");
    unfinished.leave();
    CHECK(unfinished.level() == AutonomyLevel::WithGuidance);
    CHECK(std::string(level_id(AutonomyLevel::WithGuidance)) == "avec_guidage");
    CHECK(std::string(level_id(AutonomyLevel::AutonomousWhenNeeded)) == "autonome_avec_guidage");
    CHECK(std::string(level_id(AutonomyLevel::Autonomous)) == "autonome");
}

TEST_CASE("{field.ID} shows what the learner submitted on an earlier page, as they saw it",
          "[scenario][recap]") {
    Scenario scenario = demo();
    Page& document = scenario.pages[2];
    REQUIRE(document.id == "document");
    Field certifie = field("certifie", FieldType::Checkbox);
    certifie.optional = true;
    Field date3 = field("naissance-bis", FieldType::Date3);
    date3.optional = true;
    document.fields.push_back(certifie);
    document.fields.push_back(date3);
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1, {}, [](const std::string& source) {
        if (source == "Oui") {
            return std::string("Yes");
        }
        return source == "Extrait" ? std::string("Extract") : source;
    });
    s.set_today(kToday);
    s.activate("connexion");
    fill_identity(s);
    s.set_value("nom", "  Exemple ");
    s.set_value("numero-fiscal", "3012456789392");  // wrong: the page stays, nothing is submitted
    REQUIRE_FALSE(s.activate("continuer").moved);
    CHECK(s.text("{field.nom}").empty());
    s.set_value("numero-fiscal", "3012456789391");
    s.set_value("email", "{reference}@exemple.fr");
    REQUIRE(s.activate("continuer").moved);
    REQUIRE(s.page().id == "document");

    CHECK(s.text("Nom : {field.nom}.") == "Nom : Exemple.");  // as typed, without the stray spaces
    CHECK(s.text("{field.type-acte}") == "Copie intégrale");  // the option's label, not "copie"
    CHECK(s.text("{field.naissance}") == "12/03/1956");
    // Typed braces are shown as typed, never read as a placeholder.
    CHECK(s.text("{field.email}") == "{reference}@exemple.fr");
    CHECK(s.text("{field.mdp}").empty());  // a password is never shown back
    CHECK(s.submitted("mdp").empty());
    CHECK(s.text("[{field.piece}]") == "[]");  // not submitted yet

    s.set_value("piece", "justificatif");
    s.set_value("certifie", "true");
    s.set_value("naissance-bis", "12/03/1956");
    REQUIRE(s.activate("envoyer").moved);
    CHECK(s.text("{field.piece}") == "justificatif-domicile.pdf");
    CHECK(s.text("{field.certifie}") == "Yes");  // through the content translator
    CHECK(s.text("{field.naissance-bis}") == "12/03/1956");
    s.set_value("code", code_in(s.sms().back().body));
    REQUIRE(s.activate("valider").finished);
    CHECK(s.text("{field.code}").empty());                      // nor a one-time code
    CHECK(s.text("{field.nom} {field.prenom}") == "Exemple ");  // unknown id: empty

    SECTION("going back and submitting again shows the new entry") {
        ScenarioSession again(scenario, ScenarioMode::Practice, nullptr, 0, 1);
        again.set_today(kToday);
        again.activate("connexion");
        fill_identity(again);
        REQUIRE(again.activate("continuer").moved);
        CHECK(again.text("{field.nom}") == "exemple");
        again.back();
        fill_identity(again);
        again.set_value("nom", "EXEMPLE");
        again.set_value("type-acte", "extrait");
        REQUIRE(again.activate("continuer").moved);
        CHECK(again.page().id == "telephone");
        CHECK(again.text("{field.nom}") == "EXEMPLE");
        CHECK(again.text("{field.type-acte}") == "Extrait");
    }
    SECTION("a page a branch skipped shows nothing; an unticked box shows « Non »") {
        ScenarioSession skipped(scenario, ScenarioMode::Practice, nullptr, 0, 1, {},
                                [](const std::string& source) { return source == "Non" ? "No" : source; });
        skipped.set_today(kToday);
        skipped.activate("connexion");
        fill_identity(skipped);
        skipped.set_value("type-acte", "extrait");
        REQUIRE(skipped.activate("continuer").moved);
        CHECK(skipped.text("[{field.piece}][{field.certifie}]") == "[][]");
        skipped.back();
        skipped.back();
        skipped.activate("connexion");
        fill_identity(skipped);
        REQUIRE(skipped.activate("continuer").moved);
        skipped.set_value("piece", "justificatif");
        REQUIRE(skipped.activate("envoyer").moved);
        CHECK(skipped.text("{field.certifie}") == "No");
        CHECK(skipped.text("[{field.naissance-bis}]") == "[]");  // optional and left empty
    }
}

TEST_CASE("Site texts go through the content translator before placeholders are replaced", "[scenario]") {
    const Scenario scenario = demo();
    ScenarioSession s(scenario, ScenarioMode::Practice, nullptr, 0, 1, {}, [](const std::string& source) {
        return source == "Le nom est requis." ? std::string("Name required, {persona.prenom}.") : source;
    });
    s.activate("connexion");
    CHECK(s.activate("continuer").field_errors.at("nom") == "Name required, Camille.");
}

TEST_CASE("Every action is an event in the store; nothing typed is kept", "[scenario][store]") {
    const Scenario scenario = demo();
    TempDir dir;
    const auto file = dir / "progress.db";
    const std::string secret = "Zorglub-Motdepasse-8841";
    LearnerId learner = 0;
    {
        ProgressStore store(file);
        learner = store.create_learner("Camille", "owl");
        FakeClock clock;
        ScenarioSession s(scenario, ScenarioMode::Check, &store, learner, 5, clock.clock());
        s.set_today(kToday);
        s.activate("annonce");
        clock.now += 3s;
        s.activate("connexion");
        fill_identity(s);
        s.set_value("mdp", secret);
        s.set_value("nom", "Quelquechosedetape");
        clock.now += 20s;
        s.activate("continuer");
        s.back();
        s.activate("connexion");
        fill_identity(s);
        s.activate("continuer");
        s.set_value("piece", "justificatif");
        s.activate("envoyer");
        s.set_value("code", code_in(s.sms().back().body));
        s.activate("valider");
        REQUIRE(s.finished());
        // Held in memory for {field.ID} during the run, so the scan below has something to miss.
        REQUIRE(s.text("{field.numero-fiscal}") == "3012456789391");
        s.leave();

        const auto events = store.events(learner, "demo-acte");
        std::vector<std::string> seen;
        for (const auto& event : events) {
            seen.push_back(event.action + " " + event.step_id +
                           (event.mistake.empty() ? "" : " " + event.mistake));
            CHECK(event.lesson_id == "demo-acte");
        }
        CHECK(seen == std::vector<std::string>{"attempt accueil lookalike-site", "attempt accueil",
                                               "step-done accueil", "attempt identite nom:mismatch",
                                               "attempt identite",  // back
                                               "attempt accueil", "step-done accueil", "attempt identite",
                                               "step-done identite", "attempt document", "step-done document",
                                               "attempt telephone", "step-done telephone", "lesson-done fin",
                                               "leave fin"});
        CHECK_FALSE(events[0].success);
        CHECK(events[1].success);
        CHECK(events[2].duration_ms == 3000);
        CHECK(events[3].step_index == 1);
        CHECK(store.progress(learner, "demo-acte").status == LessonStatus::Done);

        const auto results = store.scenario_results(learner);
        REQUIRE(results.size() == 1);  // recorded at the end, updated on leaving: one run, one row
        CHECK(results[0].scenario_id == "demo-acte");
        CHECK(results[0].mode == "check");
        CHECK(results[0].level == "autonome");
        CHECK(results[0].mistakes == 2);
        CHECK(results[0].hints == 0);
        CHECK(results[0].finished);
        CHECK(results[0].duration_ms == 23000);
        CHECK_FALSE(results[0].run.empty());
    }
    std::string bytes;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        bytes += read_bytes(fs::path(file.string() + suffix));
    }
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.find("Zorglub") == std::string::npos);
    CHECK(bytes.find("Quelquechosedetape") == std::string::npos);
    CHECK(bytes.find("3012456789391") == std::string::npos);
    CHECK(bytes.find("demo-acte") != std::string::npos);  // the probe does see what is stored

    ProgressStore reopened(file);
    CHECK(reopened.scenario_results(learner).size() == 1);
}

TEST_CASE("A learner who leaves midway gets a result and a hint event; guests keep nothing",
          "[scenario][store]") {
    const Scenario scenario = demo();
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto learner = store.create_learner("Camille", "owl");
    {
        ScenarioSession s(scenario, ScenarioMode::Practice, &store, learner, 5);
        s.next_hint();
        s.leave();
        s.leave();  // twice changes nothing
    }
    const auto events = store.events(learner);
    REQUIRE(events.size() == 2);
    CHECK(events[0].action == "hint");
    CHECK(events[0].hint_level == 1);
    CHECK(events[1].action == "leave");
    const auto results = store.scenario_results(learner);
    REQUIRE(results.size() == 1);
    CHECK(results[0].mode == "practice");
    CHECK(results[0].level == "avec_guidage");
    CHECK_FALSE(results[0].finished);
    CHECK(results[0].hints == 1);

    ScenarioSession guest(scenario, ScenarioMode::Practice, nullptr, 0, 5);
    guest.activate("connexion");
    guest.leave();
    CHECK(store.events(learner).size() == 2);
}

TEST_CASE("A version 2 progress file is migrated to the current version and keeps its data",
          "[scenario][store][migration]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
        const char* v2 = R"sql(
CREATE TABLE learners (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
    avatar TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, pin_hash TEXT, archived INTEGER NOT NULL DEFAULT 0);
CREATE TABLE lesson_progress (learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    lesson_id TEXT NOT NULL, status TEXT NOT NULL, current_step INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL, PRIMARY KEY (learner_id, lesson_id));
CREATE TABLE step_events (id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE, lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL, step_index INTEGER NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    success INTEGER NOT NULL, duration_ms INTEGER NOT NULL, uuid TEXT NOT NULL UNIQUE,
    mistake TEXT NOT NULL DEFAULT '', hint_level INTEGER NOT NULL DEFAULT 0);
CREATE INDEX step_events_by_learner ON step_events (learner_id, lesson_id);
CREATE TABLE learner_settings (learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (learner_id, key));
INSERT INTO learners (name, created_at) VALUES ('Ginette', '2025-03-04T09:12:30.250Z');
INSERT INTO step_events (learner_id, lesson_id, step_id, step_index, at, action, success, duration_ms, uuid)
    VALUES (1, 'mouse-first-clicks', 's1', 0, '2025-03-04T09:13:00.000Z', 'attempt', 1, 1200, 'u-1');
PRAGMA user_version = 2;
)sql";
        REQUIRE(sqlite3_exec(db, v2, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    ProgressStore store(file);
    CHECK(store.open_report().kind == OpenReport::Kind::Migrated);
    CHECK(store.open_report().from_version == 2);
    CHECK(ProgressStore::kSchemaVersion == 4);  // through 3, to the mediator console's tables
    const auto learners = store.learners();
    REQUIRE(learners.size() == 1);
    CHECK(learners[0].name == "Ginette");
    REQUIRE(store.events(learners[0].id).size() == 1);
    CHECK(store.scenario_results(learners[0].id).empty());

    ScenarioResult result;
    result.learner = learners[0].id;
    result.scenario_id = "acte-naissance";
    result.mode = "check";
    result.level = "autonome";
    result.mistakes = 1;
    result.finished = true;
    store.record_scenario_result(result);
    const auto results = store.scenario_results(learners[0].id);
    REQUIRE(results.size() == 1);
    CHECK(results[0].level == "autonome");
    CHECK(results[0].at.size() == 24);
    CHECK(results[0].run.size() == 36);
}

TEST_CASE("A time-out is an event of its own, on the page where it happened", "[scenario][store][timeout]") {
    const Scenario scenario = demo();
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto learner = store.create_learner("Camille", "owl");
    FakeClock clock;
    ScenarioSession s(scenario, ScenarioMode::Practice, &store, learner, 5, clock.clock());
    s.activate("connexion");
    clock.now += 1300s;
    REQUIRE(s.poll_time().moved);
    const auto events = store.events(learner);
    REQUIRE(events.size() == 3);
    CHECK(events[2].action == "timeout");
    CHECK(events[2].step_id == "identite");
    CHECK(events[2].mistake == "timeout");
    CHECK_FALSE(events[2].success);
    CHECK(events[2].duration_ms == 1300000);
}
