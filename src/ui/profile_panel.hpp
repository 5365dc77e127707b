#pragma once
// The start screen: "Who are you?" with one large picture button per learner, plus new
// profile, guest and settings. Only draws and forwards; the main frame decides.
#include "core/progress_store.hpp"
#include "ui/appearance.hpp"
#include "ui/avatar_catalog.hpp"

#include <wx/panel.h>

#include <functional>
#include <vector>

namespace pasapas::ui {

class ProfilePanel : public wxPanel {
public:
    struct Actions {
        std::function<void(const core::Learner&)> open;
        std::function<void()> new_profile;
        std::function<void()> guest;
        std::function<void()> settings;
        std::function<void()> mediator;  // the mediator area (password)
    };

    ProfilePanel(wxWindow* parent, const std::vector<core::Learner>& learners, const AvatarCatalog& avatars,
                 const Appearance& appearance, Actions actions);

private:
    Actions actions_;
};

}  // namespace pasapas::ui
