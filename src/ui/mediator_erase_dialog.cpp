#include "ui/mediator_erase_dialog.hpp"

#include "ui/mediator_context.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace pasapas::ui {

MediatorEraseDialog::MediatorEraseDialog(wxWindow* parent, const Appearance& appearance, const wxString& name)
    : wxDialog(parent, wxID_ANY, _("Erase a learner")), name_(name) {
    SetName("mediator-erase-dialog");
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxString question_text =
        wxString::Format(_("Erase %s for good? Their progress, results and workshop attendance will be "
                           "deleted. This cannot be undone."),
                         name);
    auto* question = new wxStaticText(this, wxID_ANY, question_text);
    question->SetName("erase-question");
    set_relative_size(question, 1.2);
    question->Wrap(FromDIP(440) * appearance.text_percent / 100);
    sizer->Add(question, wxSizerFlags().Border(wxALL, gap));
    sizer->Add(
        new wxStaticText(this, wxID_ANY, wxString::Format(_("To confirm, type the first name %s:"), name)),
        wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    confirm_ = new wxTextCtrl(this, wxID_ANY);
    confirm_->SetName("erase-confirm-name");
    sizer->Add(confirm_, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Keep"));
    cancel->SetName("erase-cancel");
    buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, gap));
    erase_ = new wxButton(this, wxID_ANY, _("Erase for good"));
    erase_->SetName("erase-confirm");
    erase_->Disable();
    erase_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        SetReturnCode(wxID_OK);  // EndDialog sets it only for modal dialogs
        EndDialog(wxID_OK);
    });
    buttons->Add(erase_);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    confirm_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        erase_->Enable(confirm_->GetValue().Strip(wxString::both).IsSameAs(name_, false));
    });

    SetSizer(sizer);
    apply_appearance(this, appearance);
    sizer->SetSizeHints(this);
    fit_after_first_paint(this, [question, question_text] {
        question->SetLabel(question_text);
        question->Wrap(question->GetCharWidth() * 40);
    });
    cancel->SetFocus();
    Centre();
}

}  // namespace pasapas::ui
