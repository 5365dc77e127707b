#pragma once
// The end of a lesson: a warm "finished", what was done in plain figures, and the way home.
#include "core/lesson_session.hpp"
#include "ui/appearance.hpp"

#include <wx/panel.h>

#include <functional>

namespace pasapas::ui {

class LessonSummaryPanel : public wxPanel {
public:
    LessonSummaryPanel(wxWindow* parent, const wxString& lesson_title, std::size_t steps,
                       const core::LessonSession::Totals& totals, const Appearance& appearance,
                       std::function<void()> on_exit);
};

}  // namespace pasapas::ui
