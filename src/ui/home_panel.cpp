#include "ui/home_panel.hpp"

#include "core/tags.hpp"
#include "ui/appearance.hpp"
#include "ui/home_card.hpp"
#include "ui/label.hpp"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>
#include <utility>

namespace pasapas::ui {

namespace {

wxString lesson_text(const std::string& text) {
    // Lesson text is French at the source; other languages come from their own catalog.
    return wxGetTranslation(wxString::FromUTF8(text), "pasapas-lessons");
}

int step_count(const core::Lesson& lesson) {
    return static_cast<int>(lesson.steps.size());
}

// The step shown to people counts from 1 and never runs past the last one.
int shown_step(const core::LessonProgress& progress, const core::Lesson& lesson) {
    return std::clamp(progress.current_step + 1, 1, std::max(1, step_count(lesson)));
}

const core::Lesson* find_lesson(const std::vector<core::Lesson>& lessons, const std::string& id) {
    const auto found = std::find_if(lessons.begin(), lessons.end(),
                                    [&](const core::Lesson& lesson) { return lesson.id == id; });
    return found == lessons.end() ? nullptr : &*found;
}

}  // namespace

std::optional<core::LessonProgress> HomePanel::lesson_to_continue(
    const std::vector<core::Lesson>& lessons, const std::vector<core::LessonProgress>& progress) {
    std::optional<core::LessonProgress> best;
    for (const auto& entry : progress) {
        if (entry.status != core::LessonStatus::InProgress ||
            find_lesson(lessons, entry.lesson_id) == nullptr) {
            continue;
        }
        // ISO 8601 UTC times sort as text.
        if (!best || entry.updated_at > best->updated_at) {
            best = entry;
        }
    }
    return best;
}

HomePanel::HomePanel(wxWindow* parent, const std::optional<core::Learner>& learner,
                     const std::vector<core::Lesson>& lessons, const std::vector<core::LoadProblem>& problems,
                     const std::vector<core::LessonProgress>& progress, const AvatarCatalog& avatars,
                     const Appearance& appearance, Actions actions)
    : HomePanel(parent, learner, lessons, {}, problems, progress, {}, avatars, appearance,
                std::move(actions)) {}

HomePanel::HomePanel(wxWindow* parent, const std::optional<core::Learner>& learner,
                     const std::vector<core::Lesson>& lessons, const std::vector<core::Scenario>& scenarios,
                     const std::vector<core::LoadProblem>& problems,
                     const std::vector<core::LessonProgress>& progress,
                     const std::vector<core::ScenarioResult>& results, const AvatarCatalog& avatars,
                     const Appearance& appearance, Actions actions)
    : wxPanel(parent, wxID_ANY), actions_(std::move(actions)) {
    SetName("home-panel");
    const int gap = FromDIP(14);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    // Top bar: hello on the left, the two ways out on the right.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    if (learner) {
        auto* picture = new wxStaticBitmap(
            this, wxID_ANY, avatars.bitmap(learner->avatar, FromDIP(64) * appearance.text_percent / 100));
        picture->SetName("learner-avatar");
        top->Add(picture, wxSizerFlags().CentreVertical().Border(wxRIGHT, gap));
    }
    auto* hello = new Label(
        this,
        learner ? wxString::Format(_("Hello, %s"), wxString::FromUTF8(learner->name)) : _("Hello! (guest)"),
        appearance, 1.6, true);
    hello->SetName("hello");
    top->Add(hello, wxSizerFlags().CentreVertical());
    top->AddStretchSpacer();
    auto* settings = new wxButton(this, wxID_ANY, _("Settings"));
    settings->SetName("settings-button");
    settings->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.settings(); });
    top->Add(settings, wxSizerFlags().CentreVertical().Border(wxRIGHT, gap / 2));
    auto* change = new wxButton(this, wxID_ANY, _("Change profile"));
    change->SetName("change-profile-button");
    change->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.change_profile(); });
    top->Add(change, wxSizerFlags().CentreVertical());
    sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));

    if (!learner) {
        auto* note = new Label(this, _("As a guest, nothing is kept when you leave."), appearance);
        sizer->Add(note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    }

    std::map<std::string, core::LessonProgress> by_lesson;
    for (const auto& entry : progress) {
        by_lesson[entry.lesson_id] = entry;
    }

    const auto resume = lesson_to_continue(lessons, progress);
    if (resume) {
        const core::Lesson& lesson = *find_lesson(lessons, resume->lesson_id);
        // TRANSLATORS: big button on the home screen, e.g. "Continue: Using the mouse, step 4 of 10"
        auto* resume_button =
            new wxButton(this, wxID_ANY,
                         wxString::Format(_("Continue: %s, step %d of %d"), lesson_text(lesson.title),
                                          shown_step(*resume, lesson), step_count(lesson)));
        resume_button->SetName("continue-button");
        set_relative_size(resume_button, 1.3);
        const std::string id = lesson.id;
        resume_button->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { actions_.open_lesson(id); });
        sizer->Add(resume_button, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    }

    auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    scroller->SetName("lessons");
    scroller->SetScrollRate(0, FromDIP(20));
    auto* list = new wxBoxSizer(wxVERTICAL);
    // Card lines are broken by counting characters against the average width of the final
    // font: measuring word by word (wxStaticText::Wrap) was the slowest part of start-up.
    const wxFont body_font = appearance.font();
    // A sample of ordinary sentence text: its average character is what a line is made of.
    const wxString sample =
        wxString::FromUTF8("Bouger la flèche, taper une adresse e-mail et repérer une arnaque.");
    int sample_width = 0;
    GetTextExtent(sample, &sample_width, nullptr, nullptr, nullptr, &body_font);
    const double char_width =
        std::max(1.0, static_cast<double>(sample_width) / static_cast<double>(sample.length()));
    // The card's own padding and the scroll bar take about 4 characters; counting is only an
    // estimate, so a line is allowed 90 % of the room (the layout test checks nothing is clipped).
    const int card_width = GetParent()->GetClientSize().x - 2 * gap;
    const auto wrap_chars =
        static_cast<std::size_t>(std::max(20.0, static_cast<double>(card_width) / char_width * 0.9 - 4.0));

    // Groups follow La Coop's order of themes; a theme it does not know comes last.
    std::vector<std::string> themes;
    for (const auto& entry : core::coop_themes()) {
        themes.emplace_back(entry.code);
    }
    for (const auto& lesson : lessons) {
        if (std::find(themes.begin(), themes.end(), lesson.theme) == themes.end()) {
            themes.push_back(lesson.theme);
        }
    }
    for (const auto& theme : themes) {
        std::vector<const core::Lesson*> members;
        for (const auto& lesson : lessons) {
            if (lesson.theme == theme) {
                members.push_back(&lesson);
            }
        }
        if (members.empty()) {
            continue;
        }
        const core::TagEntry* tag = core::find_tag(core::coop_themes(), theme);
        const wxString heading_text =
            tag != nullptr ? lesson_text(std::string(tag->label)) : wxString::FromUTF8(theme);
        auto* heading = new Label(scroller, heading_text, appearance, 1.3, true);
        heading->SetName(wxString::FromUTF8("theme:" + theme));
        list->Add(heading, wxSizerFlags().Border(wxTOP | wxBOTTOM, gap / 2));

        for (const core::Lesson* lesson : members) {
            const auto found = by_lesson.find(lesson->id);
            const core::LessonProgress state =
                found == by_lesson.end()
                    ? core::LessonProgress{lesson->id, core::LessonStatus::NotStarted, 0, {}}
                    : found->second;
            wxString state_text;
            wxString action;
            switch (state.status) {
                case core::LessonStatus::NotStarted:
                    state_text = _("Not started");
                    action = _("Start");
                    break;
                case core::LessonStatus::InProgress:
                    // TRANSLATORS: state of a lesson on the home screen
                    state_text = wxString::Format(_("In progress, step %d of %d"), shown_step(state, *lesson),
                                                  step_count(*lesson));
                    action = _("Continue");
                    break;
                case core::LessonStatus::Done:
                    state_text = _("Done") + wxString(L" \u2713");
                    action = _("Do again");
                    break;
            }
            const HomeCardText text{
                lesson_text(lesson->title), lesson_text(lesson->summary),
                wxString::Format(wxPLURAL("%d minute", "%d minutes", static_cast<unsigned>(lesson->minutes)),
                                 lesson->minutes) +
                    wxString(L"  \u00b7  ") + state_text,
                action};
            auto* card = new HomeCard(scroller, wxString::FromUTF8("lesson:" + lesson->id), text, wrap_chars);
            const std::string id = lesson->id;
            card->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { actions_.open_lesson(id); });
            list->Add(card, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
        }
    }
    if (lessons.empty()) {
        list->Add(new wxStaticText(scroller, wxID_ANY, _("No lesson was found.")));
    }

    // Procedure simulations: rehearsing a real démarche on a simulated site.
    if (!scenarios.empty()) {
        auto* heading = new Label(scroller, _("Online procedures (simulations)"), appearance, 1.3, true);
        heading->SetName("theme:scenarios");
        list->Add(heading, wxSizerFlags().Border(wxTOP | wxBOTTOM, gap / 2));
    }
    for (const core::Scenario& scenario : scenarios) {
        // The latest run says where the learner stands; a finished one wins over a later try.
        const core::ScenarioResult* latest = nullptr;
        const core::ScenarioResult* finished = nullptr;
        for (const auto& result : results) {
            if (result.scenario_id != scenario.id) {
                continue;
            }
            latest = &result;
            if (result.finished) {
                finished = &result;
            }
        }
        wxString state_text = _("Not started");
        wxString button_text = _("Start");
        if (finished != nullptr) {
            state_text = _("Done") + wxString(L" \u2713");
            button_text = _("Do again");
        } else if (latest != nullptr) {
            state_text = _("Tried, not finished");
            button_text = _("Try again");
        }
        const HomeCardText text{
            lesson_text(scenario.title), lesson_text(scenario.summary),
            wxString::Format(wxPLURAL("%d minute", "%d minutes", static_cast<unsigned>(scenario.minutes)),
                             scenario.minutes) +
                wxString(L"  \u00b7  ") + state_text,
            button_text};
        auto* card = new HomeCard(scroller, wxString::FromUTF8("scenario:" + scenario.id), text, wrap_chars);
        const std::string id = scenario.id;
        card->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) {
            if (actions_.open_scenario) {
                actions_.open_scenario(id);
            }
        });
        list->Add(card, wxSizerFlags().Expand().Border(wxBOTTOM, gap));
    }
    scroller->SetSizer(list);
    sizer->Add(scroller, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));

    if (!problems.empty()) {
        auto* bottom = new wxBoxSizer(wxHORIZONTAL);
        auto* line = new wxStaticText(
            this, wxID_ANY,
            wxString::Format(wxPLURAL("%zu lesson could not be loaded.", "%zu lessons could not be loaded.",
                                      static_cast<unsigned>(problems.size())),
                             problems.size()));
        line->SetName("problems");
        bottom->Add(line, wxSizerFlags().CentreVertical().Border(wxRIGHT, gap / 2));
        auto* details =
            new wxButton(this, wxID_ANY, _("Details"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        details->SetName("problems-details");
        wxString listing;
        for (const auto& problem : problems) {
            listing << wxString::FromUTF8(problem.to_string()) << "\n";
        }
        details->Bind(wxEVT_BUTTON, [this, listing](wxCommandEvent&) {
            wxMessageDialog dialog(this,
                                   _("These lessons could not be loaded. Show this list to the person who "
                                     "looks after the lessons."),
                                   _("Lessons not loaded"), wxOK | wxICON_INFORMATION);
            dialog.SetExtendedMessage(listing);
            dialog.ShowModal();
        });
        bottom->Add(details, wxSizerFlags().CentreVertical());
        sizer->Add(bottom, wxSizerFlags().Border(wxALL, gap / 2));
    }

    SetSizer(sizer);
    // The look (fonts, colours) is applied by the frame once the panel is in place: doing it
    // here too laid the whole screen out twice at start-up.
}

}  // namespace pasapas::ui
