#include "dashboard.hpp"

#include "activity_book.hpp"
#include "sqlite_support.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace pasapas::core {
namespace {

// Events and results are stamped in UTC and periods are whole days, compared on the date part.
bool in_period(const std::string& at, const std::string& from, const std::string& to) {
    const std::string day = at.substr(0, 10);
    return (from.empty() || day >= from) && (to.empty() || day <= to);
}

struct PeriodActivity {
    int minutes = 0;
    std::vector<std::string> themes;
    std::vector<LearnerId> learners;
};

// Read directly rather than through ActivityBook, which needs a writable store.
std::vector<PeriodActivity> activities_in(const ProgressStore& store, const std::string& from,
                                          const std::string& to) {
    return guarded(store.path(), [&] {
        std::vector<PeriodActivity> out;
        Statement query(store.database(),
                        "SELECT id, duration_min, themes FROM activities "
                        "WHERE (?1 = '' OR date >= ?1) AND (?2 = '' OR date <= ?2) ORDER BY date, id");
        query.bind(1, from).bind(2, to);
        while (query.step()) {
            PeriodActivity activity{query.small_integer(1), split_id_list(query.text(2)), {}};
            Statement learners(store.database(),
                               "SELECT learner_id FROM activity_learners WHERE activity_id = ?");
            learners.bind(1, query.integer(0));
            while (learners.step()) {
                activity.learners.push_back(learners.integer(0));
            }
            out.push_back(std::move(activity));
        }
        return out;
    });
}

struct ItemInfo {
    std::string title;
    std::string theme;
    bool procedure = false;
};

// One learner's work on one lesson or procedure in the period.
struct Work {
    bool completed = false;
    std::int64_t time_ms = 0;
};

struct ItemTotals {
    std::set<LearnerId> started;
    std::set<LearnerId> completed;
    std::int64_t time_ms = 0;
};

struct StuckTotals {
    std::set<LearnerId> learners;
    int failures = 0;
    int hints = 0;
};

// Time spent, without counting anything twice:
// - a lesson: every step-done event carries the time since its step was shown, and a leave event
//   the time on the step left unfinished. A leave that follows the completion of the same step
//   (the learner left from the « well done » screen) carries that step's whole time again, so only
//   what exceeds the step-done is added. Attempts and hints are moments inside those spans: not added.
// - a procedure: its runs' durations (scenario_results.duration_ms), which already cover every
//   page; the procedure's own step events are then ignored for time (but not for where people get
//   stuck), since they describe the same minutes.
std::map<std::string, Work> lesson_work(const std::vector<StepEvent>& events, const std::string& from,
                                        const std::string& to, const std::set<std::string>& procedures) {
    std::map<std::string, Work> out;
    struct LastDone {
        std::string step_id;
        std::int64_t duration_ms = 0;
        bool open = false;
    };
    std::map<std::string, LastDone> last_done;
    for (const auto& event : events) {
        auto& done = last_done[event.lesson_id];
        const bool counted = in_period(event.at, from, to);
        const bool procedure = procedures.count(event.lesson_id) > 0;
        if (counted) {
            auto& work = out[event.lesson_id];
            if (event.action == "lesson-done") {
                work.completed = true;
            }
            if (!procedure && event.action == "step-done") {
                work.time_ms += event.duration_ms;
            }
            if (!procedure && event.action == "leave") {
                const bool after_done = done.open && done.step_id == event.step_id;
                work.time_ms += after_done ? std::max<std::int64_t>(0, event.duration_ms - done.duration_ms)
                                           : event.duration_ms;
            }
        }
        if (event.action == "step-done") {
            done = {event.step_id, event.duration_ms, true};
        } else if (event.action != "lesson-done") {
            done.open = false;
        }
    }
    return out;
}

}  // namespace

DashboardData build_dashboard(const ProgressStore& store, const std::vector<Lesson>& lessons,
                              const std::vector<Scenario>& scenarios, const std::string& from,
                              const std::string& to) {
    std::map<std::string, ItemInfo> items;
    std::set<std::string> procedures;
    for (const auto& lesson : lessons) {
        items[lesson.id] = {lesson.title, lesson.theme, false};
    }
    for (const auto& scenario : scenarios) {
        items[scenario.id] = {scenario.title, scenario.theme, true};
        procedures.insert(scenario.id);
    }

    // A procedure is whatever has run results, even one no longer shipped.
    guarded(store.path(), [&] {
        Statement query(store.database(), "SELECT DISTINCT scenario_id FROM scenario_results");
        while (query.step()) {
            procedures.insert(query.text(0));
        }
    });

    DashboardData data;
    const auto activities = activities_in(store, from, to);
    std::map<LearnerId, int> attended;
    for (const auto& activity : activities) {
        ++data.activities;
        data.activity_minutes += activity.minutes;
        for (const LearnerId learner : activity.learners) {
            ++attended[learner];
        }
    }

    std::map<std::string, ItemTotals> item_totals;
    std::map<std::pair<std::string, std::string>, StuckTotals> stuck;
    for (const auto& learner : store.all_learners()) {
        const auto events = store.events(learner.id);
        const auto results = store.scenario_results(learner.id);

        LearnerSummary summary;
        summary.learner = learner.id;
        summary.name = learner.name;
        summary.activities = attended.count(learner.id) > 0 ? attended[learner.id] : 0;

        auto work = lesson_work(events, from, to, procedures);
        for (const auto& result : results) {
            summary.last_seen = std::max(summary.last_seen, result.at);
            if (!in_period(result.at, from, to)) {
                continue;
            }
            auto& w = work[result.scenario_id];
            w.time_ms += result.duration_ms;
            w.completed = w.completed || result.finished;
            if (result.mode == "check" && !result.level.empty()) {
                // An unfinished check is recorded at « Avec guidage »: it ended there too.
                ++summary.autonomy[result.level];
                ++data.autonomy[result.level];
            }
        }
        // Progress saved as done without a lesson-done event (files from before events were kept).
        std::set<std::string> with_done_event;
        for (const auto& event : events) {
            summary.last_seen = std::max(summary.last_seen, event.at);
            if (event.action == "lesson-done") {
                with_done_event.insert(event.lesson_id);
            }
        }
        for (const auto& progress : store.all_progress(learner.id)) {
            if (progress.status == LessonStatus::Done && with_done_event.count(progress.lesson_id) == 0 &&
                in_period(progress.updated_at, from, to)) {
                work[progress.lesson_id].completed = true;
            }
        }

        for (const auto& event : events) {
            if (!in_period(event.at, from, to)) {
                continue;
            }
            const bool failed = event.action == "attempt" && !event.success;
            const bool hint = event.action == "hint";
            if (!failed && !hint) {
                continue;
            }
            auto& point = stuck[{event.lesson_id, event.step_id}];
            point.learners.insert(learner.id);
            point.failures += failed ? 1 : 0;
            point.hints += hint ? 1 : 0;
        }

        for (const auto& [item, w] : work) {
            auto& totals = item_totals[item];
            totals.started.insert(learner.id);
            totals.time_ms += w.time_ms;
            summary.time_ms += w.time_ms;
            if (w.completed) {
                totals.completed.insert(learner.id);
                ++(procedures.count(item) > 0 ? summary.procedures_done : summary.lessons_done);
            }
        }

        // Archived profiles are listed only when they did something in the period.
        const bool active = !work.empty() || summary.activities > 0 || !summary.autonomy.empty();
        if (!learner.archived || active) {
            data.learners.push_back(std::move(summary));
        }
    }

    std::map<std::string, ThemeSummary> themes;
    std::map<std::string, std::set<LearnerId>> theme_learners;
    for (const auto& [id, totals] : item_totals) {
        const auto info = items.find(id);
        ItemSummary item;
        item.id = id;
        item.title = info != items.end() && !info->second.title.empty() ? info->second.title : id;
        item.procedure = procedures.count(id) > 0;
        item.theme = info != items.end() ? info->second.theme : std::string{};
        item.started = static_cast<int>(totals.started.size());
        item.completed = static_cast<int>(totals.completed.size());
        item.time_ms = totals.time_ms;
        if (!item.theme.empty()) {
            auto& theme = themes[item.theme];
            theme.theme = item.theme;
            theme.completed += item.completed;
            theme.time_ms += item.time_ms;
            theme_learners[item.theme].insert(totals.started.begin(), totals.started.end());
        }
        data.items.push_back(std::move(item));
    }
    for (const auto& activity : activities) {
        for (const auto& id : activity.themes) {
            auto& theme = themes[id];
            theme.theme = id;
            ++theme.activities;
            theme_learners[id].insert(activity.learners.begin(), activity.learners.end());
        }
    }
    for (auto& [id, theme] : themes) {
        theme.learners = static_cast<int>(theme_learners[id].size());
        data.themes.push_back(theme);
    }

    for (const auto& [key, totals] : stuck) {
        const auto info = items.find(key.first);
        data.stuck.push_back(
            {key.first, info != items.end() && !info->second.title.empty() ? info->second.title : key.first,
             key.second, static_cast<int>(totals.learners.size()), totals.failures, totals.hints});
    }

    // Most used first, so the dashboard opens on what matters; ties in a stable, readable order.
    std::stable_sort(data.items.begin(), data.items.end(), [](const ItemSummary& a, const ItemSummary& b) {
        return std::tie(b.started, b.completed, a.title) < std::tie(a.started, a.completed, b.title);
    });
    std::stable_sort(
        data.themes.begin(), data.themes.end(), [](const ThemeSummary& a, const ThemeSummary& b) {
            return std::tie(b.learners, b.activities, a.theme) < std::tie(a.learners, a.activities, b.theme);
        });
    std::stable_sort(data.stuck.begin(), data.stuck.end(), [](const StuckPoint& a, const StuckPoint& b) {
        return std::tie(b.learners, b.failures, b.hints) < std::tie(a.learners, a.failures, a.hints);
    });
    if (data.stuck.size() > 10) {
        data.stuck.resize(10);
    }
    return data;
}

}  // namespace pasapas::core
