#include "ui/type_activity_view.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace pasapas::ui {

TypeActivityView::TypeActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                                   ActionHandler on_action)
    : ActivityView(parent, step, appearance, std::move(on_action)) {
    SetName("type-view");
    const core::TypeRule& rule = step.activity.type;
    // The label comes first so that screen readers announce it with the box.
    auto* label = new wxStaticText(this, wxID_ANY, _("Type your answer here:"));
    box_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(rule.initial), wxDefaultPosition, wxDefaultSize,
                          wxTE_PROCESS_ENTER, wxDefaultValidator, "type-box");
    set_relative_size(box_, 1.3);
    auto* validate = new wxButton(this, wxID_ANY, _("Validate"), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "validate-button");
    set_relative_size(validate, 1.2);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(box_, wxSizerFlags(1).CenterVertical());
    row->AddSpacer(appearance.point_size());
    row->Add(validate, wxSizerFlags().CenterVertical());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, wxSizerFlags().Border(wxBOTTOM, appearance.point_size() / 2));
    sizer->Add(row, wxSizerFlags().Expand());
    if (rule.submit_with_enter) {
        auto* note =
            new wxStaticText(this, wxID_ANY, _("When you have finished typing, press the Enter key."),
                             wxDefaultPosition, wxDefaultSize, 0, "enter-note");
        sizer->Add(note, wxSizerFlags().Border(wxTOP, appearance.point_size() / 2));
    }
    SetSizer(sizer);
    // Wide enough for an e-mail address in large letters.
    box_->SetMinSize(wxSize(box_->GetCharWidth() * 30, -1));

    box_->SetInsertionPointEnd();
    box_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(true); });
    validate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(false); });
}

void TypeActivityView::submit(bool via_enter) {
    core::Action action;
    action.type = core::Action::Type::Text;
    action.text = box_->GetValue().utf8_string();
    action.via_enter = via_enter;
    act(action);
}

}  // namespace pasapas::ui
