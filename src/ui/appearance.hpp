#pragma once
// How every screen looks for the current learner: text size and contrast. Applied to a
// whole window tree at once, so that sizers re-layout and everything grows with the text.
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/window.h>

#include <array>
#include <string>

namespace pasapas::ui {

struct Appearance {
    static constexpr std::array<int, 5> kTextSteps{100, 125, 150, 175, 200};  // percent
    int text_percent = 100;
    bool high_contrast = false;
    std::string language = "fr";  // ISO 639-1

    // The base point size every screen scales from (larger than wx's default on purpose:
    // the audience reads with difficulty).
    [[nodiscard]] int point_size(double relative = 1.0) const;
    // The desktop's font at that size: give it to a control when it is created, so that
    // apply_appearance finds it already right instead of restyling and re-measuring it.
    [[nodiscard]] wxFont font(double relative = 1.0, bool bold = false) const;
    [[nodiscard]] wxColour background() const;
    [[nodiscard]] wxColour foreground() const;
    [[nodiscard]] wxColour accent() const;       // buttons, highlights
    [[nodiscard]] wxColour success() const;      // kind "well done"
    [[nodiscard]] wxColour error() const;        // kind "not quite"
    [[nodiscard]] wxColour target_fill() const;  // things to click or drag
};

// Sets fonts (keeping each control's relative size, see set_relative_size) and colours on
// root and all its children, then re-lays out.
void apply_appearance(wxWindow* root, const Appearance& appearance);
// wx caches each control's best size; one measured before GTK applied a new font is stale, so a
// window first laid out before that is measured again after this.
void forget_best_sizes(wxWindow* window);

// Makes the body size of the appearance GTK's own default font size for this process (the
// desktop's font family is kept). Controls then have the right size from the moment they are
// created, with no font of their own to set and measure again (most of start-up time is such
// GTK work), and GTK's own dialogs (files, messages) follow the learner's text size too.
// Returns true when the default had to change. apply_appearance calls it; call it once before
// the first window is created.
bool use_as_desktop_font(const Appearance& appearance);

// Marks a control as drawn bigger (e.g. 1.6 for titles, 1.3 for instructions) so that
// apply_appearance keeps the ratio at every text size.
void set_relative_size(wxWindow* window, double relative);

}  // namespace pasapas::ui
