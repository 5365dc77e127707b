#include "ui/pin_dialog.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

#include <algorithm>
#include <utility>

namespace pasapas::ui {

namespace {
constexpr unsigned long kPinLength = 4;
}

PinDialog::PinDialog(wxWindow* parent, const Appearance& appearance, const wxString& learner_name,
                     Checker check)
    : wxDialog(parent, wxID_ANY, _("Secret code")), appearance_(appearance), check_(std::move(check)) {
    SetName("pin-dialog");
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title =
        new wxStaticText(this, wxID_ANY, wxString::Format(_("Type the secret code of %s"), learner_name));
    set_relative_size(title, 1.3);
    sizer->Add(title, wxSizerFlags().Border(wxALL, gap));

    auto* label = new wxStaticText(this, wxID_ANY, _("Code (4 digits):"));
    sizer->Add(label, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    field_ =
        new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                       wxTE_PASSWORD | wxTE_CENTRE | wxTE_PROCESS_ENTER, wxTextValidator(wxFILTER_DIGITS));
    field_->SetName("pin-field");
    field_->SetMaxLength(kPinLength);
    set_relative_size(field_, 2.0);
    field_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    sizer->Add(field_, wxSizerFlags().Expand().Border(wxALL, gap));

    // Keypad laid out like a phone: 1 2 3 / 4 5 6 / 7 8 9 / erase 0 OK.
    auto* keypad = new wxGridSizer(4, 3, gap / 2, gap / 2);
    const auto digit_button = [this](char digit) {
        auto* button = new wxButton(this, wxID_ANY, wxString(digit));
        button->SetName(wxString::Format("pin-key:%c", digit));
        set_relative_size(button, 1.6);
        button->Bind(wxEVT_BUTTON, [this, digit](wxCommandEvent&) { press_digit(digit); });
        return button;
    };
    for (const char digit : {'1', '2', '3', '4', '5', '6', '7', '8', '9'}) {
        keypad->Add(digit_button(digit), wxSizerFlags().Expand());
    }
    auto* erase_button = new wxButton(this, wxID_ANY, _("Erase"));
    erase_button->SetName("pin-erase");
    set_relative_size(erase_button, 1.2);
    erase_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { erase(); });
    keypad->Add(erase_button, wxSizerFlags().Expand());
    keypad->Add(digit_button('0'), wxSizerFlags().Expand());
    auto* ok = new wxButton(this, wxID_OK, _("OK"));
    ok->SetName("pin-ok");
    set_relative_size(ok, 1.2);
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    keypad->Add(ok, wxSizerFlags().Expand());
    sizer->Add(keypad, wxSizerFlags().Expand().Border(wxALL, gap));

    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("pin-message");
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("pin-cancel");
    sizer->Add(cancel, wxSizerFlags().Right().Border(wxALL, gap));

    SetSizer(sizer);
    apply_appearance(this, appearance_);
    // Wide enough for the longest message, so that showing it does not resize the dialog.
    message_->SetMinSize(wxSize(GetTextExtent("M").x * 30, -1));
    sizer->SetSizeHints(this);
    field_->SetFocus();
    Centre();
}

void PinDialog::press_digit(char digit) {
    if (field_->GetValue().length() < kPinLength) {
        field_->AppendText(wxString(digit));
    }
    field_->SetFocus();
}

void PinDialog::erase() {
    const wxString value = field_->GetValue();
    if (!value.empty()) {
        field_->ChangeValue(value.Left(value.length() - 1));
        field_->SetInsertionPointEnd();
    }
    field_->SetFocus();
}

void PinDialog::submit() {
    const std::string pin = field_->GetValue().ToStdString();
    wxString message;
    if (pin.size() != kPinLength) {
        message = _("The code has 4 digits.");
    } else {
        switch (check_(pin)) {
            case core::ProgressStore::PinCheck::Ok:
                EndModal(wxID_OK);
                return;
            case core::ProgressStore::PinCheck::Wrong:
                message = _("This is not the right code. Please try again.");
                break;
            case core::ProgressStore::PinCheck::LockedOut:
                message = _("Too many tries. Please wait one minute, then try again.");
                break;
        }
    }
    field_->Clear();
    message_->SetLabel(message);
    message_->SetForegroundColour(appearance_.error());
    message_->Wrap(std::max(GetClientSize().x - FromDIP(20), FromDIP(200)));
    GetSizer()->SetSizeHints(this);
    Layout();
    field_->SetFocus();
}

}  // namespace pasapas::ui
