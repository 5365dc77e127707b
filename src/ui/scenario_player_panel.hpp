#pragma once
// The procedure-simulation player: a one-line top bar (procedure, « Quitter »), the simulated
// browser taking most of the width, and a side column: first Pas à Pas' own voice (the mode,
// « Indice », the instruction, the hints, the kind coaching after a mistake; it scrolls on its
// own when long), then the phone, the mailbox, the Documents folder and the persona's identity
// sheet, with unread counts. So the page keeps most of the height even at 200 % text. Guided
// mode marks the next thing to do. A banner offers to stay connected before the site's
// time-out. At the end: the result and « Retour à l'accueil » in the top bar, the receipt in
// the browser, the checklist to print.
// All decisions are core::ScenarioSession's; this panel draws and forwards.
#include "core/progress_store.hpp"
#include "core/scenario.hpp"
#include "core/scenario_session.hpp"
#include "ui/appearance.hpp"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <memory>

namespace pasapas::ui {

class ScenarioPlayerPanel : public wxPanel {
public:
    // store == nullptr in guest mode. on_exit is called (after saving) when the learner leaves
    // or goes back home at the end.
    ScenarioPlayerPanel(wxWindow* parent, const core::Scenario& scenario, core::ScenarioMode mode,
                        core::ProgressStore* store, core::LearnerId learner, const Appearance& appearance,
                        std::function<void()> on_exit, std::uint32_t seed);
    ~ScenarioPlayerPanel() override;

    // For tests and the main frame: the session being played.
    [[nodiscard]] const core::ScenarioSession& session() const;
    // New text size or contrast while playing: redraws in place, keeping the page and values.
    void set_appearance(const Appearance& appearance);

    // For tests: the clock of the players created from now on (empty: the real one), so that
    // the site's time-out can be reached without waiting twenty minutes.
    static void set_test_clock(core::ScenarioSession::Clock clock);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pasapas::ui
