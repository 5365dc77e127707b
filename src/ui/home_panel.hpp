#pragma once
// The learner's home: hello, one big "Continue" for the lesson left most recently, then every
// lesson grouped by theme with its state and one button, then the procedure simulations. Only draws and
// forwards.
#include "core/lesson.hpp"
#include "core/lesson_loader.hpp"
#include "core/progress_store.hpp"
#include "core/scenario.hpp"
#include "ui/appearance.hpp"
#include "ui/avatar_catalog.hpp"

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::ui {

class HomePanel : public wxPanel {
public:
    struct Actions {
        std::function<void(const std::string& lesson_id)> open_lesson;
        std::function<void(const std::string& scenario_id)> open_scenario;
        std::function<void()> settings;
        std::function<void()> change_profile;
    };

    // learner: nullopt in guest mode.
    HomePanel(wxWindow* parent, const std::optional<core::Learner>& learner,
              const std::vector<core::Lesson>& lessons, const std::vector<core::LoadProblem>& problems,
              const std::vector<core::LessonProgress>& progress, const AvatarCatalog& avatars,
              const Appearance& appearance, Actions actions);
    // With the procedure simulations (« Démarches ») and their results so far.
    HomePanel(wxWindow* parent, const std::optional<core::Learner>& learner,
              const std::vector<core::Lesson>& lessons, const std::vector<core::Scenario>& scenarios,
              const std::vector<core::LoadProblem>& problems,
              const std::vector<core::LessonProgress>& progress,
              const std::vector<core::ScenarioResult>& results, const AvatarCatalog& avatars,
              const Appearance& appearance, Actions actions);

    // The lesson "Continue" resumes: the most recently updated one in progress (for tests too).
    [[nodiscard]] static std::optional<core::LessonProgress> lesson_to_continue(
        const std::vector<core::Lesson>& lessons, const std::vector<core::LessonProgress>& progress);

private:
    Actions actions_;
};

}  // namespace pasapas::ui
