#pragma once
// One lesson or procedure on the home screen, drawn as a single big button: title, summary,
// duration and state, and what pressing it does ("Start ›").
//
// One native control per card rather than four: the whole card is one target for people who
// aim with difficulty, a screen reader says the whole card at once, and the home screen is
// built and painted with a quarter of the widgets (see bench/startup_bench.cpp).
#include <wx/button.h>
#include <wx/string.h>

#include <cstddef>

namespace pasapas::ui {

struct HomeCardText {
    wxString title;
    wxString summary;
    wxString details;  // e.g. "15 minutes · In progress, step 4 of 10"
    wxString action;   // e.g. "Continue"
};

class HomeCard : public wxButton {
public:
    // wrap_chars: how many average characters fit on a line; long lines are broken at spaces.
    HomeCard(wxWindow* parent, const wxString& name, const HomeCardText& text, std::size_t wrap_chars);

    [[nodiscard]] const HomeCardText& text() const { return text_; }

    // Breaks text at spaces so that no line is longer than max_chars (a longer word keeps its
    // own line). Cheap on purpose: it counts characters instead of measuring them.
    [[nodiscard]] static wxString wrap(const wxString& text, std::size_t max_chars);

private:
    HomeCardText text_;
};

}  // namespace pasapas::ui
