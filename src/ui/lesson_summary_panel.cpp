#include "ui/lesson_summary_panel.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

namespace pasapas::ui {

namespace {

// wxPLURAL wants an unsigned count; figures here are never negative.
unsigned count_of(int n) {
    return static_cast<unsigned>(n < 0 ? 0 : n);
}

}  // namespace

LessonSummaryPanel::LessonSummaryPanel(wxWindow* parent, const wxString& lesson_title, std::size_t steps,
                                       const core::LessonSession::Totals& totals,
                                       const Appearance& appearance, std::function<void()> on_exit)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "lesson-summary") {
    const int pt = appearance.point_size();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, _("Lesson finished!"), wxDefaultPosition, wxDefaultSize,
                                     0, "summary-title");
    set_relative_size(heading, 1.8);
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, pt / 2));
    auto* lesson = new wxStaticText(this, wxID_ANY, lesson_title);
    set_relative_size(lesson, 1.3);
    sizer->Add(lesson, wxSizerFlags().Border(wxBOTTOM, pt * 2));

    const auto step_count = static_cast<int>(steps);
    const auto minutes = static_cast<int>((totals.duration_ms + 30'000) / 60'000);
    const wxString figures[] = {
        wxString::Format(wxPLURAL("%d step done", "%d steps done", count_of(step_count)), step_count),
        totals.mistakes == 0
            ? wxString(_("No mistakes"))
            : wxString::Format(wxPLURAL("%d try that did not work", "%d tries that did not work",
                                        count_of(totals.mistakes)),
                               totals.mistakes),
        totals.hints == 0
            ? wxString(_("No hints used"))
            : wxString::Format(wxPLURAL("%d hint used", "%d hints used", count_of(totals.hints)),
                               totals.hints),
        minutes < 1 ? wxString(_("Less than a minute"))
                    : wxString::Format(wxPLURAL("%d minute", "%d minutes", count_of(minutes)), minutes),
    };
    const wxString names[] = {"summary-steps", "summary-mistakes", "summary-hints", "summary-time"};
    for (std::size_t i = 0; i < std::size(figures); ++i) {
        auto* line = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("\xE2\x80\xA2  ") + figures[i],
                                      wxDefaultPosition, wxDefaultSize, 0, names[i]);
        set_relative_size(line, 1.3);
        sizer->Add(line, wxSizerFlags().Border(wxBOTTOM, pt / 2));
    }
    // Mistakes are part of learning: the sentence never scolds.
    const wxString kind = totals.mistakes == 0 ? _("Well done! You did it all by yourself.")
                                               : _("Well done! Trying again is how everyone learns.");
    auto* kind_line =
        new wxStaticText(this, wxID_ANY, kind, wxDefaultPosition, wxDefaultSize, 0, "summary-kind");
    set_relative_size(kind_line, 1.3);
    sizer->Add(kind_line, wxSizerFlags().Border(wxTOP | wxBOTTOM, pt * 2));

    auto* home = new wxButton(this, wxID_ANY, _("Back to home"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "home-button");
    set_relative_size(home, 1.3);
    home->Bind(wxEVT_BUTTON, [this, exit = std::move(on_exit)](wxCommandEvent&) {
        // After this handler: the owner may destroy this panel from on_exit.
        CallAfter([exit] {
            if (exit) {
                exit();
            }
        });
    });
    sizer->Add(home);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, wxSizerFlags(1).Border(wxALL, pt * 2));
    SetSizer(outer);
}

}  // namespace pasapas::ui
