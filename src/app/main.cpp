// Pas à Pas, the desktop application: options, translations, the main window, and the single
// catch-all for exceptions that escape an event handler.
#include "core/lesson_loader.hpp"
#include "core/paths.hpp"
#include "core/progress_store.hpp"
#include "core/translate.hpp"
#include "net/curl_http_client.hpp"
#include "ui/appearance.hpp"
#include "ui/main_frame.hpp"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace {

namespace fs = std::filesystem;

std::optional<std::string> option(const wxCmdLineParser& parser, const char* name) {
    wxString value;
    if (parser.Found(name, &value)) {
        return value.utf8_string();
    }
    return std::nullopt;
}

// The message of the exception being handled, for people: never a type name or a trace.
wxString current_exception_message() {
    try {
        throw;
    } catch (const std::exception& error) {
        return wxString::FromUTF8(error.what());
    } catch (...) {
        return _("an unexpected error");
    }
}

class PasAPasApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    void report_ready_once_idle(wxWindow* frame);

    std::optional<std::string> db_;
    std::optional<std::string> lessons_;
    std::optional<std::string> language_;
    bool guest_ = false;
    bool mediator_ = false;
    bool bench_ready_ = false;
    bool painted_ = false;
    bool reported_ = false;
};

void PasAPasApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", "progress database file (default: $PASAPAS_DB, else the user data folder)");
    parser.AddOption("", "lessons", "folder of lessons (default: $PASAPAS_LESSONS, else the installed ones)");
    parser.AddOption("", "lang", "language of the interface: fr or en");
    parser.AddSwitch("", "guest", "start as a guest, without choosing a profile");
    parser.AddSwitch("", "mediator", "start on the mediator area's sign-in");
    parser.AddSwitch("", "bench-ready", "print PASAPAS_READY once the first screen is shown, then quit");
}

bool PasAPasApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    db_ = option(parser, "db");
    lessons_ = option(parser, "lessons");
    language_ = option(parser, "lang");
    guest_ = parser.Found("guest");
    mediator_ = parser.Found("mediator");
    bench_ready_ = parser.Found("bench-ready");
    return wxApp::OnCmdLineParsed(parser);
}

bool PasAPasApp::OnInit() {
    if (!wxApp::OnInit()) {
        return false;
    }
    SetAppName("pasapas");
    SetAppDisplayName(wxString::FromUTF8("Pas à Pas"));

    const fs::path executable(wxStandardPaths::Get().GetExecutablePath().utf8_string());
    const fs::path share = executable.parent_path().parent_path() / "share";
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString((share / "locale").native()));

    pasapas::ui::MainFrameOptions options;
    // French first: the people this is made for mostly read French.
    options.appearance.language = language_ == std::optional<std::string>("en") ? "en" : "fr";
    // The interface catalog is the largest file read at start-up: it is read on another core
    // while GTK creates the window. Whatever translates before it is installed waits for it.
    options.language_ready = std::async(std::launch::async, [code = options.appearance.language] {
                                 pasapas::ui::MainFrame::install_language(code);
                             }).share();
    pasapas::core::set_translator([ready = options.language_ready](const char* msgid) {
        ready.wait();
        return wxGetTranslation(wxString::FromUTF8(msgid)).utf8_string();
    });

    options.database = pasapas::core::database_path(db_);
    options.lessons_dir = pasapas::core::lessons_path(lessons_, executable);
    options.assets_dir = share / "pasapas" / "assets";
    options.start_as_guest = guest_;
    options.open_mediator = mediator_;
    // Reports leave the PC only through libcurl, with certificates always verified.
    options.http = std::make_shared<pasapas::net::CurlHttpClient>();
    // Reading and validating every lesson and procedure file, and opening the progress store,
    // run on other cores while GTK creates the window; the translator is installed first, since
    // problems and store notices are translated.
    options.preloaded_lessons = std::async(std::launch::async, [dir = options.lessons_dir] {
                                    return pasapas::core::LessonLoader().load_directory(dir);
                                }).share();
    options.preloaded_store = std::async(std::launch::async, [file = options.database] {
                                  return std::make_shared<pasapas::core::ProgressStore>(file);
                              }).share();

    pasapas::ui::use_as_desktop_font(options.appearance);
    // Creating the first window reads wx's table of languages, which installing the catalog
    // fills: wx does not guard it against two threads, so the window is created once the
    // catalog is installed. Loading GTK's theme just above takes longer, so this costs nothing.
    options.language_ready.wait();
    auto* frame = new pasapas::ui::MainFrame(options);
    frame->Show();
    frame->start();
    if (bench_ready_) {
        report_ready_once_idle(frame);
    }
    return true;
}

// For the start-up benchmark: ready means painted, and nothing left to do in the event loop.
void PasAPasApp::report_ready_once_idle(wxWindow* frame) {
    const auto on_paint = [this](wxPaintEvent& event) {
        painted_ = true;
        event.Skip();
    };
    frame->Bind(wxEVT_PAINT, on_paint);
    for (wxWindow* child : frame->GetChildren()) {
        child->Bind(wxEVT_PAINT, on_paint);
    }
    Bind(wxEVT_IDLE, [this](wxIdleEvent& event) {
        if (painted_ && !reported_) {
            reported_ = true;
            std::fputs("PASAPAS_READY\n", stdout);
            std::fflush(stdout);
            ExitMainLoop();
        }
        event.Skip();
    });
}

bool PasAPasApp::OnExceptionInMainLoop() {
    // The one place where errors escaping the screens end: say it plainly and keep going,
    // since every step is saved as soon as it is done.
    const wxString message = current_exception_message();
    std::fprintf(stderr, "pasapas: exception in the main loop: %s\n", message.utf8_string().c_str());
    wxMessageBox(
        wxString::Format(_("Something went wrong: %s\n\nYour progress up to now is saved."), message),
        _("Something went wrong"), wxOK | wxICON_WARNING);
    return true;
}

void PasAPasApp::OnUnhandledException() {
    std::fprintf(stderr, "pasapas: unhandled exception: %s\n",
                 current_exception_message().utf8_string().c_str());
}

}  // namespace

wxIMPLEMENT_APP(PasAPasApp);
