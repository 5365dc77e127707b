#include "ui/main_frame.hpp"

#include "ui/home_panel.hpp"
#include "ui/lesson_player_panel.hpp"
#include "ui/mediator_console_panel.hpp"
#include "ui/mediator_sign_in_dialog.hpp"
#include "ui/new_profile_dialog.hpp"
#include "ui/pin_dialog.hpp"
#include "ui/profile_panel.hpp"
#include "ui/scenario_mode_dialog.hpp"
#include "ui/scenario_player_panel.hpp"
#include "ui/settings_dialog.hpp"

#include <wx/accel.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/translation.h>

#include <algorithm>
#include <memory>
#include <random>
#include <utility>

namespace pasapas::ui {

namespace {

constexpr const char* kTextPercent = "text_percent";
constexpr const char* kHighContrast = "high_contrast";
constexpr const char* kLanguage = "language";

// A learner's remembered settings over the session's; unknown values are ignored.
Appearance with_settings(Appearance appearance, const std::map<std::string, std::string>& settings) {
    if (const auto found = settings.find(kTextPercent); found != settings.end()) {
        for (const int step : Appearance::kTextSteps) {
            if (found->second == std::to_string(step)) {
                appearance.text_percent = step;
            }
        }
    }
    if (const auto found = settings.find(kHighContrast); found != settings.end()) {
        appearance.high_contrast = found->second == "1";
    }
    if (const auto found = settings.find(kLanguage); found != settings.end()) {
        const auto& codes = SettingsDialog::language_codes();
        if (std::find(codes.begin(), codes.end(), found->second) != codes.end()) {
            appearance.language = found->second;
        }
    }
    return appearance;
}

wxLanguage wx_language(const std::string& code) {
    return code == "en" ? wxLANGUAGE_ENGLISH : wxLANGUAGE_FRENCH;
}

}  // namespace

void MainFrame::install_language(const std::string& code) {
    auto* translations = new wxTranslations();
    translations->SetLanguage(wx_language(code));
    // The interface is written in English, the lessons in French: each catalog says so, so
    // that no catalog is looked for when the source language is the one wanted.
    translations->AddCatalog("pasapas", wxLANGUAGE_ENGLISH);
    translations->AddCatalog("pasapas-lessons", wxLANGUAGE_FRENCH);
    wxTranslations::Set(translations);
}

MainFrame::MainFrame(MainFrameOptions options)
    : wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("Pas à Pas")),
      options_(std::move(options)),
      avatars_(options_.assets_dir),
      session_appearance_(options_.appearance),
      appearance_(options_.appearance) {
    SetName("main-frame");
    if (options_.language_ready.valid()) {
        options_.language_ready.wait();
    }
    try {
        store_ = options_.preloaded_store.valid() ? options_.preloaded_store.get()
                                                  : std::make_shared<core::ProgressStore>(options_.database);
    } catch (const core::StoreError& error) {
        store_error_ = error.what();
    }
    lessons_ = options_.preloaded_lessons.valid() ? options_.preloaded_lessons.get()
                                                  : core::LessonLoader().load_directory(options_.lessons_dir);

    SetSizer(new wxBoxSizer(wxVERTICAL));
    SetMinSize(FromDIP(wxSize(800, 600)));
    SetSize(FromDIP(wxSize(1024, 768)));

    const int mediator_key = wxWindow::NewControlId();
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, ',', wxID_PREFERENCES},
                                 {wxACCEL_NORMAL, WXK_F2, wxID_PREFERENCES},
                                 {wxACCEL_CTRL | wxACCEL_SHIFT, 'M', mediator_key}};
    SetAcceleratorTable(wxAcceleratorTable(3, keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { open_settings(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            // Not in the middle of a lesson or procedure: its progress would be left unsaved.
            if (screen_ == Screen::Profiles || screen_ == Screen::Home) {
                open_mediator();
            }
        },
        mediator_key);
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_ESCAPE && (screen_ == Screen::Player || screen_ == Screen::Scenario)) {
            leave_player();
            return;
        }
        event.Skip();
    });

    Centre();
    if (!store_error_.empty() || (store_ && !store_->open_report().message.empty())) {
        CallAfter([this] { show_startup_messages(); });
    }
}

MainFrame::~MainFrame() = default;

void MainFrame::start() {
    // The first screen is built once the frame is shown: labels measured before the frame
    // first appears keep the default font's size and clip their text.
    if (options_.start_as_guest || !store_) {
        log_in_as_guest();
    } else {
        show_profiles();
        if (options_.open_mediator) {
            // Once the window is drawn: a dialog shown before the window manager maps the window
            // would end up behind it, leaving a disabled window and no way on.
            auto pending = std::make_shared<bool>(true);
            Bind(wxEVT_PAINT, [this, pending](wxPaintEvent& event) {
                event.Skip();
                if (*pending) {
                    *pending = false;
                    CallAfter([this] { open_mediator(); });
                }
            });
            Refresh();
        }
    }
}

void MainFrame::show_startup_messages() {
    if (!store_error_.empty()) {
        wxMessageDialog dialog(
            this,
            _("Your progress cannot be saved on this computer right now. You can still use the "
              "program as a guest, but nothing will be kept."),
            _("Progress cannot be saved"), wxYES_NO | wxICON_WARNING);
        dialog.SetExtendedMessage(wxString::FromUTF8(store_error_));
        dialog.SetYesNoLabels(_("Continue as guest"), _("Quit"));
        if (dialog.ShowModal() == wxID_NO) {
            Close();
        }
        return;
    }
    wxMessageDialog dialog(this, wxString::FromUTF8(store_->open_report().message), _("About your progress"),
                           wxOK | wxICON_INFORMATION);
    dialog.ShowModal();
}

void MainFrame::set_panel(wxWindow* panel, Screen screen) {
    Freeze();
    if (panel_ != nullptr) {
        GetSizer()->Detach(panel_);
        panel_->Destroy();
    }
    panel_ = panel;
    screen_ = screen;
    GetSizer()->Add(panel_, wxSizerFlags(1).Expand());
    apply_appearance(this, appearance_);
    Thaw();
    if (wxWindow* first = FindWindowByName("continue-button", panel_); first != nullptr) {
        first->SetFocus();
    } else {
        panel_->SetFocus();
    }
}

void MainFrame::show_profiles() {
    learner_.reset();
    guest_ = false;
    if (!store_) {
        log_in_as_guest();
        return;
    }
    if (appearance_.language != session_appearance_.language) {
        install_language(session_appearance_.language);
    }
    appearance_ = session_appearance_;
    std::vector<core::Learner> learners;
    try {
        learners = store_->learners();
    } catch (const core::StoreError& error) {
        wxMessageBox(wxString::FromUTF8(error.what()), _("Progress cannot be read"), wxOK | wxICON_WARNING,
                     this);
    }
    ProfilePanel::Actions actions;
    actions.open = [this](const core::Learner& learner) { CallAfter([this, learner] { log_in(learner); }); };
    actions.new_profile = [this] { CallAfter([this] { new_profile(); }); };
    actions.guest = [this] { CallAfter([this] { log_in_as_guest(); }); };
    actions.settings = [this] { CallAfter([this] { open_settings(); }); };
    actions.mediator = [this] { CallAfter([this] { open_mediator(); }); };
    set_panel(new ProfilePanel(this, learners, avatars_, appearance_, std::move(actions)), Screen::Profiles);
}

void MainFrame::show_home() {
    std::vector<core::LessonProgress> progress;
    if (learner_ && store_) {
        try {
            progress = store_->all_progress(learner_->id);
        } catch (const core::StoreError& error) {
            wxMessageBox(wxString::FromUTF8(error.what()), _("Progress cannot be read"),
                         wxOK | wxICON_WARNING, this);
        }
    }
    std::vector<core::ScenarioResult> results;
    if (learner_ && store_) {
        try {
            results = store_->scenario_results(learner_->id);
        } catch (const core::StoreError&) {
            // The lessons' progress already said so; the procedures simply show as not started.
        }
    }
    HomePanel::Actions actions;
    actions.open_lesson = [this](const std::string& id) { CallAfter([this, id] { open_lesson(id); }); };
    actions.open_scenario = [this](const std::string& id) { CallAfter([this, id] { open_scenario(id); }); };
    actions.settings = [this] { CallAfter([this] { open_settings(); }); };
    actions.change_profile = [this] { CallAfter([this] { show_profiles(); }); };
    set_panel(new HomePanel(this, learner_, lessons_.lessons, lessons_.scenarios, lessons_.problems, progress,
                            results, avatars_, appearance_, std::move(actions)),
              Screen::Home);
}

void MainFrame::open_lesson(const std::string& lesson_id) {
    const auto found = std::find_if(lessons_.lessons.begin(), lessons_.lessons.end(),
                                    [&](const core::Lesson& lesson) { return lesson.id == lesson_id; });
    if (found == lessons_.lessons.end()) {
        return;
    }
    lesson_id_ = lesson_id;
    core::ProgressStore* store = learner_ ? store_.get() : nullptr;
    const core::LearnerId learner = learner_ ? learner_->id : 0;
    set_panel(new LessonPlayerPanel(this, *found, store, learner, appearance_,
                                    [this] { CallAfter([this] { show_home(); }); }),
              Screen::Player);
}

void MainFrame::open_scenario(const std::string& scenario_id) {
    const auto found =
        std::find_if(lessons_.scenarios.begin(), lessons_.scenarios.end(),
                     [&](const core::Scenario& scenario) { return scenario.id == scenario_id; });
    if (found == lessons_.scenarios.end() || disabler_) {
        return;
    }
    // Modeless over a disabled frame, as the new profile dialog: no nested event loop.
    auto* dialog = new ScenarioModeDialog(
        this, appearance_, wxGetTranslation(wxString::FromUTF8(found->title), "pasapas-lessons"));
    disabler_ = std::make_unique<wxWindowDisabler>(dialog);
    auto handled = std::make_shared<bool>(false);
    dialog->Bind(wxEVT_SHOW, [this, dialog, handled, scenario_id](wxShowEvent& event) {
        event.Skip();
        if (event.IsShown() || *handled) {
            return;
        }
        *handled = true;
        CallAfter([this, dialog, scenario_id] {
            disabler_.reset();
            const auto mode = dialog->GetReturnCode() == wxID_OK ? dialog->chosen() : std::nullopt;
            dialog->Destroy();
            if (mode) {
                play_scenario(scenario_id, *mode);
            }
        });
    });
    dialog->Show();
}

void MainFrame::play_scenario(const std::string& scenario_id, core::ScenarioMode mode) {
    const auto found =
        std::find_if(lessons_.scenarios.begin(), lessons_.scenarios.end(),
                     [&](const core::Scenario& scenario) { return scenario.id == scenario_id; });
    if (found == lessons_.scenarios.end()) {
        return;
    }
    lesson_id_ = scenario_id;
    core::ProgressStore* store = learner_ ? store_.get() : nullptr;
    const core::LearnerId learner = learner_ ? learner_->id : 0;
    // Fresh codes and reference at every run, as on the real sites.
    const std::uint32_t seed = std::random_device{}();
    set_panel(new ScenarioPlayerPanel(
                  this, *found, mode, store, learner, appearance_,
                  [this] { CallAfter([this] { show_home(); }); }, seed),
              Screen::Scenario);
}

void MainFrame::leave_player() {
    // The player's own way out records the exit; press it so that leaving by Escape is the same.
    if (auto* leave = dynamic_cast<wxButton*>(FindWindowByName("leave-button", panel_)); leave != nullptr) {
        wxCommandEvent click(wxEVT_BUTTON, leave->GetId());
        click.SetEventObject(leave);
        leave->ProcessWindowEvent(click);
        return;
    }
    show_home();
}

void MainFrame::open_mediator() {
    if (!store_ || disabler_ || screen_ == Screen::Mediator) {
        return;
    }
    bool any = false;
    try {
        any = core::MediatorAccounts(*store_).any();
    } catch (const core::StoreError& error) {
        wxMessageBox(wxString::FromUTF8(error.what()), _("Progress cannot be read"), wxOK | wxICON_WARNING,
                     this);
        return;
    }
    // Modeless over a disabled frame, as the new profile dialog: no nested event loop.
    auto* dialog = new MediatorSignInDialog(this, session_appearance_, *store_, !any);
    disabler_ = std::make_unique<wxWindowDisabler>(dialog);
    auto handled = std::make_shared<bool>(false);
    dialog->Bind(wxEVT_SHOW, [this, dialog, handled](wxShowEvent& event) {
        event.Skip();
        if (event.IsShown() || *handled) {
            return;
        }
        *handled = true;
        CallAfter([this, dialog] {
            disabler_.reset();
            const auto mediator = dialog->GetReturnCode() == wxID_OK ? dialog->signed_in() : std::nullopt;
            dialog->Destroy();
            if (mediator) {
                show_mediator(*mediator);
            }
        });
    });
    dialog->Show();
    dialog->Raise();
}

void MainFrame::show_mediator(core::MediatorId mediator) {
    // The console is the mediator's, with the session's look: no learner stays signed in.
    learner_.reset();
    guest_ = false;
    if (appearance_.language != session_appearance_.language) {
        install_language(session_appearance_.language);
    }
    appearance_ = session_appearance_;
    mediator_ = mediator;
    MediatorContext context;
    context.store = store_;
    context.lessons = &lessons_;
    context.mediator = mediator;
    context.http = options_.http;
    context.appearance = appearance_;
    set_panel(new MediatorConsolePanel(this, std::move(context),
                                       [this] { CallAfter([this] { leave_mediator(); }); }),
              Screen::Mediator);
}

void MainFrame::leave_mediator() {
    mediator_ = 0;
    show_profiles();
}

void MainFrame::log_in(const core::Learner& learner) {
    if (learner.has_pin) {
        PinDialog pin(
            this, appearance_, wxString::FromUTF8(learner.name),
            [this, id = learner.id](const std::string& code) { return store_->check_pin(id, code); });
        if (pin.ShowModal() != wxID_OK) {
            return;
        }
    }
    learner_ = learner;
    guest_ = false;
    Appearance mine = appearance_;
    try {
        mine = with_settings(session_appearance_, store_->settings(learner.id));
    } catch (const core::StoreError&) {
        // Settings are a comfort: without them the session's look is kept.
    }
    if (mine.language != appearance_.language) {
        install_language(mine.language);
    }
    appearance_ = mine;
    show_home();
}

void MainFrame::log_in_as_guest() {
    learner_.reset();
    guest_ = true;
    appearance_ = session_appearance_;
    show_home();
}

void MainFrame::new_profile() {
    if (!store_ || disabler_) {
        return;
    }
    // Modeless, with the rest disabled: it behaves as a modal dialog for the learner, without
    // a nested event loop (which also lets the GUI test drive it like a person).
    auto* dialog = new NewProfileDialog(this, appearance_, avatars_, *store_);
    disabler_ = std::make_unique<wxWindowDisabler>(dialog);
    // GTK may report the hiding more than once (again while the dialog is destroyed): the
    // result is handled the first time only.
    auto handled = std::make_shared<bool>(false);
    dialog->Bind(wxEVT_SHOW, [this, dialog, handled](wxShowEvent& event) {
        event.Skip();
        if (event.IsShown() || *handled) {
            return;
        }
        *handled = true;
        CallAfter([this, dialog] {
            disabler_.reset();
            const bool created = dialog->GetReturnCode() == wxID_OK;
            const core::LearnerId id = dialog->created();
            dialog->Destroy();
            if (created) {
                profile_created(id);
            }
        });
    });
    dialog->Show();
}

void MainFrame::profile_created(core::LearnerId id) {
    // Remember the look chosen before the profile existed, so the new learner keeps it.
    const auto created = store_->learner(id);
    if (!created) {
        show_profiles();
        return;
    }
    try {
        store_->set_setting(created->id, kTextPercent, std::to_string(appearance_.text_percent));
        store_->set_setting(created->id, kHighContrast, appearance_.high_contrast ? "1" : "0");
        store_->set_setting(created->id, kLanguage, appearance_.language);
    } catch (const core::StoreError&) {
        // Not worth stopping for: the learner can choose again in the settings.
    }
    learner_ = created;
    guest_ = false;
    show_home();
}

void MainFrame::open_settings() {
    SettingsDialog dialog(this, appearance_, learner_.has_value());
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    use_appearance(dialog.chosen());
}

void MainFrame::use_appearance(const Appearance& chosen) {
    const bool language_changed = chosen.language != appearance_.language;
    appearance_ = chosen;
    if (learner_ && store_) {
        try {
            store_->set_setting(learner_->id, kTextPercent, std::to_string(chosen.text_percent));
            store_->set_setting(learner_->id, kHighContrast, chosen.high_contrast ? "1" : "0");
            store_->set_setting(learner_->id, kLanguage, chosen.language);
        } catch (const core::StoreError& error) {
            wxMessageBox(wxString::FromUTF8(error.what()), _("Settings not remembered"),
                         wxOK | wxICON_WARNING, this);
        }
    } else {
        session_appearance_ = chosen;
    }
    if (language_changed) {
        install_language(chosen.language);
    }
    rebuild();
}

void MainFrame::rebuild() {
    switch (screen_) {
        case Screen::Profiles:
            show_profiles();
            break;
        case Screen::Home:
            show_home();
            break;
        case Screen::Mediator:
            // Still signed in: the console is drawn again with the new look.
            show_mediator(mediator_);
            break;
        case Screen::Scenario:
            // A run cannot be resumed: the same run is redrawn with the new look instead.
            if (auto* player = dynamic_cast<ScenarioPlayerPanel*>(panel_); player != nullptr) {
                player->set_appearance(appearance_);
            }
            break;
        case Screen::Player:
            // A learner's player reopens at the saved step; a guest's has nothing saved, so it
            // only changes look and keeps its place.
            if (learner_ && store_) {
                open_lesson(lesson_id_);
            } else {
                apply_appearance(this, appearance_);
            }
            break;
    }
}

}  // namespace pasapas::ui
