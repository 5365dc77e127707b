// The scenario loader against real files: the complete fixture must give a fully populated
// model, every broken fixture the one "file:line: reason" an author needs, and a broken
// scenario must never stop the lessons and scenarios beside it from loading.
#include "core/lesson_loader.hpp"
#include "core/scenario_loader.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using namespace pasapas::core;

namespace {

const fs::path kScenarios = fs::path(PASAPAS_FIXTURES_DIR) / "scenarios";

struct Expected {
    const char* name;
    int line;
    const char* reason;
};

// One fixture per failure (written by tests/fixtures/scenarios/make_scenarios.py); the reason
// is the first problem reported for that file.
const Expected kBroken[] = {
    {"accept-on-text", 17, "accept on <field> only applies to fields of type file"},
    {"alert-bad-kind", 18,
     "kind=\"danger\" on <alert> is not valid (expected info, warning, error, success)"},
    {"bad-item-id", 17, "id \"nom:famille\" may only use letters, digits, dashes and underscores"},
    {"card-missing", 11, "the picture \"carte.svg\" does not exist in the scenario folder"},
    {"card-outside", 11, "the picture \"../card-outside/carte.svg\" must be inside the scenario folder"},
    {"check-wrong-type", 17, "check=\"nir\" does not apply to a field of type \"date\""},
    {"coach-bad-error", 18,
     "coach on=\"nom:typo\": \"typo\" is not an error (expected required, format, key, future, too-large, "
     "wrong-format, code, mismatch)"},
    {"coach-unknown-field", 18, "coach on=\"prenom:key\": there is no field \"prenom\" on this page"},
    {"coach-unknown-mistake", 18,
     "coach on=\"lookalike-site\" matches no mistake of a button or link of this page (expected FIELD:ERROR, "
     "a mistake or timeout)"},
    {"code-check-on-text", 17, "check=\"code\" does not apply to a field of type \"text\""},
    {"digits-on-text", 17, "digits on <field> only applies to fields of type code"},
    {"doctype", 2, "a DOCTYPE is not allowed in a scenario file"},
    {"document-no-extension", 16,
     "the document name \"facture\" needs an extension that tells its format, like \"scan.pdf\""},
    {"document-no-kb", 16, "<document> has no kb attribute"},
    {"duplicate-document-id", 17, "two documents have the id \"facture\" (the other one is on line 16)"},
    {"duplicate-fact-key", 11, "two facts have the key \"prenom\" (the other one is on line 10)"},
    {"duplicate-item-id", 18,
     "two fields, buttons or links of this page have the id \"nom\" (the other one is on line 17)"},
    {"duplicate-page-id", 20, "two pages have the id \"accueil\" (the other one is on line 16)"},
    {"encoding-latin1", 1, "the file declares the encoding \"ISO-8859-1\"; scenario files must be UTF-8"},
    {"end-bad-value", 20, "end=\"oui\" on <page> is not valid (expected success)"},
    {"error-duplicate-key", 19, "two errors on=\"required\" for this field (the other one is on line 18)"},
    {"error-unknown-key", 18,
     "on=\"invalid\" on <error> is not valid (expected required, format, key, future, too-large, "
     "wrong-format, code, mismatch)"},
    {"expect-not-option", 17, "expect=\"vol\" is not the value of an <option> of this field"},
    {"fact-key-malformed", 11, "key \"Nom-Naissance\" may only use lower-case letters, digits and _"},
    {"field-placeholder-code", 22,
     "{field.code} names a password or one-time code field, whose value is never shown"},
    {"field-placeholder-password", 22,
     "{field.mdp} names a password or one-time code field, whose value is never shown"},
    {"field-placeholder-unknown", 21, "{field.prenom} names no field of any page"},
    {"file-bad-accept", 18,
     "accept=\"pdf;jpg\" on <field> must list file extensions separated by commas, like \"pdf,jpg,png\""},
    {"file-expect-unknown-document", 18,
     "expect=\"facture\": there is no document with that id in <documents>"},
    {"file-max-kb-zero", 18, "max-kb=\"0\" on <field> must be a whole number from 1 to 10000000"},
    {"format-missing", 2, "<scenario> has no format attribute (write format=\"1\")"},
    {"format-newer", 2,
     "this scenario needs a newer version of Pas à Pas (it uses format 2; this version reads format 1)"},
    {"goto-unknown", 18, "goto=\"fni\" on <button>: there is no page with that id"},
    {"guide-no-instruction", 17, "<guide> has no <instruction>"},
    {"guide-unknown-target", 17,
     "target \"prenom\" is not a field, button or link of this page (nor @phone, @mail, @documents or "
     "@address-bar)"},
    {"id-mismatch", 2, "id \"autre-demarche\" must equal the name of the scenario folder, \"id-mismatch\""},
    {"link-bad-kind", 19,
     "kind=\"bouton\" on <link> is not valid (expected link, tile, result, franceconnect)"},
    {"link-label-without-link", 18, "link-label on <send-mail> needs a link attribute"},
    {"link-no-goto", 19, "<link> needs a goto attribute (or a mistake, to stay on the page and count it)"},
    {"mail-bad-folder", 18, "folder=\"corbeille\" on <send-mail> is not valid (expected inbox, spam)"},
    {"mail-link-unknown", 18, "link=\"activation\" on <send-mail>: there is no page with that id"},
    {"malformed", 3, "the XML is malformed: a closing tag does not match the tag it closes"},
    {"missing-checklist", 2, "<scenario> has no <checklist>"},
    {"missing-persona", 2, "<scenario> has no <persona>"},
    {"mistake-malformed", 19, "mistake \"Faux_Site\" may only use lower-case letters, digits and dashes"},
    {"no-success-page", 15, "no page has end=\"success\", so the scenario could never be finished"},
    {"option-on-text", 18, "<option> only applies to fields of type select or radio"},
    {"persona-no-fact", 9, "<persona> has no <fact>"},
    {"placeholder-in-attribute", 17, "{persona.nir} names no fact of the <persona>"},
    {"placeholder-unclosed", 22, "a {persona.KEY} placeholder is not closed or its key is malformed"},
    {"placeholder-unknown", 21, "{persona.age} names no fact of the <persona>"},
    {"radio-no-option", 18, "a radio field needs at least 2 <option> (it has 0)"},
    {"result-no-url", 19, "<link> has no url attribute"},
    {"root-not-scenario", 2, "the first element must be <scenario>, not <demarche>"},
    {"select-one-option", 18, "a select field needs at least 2 <option> (it has 1)"},
    {"session-expired-unknown", 15, "expired=\"expiree\" on <session>: there is no page with that id"},
    {"session-timeout-zero", 15, "timeout=\"0\" on <session> must be a whole number from 1 to 86400"},
    {"session-warning-too-long", 15,
     "the warning (1200 seconds) must come before the time-out (600 seconds)"},
    {"sms-no-from", 18, "<send-sms> has no from attribute"},
    {"start-unknown", 15, "start=\"acceuil\" on <pages>: there is no page with that id"},
    {"stepper-past-end", 18, "step 3 of 2: the step cannot be past the last one"},
    {"success-unreachable", 20,
     "the page \"fin\" ends the scenario, but no button, link or e-mail leads to it from the start page "
     "\"accueil\""},
    {"unknown-attribute", 17, "unknown attribute couleur on <field>"},
    {"unknown-check", 17,
     "check=\"siret\" on <field> is not valid (expected nir, nir13, nir-key, numero-fiscal, ants, "
     "postal-code, phone, "
     "email, date, past-date, code)"},
    {"unknown-element", 18, "unknown element <couleur> in <page>"},
    {"unknown-type", 17,
     "type=\"number\" on <field> is not valid (expected text, email, tel, password, date, date3, select, "
     "radio, checkbox, file, code)"},
    {"url-on-plain-link", 19, "url on <link> only applies to kind=\"result\""},
    {"when-unknown-field", 19, "<when> names the field \"motif\", but this page has no field with that id"},
    {"when-unknown-option", 23, "<when> value \"perte\" is not an option of the field \"motif\""},
};

const Scenario& load_complete() {
    static const auto result =
        ScenarioLoader{}.load_file(kScenarios / "good" / "demarche-complete" / "scenario.xml");
    for (const auto& problem : result.problems) {
        UNSCOPED_INFO(problem.to_string());
    }
    REQUIRE(result.problems.empty());
    REQUIRE(result.scenarios.size() == 1);
    return result.scenarios[0];
}

const Page& page_of(const Scenario& scenario, const std::string& id) {
    const Page* page = scenario.page(id);
    REQUIRE(page != nullptr);
    return *page;
}

class TempDir {
public:
    TempDir() : path_(fs::temp_directory_path() / ("pasapas-test-scenario-" + std::to_string(getpid()))) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code error;
        fs::remove_all(path_, error);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
}

struct Run {
    int status = -1;
    std::string out;
};

Run run_cli(const std::string& args) {
    const std::string command = std::string("'") + PASAPAS_CLI + "' " + args + " 2>&1";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        run.out.append(buffer, got);
    }
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace

TEST_CASE("scenario: every broken fixture is refused with its file, line and plain reason", "[scenario]") {
    const ScenarioLoader loader;
    for (const auto& expected : kBroken) {
        INFO("fixture scenarios/broken/" << expected.name);
        const auto file = kScenarios / "broken" / expected.name / "scenario.xml";
        const auto result = loader.load_file(file);
        CHECK(result.scenarios.empty());
        REQUIRE_FALSE(result.problems.empty());
        const auto& problem = result.problems.front();
        CHECK(problem.file == file);
        CHECK(problem.line == expected.line);
        CHECK(problem.reason == expected.reason);
        CHECK(problem.to_string() ==
              file.string() + ":" + std::to_string(expected.line) + ": " + expected.reason);
    }
}

TEST_CASE("scenario: no broken fixture is left without an expected problem", "[scenario]") {
    std::set<std::string> listed;
    for (const auto& expected : kBroken) {
        listed.insert(expected.name);
    }
    std::size_t folders = 0;
    for (const auto& entry : fs::directory_iterator(kScenarios / "broken")) {
        if (entry.is_directory()) {
            ++folders;
            INFO("scenarios/broken/" << entry.path().filename().string() << " has no entry in kBroken");
            CHECK(listed.count(entry.path().filename().string()) == 1);
        }
    }
    CHECK(folders == listed.size());
}

TEST_CASE("scenario: the complete fixture gives a fully populated model", "[scenario]") {
    const auto& s = load_complete();
    const auto dir = fs::canonical(kScenarios / "good" / "demarche-complete");
    CHECK(s.id == "demarche-complete");
    CHECK(s.format_version == 1);
    CHECK(s.title == "Démarche d'essai complète");
    CHECK(s.summary == "Une démarche fictive qui utilise chaque élément du format.");
    CHECK(s.minutes == 15);
    CHECK(s.level == LessonLevel::Intermediate);
    CHECK(s.theme == "papiers_elections_citoyennete");
    CHECK(s.tags.digcomp == std::vector<std::string>{"1.1"});
    CHECK(s.tags.pix == std::vector<std::string>{"4.1"});
    CHECK(s.tags.coop == std::vector<std::string>{"papiers_elections_citoyennete"});
    CHECK(s.dir == dir);

    // Persona: facts in file order, the card resolved inside the folder.
    REQUIRE(s.persona.facts.size() == 3);
    CHECK(s.persona.facts[0].key == "prenom");
    CHECK(s.persona.facts[0].label == "Prénom");
    CHECK(s.persona.facts[0].value == "Camille");
    CHECK(s.persona.facts[2].key == "nir");
    CHECK(s.persona.facts[2].value == "2 56 03 26 123 456 19");
    CHECK(s.persona.card == dir / "carte.svg");
    CHECK(s.persona.card_alt == "Carte d'identité fictive de Camille Exemple");
    CHECK(s.fact("nom") == std::optional<std::string>("Exemple"));
    CHECK_FALSE(s.fact("age").has_value());

    // Documents with their size and optional preview.
    REQUIRE(s.documents.size() == 2);
    CHECK(s.documents[0].id == "justificatif");
    CHECK(s.documents[0].name == "justificatif-domicile.pdf");
    CHECK(s.documents[0].kb == 420);
    CHECK(s.documents[0].preview == dir / "docs" / "justificatif.svg");
    CHECK(s.documents[0].alt == "Facture fictive");
    CHECK(s.documents[1].kb == 14500);
    CHECK(s.documents[1].preview.empty());
    REQUIRE(s.document("photo-lourde") != nullptr);
    CHECK(s.document("photo-lourde")->name == "photo-telephone.jpg");
    CHECK(s.document("absent") == nullptr);

    CHECK(s.session.timeout_s == 1200);
    CHECK(s.session.warning_s == 120);
    CHECK(s.session.expired_page == "session-expiree");
    CHECK(s.checklist.title == "Pour la vraie démarche, préparez :");
    CHECK(s.checklist.items ==
          std::vector<std::string>{"Votre carte Vitale", "Un justificatif de domicile de moins d'un an"});

    CHECK(s.start_page == "recherche");
    REQUIRE(s.pages.size() == 6);
    CHECK(s.pages[0].id == "recherche");
    CHECK(s.pages[5].id == "session-expiree");
    CHECK(s.page("nulle-part") == nullptr);
}

TEST_CASE("scenario: search results, ads and coaching of mistakes", "[scenario]") {
    const auto& recherche = page_of(load_complete(), "recherche");
    CHECK(recherche.site == "Moteur de recherche");
    CHECK(recherche.url == "https://recherche.example/?q=acte");
    CHECK(recherche.title == "Résultats");
    CHECK(recherche.line == 25);
    CHECK_FALSE(recherche.end);
    CHECK(recherche.timed);
    REQUIRE(recherche.guides.size() == 1);
    CHECK(recherche.guides[0].target == "officiel");
    CHECK(recherche.guides[0].instruction == "Choisissez le site officiel.");
    CHECK(recherche.guides[0].hints == std::vector<std::string>{"Regardez l'adresse sous chaque titre.",
                                                                "Le site officiel finit par .fr et n'est pas "
                                                                "une annonce."});
    REQUIRE(recherche.actions.size() == 2);
    const auto& annonce = recherche.actions[0];
    CHECK(annonce.id == "annonce");
    CHECK(annonce.kind == ActionKind::Link);
    CHECK(annonce.style == ActionStyle::Result);
    CHECK(annonce.ad);
    CHECK(annonce.url == "https://www.acte-express.example");
    CHECK(annonce.label == "Acte en 24 h");
    CHECK(annonce.snippet == "Service rapide, 29,90 €.");
    CHECK(annonce.go_to.empty());
    CHECK(annonce.mistake == "lookalike-site");
    CHECK(annonce.line == 31);
    CHECK_FALSE(recherche.actions[1].ad);
    CHECK(recherche.actions[1].go_to == "identite");
    REQUIRE(recherche.coaching.size() == 1);
    CHECK(recherche.coaching[0].on == "lookalike-site");
    CHECK(recherche.coaching[0].text == "Ce site fait payer un document gratuit.");
}

TEST_CASE("scenario: blocks keep document order and point at their field or action", "[scenario]") {
    const auto& page = page_of(load_complete(), "identite");
    using K = Block::Kind;
    const std::vector<K> kinds{K::Stepper, K::Heading, K::Text,  K::Alert, K::Image,  K::Field,
                               K::Field,   K::Field,   K::Field, K::Field, K::Field,  K::Field,
                               K::Field,   K::Field,   K::Field, K::Field, K::Action, K::Action};
    REQUIRE(page.blocks.size() == kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        INFO("block " << i);
        CHECK(page.blocks[i].kind == kinds[i]);
    }
    CHECK(page.blocks[0].step == 1);
    CHECK(page.blocks[0].of == 2);
    CHECK(page.blocks[0].label == "Pièces");
    CHECK(page.blocks[0].text == "Identité");
    CHECK(page.blocks[1].text == "Personne concernée");
    CHECK(page.blocks[3].label == "info");
    CHECK(page.blocks[3].text == "Munissez-vous de votre carte Vitale.");
    CHECK(page.blocks[4].image == fs::canonical(kScenarios / "good" / "demarche-complete" / "carte.svg"));
    CHECK(page.blocks[4].text == "Une carte d'exemple");
    for (std::size_t i = 5; i < 16; ++i) {
        CHECK(page.blocks[i].index == i - 5);
    }
    CHECK(page.blocks[16].index == 0);
    CHECK(page.blocks[17].index == 1);
    CHECK(page.fields.size() == 11);
    CHECK(page.guides.size() == 2);
    CHECK(page.guides[0].instruction == "Tapez le numéro de {persona.prenom}.");
    CHECK(page.guides[0].hints.empty());
    CHECK(page.guides[1].target == "@phone");
}

TEST_CASE("scenario: fields carry their type, check, expectation, options and errors", "[scenario]") {
    const auto& page = page_of(load_complete(), "identite");
    REQUIRE(page.fields.size() == 11);
    const auto& nom = page.fields[0];
    CHECK(nom.id == "nom");
    CHECK(nom.type == FieldType::Text);
    CHECK(nom.hint == "En majuscules");
    CHECK(nom.check == FieldCheck::None);
    CHECK(nom.expect == "{persona.nom}");
    CHECK_FALSE(nom.optional);
    const auto& nir = page.fields[1];
    CHECK(nir.check == FieldCheck::Nir);
    CHECK(nir.line == 45);
    REQUIRE(nir.errors.size() == 2);
    CHECK(nir.errors[0].on == "required");
    CHECK(nir.errors[0].message == "Le numéro est requis.");
    CHECK_FALSE(nir.errors[0].global);
    CHECK(nir.errors[1].on == "key");
    CHECK(nir.errors[1].global);
    CHECK(page.fields[2].type == FieldType::Date3);
    CHECK(page.fields[2].check == FieldCheck::PastDate);
    const auto& motif = page.fields[3];
    CHECK(motif.type == FieldType::Select);
    CHECK(motif.expect == "premiere");
    REQUIRE(motif.options.size() == 2);
    CHECK(motif.options[1].value == "renouvellement");
    CHECK(motif.options[1].label == "Renouvellement");
    CHECK(page.fields[4].type == FieldType::Radio);
    CHECK(page.fields[4].optional);
    CHECK(page.fields[5].type == FieldType::Password);
    CHECK(page.fields[6].type == FieldType::Email);
    CHECK(page.fields[6].check == FieldCheck::Email);
    CHECK(page.fields[7].type == FieldType::Tel);
    CHECK(page.fields[7].check == FieldCheck::Phone);
    CHECK(page.fields[8].type == FieldType::Date);
    CHECK(page.fields[8].check == FieldCheck::Date);
    CHECK(page.fields[9].type == FieldType::Checkbox);
    CHECK(page.fields[10].type == FieldType::Code);
    CHECK(page.fields[10].check == FieldCheck::Code);
    CHECK(page.fields[10].digits == 6);

    const auto& pieces = page_of(load_complete(), "pieces");
    REQUIRE(pieces.fields.size() == 1);
    const auto& justif = pieces.fields[0];
    CHECK(justif.type == FieldType::File);
    CHECK(justif.accept == std::vector<std::string>{"pdf", "jpg", "png"});
    CHECK(justif.max_kb == 5120);
    CHECK(justif.expect == "justificatif");
    REQUIRE(justif.errors.size() == 2);
    CHECK(justif.errors[0].message == "Le fichier {name} dépasse {max} Ko.");
}

TEST_CASE("scenario: buttons, branches, links, messages and the receipt", "[scenario]") {
    const auto& s = load_complete();
    const auto& identite = page_of(s, "identite");
    REQUIRE(identite.actions.size() == 2);
    const auto& continuer = identite.actions[0];
    CHECK(continuer.kind == ActionKind::Button);
    CHECK(continuer.style == ActionStyle::Primary);
    CHECK(continuer.go_to == "pieces");
    REQUIRE(continuer.branches.size() == 1);
    CHECK(continuer.branches[0].field == "motif");
    CHECK(continuer.branches[0].value == "renouvellement");
    CHECK(continuer.branches[0].go_to == "recu");
    CHECK(identite.actions[1].style == ActionStyle::Secondary);
    REQUIRE(identite.sends.size() == 1);
    CHECK(identite.sends[0].channel == OutgoingMessage::Channel::Sms);
    CHECK(identite.sends[0].from == "38660");
    CHECK(identite.sends[0].body == "Votre code : {code}.");
    CHECK(identite.sends[0].digits == 6);
    REQUIRE(identite.coaching.size() == 1);
    CHECK(identite.coaching[0].on == "nir:key");

    const auto& pieces = page_of(s, "pieces");
    REQUIRE(pieces.actions.size() == 4);
    CHECK(pieces.actions[0].style == ActionStyle::FranceConnect);
    CHECK(pieces.actions[1].style == ActionStyle::Tile);
    CHECK(pieces.actions[2].style == ActionStyle::Link);
    CHECK(pieces.actions[2].go_to.empty());
    CHECK(pieces.actions[2].mistake == "wrong-provider");
    CHECK(pieces.actions[3].logout);
    CHECK_FALSE(pieces.actions[0].logout);
    REQUIRE(pieces.sends.size() == 1);
    const auto& mail = pieces.sends[0];
    CHECK(mail.channel == OutgoingMessage::Channel::Mail);
    CHECK(mail.spam);
    CHECK(mail.from == "ne-pas-repondre@service.example");
    CHECK(mail.subject == "Activez votre compte");
    CHECK(mail.link == "recu");
    CHECK(mail.link_label == "Activer mon compte");
    CHECK(mail.body == "Bonjour {persona.prenom},\n\nVotre référence : {reference}.");
    CHECK_FALSE(page_of(s, "attente").sends.at(0).spam);

    const auto& recu = page_of(s, "recu");
    CHECK(recu.end);
    CHECK_FALSE(recu.timed);
    REQUIRE(recu.blocks.size() == 3);
    CHECK(recu.blocks[0].label == "success");
    CHECK(recu.blocks[1].kind == Block::Kind::Recap);
    CHECK(recu.blocks[1].label == "Nom");
    CHECK(recu.blocks[1].text == "{persona.nom}");
    CHECK(recu.blocks[2].kind == Block::Kind::Qr);
    CHECK(recu.blocks[2].text == "{reference}");
    const auto& expiree = page_of(s, "session-expiree");
    CHECK_FALSE(expiree.timed);
    CHECK_FALSE(expiree.end);
    CHECK(expiree.coaching.at(0).on == "timeout");
}

// Loads the complete fixture with edits applied to its text (each replaces its first match).
LoadResult load_complete_edited(const TempDir& tmp,
                                const std::vector<std::pair<std::string, std::string>>& edits) {
    auto text = read_file(kScenarios / "good" / "demarche-complete" / "scenario.xml");
    for (const auto& [from, to] : edits) {
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
    }
    const auto file = tmp.path() / "demarche-complete" / "scenario.xml";
    write_file(file, text);
    fs::copy(kScenarios / "good" / "demarche-complete" / "carte.svg", file.parent_path() / "carte.svg");
    fs::create_directories(file.parent_path() / "docs");
    fs::copy(kScenarios / "good" / "demarche-complete" / "docs" / "justificatif.svg",
             file.parent_path() / "docs" / "justificatif.svg");
    return ScenarioLoader{}.load_file(file);
}

TEST_CASE("scenario: a scenario with several mistakes reports all of them at once", "[scenario]") {
    TempDir tmp;
    const auto result = load_complete_edited(tmp, {{"intermediaire", "expert"},
                                                   {"goto=\"pieces\"", "goto=\"piece\""},
                                                   {"{persona.nom}</recap>", "{persona.age}</recap>"}});
    CHECK(result.scenarios.empty());
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].line == 6);
    CHECK(result.problems[0].reason ==
          "unknown level \"expert\" (expected debutant, intermediaire or avance)");
    CHECK(result.problems[1].line == 66);
    CHECK(result.problems[1].reason == "goto=\"piece\" on <button>: there is no page with that id");
    CHECK(result.problems[2].line == 93);
    CHECK(result.problems[2].reason == "{persona.age} names no fact of the <persona>");
}

TEST_CASE("scenario: a NIR key box names the box of the 13 characters it goes with", "[scenario]") {
    const std::string nom =
        "<field id=\"nom\" type=\"text\" label=\"Nom\" hint=\"En majuscules\" "
        "expect=\"{persona.nom}\"/>";
    {
        TempDir tmp;
        const auto result = load_complete_edited(
            tmp,
            {{nom,
              nom + "<field id=\"n13\" type=\"text\" label=\"N\" check=\"nir13\"/>"
                    "<field id=\"cle\" type=\"text\" label=\"Cl\xc3\xa9\" check=\"nir-key\" of=\"n13\"/>"}});
        CHECK(result.problems.empty());
        REQUIRE(result.scenarios.size() == 1);
    }
    {
        TempDir tmp;
        const auto result = load_complete_edited(
            tmp, {{nom, nom + "<field id=\"cle\" type=\"text\" label=\"Cl\xc3\xa9\" check=\"nir-key\"/>"}});
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 44);
        CHECK(result.problems[0].reason ==
              "check=\"nir-key\" needs of=\"FIELD\", the id of the box holding the 13 first characters");
    }
    {
        TempDir tmp;
        const auto result = load_complete_edited(
            tmp,
            {{nom,
              nom + "<field id=\"cle\" type=\"text\" label=\"Cl\xc3\xa9\" check=\"nir-key\" of=\"nom\"/>"}});
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].reason == "of=\"nom\" must name a field of this page with check=\"nir13\"");
    }
}

TEST_CASE("scenario: a placeholder deep in a long text is reported on its own line", "[scenario]") {
    TempDir tmp;
    auto text = read_file(kScenarios / "broken" / "placeholder-unknown" / "scenario.xml");
    text.replace(text.find("<text>Merci {persona.age}.</text>"), 33,
                 "<text>\n        Merci\n        {persona.age}.\n      </text>");
    const auto file = tmp.path() / "placeholder-unknown" / "scenario.xml";
    write_file(file, text);
    const auto result = ScenarioLoader{}.load_file(file);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 23);
}

TEST_CASE("scenario: a broken scenario never stops lessons and scenarios beside it", "[scenario]") {
    const auto dir = kScenarios / "mixed";
    const auto result = LessonLoader{}.load_directory(dir);
    REQUIRE(result.lessons.size() == 1);
    CHECK(result.lessons[0].id == "c-lecon");
    REQUIRE(result.scenarios.size() == 2);
    CHECK(result.scenarios[0].id == "a-bonne");
    CHECK(result.scenarios[1].id == "e-bonne");
    CHECK(result.scenarios[1].pages.size() == 2);
    // The folder with only notes is neither a lesson nor a problem.
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].to_string() ==
          (dir / "b-cassee" / "scenario.xml").string() +
              ":18: goto=\"fni\" on <button>: there is no page with that id");
    CHECK(result.problems[1].to_string() ==
          (dir / "d-les-deux").string() +
              ": this folder holds both a lesson.xml and a scenario.xml; keep only one");
}

TEST_CASE("scenario: a missing scenario file is a problem without a line", "[scenario]") {
    const auto file = kScenarios / "broken" / "nothing-here" / "scenario.xml";
    const auto result = ScenarioLoader{}.load_file(file);
    CHECK(result.scenarios.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].to_string() == file.string() + ": the file does not exist");
}

TEST_CASE("scenario: hostile files are refused without crashing", "[scenario][hostile]") {
    TempDir tmp;
    const auto base = read_file(kScenarios / "broken" / "goto-unknown" / "scenario.xml");
    SECTION("deep nesting") {
        std::string deep = base;
        std::string open;
        std::string close;
        for (int i = 0; i < 5000; ++i) {
            open += "<text>";
            close += "</text>";
        }
        deep.replace(deep.find("<text>Merci"), 6, open + "<text>");
        deep.replace(deep.find("</text>"), 7, "</text>" + close);
        const auto file = tmp.path() / "goto-unknown" / "scenario.xml";
        write_file(file, deep);
        const auto result = ScenarioLoader{}.load_file(file);
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].reason == "elements are nested more than 8 deep");
    }
    SECTION("too large") {
        const auto file = tmp.path() / "goto-unknown" / "scenario.xml";
        write_file(file, base + std::string(LessonLoader::kMaxFileBytes, ' '));
        const auto result = ScenarioLoader{}.load_file(file);
        REQUIRE(result.problems.size() == 1);
        CHECK_THAT(result.problems[0].reason,
                   Catch::Contains("a scenario file may have at most 1048576 bytes"));
    }
}

TEST_CASE("cli: check reports a broken scenario beside good ones and fails", "[scenario][cli]") {
    const auto dir = kScenarios / "mixed";
    const auto run = run_cli("lessons check '" + dir.string() + "'");
    CHECK(run.status == 1);
    CHECK_THAT(run.out, Catch::Contains((dir / "b-cassee" / "scenario.xml").string() +
                                        ":18: goto=\"fni\" on <button>: there is no page with that id\n"));
    CHECK_THAT(run.out, Catch::EndsWith("1 lesson and 3 scenarios checked, 2 problems\n"));
}

TEST_CASE("cli: check passes the complete scenario", "[scenario][cli]") {
    const auto run = run_cli("lessons check '" + (kScenarios / "good").string() + "'");
    CHECK(run.out == "0 lessons and 1 scenario checked, no problems\n");
    CHECK(run.status == 0);
}

TEST_CASE("cli: pot holds every text a learner reads in a scenario, and no persona value",
          "[scenario][cli]") {
    const auto run = run_cli("lessons pot '" + (kScenarios / "good").string() + "' 2>/dev/null");
    REQUIRE(run.status == 0);
    const auto& pot = run.out;
    const auto msgid = [](const std::string& text) {
        std::string escaped;
        for (const char c : text) {
            if (c == '\n') {
                escaped += "\\n";
            } else if (c == '"') {
                escaped += "\\\"";
            } else {
                escaped += c;
            }
        }
        return "msgid \"" + escaped + "\"\n";
    };
    // Every text the model shows, looked up exactly as loaded.
    const auto& s = load_complete();
    std::vector<std::string> texts{s.title, s.summary, s.checklist.title};
    texts.insert(texts.end(), s.checklist.items.begin(), s.checklist.items.end());
    texts.push_back(s.persona.card_alt);
    for (const auto& fact : s.persona.facts) {
        texts.push_back(fact.label);
    }
    for (const auto& document : s.documents) {
        if (!document.alt.empty()) {
            texts.push_back(document.alt);
        }
    }
    for (const auto& page : s.pages) {
        texts.push_back(page.title);
        for (const auto& guide : page.guides) {
            texts.push_back(guide.instruction);
            texts.insert(texts.end(), guide.hints.begin(), guide.hints.end());
        }
        for (const auto& block : page.blocks) {
            if (block.kind == Block::Kind::Recap) {
                texts.push_back(block.label);
            } else if (block.kind == Block::Kind::Stepper) {
                texts.push_back(block.text);
                texts.push_back(block.label);
            } else if (block.kind != Block::Kind::Qr && block.kind != Block::Kind::Field &&
                       block.kind != Block::Kind::Action) {
                texts.push_back(block.text);
            }
        }
        for (const auto& field : page.fields) {
            texts.push_back(field.label);
            if (!field.hint.empty()) {
                texts.push_back(field.hint);
            }
            for (const auto& option : field.options) {
                texts.push_back(option.label);
            }
            for (const auto& error : field.errors) {
                texts.push_back(error.message);
            }
        }
        for (const auto& action : page.actions) {
            texts.push_back(action.label);
            if (!action.snippet.empty()) {
                texts.push_back(action.snippet);
            }
        }
        for (const auto& message : page.sends) {
            texts.push_back(message.from);
            texts.push_back(message.body);
            if (message.channel == OutgoingMessage::Channel::Mail) {
                texts.push_back(message.subject);
                if (!message.link_label.empty()) {
                    texts.push_back(message.link_label);
                }
            }
        }
        for (const auto& coach : page.coaching) {
            texts.push_back(coach.text);
        }
    }
    CHECK(texts.size() > 60);
    for (const auto& text : texts) {
        INFO(text);
        CHECK_THAT(pot, Catch::Contains(msgid(text)));
    }
    CHECK_THAT(pot, Catch::Contains("#: lessons/demarche-complete/scenario.xml:3\nmsgid \"Démarche d'essai "
                                    "complète\"\n"));
    CHECK_THAT(pot,
               Catch::Contains("msgid \"Bonjour {persona.prenom},\\n\\nVotre référence : {reference}.\"\n"));
    // The persona's values, the receipt's data, ids and addresses are not text to translate.
    for (const char* data :
         {"Camille", "Exemple", "2 56 03 26 123 456 19", "{persona.nom}", "{reference}", "recherche",
          "https://www.service-public.fr", "Moteur de recherche", "premiere"}) {
        INFO(data);
        CHECK_THAT(pot, !Catch::Contains(msgid(data)));
    }
}
