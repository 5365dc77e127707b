#pragma once
// What the mediator's dashboards show, computed from the progress store: per learner, per
// activity, per theme, over a period. Local views (names are shown on this PC to the mediator);
// exports never use these structures, only ReportDataset.
#include "activity_book.hpp"
#include "lesson.hpp"
#include "progress_store.hpp"
#include "scenario.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pasapas::core {

struct StuckPoint {       // where people get stuck: a step with many failed attempts or hints
    std::string item_id;  // lesson or scenario id
    std::string item_title;
    std::string step_id;
    int learners = 0;  // distinct learners who failed or asked for a hint there
    int failures = 0;
    int hints = 0;
};

struct ItemSummary {  // one lesson or procedure
    std::string id;
    std::string title;
    bool procedure = false;
    std::string theme;  // La Coop theme id of the lesson or scenario
    int started = 0;    // distinct learners
    int completed = 0;
    std::int64_t time_ms = 0;
};

struct LearnerSummary {
    LearnerId learner = 0;
    std::string name;  // local view only
    int lessons_done = 0;
    int procedures_done = 0;
    std::int64_t time_ms = 0;
    int activities = 0;
    std::map<std::string, int> autonomy;  // La Coop level id -> count of autonomy checks ending there
    std::string last_seen;                // UTC ISO 8601
};

struct ThemeSummary {
    std::string theme;  // La Coop theme id
    int learners = 0;
    int completed = 0;
    std::int64_t time_ms = 0;
    int activities = 0;  // activities recorded with this theme
};

struct DashboardData {
    std::vector<LearnerSummary> learners;
    std::vector<ItemSummary> items;
    std::vector<ThemeSummary> themes;
    std::vector<StuckPoint> stuck;        // worst first, at most 10
    std::map<std::string, int> autonomy;  // all autonomy checks in the period, by level
    int activities = 0;
    int activity_minutes = 0;
};

// from/to: YYYY-MM-DD inclusive, empty = unbounded. Lessons and scenarios give titles and themes.
DashboardData build_dashboard(const ProgressStore& store, const std::vector<Lesson>& lessons,
                              const std::vector<Scenario>& scenarios, const std::string& from,
                              const std::string& to);

}  // namespace pasapas::core
