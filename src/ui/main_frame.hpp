#pragma once
// The one window of Pas à Pas. Owns the progress store and the lessons, and swaps screens in a
// single sizer: profiles -> home -> lesson player -> home. Settings apply to the whole window
// at once; a learner's settings are remembered for them, a guest's only for the session.
#include "core/http_client.hpp"
#include "core/lesson_loader.hpp"
#include "core/mediator_accounts.hpp"
#include "core/progress_store.hpp"
#include "core/scenario_session.hpp"
#include "ui/appearance.hpp"
#include "ui/avatar_catalog.hpp"

#include <wx/frame.h>
#include <wx/utils.h>

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>

namespace pasapas::ui {

struct MainFrameOptions {
    std::filesystem::path database;
    std::filesystem::path lessons_dir;
    std::filesystem::path assets_dir;
    bool start_as_guest = false;
    Appearance appearance;  // for the profile screen and guests; language already installed
    // The lessons and procedures, when the caller started loading them in the background so
    // that reading them overlaps with the creation of the window (start-up time); when not
    // valid, they are loaded from lessons_dir by the constructor.
    std::shared_future<core::LoadResult> preloaded_lessons;
    // The same for the progress store (opening it checks and may migrate the file); get()
    // rethrows the StoreError of a store that could not be opened.
    std::shared_future<std::shared_ptr<core::ProgressStore>> preloaded_store;
    // How the mediator console sends reports (libcurl in the app); null: sending is unavailable.
    std::shared_ptr<core::HttpClient> http;
    bool open_mediator = false;  // start on the mediator area's sign-in
    // The interface catalog, when the caller is reading it in the background (see
    // install_language); the frame waits for it before it creates its first control.
    std::shared_future<void> language_ready;
};

class MainFrame : public wxFrame {
public:
    enum class Screen : std::uint8_t { Profiles, Home, Player, Scenario, Mediator };

    explicit MainFrame(MainFrameOptions options);
    ~MainFrame() override;

    // Installs the catalogs "pasapas" and "pasapas-lessons" for a language code ("fr", "en").
    static void install_language(const std::string& code);

    [[nodiscard]] Screen screen() const { return screen_; }
    [[nodiscard]] wxWindow* current_panel() const { return panel_; }
    [[nodiscard]] const Appearance& appearance() const { return appearance_; }
    [[nodiscard]] core::ProgressStore* store() const { return store_.get(); }
    [[nodiscard]] const core::LoadResult& lessons() const { return lessons_; }

    // The screens, also reachable by tests.
    void show_profiles();
    void show_home();
    void open_lesson(const std::string& lesson_id);
    // A procedure simulation: asks how to play it (Guided, Practice, Autonomy check), then plays.
    void open_scenario(const std::string& scenario_id);
    void play_scenario(const std::string& scenario_id, core::ScenarioMode mode);
    void open_settings();
    void log_in_as_guest();
    // The mediator area: creates the first account or asks for the password, then the console.
    void open_mediator();
    void show_mediator(core::MediatorId mediator);

    // Shows the first screen (profiles, or home as a guest); call once the frame is shown.
    void start();

private:
    void set_panel(wxWindow* panel, Screen screen);
    void log_in(const core::Learner& learner);
    void new_profile();
    void profile_created(core::LearnerId id);
    void rebuild();
    void use_appearance(const Appearance& appearance);
    void show_startup_messages();
    void leave_player();
    void leave_mediator();

    MainFrameOptions options_;
    std::shared_ptr<core::ProgressStore> store_;
    std::string store_error_;  // why the store could not be opened, empty when it was
    core::LoadResult lessons_;
    AvatarCatalog avatars_;
    Appearance session_appearance_;  // profile screen and guests
    Appearance appearance_;          // what is shown now
    std::optional<core::Learner> learner_;
    bool guest_ = false;
    Screen screen_ = Screen::Profiles;
    std::string lesson_id_;          // playing, when screen_ == Player
    core::MediatorId mediator_ = 0;  // signed in, when screen_ == Mediator
    wxWindow* panel_ = nullptr;
    std::unique_ptr<wxWindowDisabler> disabler_;  // while a modeless dialog stands in for a modal one
};

}  // namespace pasapas::ui
