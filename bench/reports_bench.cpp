// Reports benchmark: a year of a busy France Services desk — by default 300 learners, 60,000
// lesson events and 1,000 activities in a real progress file — then times building the
// anonymised data set and writing every export from it (median of several runs), and prints the
// peak memory. Reports are made while a mediator waits, on refurbished PCs: they must stay quick.
//
// Usage: pasapas-bench-reports [--learners N] [--events-per-learner N] [--activities N] [--runs N]
#include "core/activity_book.hpp"
#include "core/lesson_loader.hpp"
#include "core/mediator_fields.hpp"
#include "core/progress_store.hpp"
#include "core/report_builder.hpp"
#include "core/report_exports.hpp"
#include "core/report_files.hpp"
#include "core/sqlite_support.hpp"
#include "core/tags.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace pasapas::core;

namespace {

int option(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (argv[i] == name) {
            return std::max(1, std::atoi(argv[i + 1]));
        }
    }
    return fallback;
}

// Day 0 to 335 of 2026 as YYYY-MM-DD, 28 days to a month: enough for a year of dates.
std::string day_of_year(unsigned day) {
    const unsigned month = 1 + (day / 28) % 12;
    const unsigned date = 1 + day % 28;
    return "2026-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-" +
           std::string(date < 10 ? "0" : "") + std::to_string(date);
}

void fill(ProgressStore& store, const std::vector<Lesson>& lessons, int learners, int events_per_learner,
          int activities) {
    const std::vector<std::string> ages{"18_24", "25_39", "40_59", "60_69", "70_plus"};
    const std::vector<std::string> statuses{"retraite", "sans_emploi", "en_emploi", "scolarise"};
    std::vector<LearnerId> ids;
    for (int i = 0; i < learners; ++i) {
        // Invented people only: "Personne 17" in one of four invented communes.
        const auto id = store.create_learner("Personne " + std::to_string(i), "avatar-1");
        LearnerAttributes attributes{ages[static_cast<std::size_t>(i) % ages.size()],
                                     i % 2 == 0 ? "feminin" : "masculin",
                                     statuses[static_cast<std::size_t>(i) % statuses.size()],
                                     "Commune " + std::to_string(i % 4),
                                     "2900" + std::to_string(i % 4),
                                     "2910" + std::to_string(i % 4)};
        store.update_learner(id, "Personne " + std::to_string(i), "avatar-1", attributes, "");
        ids.push_back(id);
    }
    {
        Transaction transaction(store.database());
        for (const auto learner : ids) {
            for (int e = 0; e < events_per_learner; ++e) {
                const auto& lesson = lessons[static_cast<std::size_t>(e / 20) % lessons.size()];
                const auto step = static_cast<std::size_t>(e % 20) % lesson.steps.size();
                const bool last = step + 1 == lesson.steps.size();
                Statement insert(
                    store.database(),
                    "INSERT INTO step_events (learner_id, lesson_id, step_id, step_index, at, action, "
                    "success, duration_ms, uuid, mistake, hint_level) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10)");
                insert.bind(1, static_cast<std::int64_t>(learner))
                    .bind(2, lesson.id)
                    .bind(3, lesson.steps[step].id)
                    .bind(4, static_cast<std::int64_t>(step))
                    .bind(5, day_of_year(static_cast<unsigned>(e % 300)) + "T10:00:00.000Z")
                    .bind(6, last ? "lesson-done" : (e % 3 == 0 ? "hint" : "attempt"))
                    .bind(7, static_cast<std::int64_t>(e % 4 != 0))
                    .bind(8, static_cast<std::int64_t>(4000 + e % 9000))
                    .bind(9, new_uuid())
                    .bind(10, static_cast<std::int64_t>(e % 3));
                insert.step();
            }
        }
        transaction.commit();
    }
    ActivityBook book(store);
    const auto& themes = coop_themes();
    for (int a = 0; a < activities; ++a) {
        ActivityRecord activity;
        activity.kind = a % 5 == 0 ? "collectif" : "individuel";
        activity.date = day_of_year(static_cast<unsigned>(a % 300));
        activity.duration_min = 30 + a % 90;
        activity.place_type = "lieu_activite";
        activity.equipment = {"ordinateur"};
        activity.themes = {std::string(themes[static_cast<std::size_t>(a) % themes.size()].code)};
        if (activity.kind == "collectif") {
            activity.workshop_level = std::string(workshop_levels()[0].code);
            for (int k = 0; k < 6; ++k) {
                activity.learners.push_back(ids[static_cast<std::size_t>(a + k) % ids.size()]);
            }
        } else {
            activity.autonomy = std::string(autonomy_levels()[static_cast<std::size_t>(a) % 3].code);
            activity.learners = {ids[static_cast<std::size_t>(a) % ids.size()]};
        }
        book.save(activity);
    }
}

double median_ms(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int learners = option(argc, argv, "--learners", 300);
    const int events = option(argc, argv, "--events-per-learner", 200);
    const int activities = option(argc, argv, "--activities", 1000);
    const int runs = option(argc, argv, "--runs", 5);
    const fs::path dir = fs::temp_directory_path() / ("pasapas-bench-reports-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto catalogue = LessonLoader{}.load_directory(PASAPAS_LESSONS_DIR);
    if (catalogue.lessons.empty()) {
        std::fprintf(stderr, "no lessons in %s\n", PASAPAS_LESSONS_DIR);
        return 1;
    }
    int status = 0;
    try {
        ProgressStore store(dir / "progress.db");
        fill(store, catalogue.lessons, learners, events, activities);
        std::printf("Reports over %d learners, %d lesson events, %d activities (median of %d runs):\n",
                    learners, learners * events, activities, runs);
        const ReportPeriod year{"2026-01-01", "2026-12-31"};
        ReportDataset data;
        std::printf("  %-28s %8.1f ms\n", "anonymised data set", median_ms(runs, [&] {
                        data = build_report(store, catalogue.lessons, catalogue.scenarios, year);
                    }));
        const auto home = xapi_home_page(store);
        for (const auto format : report_formats()) {
            const auto file = dir / report_file_name(format, year);
            const auto ms = median_ms(runs, [&] { write_report(data, format, file, home); });
            std::printf("  %-28s %8.1f ms  %8.0f KiB\n", std::string(report_format_name(format)).c_str(), ms,
                        static_cast<double>(fs::file_size(file)) / 1024.0);
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("  %-28s %8.1f MiB\n", "peak memory (max RSS)",
                    static_cast<double>(usage.ru_maxrss) / 1024.0);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "pasapas-bench-reports: %s\n", error.what());
        status = 1;
    }
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    return status;
}
