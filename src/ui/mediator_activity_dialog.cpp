#include "ui/mediator_activity_dialog.hpp"

#include "core/mediator_fields.hpp"
#include "ui/mediator_context.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <utility>

namespace pasapas::ui {

namespace {

// La Coop lists its 19 digital themes first, then its 11 administrative ones.
constexpr std::size_t kDigitalThemes = 19;

bool contains(const std::vector<std::string>& list, std::string_view id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

wxCheckListBox* checklist(wxWindow* parent, const wxString& name, const std::vector<core::TagEntry>& list,
                          std::size_t first, std::size_t last, const std::vector<std::string>& checked) {
    auto* box = new wxCheckListBox(parent, wxID_ANY);
    box->SetName(name);
    for (std::size_t i = first; i < last && i < list.size(); ++i) {
        const auto row = static_cast<unsigned int>(box->Append(utf8(std::string(list[i].label))));
        box->Check(row, contains(checked, list[i].code));
    }
    return box;
}

void read_checks(const wxCheckListBox* box, const std::vector<core::TagEntry>& list, std::size_t first,
                 std::vector<std::string>& out) {
    for (unsigned int row = 0; row < box->GetCount(); ++row) {
        if (box->IsChecked(row)) {
            out.emplace_back(list.at(first + row).code);
        }
    }
}

}  // namespace

MediatorActivityDialog::MediatorActivityDialog(wxWindow* parent, const Appearance& appearance,
                                               core::ProgressStore& store, core::ActivityRecord activity)
    : wxDialog(parent, wxID_ANY, activity.id == 0 ? _("New activity") : _("Edit the activity"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      appearance_(appearance),
      store_(store),
      activity_(std::move(activity)) {
    SetName("mediator-activity-dialog");
    const int gap = FromDIP(8);
    // Many fields: they scroll, the buttons below stay in view at any text size.
    fields_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    fields_->SetName("activity-fields");
    fields_->SetScrollRate(0, FromDIP(20));
    wxWindow* p = fields_;
    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);
    const auto row = [&](const wxString& label, wxWindow* control) {
        grid->Add(label_for(control, label), wxSizerFlags().Top().Border(wxTOP, gap / 2));
        grid->Add(control, wxSizerFlags().Expand());
    };
    const auto note = [&](const wxString& text) {
        grid->AddSpacer(0);
        auto* label = new wxStaticText(p, wxID_ANY, text);
        set_relative_size(label, 0.9);
        grid->Add(label);
    };

    kind_ = coop_choice(p, "activity-kind", core::activity_kinds(), activity_.kind, false);
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { kind_changed(); });
    row(_("Type of activity:"), kind_);

    date_ = new wxDatePickerCtrl(p, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    date_->SetName("activity-date");
    const wxDateTime date = parse_iso_date(activity_.date);
    date_->SetValue(date.IsValid() ? date : wxDateTime::Today());
    row(_("Date:"), date_);

    auto* duration = new wxBoxSizer(wxHORIZONTAL);
    duration_preset_ = new wxChoice(p, wxID_ANY);
    duration_preset_->SetName("activity-duration-preset");
    const auto& presets = core::duration_presets();
    for (const int minutes : presets) {
        duration_preset_->Append(duration_text(std::int64_t{minutes} * 60000));
    }
    duration_preset_->Append(_("Other duration"));
    const auto preset = std::find(presets.begin(), presets.end(), activity_.duration_min);
    duration_preset_->SetSelection(static_cast<int>(preset - presets.begin()));
    duration_ = new wxSpinCtrl(p, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                               1, 1440, activity_.duration_min);
    duration_->SetName("activity-duration-minutes");
    duration_preset_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const auto index = static_cast<std::size_t>(duration_preset_->GetSelection());
        if (index < core::duration_presets().size()) {
            duration_->SetValue(core::duration_presets()[index]);
        } else {
            duration_->SetFocus();
        }
    });
    duration_->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) {
        const auto& list = core::duration_presets();
        const auto found = std::find(list.begin(), list.end(), duration_->GetValue());
        duration_preset_->SetSelection(static_cast<int>(found - list.begin()));
    });
    duration->Add(duration_preset_, wxSizerFlags().Border(wxRIGHT, gap));
    duration->Add(label_for(duration_, _("Minutes:")),
                  wxSizerFlags().CentreVertical().Border(wxRIGHT, gap / 2));
    duration->Add(duration_);
    grid->Add(label_for(duration_preset_, _("Duration:")), wxSizerFlags().Top().Border(wxTOP, gap / 2));
    grid->Add(duration);

    place_type_ = coop_choice(p, "activity-place-type", core::place_types(), activity_.place_type, true);
    row(_("Type of place:"), place_type_);
    place_name_ = new wxTextCtrl(p, wxID_ANY, utf8(activity_.place_name));
    place_name_->SetName("activity-place-name");
    row(_("Name of the place:"), place_name_);
    place_commune_ = new wxTextCtrl(p, wxID_ANY, utf8(activity_.place_commune));
    place_commune_->SetName("activity-place-commune");
    row(_("Commune of the place:"), place_commune_);
    place_postcode_ = new wxTextCtrl(p, wxID_ANY, utf8(activity_.place_postcode));
    place_postcode_->SetName("activity-place-postcode");
    place_postcode_->SetMaxLength(5);
    row(_("Postcode (5 digits):"), place_postcode_);
    place_insee_ = new wxTextCtrl(p, wxID_ANY, utf8(activity_.place_insee));
    place_insee_->SetName("activity-place-insee");
    place_insee_->SetMaxLength(5);
    row(_("INSEE code (5 characters):"), place_insee_);

    equipment_ = checklist(p, "activity-equipment", core::equipment_options(), 0,
                           core::equipment_options().size(), activity_.equipment);
    row(_("Equipment used:"), equipment_);
    const auto& themes = core::coop_themes();
    digital_themes_ = checklist(p, "activity-digital-themes", themes, 0, kDigitalThemes, activity_.themes);
    digital_themes_->SetMinSize(wxSize(-1, FromDIP(160)));
    row(_("Digital themes:"), digital_themes_);
    admin_themes_ =
        checklist(p, "activity-admin-themes", themes, kDigitalThemes, themes.size(), activity_.themes);
    admin_themes_->SetMinSize(wxSize(-1, FromDIP(160)));
    row(_("Administrative themes:"), admin_themes_);
    demarche_ = coop_choice(p, "activity-demarche", core::demarches(), activity_.demarche, true);
    row(_("Administrative procedure:"), demarche_);
    autonomy_ = coop_choice(p, "activity-autonomy", core::autonomy_levels(), activity_.autonomy, true);
    row(_("Autonomy level (individual session):"), autonomy_);
    workshop_level_ =
        coop_choice(p, "activity-workshop-level", core::workshop_levels(), activity_.workshop_level, true);
    row(_("Workshop level (collective workshop):"), workshop_level_);
    anonymous_ = new wxSpinCtrl(p, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                                0, 500, activity_.anonymous_participants);
    anonymous_->SetName("activity-anonymous");
    row(_("Participants without a profile (collective workshop):"), anonymous_);

    referred_ = new wxCheckBox(p, wxID_ANY, _("Referred to another structure"));
    referred_->SetName("activity-referred");
    referred_->SetValue(activity_.referred);
    grid->AddSpacer(0);
    grid->Add(referred_);
    referral_ = coop_choice(p, "activity-referral", core::referral_structures(), activity_.referral, true);
    referral_->Enable(activity_.referred);
    referred_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { referral_->Enable(referred_->GetValue()); });
    row(_("Structure:"), referral_);

    attendees_ = new wxCheckListBox(p, wxID_ANY);
    attendees_->SetName("activity-learners");
    try {
        for (const auto& learner : store_.all_learners()) {
            const bool attached = std::find(activity_.learners.begin(), activity_.learners.end(),
                                            learner.id) != activity_.learners.end();
            if (learner.archived && !attached) {
                continue;
            }
            learners_.push_back(learner);
            const auto index = static_cast<unsigned int>(attendees_->Append(utf8(learner.name)));
            attendees_->Check(index, attached);
        }
    } catch (const core::StoreError& error) {
        show_store_error(parent, error);
    }
    attendees_->SetMinSize(wxSize(-1, FromDIP(100)));
    row(_("Learners who came:"), attendees_);

    title_ = new wxTextCtrl(p, wxID_ANY, utf8(activity_.title));
    title_->SetName("activity-title");
    row(_("Title:"), title_);
    notes_ = new wxTextCtrl(p, wxID_ANY, utf8(activity_.notes), wxDefaultPosition, wxSize(-1, FromDIP(70)),
                            wxTE_MULTILINE);
    notes_->SetName("activity-notes");
    row(_("Notes:"), notes_);
    note(_("The title and the notes stay on this computer: no export contains them."));

    auto* inner = new wxBoxSizer(wxVERTICAL);
    inner->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, gap * 2));
    fields_->SetSizer(inner);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(fields_, wxSizerFlags(1).Expand());
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("activity-message");
    sizer->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap * 2));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("activity-cancel");
    buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, gap));
    auto* ok = new wxButton(this, wxID_ANY, _("Save"));
    ok->SetName("activity-save");
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    buttons->Add(ok);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizer(sizer);
    kind_changed();
    apply_appearance(this, appearance_);

    // As tall as the fields need, within the screen; the fields scroll when it is not enough.
    fields_->FitInside();
    const wxSize wanted = inner->GetMinSize() + wxSize(FromDIP(30), 0);
    const wxRect screen = wxDisplay(wxDisplay::GetFromWindow(parent) == wxNOT_FOUND
                                        ? 0u
                                        : static_cast<unsigned int>(wxDisplay::GetFromWindow(parent)))
                              .GetClientArea();
    const int chrome = sizer->GetMinSize().y - fields_->GetMinSize().y;
    SetSize(std::min(wanted.x, screen.width * 9 / 10), std::min(wanted.y + chrome, screen.height * 9 / 10));
    message_->SetMinSize(wxSize(GetClientSize().x - FromDIP(40), -1));
    kind_->SetFocus();
    Centre();
}

void MediatorActivityDialog::kind_changed() {
    const bool collective = chosen_id(kind_, core::activity_kinds(), false) == "collectif";
    autonomy_->Enable(!collective);
    workshop_level_->Enable(collective);
    anonymous_->Enable(collective);
}

void MediatorActivityDialog::save() {
    core::ActivityRecord activity = activity_;
    activity.kind = chosen_id(kind_, core::activity_kinds(), false);
    activity.date = iso_date(date_->GetValue());
    activity.duration_min = duration_->GetValue();
    activity.place_type = chosen_id(place_type_, core::place_types(), true);
    activity.place_name = place_name_->GetValue().Strip(wxString::both).utf8_string();
    activity.place_commune = place_commune_->GetValue().Strip(wxString::both).utf8_string();
    activity.place_postcode = place_postcode_->GetValue().Strip(wxString::both).utf8_string();
    activity.place_insee = place_insee_->GetValue().Strip(wxString::both).Upper().utf8_string();
    activity.equipment.clear();
    read_checks(equipment_, core::equipment_options(), 0, activity.equipment);
    activity.themes.clear();
    read_checks(digital_themes_, core::coop_themes(), 0, activity.themes);
    read_checks(admin_themes_, core::coop_themes(), kDigitalThemes, activity.themes);
    activity.demarche = chosen_id(demarche_, core::demarches(), true);
    const bool collective = activity.kind == "collectif";
    activity.autonomy = collective ? std::string() : chosen_id(autonomy_, core::autonomy_levels(), true);
    activity.workshop_level =
        collective ? chosen_id(workshop_level_, core::workshop_levels(), true) : std::string();
    activity.anonymous_participants = collective ? anonymous_->GetValue() : 0;
    activity.referred = referred_->GetValue();
    activity.referral =
        activity.referred ? chosen_id(referral_, core::referral_structures(), true) : std::string();
    activity.title = title_->GetValue().Strip(wxString::both).utf8_string();
    activity.notes = notes_->GetValue().utf8_string();
    activity.learners.clear();
    for (unsigned int row = 0; row < attendees_->GetCount(); ++row) {
        if (attendees_->IsChecked(row)) {
            activity.learners.push_back(learners_.at(row).id);
        }
    }
    if (!collective && activity.learners.size() > 1) {
        say(
            _("An individual session is with one learner: tick one learner only, or choose a collective "
              "workshop."));
        attendees_->SetFocus();
        return;
    }
    try {
        saved_ = core::ActivityBook(store_).save(activity);
    } catch (const core::StoreError& error) {
        // The book names the field that is wrong, in plain words; the dialog stays open to fix it.
        say(wxString::FromUTF8(error.what()));
        return;
    }
    SetReturnCode(wxID_OK);  // EndDialog sets it only for modal dialogs
    EndDialog(wxID_OK);
}

void MediatorActivityDialog::say(const wxString& message) {
    message_->SetLabel(message);
    message_->SetForegroundColour(appearance_.error());
    message_->Wrap(std::max(GetClientSize().x - FromDIP(40), FromDIP(200)));
    Layout();
}

}  // namespace pasapas::ui
