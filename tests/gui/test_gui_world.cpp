// The world around the simulated site, as a learner meets it: the phone that receives the SMS
// code, the mailbox whose activation mail landed in « Courriels indésirables », the Documents
// folder to pick a scan from, and the printable identity sheet and checklist.
#include "app_test_support.hpp"
#include "core/scenario.hpp"
#include "core/scenario_session.hpp"
#include "ui/appearance.hpp"
#include "ui/documents_dialog.hpp"
#include "ui/mailbox_panel.hpp"
#include "ui/phone_panel.hpp"
#include "ui/printable_sheet.hpp"
#include "wx_test_support.hpp"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/prntbase.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/tglbtn.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace pasapas;
using pasapas::test::find;
using pasapas::test::TempDir;
using pasapas::test::text_of;

namespace {

// A frame holding the phone and the mailbox side by side, as the scenario player does.
struct WorldWindow {
    wxFrame* frame = nullptr;
    ui::PhonePanel* phone = nullptr;
    ui::MailboxPanel* mailbox = nullptr;

    explicit WorldWindow(int percent, bool high_contrast = false) {
        test::ensure_wx();
        frame = new wxFrame(nullptr, wxID_ANY, "Pas a Pas", wxDefaultPosition, wxSize(1200, 900));
        auto* sizer = new wxBoxSizer(wxHORIZONTAL);
        phone = new ui::PhonePanel(frame);
        mailbox = new ui::MailboxPanel(frame);
        sizer->Add(phone, wxSizerFlags().Expand().Border(wxALL, 10));
        sizer->Add(mailbox, wxSizerFlags(1).Expand().Border(wxALL, 10));
        frame->SetSizer(sizer);
        ui::Appearance look;
        look.text_percent = percent;
        look.high_contrast = high_contrast;
        ui::apply_appearance(frame, look);
        frame->Move(0, 0);
        test::show_and_wait(frame);
    }
    ~WorldWindow() {
        frame->Destroy();
        test::pump(50);
    }
    wxWindow* get(const wxString& name) const {
        wxWindow* w = frame->FindWindow(name);
        INFO("window " << name.utf8_string());
        REQUIRE(w != nullptr);
        return w;
    }
};

core::ReceivedMail mail(bool spam, const std::string& from, const std::string& subject,
                        const std::string& body, const std::string& link = {},
                        const std::string& link_label = {}) {
    core::ReceivedMail m;
    m.spam = spam;
    m.from = from;
    m.subject = subject;
    m.body = body;
    m.link = link;
    m.link_label = link_label;
    return m;
}

wxWindow* top_level(const wxString& name) {
    for (wxWindow* window : wxTopLevelWindows) {
        if (window->GetName() == name && window->IsShown()) {
            return window;
        }
    }
    return nullptr;
}

core::Document document(const std::string& id, const std::string& name, std::int64_t kb) {
    core::Document d;
    d.id = id;
    d.name = name;
    d.kb = kb;
    return d;
}

// Built by hand, so that the test does not depend on any shipped scenario.
core::Scenario sample_scenario(const std::filesystem::path& dir) {
    core::Scenario scenario;
    scenario.id = "essai";
    scenario.title = "Demander un acte de naissance";
    scenario.persona.facts = {{"prenom", "Prénom", "Camille"},
                              {"nom", "Nom de naissance", "Exemple"},
                              {"nir", "Numéro de sécurité sociale", "2 56 03 26 123 456 19"},
                              {"adresse", "Adresse", "3 rue des Lilas <bâtiment B> & cour"}};
    // A small fake card, drawn in SVG as the scenarios ship them.
    scenario.persona.card = dir / "carte.svg";
    std::ofstream(scenario.persona.card)
        << R"(<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540" viewBox="0 0 856 540">)"
        << R"(<rect width="856" height="540" rx="30" fill="#dde6f5" stroke="#1f2a9e" stroke-width="8"/>)"
        << R"(<rect x="40" y="120" width="220" height="290" fill="#9aa6c8"/></svg>)";
    scenario.persona.card_alt = "Carte d'identité fictive de Camille Exemple";
    scenario.documents = {document("justificatif", "justificatif-domicile.pdf", 420),
                          document("photo-lourde", "photo-telephone.jpg", 14500),
                          document("scan-heic", "scan-carte.heic", 900)};
    scenario.documents[0].preview = dir / "justificatif.svg";
    scenario.documents[0].alt = "Facture d'électricité fictive";
    std::ofstream(scenario.documents[0].preview)
        << R"(<svg xmlns="http://www.w3.org/2000/svg" width="210" height="297" viewBox="0 0 210 297">)"
        << R"(<rect width="210" height="297" fill="#ffffff" stroke="#333333" stroke-width="4"/>)"
        << R"(<rect x="20" y="20" width="120" height="14" fill="#1f2a9e"/></svg>)";
    scenario.checklist.title = "Pour la vraie démarche, préparez :";
    scenario.checklist.items = {"Votre numéro fiscal", "Le livret de famille & une pièce d'identité"};
    core::Page page;
    page.id = "accueil";
    page.site = "service-public.fr";
    page.url = "https://www.service-public.fr/";
    page.title = "Accueil";
    page.end = true;
    scenario.pages.push_back(page);
    scenario.start_page = "accueil";
    return scenario;
}

int points(int percent) {
    ui::Appearance look;
    look.text_percent = percent;
    return look.point_size();
}

// A label without its line breaks nor spaces: long words may be cut to fit the width.
std::string flat(const wxWindow* window) {
    std::string text = text_of(window);
    std::erase(text, ' ');
    return text;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("The phone shows each SMS and its code, the newest always in view", "[gui][world]") {
    const int percent = GENERATE(100, 200);
    // The largest text goes with high contrast, as many who need one use the other.
    WorldWindow w(percent, percent == 200);
    CHECK(text_of(w.get("phone-title")) == "Messages");
    CHECK(w.get("phone-empty")->IsShownOnScreen());

    w.phone->update({{"38660", "Votre code de vérification : 482913. Il expire dans 10 minutes."}});
    test::pump(200);
    CHECK(text_of(w.get("sms-0-from")) == "38660");
    CHECK(text_of(w.get("sms-0-body")) == "Votre code de vérification : 482913. Il expire dans 10 minutes.");
    // The code stands out on its own line, in the bold fixed-width font.
    wxWindow* code = w.get("sms-0-code");
    CHECK(text_of(code) == "482913");
    CHECK(code->GetFont().GetWeight() == wxFONTWEIGHT_BOLD);
    CHECK(code->GetFont().GetPointSize() > w.get("sms-0-body")->GetFont().GetPointSize());
    CHECK_FALSE(w.get("phone-empty")->IsShownOnScreen());
    // The text follows the app's text size.
    CHECK(w.get("sms-0-body")->GetFont().GetPointSize() == points(percent));
    test::screenshot(w.frame, "world-phone-" + std::to_string(percent) + ".png");

    // Many messages later, the newest is at the bottom and scrolled into view.
    std::vector<core::ReceivedSms> many = {{"38660", "Votre code de vérification : 482913."}};
    for (int i = 1; i < 8; ++i) {
        many.push_back({"Mairie", "Rappel " + std::to_string(i) + " : votre rendez-vous est confirmé."});
    }
    many.push_back({"38660", "Nouveau code : 907361. Ne le communiquez à personne."});
    w.phone->update(many);
    wxWindow* viewport = w.get("phone-messages");
    CHECK(test::wait_until([&] { return test::is_visible_in(w.get("sms-8"), viewport); }));
    CHECK_FALSE(test::is_visible_in(w.get("sms-0"), viewport));
    CHECK(text_of(w.get("sms-8-code")) == "907361");
    test::screenshot(w.frame, "world-phone-many-" + std::to_string(percent) + ".png");
}

TEST_CASE("The activation mail is found in Junk mail, read, and its link followed", "[gui][world]") {
    const int percent = GENERATE(100, 200);
    WorldWindow w(percent);
    std::vector<std::size_t> read;
    std::vector<std::size_t> followed;
    w.mailbox->on_read = [&](std::size_t i) { read.push_back(i); };
    w.mailbox->on_follow_link = [&](std::size_t i) { followed.push_back(i); };

    std::vector<core::ReceivedMail> mails = {
        mail(false, "Mairie de Valbourg", "Votre rendez-vous",
             "Bonjour Camille,\nVotre rendez-vous est noté."),
        mail(false, "Lettre d'information", "Nouveautés du mois", "Rien de neuf."),
        mail(true, "ne-pas-repondre@service.example", "Activez votre compte",
             "Bonjour Camille,\n\nPour activer votre compte, cliquez sur le bouton ci-dessous.\nCe lien "
             "expire dans "
             "8 heures.",
             "activation", "Activer mon compte")};
    mails[1].read = true;
    w.mailbox->update(mails);
    test::pump(200);

    // Unread mail per folder, in bold.
    auto* inbox = find<wxToggleButton>(w.frame, "folder-inbox");
    auto* junk = find<wxToggleButton>(w.frame, "folder-spam");
    REQUIRE(inbox != nullptr);
    REQUIRE(junk != nullptr);
    CHECK(contains(text_of(inbox), "Inbox (1)"));
    CHECK(contains(text_of(junk), "Junk mail (1)"));
    CHECK(junk->GetFont().GetWeight() == wxFONTWEIGHT_BOLD);
    // The inbox shows its two mails, not the junk one.
    CHECK(w.frame->FindWindow("mail-0") != nullptr);
    CHECK(w.frame->FindWindow("mail-1") != nullptr);
    CHECK(w.frame->FindWindow("mail-2") == nullptr);
    CHECK(w.get("mail-0")->GetFont().GetWeight() == wxFONTWEIGHT_BOLD);
    CHECK(w.get("mail-1")->GetFont().GetWeight() == wxFONTWEIGHT_NORMAL);
    test::screenshot(w.frame, "world-mail-inbox-" + std::to_string(percent) + ".png");

    // The learner was told to look in « Courriels indésirables ».
    test::click(junk);
    REQUIRE(test::wait_until([&] { return w.frame->FindWindow("mail-2") != nullptr; }));
    CHECK(w.frame->FindWindow("mail-0") == nullptr);
    // Only the folder shown looks chosen.
    CHECK(junk->GetValue());
    CHECK_FALSE(inbox->GetValue());
    CHECK(contains(flat(w.get("mail-2")), "Activezvotrecompte"));
    CHECK(contains(flat(w.get("mail-2")), "ne-pas-repondre@service.example"));
    CHECK(read.empty());

    test::click(w.get("mail-2"));
    REQUIRE(test::wait_until([&] { return !read.empty(); }));
    CHECK(read == std::vector<std::size_t>{2});
    CHECK(text_of(w.get("mail-subject")) == "Activez votre compte");
    CHECK(contains(flat(w.get("mail-from")), "ne-pas-repondre@service.example"));
    CHECK(text_of(w.get("mail-paragraph-1")) ==
          "Pour activer votre compte, cliquez sur le bouton ci-dessous.");
    CHECK(w.frame->FindWindow("mail-spam-notice") != nullptr);
    // Read now: the junk folder has nothing unread left.
    CHECK(text_of(junk).find("(1)") == std::string::npos);
    CHECK(junk->GetFont().GetWeight() == wxFONTWEIGHT_NORMAL);
    // The session marks it read and the owner updates the panel: nothing moves.
    mails[2].read = true;
    w.mailbox->update(mails);
    test::pump(100);
    CHECK(w.mailbox->showing_spam());
    REQUIRE(w.mailbox->open_mail() == std::optional<std::size_t>{2});
    test::screenshot(w.frame, "world-mail-spam-" + std::to_string(percent) + ".png");

    auto* link = find<wxButton>(w.frame, "mail-link");
    REQUIRE(link != nullptr);
    // Below the text, as in a real mail: the learner scrolls down to it.
    auto* reader = find<wxScrolledWindow>(w.frame, "mail-reader");
    REQUIRE(reader != nullptr);
    reader->Scroll(0, reader->GetVirtualSize().y);
    REQUIRE(test::wait_until([&] { return test::is_visible_in(link, reader); }));
    CHECK(text_of(link) == "Activer mon compte");
    test::click(link);
    REQUIRE(test::wait_until([&] { return !followed.empty(); }));
    CHECK(followed == std::vector<std::size_t>{2});
}

TEST_CASE("The Documents folder lists the scans as a computer does and returns the one chosen",
          "[gui][world]") {
    const int percent = GENERATE(100, 200);
    test::ensure_wx();
    TempDir dir{"pasapas-gui-world"};
    const core::Scenario scenario = sample_scenario(dir.path);
    core::Field field;
    field.id = "justificatif";
    field.type = core::FieldType::File;
    field.label = "Justificatif de domicile";
    field.accept = {"pdf", "jpg", "png"};
    field.max_kb = 5120;

    CHECK(ui::DocumentsDialog::size_text(420) == "420 KB");
    CHECK(ui::DocumentsDialog::size_text(14500) == "14.2 MB");
    CHECK(ui::DocumentsDialog::size_text(5120) == "5 MB");
    CHECK(ui::DocumentsDialog::limits_text(field) == "Maximum size: 5 MB. Accepted formats: pdf, jpg, png");

    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "Pas a Pas", wxPoint(0, 0), wxSize(900, 700));
    ui::Appearance look;
    look.text_percent = percent;
    ui::apply_appearance(frame, look);
    test::show_and_wait(frame);

    const auto drive = [&](const std::vector<int>& keys, std::vector<std::string>* rows,
                           std::string* limits) {
        wxTheApp->CallAfter([&, keys, rows, limits] {
            wxWindow* dialog = nullptr;
            test::wait_until([&] {
                dialog = top_level("documents-dialog");
                return dialog != nullptr && dialog->IsShownOnScreen();
            });
            if (dialog == nullptr) {
                return;
            }
            test::pump(300);
            if (rows != nullptr) {
                auto* list = find<wxListCtrl>(dialog, "documents-list");
                for (long row = 0; list != nullptr && row < list->GetItemCount(); ++row) {
                    rows->push_back((list->GetItemText(row, 0) + " | " + list->GetItemText(row, 1) + " | " +
                                     list->GetItemText(row, 2))
                                        .utf8_string());
                }
                *limits = text_of(dialog->FindWindow("documents-limits"));
                // The first file is chosen at first, with its preview.
                auto* preview = find<wxStaticBitmap>(dialog, "documents-preview");
                CHECK((preview != nullptr && preview->GetBitmap().IsOk()));
                CHECK(text_of(dialog->FindWindow("documents-preview-alt")) ==
                      "Facture d'électricité fictive");
                test::screenshot(dialog, "world-documents-" + std::to_string(percent) + ".png");
            }
            for (const int key : keys) {
                test::press_key(key);
            }
        });
    };

    std::vector<std::string> rows;
    std::string limits;
    drive({WXK_DOWN, WXK_DOWN, WXK_RETURN}, &rows, &limits);
    const std::optional<std::string> chosen = ui::DocumentsDialog::pick(frame, scenario, field);
    CHECK(rows == std::vector<std::string>{"justificatif-domicile.pdf | PDF document | 420 KB",
                                           "photo-telephone.jpg | JPEG image | 14.2 MB",
                                           "scan-carte.heic | HEIC image | 900 KB"});
    CHECK(limits == "Maximum size: 5 MB. Accepted formats: pdf, jpg, png");
    CHECK(chosen == std::optional<std::string>{"scan-heic"});

    // Échap closes the folder without choosing.
    drive({WXK_DOWN, WXK_ESCAPE}, nullptr, nullptr);
    CHECK(ui::DocumentsDialog::pick(frame, scenario, field) == std::nullopt);

    frame->Destroy();
    test::pump(50);
}

TEST_CASE("The identity sheet and the checklist hold every detail, marked as fictitious", "[gui][world]") {
    test::ensure_wx();
    TempDir dir{"pasapas-gui-world"};
    const core::Scenario scenario = sample_scenario(dir.path);
    const core::ScenarioSession session(scenario, core::ScenarioMode::Guided, nullptr, 0, 7);

    const std::filesystem::path card = ui::printable_card(scenario);
    REQUIRE_FALSE(card.empty());
    CHECK(card.extension() == ".png");
    CHECK(wxImage(wxString(card.native())).GetWidth() > 400);

    const std::string sheet = ui::persona_sheet_html(scenario, session, card);
    CHECK(contains(sheet, "FICTITIOUS"));
    CHECK(contains(sheet, "SIMULATION"));
    CHECK(contains(sheet, "Never use for a real procedure"));
    CHECK(contains(sheet, "Prénom"));
    CHECK(contains(sheet, "Camille"));
    CHECK(contains(sheet, "Nom de naissance"));
    CHECK(contains(sheet, "Exemple"));
    CHECK(contains(sheet, "Numéro de sécurité sociale"));
    CHECK(contains(sheet, "2 56 03 26 123 456 19"));
    // Text is escaped: a "<" or "&" in a value cannot break the page.
    CHECK(contains(sheet, "3 rue des Lilas &lt;bâtiment B&gt; &amp; cour"));
    CHECK_FALSE(contains(sheet, "<bâtiment"));
    CHECK(contains(sheet, card.filename().string()));
    CHECK(contains(sheet, "Carte d&#39;identité fictive de Camille Exemple"));

    const std::string checklist = ui::checklist_html(scenario, session);
    CHECK(contains(checklist, "Demander un acte de naissance"));
    REQUIRE(session.reference().size() == 10);
    CHECK(contains(checklist, session.reference()));
    CHECK(contains(checklist, "Pour la vraie démarche, préparez :"));
    CHECK(contains(checklist, "Votre numéro fiscal"));
    CHECK(contains(checklist, "Le livret de famille &amp; une pièce d&#39;identité"));
    CHECK(contains(checklist, "&#9744;"));
    CHECK(contains(checklist, "This was a simulation"));

    // The preview opens, ready to print.
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "Pas a Pas", wxPoint(0, 0), wxSize(600, 400));
    test::show_and_wait(frame);
    const auto previews = [] {
        int count = 0;
        for (wxWindow* window : wxTopLevelWindows) {
            count +=
                window->IsShown() && window->GetClassInfo()->IsKindOf(wxCLASSINFO(wxPreviewFrame)) ? 1 : 0;
        }
        return count;
    };
    ui::print_persona_sheet(frame, scenario, session);
    CHECK(test::wait_until([&] { return previews() == 1; }));
    test::pump(500);
    for (wxWindow* window : wxTopLevelWindows) {
        if (window->GetClassInfo()->IsKindOf(wxCLASSINFO(wxPreviewFrame))) {
            test::screenshot(window, "world-sheet-preview.png");
        }
    }
    frame->Destroy();
    test::pump(200);
    std::error_code ignored;
    std::filesystem::remove(card, ignored);
}
