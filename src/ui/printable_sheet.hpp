#pragma once
// What the learner can print from a simulation: the persona's fake identity sheet (to have
// the fictitious details at hand on paper, as one would with real papers) and the checklist
// of what to prepare for the real procedure. Both are plain HTML shown in a print preview.
#include "core/scenario.hpp"
#include "core/scenario_session.hpp"

#include <filesystem>
#include <string>

class wxWindow;

namespace pasapas::ui {

// Every persona fact (label: value) under a large "fictitious" mark, with the fake card.
[[nodiscard]] std::string persona_sheet_html(const core::Scenario& scenario,
                                             const core::ScenarioSession& session);
// The same, with the card picture already at card_picture (a PNG or JPEG; empty: no picture).
[[nodiscard]] std::string persona_sheet_html(const core::Scenario& scenario,
                                             const core::ScenarioSession& session,
                                             const std::filesystem::path& card_picture);
// The procedure, the simulation's reference, the checklist as boxes to tick, and a reminder
// that it was a simulation.
[[nodiscard]] std::string checklist_html(const core::Scenario& scenario,
                                         const core::ScenarioSession& session);

// The card as a picture the HTML renderer can show: an SVG is drawn to a PNG in the temporary
// folder; other formats are used as they are. Empty if there is no card or it cannot be read.
[[nodiscard]] std::filesystem::path printable_card(const core::Scenario& scenario);

// Open a print preview (from which the learner prints) of the sheet or the checklist.
void print_persona_sheet(wxWindow* parent, const core::Scenario& scenario,
                         const core::ScenarioSession& session);
void print_checklist(wxWindow* parent, const core::Scenario& scenario, const core::ScenarioSession& session);

}  // namespace pasapas::ui
