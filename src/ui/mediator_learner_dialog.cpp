#include "ui/mediator_learner_dialog.hpp"

#include "core/mediator_fields.hpp"
#include "ui/avatar_catalog.hpp"
#include "ui/mediator_context.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace pasapas::ui {

namespace {

bool all_digits(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// INSEE codes are 5 characters: digits, except Corsica's 2A and 2B.
bool plausible_insee(const std::string& code) {
    return code.size() == 5 &&
           std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

}  // namespace

MediatorLearnerDialog::MediatorLearnerDialog(wxWindow* parent, const Appearance& appearance,
                                             core::ProgressStore& store, std::optional<core::Learner> learner)
    : wxDialog(parent, wxID_ANY, learner ? _("Edit the learner") : _("New learner"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      appearance_(appearance),
      store_(store),
      learner_(std::move(learner)) {
    SetName("mediator-learner-dialog");
    const int gap = FromDIP(8);
    const core::LearnerAttributes attributes = learner_ ? learner_->attributes : core::LearnerAttributes{};
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);
    const auto row = [&](const wxString& label, wxWindow* control) {
        grid->Add(label_for(control, label), wxSizerFlags().CentreVertical());
        grid->Add(control, wxSizerFlags().Expand());
    };

    name_ = new wxTextCtrl(this, wxID_ANY, learner_ ? utf8(learner_->name) : wxString());
    name_->SetName("learner-name");
    row(_("First name or nickname:"), name_);

    age_ = coop_choice(this, "learner-age", core::age_brackets(), attributes.age_bracket, true);
    row(_("Age bracket:"), age_);
    year_ = new wxTextCtrl(this, wxID_ANY);
    year_->SetName("learner-birth-year");
    year_->SetMaxLength(4);
    year_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { year_typed(); });
    row(_("Or birth year:"), year_);
    grid->AddSpacer(0);
    auto* year_note =
        new wxStaticText(this, wxID_ANY, _("The year only picks the age bracket: it is not kept."));
    set_relative_size(year_note, 0.9);
    grid->Add(year_note);

    gender_ = coop_choice(this, "learner-gender", core::genders(), attributes.gender, true);
    row(_("Gender:"), gender_);
    status_ = coop_choice(this, "learner-status", core::social_statuses(), attributes.social_status, true);
    row(_("Status:"), status_);
    commune_ = new wxTextCtrl(this, wxID_ANY, utf8(attributes.commune));
    commune_->SetName("learner-commune");
    row(_("Commune of residence:"), commune_);
    postcode_ = new wxTextCtrl(this, wxID_ANY, utf8(attributes.postcode));
    postcode_->SetName("learner-postcode");
    postcode_->SetMaxLength(5);
    row(_("Postcode (5 digits):"), postcode_);
    insee_ = new wxTextCtrl(this, wxID_ANY, utf8(attributes.insee));
    insee_->SetName("learner-insee");
    insee_->SetMaxLength(5);
    row(_("INSEE code (5 characters):"), insee_);
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap * 2));

    sizer->Add(field_label(this, _("Private notes (never exported):")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT, gap * 2));
    notes_ = new wxTextCtrl(this, wxID_ANY, learner_ ? utf8(learner_->notes) : wxString(), wxDefaultPosition,
                            wxSize(-1, FromDIP(80)), wxTE_MULTILINE);
    notes_->SetName("learner-notes");
    sizer->Add(notes_, wxSizerFlags(1).Expand().Border(wxALL, gap * 2));

    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("learner-message");
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("learner-cancel");
    buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, gap));
    auto* ok = new wxButton(this, wxID_ANY, _("Save"));
    ok->SetName("learner-save");
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    buttons->Add(ok);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap * 2));

    SetSizer(sizer);
    apply_appearance(this, appearance_);
    message_->SetMinSize(wxSize(GetTextExtent("M").x * 32, -1));
    sizer->SetSizeHints(this);
    fit_after_first_paint(this, [this] { message_->SetMinSize(wxSize(message_->GetCharWidth() * 40, -1)); });
    name_->SetFocus();
    Centre();
}

void MediatorLearnerDialog::year_typed() {
    long year = 0;
    if (year_->GetValue().length() != 4 || !year_->GetValue().ToLong(&year)) {
        return;
    }
    const auto bracket =
        core::age_bracket_for_birth_year(static_cast<int>(year), wxDateTime::Today().GetYear());
    if (!bracket) {
        say(_("This birth year does not look right."));
        return;
    }
    const auto& list = core::age_brackets();
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].code == *bracket) {
            age_->SetSelection(static_cast<int>(i) + 1);
        }
    }
    say(wxString());
}

void MediatorLearnerDialog::save() {
    const std::string name = name_->GetValue().Strip(wxString::both).utf8_string();
    core::LearnerAttributes attributes;
    attributes.age_bracket = chosen_id(age_, core::age_brackets(), true);
    attributes.gender = chosen_id(gender_, core::genders(), true);
    attributes.social_status = chosen_id(status_, core::social_statuses(), true);
    attributes.commune = commune_->GetValue().Strip(wxString::both).utf8_string();
    attributes.postcode = postcode_->GetValue().Strip(wxString::both).utf8_string();
    attributes.insee = insee_->GetValue().Strip(wxString::both).Upper().utf8_string();
    if (name.empty()) {
        say(_("Please type a first name or a nickname."));
        name_->SetFocus();
        return;
    }
    if (!attributes.postcode.empty() &&
        (attributes.postcode.size() != 5 || !all_digits(attributes.postcode))) {
        say(_("The postcode has 5 digits, for example 35000."));
        postcode_->SetFocus();
        return;
    }
    if (!attributes.insee.empty() && !plausible_insee(attributes.insee)) {
        say(_("The INSEE code has 5 characters, for example 35238 or 2A004."));
        insee_->SetFocus();
        return;
    }
    try {
        core::LearnerId id = learner_ ? learner_->id : 0;
        std::string avatar = learner_ ? learner_->avatar : AvatarCatalog::all().front().id;
        if (!learner_) {
            id = store_.create_learner(name, avatar);
        }
        store_.update_learner(id, name, avatar, attributes, notes_->GetValue().utf8_string());
        saved_ = id;
    } catch (const core::StoreError& error) {
        say(wxString::FromUTF8(error.what()));
        return;
    }
    SetReturnCode(wxID_OK);  // EndDialog sets it only for modal dialogs
    EndDialog(wxID_OK);
}

void MediatorLearnerDialog::say(const wxString& message) {
    message_->SetLabel(message);
    message_->SetForegroundColour(appearance_.error());
    message_->Wrap(std::max(GetClientSize().x - FromDIP(30), FromDIP(200)));
    GetSizer()->SetSizeHints(this);
    Layout();
}

}  // namespace pasapas::ui
