#pragma once
// Plays one lesson for one learner, headless: which step is shown, hints, verdicts,
// timing, and what goes into the progress store. The lesson player view only draws
// this state and forwards actions, so the whole flow is tested without a GUI.
#include "activity_rules.hpp"
#include "lesson.hpp"
#include "progress_store.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace pasapas::core {

class LessonSession {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // store may be null (guest mode: nothing is kept). Resumes at the stored step.
    LessonSession(const Lesson& lesson, ProgressStore* store, LearnerId learner, Clock clock = {});

    [[nodiscard]] const Lesson& lesson() const { return lesson_; }
    [[nodiscard]] std::size_t step_index() const { return index_; }
    [[nodiscard]] std::size_t step_count() const { return lesson_.steps.size(); }
    [[nodiscard]] const Step& step() const { return lesson_.steps.at(index_); }
    [[nodiscard]] bool finished() const { return finished_; }
    [[nodiscard]] bool step_done() const { return step_done_; }

    // Next hint, more explicit each time; nullopt when all were shown. Recorded.
    std::optional<std::string> next_hint();
    [[nodiscard]] int hints_shown() const { return hints_shown_; }
    [[nodiscard]] const ActivityState& activity_state() const { return state_; }

    // Judges and records the action. When it completes the step, the step is saved as done.
    Verdict act(const Action& action);

    // Moves on after a completed step; after the last one the lesson is recorded as done.
    void next();

    // Leaves the lesson; the position is already saved, this records the exit.
    void leave();

    // Per-step figures for the end-of-lesson summary.
    struct Totals {
        int attempts = 0;
        int mistakes = 0;
        int hints = 0;
        std::int64_t duration_ms = 0;
    };
    [[nodiscard]] const Totals& totals() const { return totals_; }

private:
    // Records one event with the position the lesson will resume at; throws StoreError.
    void save(const std::string& action, bool success, const std::string& mistake, int hint_level,
              LessonStatus status, int current_step);
    std::int64_t elapsed_ms() const;

    const Lesson& lesson_;
    ProgressStore* store_;
    LearnerId learner_;
    Clock clock_;
    std::size_t index_ = 0;
    bool finished_ = false;
    bool step_done_ = false;
    int hints_shown_ = 0;
    ActivityState state_;
    std::chrono::steady_clock::time_point step_started_;
    Totals totals_;
    Verdict last_verdict_;                                   // repeated for actions after the step is done
    LessonStatus stored_status_ = LessonStatus::NotStarted;  // last position written
    int stored_step_ = 0;
};

}  // namespace pasapas::core
