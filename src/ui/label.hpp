#pragma once
// A line of text laid out at its full, unwrapped size (titles, headings, short notes), created
// with its final look.
//
// wxStaticText under GTK 3 asks GTK to wrap its text, and turns wrapping off and on again
// around each measurement: every switch throws away the shaped text and makes GTK measure it
// again at several widths. Each font or colour given after creation restyles and measures it
// once more. On the home screen this was a large part of the work done before the first paint.
// A Label never wraps and gets its font and colours before GTK first measures it, so its text
// is shaped once. Text that must fit a width is broken by the caller (wxStaticText::Wrap).
#include "ui/appearance.hpp"

#include <wx/stattext.h>

namespace pasapas::ui {

class Label : public wxStaticText {
public:
    // relative and bold as for Appearance::font; the relative size is also registered for
    // apply_appearance (set_relative_size).
    Label(wxWindow* parent, const wxString& text, const Appearance& appearance, double relative = 1.0,
          bool bold = false);

protected:
    [[nodiscard]] wxSize DoGetBestSize() const override;

private:
    // Whether GTK's wrapping could be turned off; wxStaticText's own measurement otherwise.
    mutable bool unwrapped_ = false;
    mutable bool unwrap_tried_ = false;
};

}  // namespace pasapas::ui
