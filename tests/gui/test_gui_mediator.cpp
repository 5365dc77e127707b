// The mediator console with real clicks and keystrokes, on a real database: the first account,
// signing in (and a wrong password), editing a learner, recording a session, exporting La Coop's
// CSV, erasing a learner for good, locking on the way out; and the console at 200 % text size.
#include "app_test_support.hpp"
#include "core/activity_book.hpp"
#include "core/mediator_accounts.hpp"
#include "core/mediator_log.hpp"
#include "core/outbox.hpp"
#include "core/report_exports.hpp"
#include "core/sqlite_support.hpp"
#include "ui/main_frame.hpp"
#include "ui/mediator_console_panel.hpp"
#include "ui/mediator_reports_page.hpp"
#include "wx_test_support.hpp"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using pasapas::ui::MainFrame;
using pasapas::ui::MediatorConsolePanel;
using namespace pasapas::test;
namespace core = pasapas::core;

constexpr const char* kLogin = "mediatrice";
constexpr const char* kPassword = "tournesol-42";

MainFrame* start_app(const fs::path& db, int percent = 100, bool high_contrast = false,
                     std::shared_ptr<core::HttpClient> http = nullptr) {
    pasapas::ui::MainFrameOptions options;
    options.database = db;
    options.lessons_dir = PASAPAS_LESSONS_DIR;
    options.assets_dir = PASAPAS_ASSETS_DIR;
    options.appearance.language = "en";
    options.appearance.text_percent = percent;
    options.appearance.high_contrast = high_contrast;
    options.http = std::move(http);
    auto* frame = new MainFrame(options);
    frame->SetSize(frame->FromDIP(wxSize(1024, 768)));
    frame->Move(0, 0);
    show_and_wait(frame);
    frame->start();
    return frame;
}

// The window once it stops moving: a screen just shown may still be laid out again, and a click
// aimed at where a button was would land on its neighbour.
wxWindow* settled(wxWindow* window) {
    wxRect last;
    REQUIRE(wait_until([&] {
        const wxRect now = window->GetScreenRect();
        const bool same = now == last;
        last = now;
        if (!same) {
            pump(100);
        }
        return same;
    }));
    return window;
}

wxWindow* require_dialog(const wxString& name) {
    wxWindow* dialog = nullptr;
    REQUIRE(wait_until([&] {
        dialog = wxWindow::FindWindowByName(name);
        return dialog != nullptr && dialog->IsShownOnScreen();
    }));
    pump(300);
    return dialog;
}

void wait_gone(const wxString& name) {
    REQUIRE(wait_until([&] {
        wxWindow* dialog = wxWindow::FindWindowByName(name);
        return dialog == nullptr || !dialog->IsShown();
    }));
    pump(200);
}

void type_into(wxWindow* dialog, const wxString& field, const char* text) {
    auto* control = dynamic_cast<wxTextCtrl*>(require_window(dialog, field));
    REQUIRE(control != nullptr);
    click(control);
    control->SelectAll();
    type_text(text);
}

MediatorConsolePanel* console_of(MainFrame* frame) {
    auto* console = dynamic_cast<MediatorConsolePanel*>(frame->current_panel());
    REQUIRE(console != nullptr);
    return console;
}

// Clicks on a row of a table, as a person selects it.
void click_row(wxListCtrl* table, long row) {
    wxRect rect;
    REQUIRE(table->GetItemRect(row, rect));
    click_at(table->ClientToScreen(wxPoint(rect.x + rect.width / 4, rect.y + rect.height / 2)));
    REQUIRE(
        wait_until([&] { return table->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) == row; }));
}

long row_named(wxListCtrl* table, const wxString& name) {
    for (long row = 0; row < table->GetItemCount(); ++row) {
        if (table->GetItemText(row, 0) == name) {
            return row;
        }
    }
    return -1;
}

std::vector<core::MediatorLogEntry> journal(MainFrame* frame) {
    return core::MediatorLog(*frame->store()).entries();
}

std::int64_t count_rows(MainFrame* frame, const char* sql) {
    return core::guarded(frame->store()->path(), [&] {
        core::Statement statement(frame->store()->database(), sql);
        statement.step();
        return statement.integer(0);
    });
}

void sign_in(MainFrame* frame, const char* password) {
    wxWindow* dialog = require_dialog("mediator-sign-in-dialog");
    CHECK(dialog->FindWindow("mediator-password-again") == nullptr);
    type_into(dialog, "mediator-login", kLogin);
    type_into(dialog, "mediator-password", password);
    click(require_window(dialog, "mediator-sign-in"));
    (void)frame;
}

}  // namespace

TEST_CASE("A mediator creates the account, looks after learners and activities, exports, erases and locks",
          "[gui]") {
    ensure_wx();
    TempDir temp{"pasapas-gui-mediator"};
    const fs::path db = temp.path / "progress.db";
    const fs::path exports = temp.path / "exports";
    fs::create_directories(exports);
    MainFrame* frame = start_app(db);
    REQUIRE(frame->screen() == MainFrame::Screen::Profiles);

    // No account yet: the mediator area offers to create the first one.
    click(settled(require_window(frame, "mediator-button")));
    wxWindow* dialog = require_dialog("mediator-sign-in-dialog");
    type_into(dialog, "mediator-login", kLogin);
    type_into(dialog, "mediator-password", kPassword);
    type_into(dialog, "mediator-password-again", "tournesol-43");
    click(require_window(dialog, "mediator-sign-in"));
    CHECK(text_of(require_window(dialog, "mediator-sign-in-message")).find("different") != std::string::npos);
    REQUIRE(frame->screen() == MainFrame::Screen::Profiles);
    type_into(dialog, "mediator-password-again", kPassword);
    screenshot(dialog, "mediator-1-create.png");
    click(require_window(dialog, "mediator-sign-in"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Mediator; }));
    wait_gone("mediator-sign-in-dialog");
    CHECK(core::MediatorAccounts(*frame->store()).any());

    // Leaving locks: a sign-in is needed again, and the journal says the mediator left.
    click(settled(require_window(frame, "mediator-leave")));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Profiles; }));
    CHECK(journal(frame).front().action == "sign-out");

    // Ctrl+Shift+M opens the sign-in; a wrong password is said plainly and nothing opens.
    press_key('M', wxMOD_CONTROL | wxMOD_SHIFT);
    sign_in(frame, "tournesol-00");
    dialog = require_dialog("mediator-sign-in-dialog");
    REQUIRE(wait_until([&] {
        return text_of(require_window(dialog, "mediator-sign-in-message")).find("do not match") !=
               std::string::npos;
    }));
    CHECK(frame->screen() == MainFrame::Screen::Profiles);
    screenshot(dialog, "mediator-2-wrong-password.png");
    type_into(dialog, "mediator-password", kPassword);
    click(require_window(dialog, "mediator-sign-in"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Mediator; }));
    wait_gone("mediator-sign-in-dialog");
    MediatorConsolePanel* console = console_of(frame);

    // Learners: a new profile made in the console; a wrong postcode is refused inside the dialog.
    auto* learners = dynamic_cast<wxListCtrl*>(require_window(frame, "learners-table"));
    REQUIRE(learners != nullptr);
    CHECK(learners->GetItemCount() == 0);
    click(settled(require_window(frame, "learner-new")));
    dialog = require_dialog("mediator-learner-dialog");
    type_into(dialog, "learner-name", "Ysoline");
    type_into(dialog, "learner-birth-year", "1950");
    type_into(dialog, "learner-commune", "Rennes");
    type_into(dialog, "learner-postcode", "350");
    type_into(dialog, "learner-insee", "35238");
    type_into(dialog, "learner-notes", "Vient le mardi");
    click(require_window(dialog, "learner-save"));
    CHECK(text_of(require_window(dialog, "learner-message")).find("5 digits") != std::string::npos);
    type_into(dialog, "learner-postcode", "35000");
    screenshot(dialog, "mediator-4-learner.png");
    click(require_window(dialog, "learner-save"));
    wait_gone("mediator-learner-dialog");
    REQUIRE(frame->store()->all_learners().size() == 1);
    auto ysoline = frame->store()->all_learners().at(0);
    CHECK(ysoline.name == "Ysoline");
    CHECK(ysoline.attributes.age_bracket == "70_plus");
    CHECK(ysoline.attributes.commune == "Rennes");
    CHECK(ysoline.attributes.postcode == "35000");
    CHECK(ysoline.attributes.insee == "35238");
    CHECK(ysoline.notes == "Vient le mardi");
    REQUIRE(wait_until([&] { return row_named(learners, "Ysoline") >= 0; }));
    CHECK(learners->GetItemText(row_named(learners, "Ysoline"), 1) == wxString::FromUTF8("70 ans et plus"));
    screenshot(frame, "mediator-3-learners.png");

    // Activities: an individual session with Ysoline.
    REQUIRE(console->show_page("mediator-activities-page"));
    pump(200);
    click(require_window(frame, "activity-new"));
    dialog = require_dialog("mediator-activity-dialog");
    auto* attendees = dynamic_cast<wxCheckListBox*>(require_window(dialog, "activity-learners", 3000));
    REQUIRE(attendees != nullptr);
    REQUIRE(attendees->GetCount() == 1);
    attendees->Check(0);
    auto* themes = dynamic_cast<wxCheckListBox*>(dialog->FindWindow("activity-admin-themes"));
    REQUIRE(themes != nullptr);
    themes->Check(0);
    screenshot(dialog, "mediator-5-activity.png");
    click(require_window(dialog, "activity-save"));
    wait_gone("mediator-activity-dialog");
    const auto activities = core::ActivityBook(*frame->store()).list();
    REQUIRE(activities.size() == 1);
    CHECK(activities.front().kind == "individuel");
    CHECK(activities.front().learners == std::vector<core::LearnerId>{ysoline.id});
    auto* activities_table = dynamic_cast<wxListCtrl*>(require_window(frame, "activities-table"));
    REQUIRE(activities_table != nullptr);
    REQUIRE(activities_table->GetItemCount() == 1);
    // Selecting it shows who came and how far they are.
    click_row(activities_table, 0);
    auto* attendees_table = dynamic_cast<wxListCtrl*>(require_window(frame, "activity-attendees"));
    REQUIRE(attendees_table != nullptr);
    REQUIRE(wait_until([&] { return attendees_table->GetItemCount() == 1; }));
    CHECK(attendees_table->GetItemText(0, 0) == "Ysoline");
    CHECK(attendees_table->GetItemText(0, 1) == "0");

    // The dashboard counts the session, and its themes chart has a bar for the theme chosen.
    REQUIRE(console->show_page("mediator-dashboard-page"));
    REQUIRE(wait_until([&] { return text_of(require_window(frame, "figure-activities")) == "1"; }));
    CHECK(text_of(require_window(frame, "figure-hours")) == "1 h 00");
    auto* themes_table = dynamic_cast<wxListCtrl*>(frame->FindWindow("theme-table"));
    REQUIRE(themes_table != nullptr);
    CHECK(themes_table->GetItemCount() >= 1);
    if (auto* content = dynamic_cast<wxScrolledWindow*>(frame->FindWindow("dashboard-content"));
        content != nullptr) {
        int unit = 1;
        content->GetScrollPixelsPerUnit(nullptr, &unit);
        content->Scroll(0, frame->FindWindow("theme-chart")->GetPosition().y / std::max(unit, 1));
    }
    screenshot(frame, "mediator-5b-dashboard.png");

    // Reports: La Coop's CSV in the chosen folder, with its header row; the journal counts it.
    REQUIRE(console->show_page("mediator-reports-page"));
    pump(200);
    auto* folder = dynamic_cast<wxDirPickerCtrl*>(require_window(frame, "reports-folder"));
    REQUIRE(folder != nullptr);
    folder->SetPath(wxString(exports.native()));
    click(require_window(frame, "export:coop-csv"));
    REQUIRE(wait_until(
        [&] { return text_of(frame->FindWindow("reports-status")).find("Saved") != std::string::npos; }));
    screenshot(frame, "mediator-6-reports.png");
    fs::path csv;
    for (const auto& entry : fs::directory_iterator(exports)) {
        csv = entry.path();
    }
    REQUIRE(csv.extension() == ".csv");
    std::ifstream in(csv, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The header line is La Coop's, column for column, after the byte order mark French Excel needs.
    REQUIRE(content.find("\r\n") != std::string::npos);
    std::string header = content.substr(0, content.find("\r\n"));
    REQUIRE(header.rfind("\xEF\xBB\xBF", 0) == 0);
    header.erase(0, 3);
    std::vector<std::string> cells;
    for (std::size_t start = 0;;) {
        const std::size_t end = header.find(';', start);
        std::string cell = header.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
            cell = cell.substr(1, cell.size() - 2);
        }
        cells.push_back(cell);
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    CHECK(cells.size() == 27);
    CHECK(cells.front() == "Date");
    CHECK(cells.back() == "ID CRA");
    CHECK(cells == core::coop_columns());
    // One row for the session recorded above.
    CHECK(std::count(content.begin(), content.end(), '\n') == 2);
    CHECK(content.find("Ysoline") == std::string::npos);
    CHECK(journal(frame).front().action == "export");
    CHECK(journal(frame).front().detail.find("coop-csv") != std::string::npos);

    // "Save everything to a USB stick" (its folder dialog is GTK's own, so the stick is chosen
    // here): every format in a new folder, and the page says where.
    auto* reports =
        dynamic_cast<pasapas::ui::MediatorReportsPage*>(frame->FindWindow("mediator-reports-page"));
    REQUIRE(reports != nullptr);
    const fs::path stick = temp.path / "stick";
    fs::create_directories(stick);
    reports->save_to_usb(stick);
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(stick)) {
        folders.push_back(entry.path());
    }
    REQUIRE(folders.size() == 1);
    CHECK(folders.front().filename().string().rfind("Pas-a-Pas_rapports_", 0) == 0);
    std::vector<std::string> saved;
    for (const auto& entry : fs::directory_iterator(folders.front())) {
        saved.push_back(entry.path().extension().string());
    }
    std::sort(saved.begin(), saved.end());
    CHECK(saved == std::vector<std::string>{".csv", ".csv", ".html", ".json", ".xlsx"});
    CHECK(text_of(frame->FindWindow("reports-status")).find("Everything is saved") != std::string::npos);
    CHECK(journal(frame).front().action == "save-usb");

    // Erase Ysoline for good, after typing her name; the journal does not name her.
    REQUIRE(console->show_page("mediator-learners-page"));
    pump(200);
    click_row(learners, row_named(learners, "Ysoline"));
    click(require_window(frame, "learner-erase"));
    dialog = require_dialog("mediator-erase-dialog");
    CHECK(text_of(require_window(dialog, "erase-question")).find("Erase Ysoline for good?") !=
          std::string::npos);
    CHECK_FALSE(require_window(dialog, "erase-confirm")->IsEnabled());
    type_into(dialog, "erase-confirm-name", "Ysoline");
    REQUIRE(wait_until([&] { return dialog->FindWindow("erase-confirm")->IsEnabled(); }));
    screenshot(dialog, "mediator-7-erase.png");
    click(require_window(dialog, "erase-confirm"));
    wait_gone("mediator-erase-dialog");
    CHECK(count_rows(frame, "SELECT COUNT(*) FROM learners") == 0);
    CHECK(count_rows(frame, "SELECT COUNT(*) FROM activity_learners") == 0);
    CHECK(learners->GetItemCount() == 0);
    CHECK(journal(frame).front().action == "erase-learner");
    for (const auto& entry : journal(frame)) {
        CHECK(entry.detail.find("Ysoline") == std::string::npos);
    }

    // Lock and leave: back to the profiles, and the console needs the password again.
    click(settled(require_window(frame, "mediator-leave")));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Profiles; }));
    CHECK(require_window(frame, "profile-panel") == frame->current_panel());
    CHECK(frame->FindWindow("mediator-console") == nullptr);
    CHECK(journal(frame).front().action == "sign-out");
    click(settled(require_window(frame, "mediator-button")));
    dialog = require_dialog("mediator-sign-in-dialog");
    CHECK(frame->screen() == MainFrame::Screen::Profiles);
    click(require_window(dialog, "mediator-cancel"));
    wait_gone("mediator-sign-in-dialog");
    CHECK(frame->screen() == MainFrame::Screen::Profiles);
    quit(frame);
}

namespace {

// Every control shown fits in the window; inside a scrolling area, it fits its width (the
// area scrolls down, never sideways).
void require_fits(wxWindow* window, const wxRect& area, const wxWindow* page) {
    for (wxWindow* child : window->GetChildren()) {
        if (child->IsTopLevel() || !child->IsShownOnScreen()) {
            continue;
        }
        const wxRect rect = child->GetScreenRect();
        INFO(page->GetName().utf8_string()
             << ": " << child->GetName().utf8_string() << " \"" << child->GetLabel().utf8_string() << "\" at "
             << rect.x << "," << rect.y << " " << rect.width << "x" << rect.height << " in " << area.x << ","
             << area.y << " " << area.width << "x" << area.height);
        CHECK(rect.GetLeft() >= area.GetLeft());
        CHECK(rect.GetRight() <= area.GetRight());
        if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(child); scrolled != nullptr) {
            const wxRect inner = scrolled->GetScreenRect();
            CHECK(inner.GetBottom() <= area.GetBottom());
            // Vertically the content scrolls: only its width is checked against the area.
            require_fits(child, wxRect(inner.x, inner.y, inner.width, 1 << 20), page);
            continue;
        }
        CHECK(rect.GetTop() >= area.GetTop());
        CHECK(rect.GetBottom() <= area.GetBottom());
        require_fits(child, area, page);
    }
}

}  // namespace

TEST_CASE("The mediator console fits the window at 200 % text size, in high contrast", "[gui]") {
    ensure_wx();
    TempDir temp{"pasapas-gui-mediator-200"};
    const fs::path db = temp.path / "progress.db";
    {
        core::ProgressStore store(db);
        const auto id = store.create_learner("Anouk", "chat");
        store.update_learner(
            id, "Anouk", "chat",
            core::LearnerAttributes{"40_59", "feminin", "en_emploi", "Vitré", "35500", "35360"}, {});
        core::MediatorAccounts(store).create(kLogin, kPassword);
    }
    MainFrame* frame = start_app(db, 200, true);
    click(settled(require_window(frame, "mediator-button")));
    sign_in(frame, kPassword);
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Mediator; }));
    wait_gone("mediator-sign-in-dialog");
    MediatorConsolePanel* console = console_of(frame);
    pump(500);
    pasapas::ui::Appearance contrast;
    contrast.high_contrast = true;
    CHECK(console->GetBackgroundColour() == contrast.background());
    CHECK(console->GetForegroundColour() == contrast.foreground());
    const wxRect area(frame->ClientToScreen(wxPoint(0, 0)), frame->GetClientSize());
    for (const char* page : {"mediator-learners-page", "mediator-activities-page", "mediator-dashboard-page",
                             "mediator-reports-page", "mediator-journal-page"}) {
        REQUIRE(console->show_page(page));
        pump(400);
        screenshot(frame, std::string("mediator-200-") + page + ".png");
        require_fits(frame, area, console->pages()->GetCurrentPage());
    }
    quit(frame);
}

namespace {

// The collectivité's server, played by the test: answers each request with the next status.
struct ScriptedServer : core::HttpClient {
    std::vector<long> statuses;
    std::vector<core::HttpRequest> requests;
    core::HttpResponse send(const core::HttpRequest& request) override {
        requests.push_back(request);
        core::HttpResponse response;
        response.status = statuses.at(std::min(requests.size(), statuses.size()) - 1);
        return response;
    }
};

std::string authorization(const core::HttpRequest& request) {
    for (const auto& [name, value] : request.headers) {
        if (name == "Authorization") {
            return value;
        }
    }
    return {};
}

// Brings a field of the scrolling reports page into view (focus scrolls to it), then clicks it.
wxWindow* reveal(MainFrame* frame, const wxString& name) {
    wxWindow* window = frame->FindWindow(name);
    REQUIRE(window != nullptr);
    window->SetFocus();
    pump(100);
    return settled(require_window(frame, name));
}

}  // namespace

TEST_CASE("Sending: refused credentials are asked again, then the statistics go once", "[gui]") {
    ensure_wx();
    TempDir temp{"pasapas-gui-mediator-send"};
    const fs::path db = temp.path / "progress.db";
    {
        core::ProgressStore store(db);
        store.create_learner("Anouk", "chat");
        core::MediatorAccounts(store).create(kLogin, kPassword);
    }
    auto server = std::make_shared<ScriptedServer>();
    server->statuses = {401, 200};
    MainFrame* frame = start_app(db, 100, false, server);
    click(settled(require_window(frame, "mediator-button")));
    sign_in(frame, kPassword);
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Mediator; }));
    wait_gone("mediator-sign-in-dialog");
    REQUIRE(console_of(frame)->show_page("mediator-reports-page"));
    pump(200);

    click(reveal(frame, "send-stats-endpoint"));
    type_text("https://stats.example.fr/pasapas");
    auto* auth = dynamic_cast<wxChoice*>(frame->FindWindow("send-auth"));
    REQUIRE(auth != nullptr);
    auth->SetSelection(1);  // Bearer token
    wxCommandEvent chosen(wxEVT_CHOICE, auth->GetId());
    chosen.SetEventObject(auth);
    chosen.SetInt(1);
    auth->ProcessWindowEvent(chosen);
    auto* token = dynamic_cast<wxTextCtrl*>(frame->FindWindow("send-token"));
    REQUIRE(token != nullptr);
    REQUIRE(token->IsEnabled());
    click(reveal(frame, "send-token"));
    type_text("old-token");

    // The server refuses the token: nothing is lost, the token is asked again.
    click(reveal(frame, "send-now"));
    REQUIRE(wait_until([&] { return server->requests.size() == 1; }));
    CHECK(authorization(server->requests.at(0)) == "Bearer old-token");
    REQUIRE(wait_until([&] { return token->GetValue().empty(); }));
    CHECK(text_of(frame->FindWindow("send-result")).find("credentials") != std::string::npos);
    CHECK(core::Outbox(*frame->store()).counts().pending == 1);
    screenshot(frame, "mediator-8-send-refused.png");

    // A new token: the statistics go, once, and the page says so.
    click(reveal(frame, "send-token"));
    type_text("new-token");
    click(reveal(frame, "send-now"));
    REQUIRE(wait_until([&] { return server->requests.size() == 2; }));
    CHECK(authorization(server->requests.at(1)) == "Bearer new-token");
    REQUIRE(wait_until([&] { return core::Outbox(*frame->store()).counts().sent == 1; }));
    CHECK(core::Outbox(*frame->store()).counts().pending == 0);
    CHECK(text_of(frame->FindWindow("send-status")).find("Sent: 1") != std::string::npos);
    CHECK(journal(frame).front().action == "send");
    screenshot(frame, "mediator-9-sent.png");

    // Sending again queues nothing new and sends nothing twice.
    const auto sends = [&] {
        const auto entries = journal(frame);
        return std::count_if(entries.begin(), entries.end(),
                             [](const auto& e) { return e.action == "send"; });
    };
    REQUIRE(sends() == 2);
    click(reveal(frame, "send-now"));
    REQUIRE(wait_until([&] { return sends() == 3; }));
    CHECK(server->requests.size() == 2);
    CHECK(journal(frame).front().detail.find("queued 0") != std::string::npos);

    // Another period makes other statistics; the server refuses them (400): they are listed as
    // refused, and "Try again" sends them once the server takes them.
    auto* preset = dynamic_cast<wxChoice*>(frame->FindWindow("reports-period-preset"));
    REQUIRE(preset != nullptr);
    preset->SetSelection(3);  // Everything
    wxCommandEvent everything(wxEVT_CHOICE, preset->GetId());
    everything.SetEventObject(preset);
    everything.SetInt(3);
    preset->ProcessWindowEvent(everything);
    server->statuses = {401, 200, 400, 200};
    click(reveal(frame, "send-now"));
    REQUIRE(wait_until([&] { return server->requests.size() == 3; }));
    auto* dead = dynamic_cast<wxListCtrl*>(frame->FindWindow("send-dead-letters"));
    REQUIRE(dead != nullptr);
    REQUIRE(wait_until([&] { return dead->GetItemCount() == 1; }));
    CHECK(dead->GetItemText(0, 2) == "400");
    CHECK(text_of(frame->FindWindow("send-status")).find("Refused: 1") != std::string::npos);
    screenshot(frame, "mediator-10-refused.png");
    click(reveal(frame, "send-retry"));
    REQUIRE(wait_until([&] { return server->requests.size() == 4; }));
    REQUIRE(wait_until([&] { return dead->GetItemCount() == 0; }));
    CHECK(core::Outbox(*frame->store()).counts().sent == 2);
    quit(frame);
}

TEST_CASE("Too many wrong passwords: the sign-in says how long to wait, even for the right one", "[gui]") {
    ensure_wx();
    TempDir temp{"pasapas-gui-mediator-lock"};
    const fs::path db = temp.path / "progress.db";
    {
        core::ProgressStore store(db);
        core::MediatorAccounts(store).create(kLogin, kPassword);
    }
    MainFrame* frame = start_app(db);
    click(settled(require_window(frame, "mediator-button")));
    wxWindow* dialog = require_dialog("mediator-sign-in-dialog");
    type_into(dialog, "mediator-login", kLogin);
    for (int attempt = 1; attempt <= core::MediatorAccounts::kMaxAttempts; ++attempt) {
        type_into(dialog, "mediator-password", "not-the-password");
        click(require_window(dialog, "mediator-sign-in"));
        REQUIRE(wait_until(
            [&] { return dynamic_cast<wxTextCtrl*>(dialog->FindWindow("mediator-password"))->IsEmpty(); }));
    }
    REQUIRE(wait_until([&] {
        return text_of(require_window(dialog, "mediator-sign-in-message")).find("Too many attempts") !=
               std::string::npos;
    }));
    CHECK(text_of(dialog->FindWindow("mediator-sign-in-message")).find("seconds") != std::string::npos);
    screenshot(dialog, "mediator-11-locked.png");
    // The right password waits too: the console stays shut.
    type_into(dialog, "mediator-password", kPassword);
    click(require_window(dialog, "mediator-sign-in"));
    REQUIRE(wait_until(
        [&] { return dynamic_cast<wxTextCtrl*>(dialog->FindWindow("mediator-password"))->IsEmpty(); }));
    CHECK(text_of(dialog->FindWindow("mediator-sign-in-message")).find("Too many attempts") !=
          std::string::npos);
    CHECK(frame->screen() == MainFrame::Screen::Profiles);
    click(require_window(dialog, "mediator-cancel"));
    wait_gone("mediator-sign-in-dialog");
    quit(frame);
}
