#pragma once
// Typing steps: a large box, pre-filled when the lesson wants Effacer practised, and a
// "Validate" button; Entrée in the box validates too (and is required when the lesson says so).
#include "ui/activity_view.hpp"

class wxTextCtrl;

namespace pasapas::ui {

class TypeActivityView : public ActivityView {
public:
    TypeActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                     ActionHandler on_action);

    [[nodiscard]] wxTextCtrl* box() const { return box_; }

private:
    void submit(bool via_enter);

    wxTextCtrl* box_ = nullptr;
};

}  // namespace pasapas::ui
