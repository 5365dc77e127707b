#pragma once
// The lesson player: one step at a time, large instruction and illustration, the
// interactive exercise, "Indice", kind feedback, a progress bar, and a way out that saves.
// All decisions are made by core::LessonSession; this panel draws and forwards.
#include "core/lesson.hpp"
#include "core/progress_store.hpp"
#include "ui/appearance.hpp"

#include <wx/panel.h>

#include <functional>
#include <memory>

namespace pasapas::core {
class LessonSession;
}

namespace pasapas::ui {

class LessonPlayerPanel : public wxPanel {
public:
    // store == nullptr in guest mode. on_exit is called (after saving) when the learner
    // leaves or, after the summary, goes back home.
    LessonPlayerPanel(wxWindow* parent, const core::Lesson& lesson, core::ProgressStore* store,
                      core::LearnerId learner, const Appearance& appearance, std::function<void()> on_exit);
    ~LessonPlayerPanel() override;

    // For tests and the main frame: the session being played.
    [[nodiscard]] const core::LessonSession& session() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pasapas::ui
