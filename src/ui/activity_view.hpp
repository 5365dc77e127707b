#pragma once
// The interactive part of a step. Each view turns real mouse and keyboard events into
// core::Action values and hands them to the player; it never judges them itself.
#include "core/activity_rules.hpp"
#include "core/lesson.hpp"
#include "ui/appearance.hpp"

#include <wx/control.h>
#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace pasapas::ui {

// Lesson text is French and lives in the "pasapas-lessons" catalog.
[[nodiscard]] wxString lesson_text(const std::string& utf8);

class ActivityView : public wxPanel {
public:
    using ActionHandler = std::function<void(const core::Action&)>;

    ActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                 ActionHandler on_action);

    // The player shows the verdict; views that move things (drag and drop) react to it.
    // Also called with a default (wrong) verdict when the action could not be saved.
    virtual void show_verdict(const core::Action& action, const core::Verdict& verdict);

protected:
    void act(const core::Action& action) const;
    [[nodiscard]] const core::Step& step() const { return step_; }
    [[nodiscard]] const Appearance& appearance() const { return appearance_; }

private:
    const core::Step& step_;
    Appearance appearance_;
    ActionHandler on_action_;
};

// The view for the step's kind of activity.
[[nodiscard]] ActivityView* create_activity_view(wxWindow* parent, const core::Step& step,
                                                 const Appearance& appearance,
                                                 ActivityView::ActionHandler on_action);

// A large coloured tile with a visible label: a target to click, an item to drag, a zone to
// drop on, a row of a list. Focusable with Tab so that everything works from the keyboard;
// its owner binds the mouse and key events it needs.
class Tile : public wxControl {
public:
    enum class Style : std::uint8_t { Target, Zone, Row };

    Tile(wxWindow* parent, const wxString& name, const wxString& label, const Appearance& appearance,
         Style style = Style::Target);

    bool AcceptsFocus() const override { return IsEnabled(); }
    bool AcceptsFocusFromKeyboard() const override { return IsEnabled(); }
    bool HasTransparentBackground() override { return false; }

    void set_selected(bool selected);
    [[nodiscard]] bool selected() const { return selected_; }
    void set_placed(bool placed);  // dimmed and no longer movable (a dropped item)
    [[nodiscard]] bool placed() const { return placed_; }

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void on_paint(wxPaintEvent& event);

    Appearance appearance_;
    Style style_;
    bool selected_ = false;
    bool placed_ = false;
    bool hover_ = false;
};

// True for the keys that press a focused tile: Space and both Entrée keys.
[[nodiscard]] bool is_press_key(int key_code);
[[nodiscard]] bool is_enter_key(int key_code);

}  // namespace pasapas::ui
