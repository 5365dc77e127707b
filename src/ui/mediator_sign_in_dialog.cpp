#include "ui/mediator_sign_in_dialog.hpp"

#include "core/mediator_log.hpp"
#include "core/sqlite_support.hpp"
#include "ui/mediator_context.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace pasapas::ui {

MediatorSignInDialog::MediatorSignInDialog(wxWindow* parent, const Appearance& appearance,
                                           core::ProgressStore& store, bool create_first)
    : wxDialog(parent, wxID_ANY, create_first ? _("Create the mediator account") : _("Mediator area")),
      appearance_(appearance),
      store_(store),
      create_first_(create_first) {
    SetName("mediator-sign-in-dialog");
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(this, wxID_ANY,
                                   create_first ? _("No mediator account yet: create the first one.")
                                                : _("Sign in to the mediator area."));
    set_relative_size(title, 1.3);
    sizer->Add(title, wxSizerFlags().Border(wxALL, gap));
    wxStaticText* note = nullptr;
    wxString note_text;
    if (create_first) {
        note_text =
            wxString::Format(_("The password protects the learners' profiles and the reports. It needs at "
                               "least %d characters. Keep it somewhere safe: it cannot be recovered."),
                             static_cast<int>(core::MediatorAccounts::kMinPasswordLength));
        note = new wxStaticText(this, wxID_ANY, note_text);
        note->SetName("mediator-sign-in-note");
        note->Wrap(FromDIP(420) * appearance.text_percent / 100);
        sizer->Add(note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    }

    const auto field = [&](const wxString& label, const wxString& name, long style) {
        sizer->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
        auto* text = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                    style | wxTE_PROCESS_ENTER);
        text->SetName(name);
        text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
        sizer->Add(text, wxSizerFlags().Expand().Border(wxALL, gap));
        return text;
    };
    login_ = field(_("Login:"), "mediator-login", 0);
    password_ = field(_("Password:"), "mediator-password", wxTE_PASSWORD);
    if (create_first) {
        again_ = field(_("Password again:"), "mediator-password-again", wxTE_PASSWORD);
    }

    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("mediator-sign-in-message");
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("mediator-cancel");
    buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, gap));
    auto* ok = new wxButton(this, wxID_ANY, create_first ? _("Create and sign in") : _("Sign in"));
    ok->SetName("mediator-sign-in");
    ok->SetDefault();
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    buttons->Add(ok);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));

    SetSizer(sizer);
    apply_appearance(this, appearance_);
    // Wide enough for the longest message, so that showing it does not resize the dialog.
    message_->SetMinSize(wxSize(GetTextExtent("M").x * 30, -1));
    sizer->SetSizeHints(this);
    // Measured again once drawn with the real font: about 40 characters a line.
    fit_after_first_paint(this, [this, note, note_text] {
        if (note != nullptr) {
            note->SetLabel(note_text);
            note->Wrap(note->GetCharWidth() * 42);
        }
        message_->SetMinSize(wxSize(message_->GetCharWidth() * 42, -1));
    });
    login_->SetFocus();
    Centre();
}

void MediatorSignInDialog::submit() {
    try {
        if (create_first_) {
            create();
        } else {
            sign_in();
        }
    } catch (const core::StoreError& error) {
        say(wxString::FromUTF8(error.what()));
    }
}

void MediatorSignInDialog::create() {
    const std::string login = login_->GetValue().utf8_string();
    const std::string password = password_->GetValue().utf8_string();
    if (password != again_->GetValue().utf8_string()) {
        say(_("The two passwords are different. Please type the same password twice."));
        again_->Clear();
        again_->SetFocus();
        return;
    }
    core::MediatorAccounts accounts(store_);
    const core::MediatorId id = accounts.create(login, password);  // says what is wrong in a StoreError
    // The account logs its creation; creating it also opens the console.
    core::MediatorLog(store_).append(id, "sign-in");
    signed_in_ = id;
    SetReturnCode(wxID_OK);  // EndDialog sets it only for modal dialogs
    EndDialog(wxID_OK);
}

void MediatorSignInDialog::sign_in() {
    const std::string login = login_->GetValue().utf8_string();
    const auto verdict = core::MediatorAccounts(store_).sign_in(login, password_->GetValue().utf8_string(),
                                                                core::utc_now_iso());
    password_->Clear();
    switch (verdict.outcome) {
        case core::MediatorAccounts::Outcome::Ok:
            signed_in_ = verdict.id;
            SetReturnCode(wxID_OK);
            EndDialog(wxID_OK);
            return;
        case core::MediatorAccounts::Outcome::Locked: {
            const auto seconds = static_cast<int>(verdict.wait.count());
            say(wxString::Format(
                wxPLURAL("Too many attempts: try again in %d second.",
                         "Too many attempts: try again in %d seconds.", static_cast<unsigned>(seconds)),
                seconds));
            break;
        }
        case core::MediatorAccounts::Outcome::Wrong:
        case core::MediatorAccounts::Outcome::Unknown:
            // The same words for an unknown login: the dialog does not tell which logins exist.
            say(_("This login and password do not match. Please try again."));
            break;
    }
    password_->SetFocus();
}

void MediatorSignInDialog::say(const wxString& message) {
    message_->SetLabel(message);
    message_->SetForegroundColour(appearance_.error());
    message_->Wrap(std::max(GetClientSize().x - FromDIP(20), FromDIP(200)));
    GetSizer()->SetSizeHints(this);
    Layout();
}

}  // namespace pasapas::ui
