#include "lesson_session.hpp"

#include <algorithm>
#include <utility>

namespace pasapas::core {

LessonSession::LessonSession(const Lesson& lesson, ProgressStore* store, LearnerId learner, Clock clock)
    : lesson_(lesson), store_(store), learner_(learner), clock_(std::move(clock)) {
    if (!clock_) {
        clock_ = [] { return std::chrono::steady_clock::now(); };
    }
    if (store_ != nullptr) {
        const LessonProgress progress = store_->progress(learner_, lesson_.id);
        stored_status_ = progress.status;
        stored_step_ = progress.current_step;
        // A finished lesson opened again is a replay from the start; a stale position (the
        // lesson lost steps since) also starts over rather than land on a missing step.
        if (progress.status == LessonStatus::InProgress && progress.current_step >= 0 &&
            static_cast<std::size_t>(progress.current_step) < lesson_.steps.size()) {
            index_ = static_cast<std::size_t>(progress.current_step);
        }
    }
    finished_ = lesson_.steps.empty();
    step_started_ = clock_();
}

std::int64_t LessonSession::elapsed_ms() const {
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock_() - step_started_);
    return std::max<std::int64_t>(0, elapsed.count());
}

void LessonSession::save(const std::string& action, bool success, const std::string& mistake, int hint_level,
                         LessonStatus status, int current_step) {
    if (store_ == nullptr) {
        return;
    }
    StepEvent event;
    event.learner = learner_;
    event.lesson_id = lesson_.id;
    event.step_id = step().id;
    event.step_index = static_cast<int>(index_);
    event.action = action;
    event.success = success;
    event.mistake = mistake;
    event.hint_level = hint_level;
    event.duration_ms = elapsed_ms();
    LessonProgress progress;
    progress.lesson_id = lesson_.id;
    progress.status = status;
    progress.current_step = current_step;
    store_->record(event, progress);
    // Only once the store has it: leave() then repeats exactly what is on disk.
    stored_status_ = status;
    stored_step_ = current_step;
}

Verdict LessonSession::act(const Action& action) {
    if (finished_ || step_done_) {
        return last_verdict_;  // a late click on a finished step changes nothing
    }
    // Judged on a copy so that, when the store fails, the session is exactly as before and
    // the learner can simply try again: the screen never claims more than what is saved.
    ActivityState next_state = state_;
    Verdict verdict = evaluate(step().activity, next_state, action);
    if (!verdict.correct && verdict.mistake.empty()) {
        return verdict;  // not an answer to this activity (a drop on a click step…)
    }
    const auto index = static_cast<int>(index_);
    save("attempt", verdict.correct, verdict.mistake, hints_shown_, LessonStatus::InProgress, index);
    state_ = std::move(next_state);
    ++totals_.attempts;
    if (!verdict.correct) {
        ++totals_.mistakes;
    }
    last_verdict_ = verdict;
    if (!verdict.step_complete) {
        return verdict;
    }
    // The stored position already points past this step, so a restart resumes at the next one.
    const bool last = index_ + 1 == lesson_.steps.size();
    const auto status = last ? LessonStatus::Done : LessonStatus::InProgress;
    save("step-done", true, "", hints_shown_, status, index + 1);
    step_done_ = true;
    totals_.duration_ms += elapsed_ms();
    if (last) {
        save("lesson-done", true, "", hints_shown_, status, index + 1);
    }
    return verdict;
}

std::optional<std::string> LessonSession::next_hint() {
    if (finished_ || step_done_) {
        return std::nullopt;  // and no event: it would move the saved position back
    }
    const auto& hints = step().hints;
    if (static_cast<std::size_t>(hints_shown_) >= hints.size()) {
        return std::nullopt;
    }
    const int level = hints_shown_ + 1;
    save("hint", false, "", level, LessonStatus::InProgress, static_cast<int>(index_));
    hints_shown_ = level;
    ++totals_.hints;
    return hints[static_cast<std::size_t>(level - 1)];
}

void LessonSession::next() {
    if (finished_ || !step_done_) {
        return;
    }
    if (index_ + 1 >= lesson_.steps.size()) {
        finished_ = true;  // already saved as done when the last step was completed
        return;
    }
    ++index_;
    step_done_ = false;
    hints_shown_ = 0;
    state_ = ActivityState{};
    last_verdict_ = Verdict{};
    step_started_ = clock_();
}

void LessonSession::leave() {
    if (lesson_.steps.empty()) {
        return;
    }
    save("leave", false, "", hints_shown_, stored_status_, stored_step_);
}

}  // namespace pasapas::core
