#include "ui/scenario_mode_dialog.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <vector>

namespace pasapas::ui {

ScenarioModeDialog::ScenarioModeDialog(wxWindow* parent, const Appearance& appearance,
                                       const wxString& procedure_title)
    : wxDialog(parent, wxID_ANY, _("How do you want to practise?"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "scenario-mode-dialog") {
    const int pt = appearance.point_size();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, procedure_title, wxDefaultPosition, wxDefaultSize, 0,
                                   "mode-procedure");
    set_relative_size(title, 1.4);
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, wxSizerFlags().Border(wxALL, pt));
    auto* question = new wxStaticText(this, wxID_ANY, _("How do you want to practise?"));
    sizer->Add(question, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, pt));

    struct Choice {
        core::ScenarioMode mode;
        wxString label;
        wxString explanation;
        const char* name;
    };
    const Choice choices[] = {
        {core::ScenarioMode::Guided, _("Guided"), _("Each step is shown and explained."), "mode-guided"},
        {core::ScenarioMode::Practice, _("Practice"), _("You do it alone; help when you ask for it."),
         "mode-practice"},
        {core::ScenarioMode::Check, _("Autonomy check"),
         _("No help at all; at the end, you see how autonomous you are."), "mode-check"},
    };
    std::vector<wxStaticText*> lines;
    for (const Choice& choice : choices) {
        auto* button = new wxButton(this, wxID_ANY, choice.label, wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, choice.name);
        set_relative_size(button, 1.4);
        button->SetFont(button->GetFont().Bold());
        button->SetHelpText(choice.explanation);
        const core::ScenarioMode mode = choice.mode;
        button->Bind(wxEVT_BUTTON, [this, mode](wxCommandEvent&) { choose(mode); });
        sizer->Add(button, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, pt));
        auto* line = new wxStaticText(this, wxID_ANY, choice.explanation, wxDefaultPosition, wxDefaultSize, 0,
                                      wxString(choice.name) + "-text");
        lines.push_back(line);
        sizer->Add(line, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, pt));
    }
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "mode-cancel");
    sizer->Add(cancel, wxSizerFlags().Right().Border(wxALL, pt));
    SetEscapeId(wxID_CANCEL);
    SetSizer(sizer);
    apply_appearance(this, appearance);
    for (wxStaticText* line : lines) {
        line->Wrap(pt * 30);
    }
    sizer->SetSizeHints(this);
    Centre();
    if (wxWindow* first = FindWindow("mode-guided"); first != nullptr) {
        first->SetFocus();
    }
}

void ScenarioModeDialog::choose(core::ScenarioMode mode) {
    chosen_ = mode;
    SetReturnCode(wxID_OK);  // EndDialog sets it only for modal dialogs
    EndDialog(wxID_OK);
}

}  // namespace pasapas::ui
