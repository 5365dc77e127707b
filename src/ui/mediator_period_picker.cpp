#include "ui/mediator_period_picker.hpp"

#include "ui/mediator_context.hpp"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>

#include <utility>

namespace pasapas::ui {

namespace {
enum Preset { kThisMonth, kLastThreeMonths, kThisYear, kEverything, kChosen };
}

MediatorPeriodPicker::MediatorPeriodPicker(wxWindow* parent, const wxString& name,
                                           std::function<void()> changed)
    : wxPanel(parent, wxID_ANY), changed_(std::move(changed)) {
    SetName(name);
    const int gap = FromDIP(8);
    // The preset on one line, the dates on the next: each label stays beside its control, and
    // both lines fit at the largest text size.
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    const auto add = [&](const wxString& label, wxWindow* control) {
        line->Add(label_for(control, label), wxSizerFlags().CentreVertical().Border(wxRIGHT, gap / 2));
        line->Add(control, wxSizerFlags().CentreVertical().Border(wxRIGHT, gap * 2));
    };
    preset_ = new wxChoice(this, wxID_ANY);
    preset_->SetName(name + "-preset");
    preset_->Append(_("This month"));
    preset_->Append(_("The last 3 months"));
    preset_->Append(_("This year"));
    preset_->Append(_("Everything"));
    preset_->Append(_("Chosen dates"));
    preset_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { preset_chosen(); });
    add(_("Period:"), preset_);
    sizer->Add(line, wxSizerFlags().Border(wxBOTTOM, gap));
    line = new wxBoxSizer(wxHORIZONTAL);
    from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE);
    from_->SetName(name + "-from");
    add(_("From:"), from_);
    to_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                               wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE);
    to_->SetName(name + "-to");
    add(_("To:"), to_);
    sizer->Add(line);
    const auto dates_changed = [this](wxDateEvent&) {
        preset_->SetSelection(kChosen);
        if (changed_) {
            changed_();
        }
    };
    from_->Bind(wxEVT_DATE_CHANGED, dates_changed);
    to_->Bind(wxEVT_DATE_CHANGED, dates_changed);
    SetSizer(sizer);
    preset_->SetSelection(kThisYear);
    // The owner is still being built: it reads the period once it is ready.
    auto keep = std::exchange(changed_, nullptr);
    preset_chosen();
    changed_ = std::move(keep);
}

void MediatorPeriodPicker::preset_chosen() {
    const wxDateTime today = wxDateTime::Today();
    wxDateTime from = today;
    switch (preset_->GetSelection()) {
        case kThisMonth:
            from.SetDay(1);
            break;
        case kLastThreeMonths:
            from = today - wxDateSpan::Months(3) + wxDateSpan::Days(1);
            break;
        case kThisYear:
            from.Set(1, wxDateTime::Jan, today.GetYear());
            break;
        case kEverything:
            from = wxDefaultDateTime;
            break;
        default:
            return;
    }
    from_->SetValue(from);
    to_->SetValue(preset_->GetSelection() == kEverything ? wxDefaultDateTime : today);
    if (changed_) {
        changed_();
    }
}

std::string MediatorPeriodPicker::from() const {
    return iso_date(from_->GetValue());
}

std::string MediatorPeriodPicker::to() const {
    return iso_date(to_->GetValue());
}

void MediatorPeriodPicker::set(const std::string& from, const std::string& to) {
    preset_->SetSelection(kChosen);
    from_->SetValue(parse_iso_date(from));
    to_->SetValue(parse_iso_date(to));
    if (changed_) {
        changed_();
    }
}

}  // namespace pasapas::ui
