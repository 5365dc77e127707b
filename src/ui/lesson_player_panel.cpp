#include "ui/lesson_player_panel.hpp"

#include "core/lesson_session.hpp"
#include "ui/activity_view.hpp"
#include "ui/lesson_summary_panel.hpp"
#include "ui/message_view.hpp"

#include <wx/bmpbndl.h>
#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <regex>
#include <utility>
#include <vector>

namespace pasapas::ui {

namespace {

// Width over height of an SVG, from its viewBox (or width/height); square when unknown.
double svg_aspect(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::smatch m;
    static const std::regex view_box(
        R"re(viewBox\s*=\s*"\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+))re");
    if (std::regex_search(head, m, view_box)) {
        const double w = std::stod(m[1].str());
        const double h = std::stod(m[2].str());
        if (w > 0 && h > 0) {
            return w / h;
        }
    }
    return 1.0;
}

// The picture at a height that follows the text size, so that it grows with everything else.
wxBitmap load_illustration(const std::filesystem::path& file, int height) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".svg") {
        const double aspect = svg_aspect(file);
        const wxSize size(static_cast<int>(height * aspect), height);
        const wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(file.string(), size);
        return bundle.IsOk() ? bundle.GetBitmap(size) : wxBitmap();
    }
    wxImage image;
    if (!image.LoadFile(file.string()) || image.GetHeight() <= 0) {
        return {};
    }
    const double scale = static_cast<double>(height) / image.GetHeight();
    image.Rescale(static_cast<int>(image.GetWidth() * scale), height, wxIMAGE_QUALITY_HIGH);
    return wxBitmap(image);
}

}  // namespace

struct LessonPlayerPanel::Impl {
    LessonPlayerPanel* self;
    core::LessonSession session;
    Appearance appearance;
    std::function<void()> on_exit;

    wxStaticText* title = nullptr;
    wxGauge* gauge = nullptr;
    wxStaticText* step_label = nullptr;
    wxButton* leave = nullptr;
    wxPanel* player = nullptr;  // everything but the summary
    wxScrolledWindow* body = nullptr;
    wxBoxSizer* hints_sizer = nullptr;
    ActivityView* view = nullptr;
    wxStaticText* feedback = nullptr;
    bool feedback_good = true;
    wxStaticText* error_line = nullptr;
    wxButton* hint_button = nullptr;
    wxButton* next_button = nullptr;
    LessonSummaryPanel* summary = nullptr;
    // Texts that wrap to the width of the window, with their full text.
    std::vector<std::pair<wxStaticText*, wxString>> wrapped;
    int wrap_width = 0;

    Impl(LessonPlayerPanel* owner, const core::Lesson& lesson, core::ProgressStore* store,
         core::LearnerId learner, const Appearance& look, std::function<void()> exit)
        : self(owner), session(lesson, store, learner), appearance(look), on_exit(std::move(exit)) {}

    void build();
    void show_step();
    void add_wrapped(wxStaticText* text, const wxString& full);
    void rewrap(bool force);
    void restyle();
    void on_action(const core::Action& action);
    void show_feedback(const wxString& text, bool good);
    void show_error(const std::exception& error);
    void on_hint();
    void on_next();
    void on_leave();
    void update_buttons();
    void show_summary();
};

void LessonPlayerPanel::Impl::build() {
    const int pt = appearance.point_size();
    player = new wxPanel(self, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "player");

    // Top: where am I, how far, and the way out.
    title = new wxStaticText(player, wxID_ANY, lesson_text(session.lesson().title), wxDefaultPosition,
                             wxDefaultSize, 0, "lesson-title");
    set_relative_size(title, 1.6);
    gauge = new wxGauge(player, wxID_ANY, static_cast<int>(std::max<std::size_t>(1, session.step_count())),
                        wxDefaultPosition, wxDefaultSize, wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator,
                        "step-progress");
    step_label =
        new wxStaticText(player, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "step-label");
    leave = new wxButton(player, wxID_ANY, _("Leave (your progress is saved)"), wxDefaultPosition,
                         wxDefaultSize, 0, wxDefaultValidator, "leave-button");
    gauge->SetMinSize(wxSize(pt * 6, -1));
    // The title gets a line of its own, so that it wraps instead of squeezing the buttons.
    add_wrapped(title, lesson_text(session.lesson().title));
    auto* progress = new wxBoxSizer(wxHORIZONTAL);
    progress->Add(step_label, wxSizerFlags().CenterVertical());
    progress->AddSpacer(pt);
    progress->Add(gauge, wxSizerFlags(1).CenterVertical());
    progress->AddSpacer(pt * 2);
    progress->Add(leave, wxSizerFlags().CenterVertical());
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title, wxSizerFlags().Expand().Border(wxBOTTOM, pt / 2));
    top->Add(progress, wxSizerFlags().Expand());

    // Middle: the step, scrolled as a whole when the text is very large.
    body = new wxScrolledWindow(player, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxVSCROLL | wxTAB_TRAVERSAL, "lesson-body");
    body->SetScrollRate(0, pt);
    // Scrolls rather than demanding the height of its whole content from the window.
    body->SetMinSize(wxSize(-1, pt * 10));
    body->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        rewrap(false);
        e.Skip();
    });

    // Bottom: what the last try gave, then the two ways forward.
    feedback =
        new wxStaticText(player, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "feedback");
    set_relative_size(feedback, 1.4);
    error_line =
        new wxStaticText(player, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "store-error");
    hint_button = new wxButton(player, wxID_ANY, _("Hint"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "hint-button");
    set_relative_size(hint_button, 1.2);
    next_button = new wxButton(player, wxID_ANY, _("Next"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "next-button");
    set_relative_size(next_button, 1.4);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(hint_button);
    buttons->AddStretchSpacer();
    buttons->Add(next_button);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, wxSizerFlags().Expand().Border(wxALL, pt));
    column->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, pt));
    column->Add(feedback, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, pt));
    column->Add(error_line, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, pt));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, pt));
    player->SetSizer(column);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(player, wxSizerFlags(1).Expand());
    self->SetSizer(outer);

    leave->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_leave(); });
    hint_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_hint(); });
    next_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_next(); });
    // Entrée moves on once the step is done, wherever the focus is; before that it belongs
    // to the exercise (the typing box validates with it).
    self->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (is_enter_key(e.GetKeyCode()) && summary == nullptr && next_button->IsEnabled()) {
            on_next();
            return;
        }
        e.Skip();
    });
}

void LessonPlayerPanel::Impl::add_wrapped(wxStaticText* text, const wxString& full) {
    wrapped.emplace_back(text, full);
    text->Bind(wxEVT_DESTROY, [this, text](wxWindowDestroyEvent& e) {
        std::erase_if(wrapped, [text](const auto& entry) { return entry.first == text; });
        e.Skip();
    });
}

void LessonPlayerPanel::Impl::rewrap(bool force) {
    const int width = std::max(200, body->GetClientSize().x - appearance.point_size() * 2);
    if (!force && width == wrap_width) {
        return;
    }
    wrap_width = width;
    for (auto& [text, full] : wrapped) {
        text->SetLabel(full);
        text->Wrap(width);
    }
    body->FitInside();
    body->Layout();
    player->Layout();
}

void LessonPlayerPanel::Impl::restyle() {
    apply_appearance(self, appearance);
    feedback->SetForegroundColour(feedback_good ? appearance.success() : appearance.error());
    error_line->SetForegroundColour(appearance.error());
    // GTK measures a button's new font only once it is styled: ask again afterwards.
    for (wxWindow* button : {static_cast<wxWindow*>(leave), static_cast<wxWindow*>(hint_button),
                             static_cast<wxWindow*>(next_button)}) {
        button->InvalidateBestSize();
    }
    rewrap(true);
    self->CallAfter([this] {
        leave->InvalidateBestSize();
        player->Layout();
    });
}

void LessonPlayerPanel::Impl::show_step() {
    if (session.finished()) {
        show_summary();
        return;
    }
    const int pt = appearance.point_size();
    const core::Step& step = session.step();
    self->Freeze();
    body->DestroyChildren();
    view = nullptr;
    std::erase_if(wrapped, [this](const auto& entry) { return entry.first->GetParent() == body; });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* instruction = new wxStaticText(body, wxID_ANY, lesson_text(step.instruction), wxDefaultPosition,
                                         wxDefaultSize, 0, "instruction");
    set_relative_size(instruction, 1.4);
    add_wrapped(instruction, lesson_text(step.instruction));
    sizer->Add(instruction, wxSizerFlags().Expand().Border(wxBOTTOM, pt));

    hints_sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(hints_sizer, wxSizerFlags().Expand());

    if (step.media) {
        const core::Media& media = *step.media;
        if (media.kind == core::MediaKind::Image) {
            const wxBitmap bitmap = load_illustration(media.file, pt * 12);
            if (bitmap.IsOk()) {
                auto* picture = new wxStaticBitmap(body, wxID_ANY, bitmap, wxDefaultPosition, wxDefaultSize,
                                                   0, lesson_text(media.alt));
                picture->SetToolTip(lesson_text(media.alt));
                sizer->Add(picture, wxSizerFlags().Border(wxBOTTOM, pt));
            }
        } else {
            sizer->Add(new MessageView(body, media, appearance), wxSizerFlags().Border(wxBOTTOM, pt));
        }
    }

    view = create_activity_view(body, step, appearance,
                                [this](const core::Action& action) { on_action(action); });
    sizer->Add(view, wxSizerFlags().Expand().Border(wxBOTTOM, pt));
    body->SetSizer(sizer);

    const auto index = static_cast<int>(session.step_index());
    const auto count = static_cast<int>(session.step_count());
    gauge->SetValue(index);
    step_label->SetLabel(wxString::Format(_("Step %d of %d"), index + 1, count));
    show_feedback(wxString(), true);
    error_line->SetLabel(wxString());
    update_buttons();
    restyle();
    self->Thaw();
    body->Scroll(0, 0);
    self->Layout();
    // Keyboard users start in the exercise itself.
    for (wxWindow* child : view->GetChildren()) {
        if (child->AcceptsFocusFromKeyboard()) {
            child->SetFocus();
            break;
        }
    }
}

void LessonPlayerPanel::Impl::show_feedback(const wxString& text, bool good) {
    feedback_good = good;
    feedback->SetForegroundColour(good ? appearance.success() : appearance.error());
    const wxString shown = good && !text.empty() ? wxString::FromUTF8("\xE2\x9C\x93 ") + text : text;  // ✓
    std::erase_if(wrapped, [this](const auto& entry) { return entry.first == feedback; });
    wrapped.emplace_back(feedback, shown);
    feedback->SetLabel(shown);
    feedback->Wrap(std::max(200, player->GetClientSize().x - appearance.point_size() * 2));
    player->Layout();
}

void LessonPlayerPanel::Impl::show_error(const std::exception& error) {
    error_line->SetLabel(
        wxString::Format(_("Your progress could not be saved: %s"), wxString::FromUTF8(error.what())));
    error_line->Wrap(std::max(200, player->GetClientSize().x - appearance.point_size() * 2));
    player->Layout();
}

void LessonPlayerPanel::Impl::on_action(const core::Action& action) {
    if (session.finished() || session.step_done()) {
        return;  // the step is over: a late click changes nothing
    }
    core::Verdict verdict;
    try {
        verdict = session.act(action);
        error_line->SetLabel(wxString());
    } catch (const std::exception& error) {
        // Nothing was counted: the learner simply tries again.
        show_error(error);
        if (view != nullptr) {
            view->show_verdict(action, core::Verdict{});
        }
        return;
    }
    if (view != nullptr) {
        view->show_verdict(action, verdict);
    }
    wxString text = lesson_text(verdict.feedback);
    if (verdict.correct && text.empty()) {
        text = verdict.step_complete ? _("Well done!") : _("Good! Keep going.");
    }
    if (!text.empty() || verdict.correct) {
        show_feedback(text, verdict.correct);
    }
    update_buttons();
    if (session.step_done()) {
        gauge->SetValue(static_cast<int>(session.step_index()) + 1);
        next_button->SetFocus();
    }
}

void LessonPlayerPanel::Impl::on_hint() {
    std::optional<std::string> hint;
    try {
        hint = session.next_hint();
    } catch (const std::exception& error) {
        show_error(error);
        return;
    }
    if (hint) {
        const int number = session.hints_shown();
        const wxString text = wxString::Format(_("Hint %d: %s"), number, lesson_text(*hint));
        auto* line = new wxStaticText(body, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0,
                                      wxString::Format("hint-%d", number));
        set_relative_size(line, 1.2);
        apply_appearance(line, appearance);
        line->SetForegroundColour(appearance.accent());
        add_wrapped(line, text);
        hints_sizer->Add(line, wxSizerFlags().Expand().Border(wxBOTTOM, appearance.point_size() / 2));
        rewrap(true);
    }
    update_buttons();
    if (!hint_button->IsEnabled() && view != nullptr) {
        view->SetFocus();  // the button the focus was on just went grey
    }
}

void LessonPlayerPanel::Impl::on_next() {
    if (!session.step_done()) {
        return;
    }
    session.next();
    // After the current event: the focused window may be one that show_step destroys.
    self->CallAfter([this] { show_step(); });
}

void LessonPlayerPanel::Impl::on_leave() {
    try {
        session.leave();
    } catch (const std::exception& error) {
        show_error(error);  // every step already done is on disk; leaving must still work
    }
    self->CallAfter([this] {
        if (on_exit) {
            on_exit();
        }
    });
}

void LessonPlayerPanel::Impl::update_buttons() {
    const bool done = session.step_done();
    const bool hints_left =
        !session.finished() && static_cast<std::size_t>(session.hints_shown()) < session.step().hints.size();
    hint_button->Enable(hints_left && !done);
    next_button->Enable(done);
    next_button->SetLabel(done && session.step_index() + 1 == session.step_count() ? _("Finish") : _("Next"));
}

void LessonPlayerPanel::Impl::show_summary() {
    if (summary != nullptr) {
        return;
    }
    player->Hide();
    summary = new LessonSummaryPanel(self, lesson_text(session.lesson().title), session.step_count(),
                                     session.totals(), appearance, on_exit);
    self->GetSizer()->Add(summary, wxSizerFlags(1).Expand());
    apply_appearance(self, appearance);
    self->Layout();
    if (wxWindow* home = summary->FindWindow("home-button")) {
        home->SetFocus();
    }
}

LessonPlayerPanel::LessonPlayerPanel(wxWindow* parent, const core::Lesson& lesson, core::ProgressStore* store,
                                     core::LearnerId learner, const Appearance& appearance,
                                     std::function<void()> on_exit)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "lesson-player"),
      impl_(std::make_unique<Impl>(this, lesson, store, learner, appearance, std::move(on_exit))) {
    impl_->build();
    impl_->show_step();
}

LessonPlayerPanel::~LessonPlayerPanel() {
    // The children's destroy handlers use impl_: they must run while it still exists.
    DestroyChildren();
}

const core::LessonSession& LessonPlayerPanel::session() const {
    return impl_->session;
}

}  // namespace pasapas::ui
