#include "ui/settings_dialog.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include <algorithm>
#include <string>

namespace pasapas::ui {

const std::vector<std::string>& SettingsDialog::language_codes() {
    static const std::vector<std::string> codes{"fr", "en"};
    return codes;
}

SettingsDialog::SettingsDialog(wxWindow* parent, const Appearance& current, bool remembered)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE),
      chosen_(current) {
    SetName("settings-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(12);

    auto* size_label = new wxStaticText(this, wxID_ANY, _("Text size:"));
    set_relative_size(size_label, 1.2);
    sizer->Add(size_label, wxSizerFlags().Border(wxALL, gap));

    // One big "A" per step, each drawn at the size it gives: choosing needs no reading.
    auto* sizes = new wxBoxSizer(wxHORIZONTAL);
    for (const int percent : Appearance::kTextSteps) {
        auto* button =
            new wxToggleButton(this, wxID_ANY, "A", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        button->SetName(wxString::Format("text-size:%d", percent));
        // TRANSLATORS: accessible name of a text size button, e.g. "Text size 150 %"
        button->SetToolTip(wxString::Format(_("Text size %d %%"), percent));
        button->SetHelpText(button->GetToolTipText());
        set_relative_size(button, 1.2 * percent / 100.0);
        button->SetValue(percent == current.text_percent);
        button->Bind(wxEVT_TOGGLEBUTTON, [this, percent](wxCommandEvent&) {
            chosen_.text_percent = percent;
            preview();
        });
        sizes->Add(button, wxSizerFlags().Border(wxRIGHT, gap / 2).Expand());
        size_buttons_.push_back(button);
    }
    sizer->Add(sizes, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));

    contrast_ = new wxCheckBox(this, wxID_ANY, _("High contrast (light text on a black background)"));
    contrast_->SetName("high-contrast");
    contrast_->SetValue(current.high_contrast);
    contrast_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        chosen_.high_contrast = contrast_->GetValue();
        preview();
    });
    sizer->Add(contrast_, wxSizerFlags().Border(wxALL, gap));

    // Each language is written in itself, so that anyone can find their own.
    const wxString languages[] = {wxString::FromUTF8("Français"), "English"};
    language_ =
        new wxRadioBox(this, wxID_ANY, _("Language"), wxDefaultPosition, wxDefaultSize, 2, languages, 1);
    language_->SetName("language");
    const auto& codes = language_codes();
    const auto found = std::find(codes.begin(), codes.end(), current.language);
    language_->SetSelection(found == codes.end() ? 0 : static_cast<int>(found - codes.begin()));
    language_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) {
        chosen_.language = language_codes().at(static_cast<std::size_t>(language_->GetSelection()));
    });
    sizer->Add(language_, wxSizerFlags().Border(wxALL, gap));

    sample_ = new wxStaticText(this, wxID_ANY, _("This is how text will look."));
    sample_->SetName("preview");
    sizer->Add(sample_, wxSizerFlags().Border(wxALL, gap));

    auto* note = new wxStaticText(this, wxID_ANY,
                                  remembered ? _("These settings are remembered for your profile.")
                                             : _("These settings are kept until the program is closed."));
    set_relative_size(note, 0.9);
    sizer->Add(note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));

    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, _("Apply"));
    ok->SetName("settings-ok");
    ok->SetDefault();
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("settings-cancel");
    buttons->AddButton(ok);
    buttons->AddButton(cancel);
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));

    SetSizer(sizer);
    preview();
    Centre();
}

void SettingsDialog::preview() {
    for (std::size_t i = 0; i < size_buttons_.size(); ++i) {
        size_buttons_[i]->SetValue(Appearance::kTextSteps.at(i) == chosen_.text_percent);
    }
    apply_appearance(this, chosen_);
    fit_to_content();
    CallAfter([this] { fit_to_content(); });  // again once GTK has measured the new fonts
}

void SettingsDialog::fit_to_content() {
    GetSizer()->SetSizeHints(this);
    Fit();
    Layout();
    CentreOnParent();
}

}  // namespace pasapas::ui
