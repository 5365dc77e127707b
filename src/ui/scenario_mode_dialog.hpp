#pragma once
// Before a procedure simulation: how to play it. Three big buttons, each with one line that
// says what it means: Guided (every step shown), Practice (help when asked), Autonomy check
// (no help, a result at the end). Shown modeless over a disabled frame, like the new profile
// dialog: the caller reads chosen() once it is hidden.
#include "core/scenario_session.hpp"
#include "ui/appearance.hpp"

#include <wx/dialog.h>

#include <optional>

namespace pasapas::ui {

class ScenarioModeDialog : public wxDialog {
public:
    ScenarioModeDialog(wxWindow* parent, const Appearance& appearance, const wxString& procedure_title);

    // The mode chosen, nothing when cancelled.
    [[nodiscard]] std::optional<core::ScenarioMode> chosen() const { return chosen_; }

private:
    void choose(core::ScenarioMode mode);
    std::optional<core::ScenarioMode> chosen_;
};

}  // namespace pasapas::ui
