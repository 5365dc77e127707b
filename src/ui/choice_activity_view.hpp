#pragma once
// Choice steps: each answer is a large toggle button (one answer, or several when the
// question says so), then "Validate".
#include "ui/activity_view.hpp"

#include <vector>

class wxButton;
class wxToggleButton;

namespace pasapas::ui {

class ChoiceActivityView : public ActivityView {
public:
    ChoiceActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                       ActionHandler on_action);

private:
    void on_toggle(std::size_t index);
    void refresh_marks();

    std::vector<wxToggleButton*> answers_;
    wxButton* validate_ = nullptr;
};

}  // namespace pasapas::ui
