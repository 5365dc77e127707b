#include "ui/profile_panel.hpp"

#include "ui/appearance.hpp"

#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <utility>

namespace pasapas::ui {

ProfilePanel::ProfilePanel(wxWindow* parent, const std::vector<core::Learner>& learners,
                           const AvatarCatalog& avatars, const Appearance& appearance, Actions actions)
    : wxPanel(parent, wxID_ANY), actions_(std::move(actions)) {
    SetName("profile-panel");
    const int gap = FromDIP(16);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(this, wxID_ANY, _("Who are you?"));
    set_relative_size(title, 1.8);
    title->SetFont(title->GetFont().Bold());
    // The mediator area sits apart from the learners' buttons, top right: clearly labelled for
    // the mediator, out of the way of a learner looking for their picture.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(title, wxSizerFlags(1).CentreVertical().Border(wxRIGHT, gap));
    if (actions_.mediator) {
        auto* mediator = new wxButton(this, wxID_ANY, _("Mediator area"));
        mediator->SetName("mediator-button");
        mediator->SetToolTip(_("For mediators: learners, workshops and reports (password, Ctrl+Shift+M)"));
        mediator->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.mediator(); });
        top->Add(mediator, wxSizerFlags().CentreVertical());
    }
    sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));
    auto* subtitle = new wxStaticText(
        this, wxID_ANY, learners.empty() ? _("Create your profile to start.") : _("Click on your picture."));
    set_relative_size(subtitle, 1.2);
    sizer->Add(subtitle, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));

    // Many profiles on a workshop PC: the pictures scroll, the buttons below stay in view.
    auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    scroller->SetName("profiles");
    scroller->SetScrollRate(0, FromDIP(20));
    auto* grid = new wxWrapSizer(wxHORIZONTAL);
    const int picture = FromDIP(112) * appearance.text_percent / 100;
    for (const auto& learner : learners) {
        const wxString name = wxString::FromUTF8(learner.name);
        auto* button = new wxButton(scroller, wxID_ANY, name);
        button->SetName("profile:" + name);
        button->SetBitmap(avatars.bitmap(learner.avatar, picture));
        button->SetBitmapPosition(wxTOP);
        // No fixed width: a long first name widens its tile instead of being cut off.
        set_relative_size(button, 1.3);
        if (learner.has_pin) {
            // TRANSLATORS: tooltip on a profile protected by a secret code
            button->SetToolTip(wxString::Format(_("%s (protected by a secret code)"), name));
        }
        const core::Learner chosen = learner;
        button->Bind(wxEVT_BUTTON, [this, chosen](wxCommandEvent&) { actions_.open(chosen); });
        grid->Add(button, wxSizerFlags().Border(wxALL, gap / 2));
    }
    auto* new_profile = new wxButton(scroller, wxID_ANY, _("New profile"));
    new_profile->SetName("new-profile-button");
    new_profile->SetMinSize(wxSize(-1, picture + gap * 2));
    set_relative_size(new_profile, 1.3);
    new_profile->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.new_profile(); });
    grid->Add(new_profile, wxSizerFlags().Border(wxALL, gap / 2).Expand());
    scroller->SetSizer(grid);
    sizer->Add(scroller, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto* guest = new wxButton(this, wxID_ANY, _("Guest (nothing is kept)"));
    guest->SetName("guest-button");
    set_relative_size(guest, 1.1);
    guest->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.guest(); });
    bottom->Add(guest, wxSizerFlags().Border(wxRIGHT, gap));
    bottom->AddStretchSpacer();
    auto* settings = new wxButton(this, wxID_ANY, _("Settings"));
    settings->SetName("settings-button");
    set_relative_size(settings, 1.1);
    settings->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.settings(); });
    bottom->Add(settings);
    sizer->Add(bottom, wxSizerFlags().Expand().Border(wxALL, gap));

    SetSizer(sizer);
    apply_appearance(this, appearance);
}

}  // namespace pasapas::ui
