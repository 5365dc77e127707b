#include "ui/new_profile_dialog.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>
#include <wx/valtext.h>

#include <algorithm>
#include <optional>

namespace pasapas::ui {

NewProfileDialog::NewProfileDialog(wxWindow* parent, const Appearance& appearance,
                                   const AvatarCatalog& avatars, core::ProgressStore& store)
    : wxDialog(parent, wxID_ANY, _("New profile"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      appearance_(appearance),
      store_(store) {
    SetName("new-profile-dialog");
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* name_label = new wxStaticText(this, wxID_ANY, _("Your first name or a nickname:"));
    sizer->Add(name_label, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    name_ = new wxTextCtrl(this, wxID_ANY);
    name_->SetName("name-field");
    name_->SetMaxLength(kMaxNameChars);
    set_relative_size(name_, 1.3);
    sizer->Add(name_, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* avatar_label = new wxStaticText(this, wxID_ANY, _("Choose a picture:"));
    sizer->Add(avatar_label, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    auto* grid = new wxGridSizer(6, gap / 2, gap / 2);
    const int picture = FromDIP(56) * appearance.text_percent / 100;
    for (const auto& info : AvatarCatalog::all()) {
        auto* button = new wxToggleButton(this, wxID_ANY, wxGetTranslation(info.name));
        button->SetName(wxString::FromUTF8("avatar:" + info.id));
        button->SetBitmap(avatars.bitmap(info.id, picture));
        button->SetBitmapPosition(wxTOP);
        const std::string id = info.id;
        button->Bind(wxEVT_TOGGLEBUTTON, [this, id](wxCommandEvent&) { pick_avatar(id); });
        grid->Add(button, wxSizerFlags().Expand());
        avatar_buttons_.emplace_back(id, button);
    }
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* pin_label = new wxStaticText(
        this, wxID_ANY,
        _("Secret code of 4 digits, if you want one (to protect your profile on a shared computer):"));
    sizer->Add(pin_label, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    auto* pins = new wxFlexGridSizer(2, gap, gap);
    pins->Add(new wxStaticText(this, wxID_ANY, _("Code:")), wxSizerFlags().CentreVertical());
    pin_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD,
                          wxTextValidator(wxFILTER_DIGITS));
    pin_->SetName("pin-field");
    pin_->SetMaxLength(4);
    pins->Add(pin_);
    pins->Add(new wxStaticText(this, wxID_ANY, _("The same code again:")), wxSizerFlags().CentreVertical());
    pin_again_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                wxTE_PASSWORD, wxTextValidator(wxFILTER_DIGITS));
    pin_again_->SetName("pin-again-field");
    pin_again_->SetMaxLength(4);
    pins->Add(pin_again_);
    sizer->Add(pins, wxSizerFlags().Border(wxALL, gap));

    error_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    error_->SetName("error-text");
    set_relative_size(error_, 1.1);
    sizer->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* buttons = new wxStdDialogButtonSizer();
    auto* create_button = new wxButton(this, wxID_OK, _("Create"));
    create_button->SetName("create-button");
    create_button->SetDefault();
    create_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create(); });
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("cancel-button");
    buttons->AddButton(create_button);
    buttons->AddButton(cancel);
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));

    SetSizer(sizer);
    apply_appearance(this, appearance_);
    pin_label->Wrap(grid->CalcMin().x);
    sizer->SetSizeHints(this);
    name_->SetFocus();
    Centre();
}

void NewProfileDialog::pick_avatar(const std::string& id) {
    avatar_ = id;
    for (auto& [avatar, button] : avatar_buttons_) {
        button->SetValue(avatar == id);
    }
    apply_appearance(this, appearance_);
}

void NewProfileDialog::show_error(const wxString& message, wxWindow* focus) {
    error_->SetLabel(message);
    error_->SetForegroundColour(appearance_.error());
    error_->Wrap(std::max(GetClientSize().x - FromDIP(20), FromDIP(200)));
    GetSizer()->SetSizeHints(this);
    Layout();
    if (focus != nullptr) {
        focus->SetFocus();
    }
}

void NewProfileDialog::create() {
    wxString name = name_->GetValue();
    name.Trim(true).Trim(false);
    if (name.empty()) {
        show_error(_("Please type a first name or a nickname."), name_);
        return;
    }
    if (name.length() > kMaxNameChars) {
        show_error(wxString::Format(_("The name is too long: %zu letters at most."), kMaxNameChars), name_);
        return;
    }
    const std::string utf8_name = name.utf8_string();
    for (const auto& learner : store_.learners()) {
        if (wxString::FromUTF8(learner.name).IsSameAs(name, false)) {
            show_error(
                wxString::Format(_("There is already a profile called %s. Please add a letter to tell them "
                                   "apart, for example %s B."),
                                 name, name),
                name_);
            return;
        }
    }
    if (avatar_.empty()) {
        show_error(_("Please choose a picture: it helps you find your profile."),
                   avatar_buttons_.front().second);
        return;
    }
    const wxString pin = pin_->GetValue();
    const wxString pin_again = pin_again_->GetValue();
    std::optional<std::string> stored_pin;
    if (!pin.empty() || !pin_again.empty()) {
        if (pin.length() != 4 || !pin.IsNumber()) {
            show_error(
                _("The secret code has exactly 4 digits. Leave both boxes empty if you do not want one."),
                pin_);
            return;
        }
        if (pin != pin_again) {
            pin_again_->Clear();
            show_error(_("The two codes are different. Please type the same code again."), pin_again_);
            return;
        }
        stored_pin = pin.ToStdString();
    }
    try {
        created_ = store_.create_learner(utf8_name, avatar_, stored_pin);
    } catch (const core::StoreError& error) {
        show_error(
            wxString::Format(_("The profile could not be saved: %s"), wxString::FromUTF8(error.what())),
            nullptr);
        return;
    }
    SetReturnCode(wxID_OK);  // EndDialog sets it only for modal dialogs
    EndDialog(wxID_OK);
}

}  // namespace pasapas::ui
