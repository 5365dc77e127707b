#include "ui/choice_activity_view.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include <utility>

namespace pasapas::ui {

namespace {

// The state is also written in the label: a pressed toggle button is easy to miss.
wxString mark(bool multiple, bool on) {
    if (multiple) {
        return wxString::FromUTF8(on ? "\xE2\x98\x91  " : "\xE2\x98\x90  ");  // ☑ ☐
    }
    return wxString::FromUTF8(on ? "\xE2\x97\x8F  " : "\xE2\x97\x8B  ");  // ● ○
}

}  // namespace

ChoiceActivityView::ChoiceActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                                       ActionHandler on_action)
    : ActivityView(parent, step, appearance, std::move(on_action)) {
    SetName("choice-view");
    const bool multiple = step.activity.multiple;
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                multiple ? _("Pick every right answer, then press Validate.")
                                         : _("Pick one answer, then press Validate.")),
               wxSizerFlags().Border(wxBOTTOM, appearance.point_size() / 2));
    for (const core::Option& option : step.activity.options) {
        auto* answer = new wxToggleButton(this, wxID_ANY, mark(multiple, false) + lesson_text(option.label),
                                          wxDefaultPosition, wxDefaultSize, wxBU_LEFT, wxDefaultValidator,
                                          "answer:" + wxString::FromUTF8(option.id));
        set_relative_size(answer, 1.2);
        const std::size_t index = answers_.size();
        answer->Bind(wxEVT_TOGGLEBUTTON, [this, index](wxCommandEvent&) { on_toggle(index); });
        sizer->Add(answer, wxSizerFlags().Expand().Border(wxBOTTOM, appearance.point_size() / 2));
        answers_.push_back(answer);
    }
    validate_ = new wxButton(this, wxID_ANY, _("Validate"), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "validate-button");
    set_relative_size(validate_, 1.2);
    validate_->Disable();  // nothing picked yet
    validate_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        core::Action action;
        action.type = core::Action::Type::Choose;
        for (std::size_t i = 0; i < answers_.size(); ++i) {
            if (answers_[i]->GetValue()) {
                action.chosen.push_back(this->step().activity.options.at(i).id);
            }
        }
        act(action);
    });
    sizer->Add(validate_, wxSizerFlags().Border(wxTOP, appearance.point_size() / 2));
    SetSizer(sizer);
}

void ChoiceActivityView::on_toggle(std::size_t index) {
    if (!step().activity.multiple && answers_[index]->GetValue()) {
        for (std::size_t i = 0; i < answers_.size(); ++i) {
            if (i != index) {
                answers_[i]->SetValue(false);
            }
        }
    }
    refresh_marks();
}

void ChoiceActivityView::refresh_marks() {
    bool any = false;
    for (std::size_t i = 0; i < answers_.size(); ++i) {
        const bool on = answers_[i]->GetValue();
        any = any || on;
        answers_[i]->SetLabel(mark(step().activity.multiple, on) +
                              lesson_text(step().activity.options.at(i).label));
    }
    validate_->Enable(any);
}

}  // namespace pasapas::ui
