// pasapas-cli: what mediators and scripts use to check, list and translate lessons without
// starting the app (and on machines with no display).
#include "core/lesson_loader.hpp"
#include "core/paths.hpp"
#include "core/translate.hpp"
#include "pot_catalog.hpp"
#include "report_command.hpp"

#include <algorithm>
#include <clocale>
#include <filesystem>
#include <iostream>
#include <libintl.h>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#ifndef PASAPAS_VERSION
#define PASAPAS_VERSION "unknown"
#endif

namespace fs = std::filesystem;
using pasapas::core::fmt;
using pasapas::core::tr;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;

fs::path executable_path(const char* argv0) {
    std::error_code error;
    auto exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        return exe;
    }
    return fs::absolute(argv0 != nullptr ? argv0 : "pasapas-cli", error);
}

void setup_translation(const fs::path& exe) {
    std::setlocale(LC_ALL, "");
    const auto locale_dir = (exe.parent_path() / ".." / "share" / "locale").lexically_normal();
    bindtextdomain("pasapas", locale_dir.c_str());
    bind_textdomain_codeset("pasapas", "UTF-8");
    pasapas::core::set_translator([](const char* msgid) { return std::string(dgettext("pasapas", msgid)); });
}

std::string usage() {
    return tr("Usage: pasapas-cli lessons check [DIR]   print every problem as file:line: reason\n"
              "       pasapas-cli lessons list [DIR]    list the lessons: id, title, minutes, level, theme, "
              "steps\n"
              "                                         (procedure simulations: pages, then \"procedure\")\n"
              "       pasapas-cli lessons pot [DIR]     write a gettext template of the lesson text\n") +
           pasapas::cli::ReportCommand::usage() +
           tr("       pasapas-cli --help | --version\n"
              "DIR defaults to $PASAPAS_LESSONS, else to the lessons installed with Pas à Pas.\n"
              "Lessons and procedure simulations (scenario.xml) are covered alike.\n"
              "FILE defaults to $PASAPAS_DB, else to the progress file of this user.\n"
              "Exit status: 0 when all went well, 1 when a lesson or scenario has a problem or a report\n"
              "could not be made or sent, 2 on a usage error.\n");
}

std::string_view level_name(pasapas::core::LessonLevel level) {
    switch (level) {
        case pasapas::core::LessonLevel::Intermediate:
            return "intermediaire";
        case pasapas::core::LessonLevel::Advanced:
            return "avance";
        default:
            return "debutant";
    }
}

// tr() is called by the callers, so that xgettext sees both forms.
std::string count_text(std::size_t n, const std::string& one, const std::string& many) {
    return n == 1 ? one : fmt(many, {std::to_string(n)});
}

// Files seen, broken or not: the good ones plus every distinct file of that name with a problem.
std::size_t files_seen(const pasapas::core::LoadResult& result, std::size_t good, const char* name) {
    std::set<fs::path> broken;
    for (const auto& problem : result.problems) {
        if (problem.file.filename() == name) {
            broken.insert(problem.file);
        }
    }
    return good + broken.size();
}

void print_problems(const pasapas::core::LoadResult& result, std::ostream& out) {
    for (const auto& problem : result.problems) {
        out << problem.to_string() << '\n';
    }
}

int check(const fs::path& dir) {
    const auto result = pasapas::core::LessonLoader{}.load_directory(dir);
    print_problems(result, std::cout);
    const auto lesson_count = files_seen(result, result.lessons.size(), "lesson.xml");
    const auto scenario_count = files_seen(result, result.scenarios.size(), "scenario.xml");
    // Only folders that hold procedure simulations mention them.
    const auto lessons =
        scenario_count == 0
            ? count_text(lesson_count, tr("1 lesson checked"), tr("{0} lessons checked"))
            : fmt(tr("{0} and {1}"),
                  {count_text(lesson_count, tr("1 lesson"), tr("{0} lessons")),
                   count_text(scenario_count, tr("1 scenario checked"), tr("{0} scenarios checked"))});
    const auto problems = result.problems.empty()
                              ? tr("no problems")
                              : count_text(result.problems.size(), tr("1 problem"), tr("{0} problems"));
    std::cout << fmt(tr("{0}, {1}"), {lessons, problems}) << '\n';
    return result.problems.empty() ? kExitOk : kExitProblems;
}

int list(const fs::path& dir) {
    const auto result = pasapas::core::LessonLoader{}.load_directory(dir);
    // One list sorted by id; a procedure simulation counts its pages and says what it is.
    std::vector<std::pair<std::string, std::string>> lines;
    for (const auto& lesson : result.lessons) {
        lines.emplace_back(lesson.id, lesson.id + '\t' + lesson.title + '\t' +
                                          std::to_string(lesson.minutes) + '\t' +
                                          std::string(level_name(lesson.level)) + '\t' + lesson.theme + '\t' +
                                          std::to_string(lesson.steps.size()));
    }
    for (const auto& scenario : result.scenarios) {
        lines.emplace_back(scenario.id, scenario.id + '\t' + scenario.title + '\t' +
                                            std::to_string(scenario.minutes) + '\t' +
                                            std::string(level_name(scenario.level)) + '\t' + scenario.theme +
                                            '\t' + std::to_string(scenario.pages.size()) + "\tprocedure");
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& [id, line] : lines) {
        std::cout << line << '\n';
    }
    print_problems(result, std::cerr);
    return result.problems.empty() ? kExitOk : kExitProblems;
}

int pot(const fs::path& dir) {
    const auto result = pasapas::core::LessonLoader{}.load_directory(dir);
    pasapas::cli::PotCatalog catalog;
    for (const auto& lesson : result.lessons) {
        catalog.add_lesson(lesson, dir / lesson.id / "lesson.xml");
    }
    for (const auto& scenario : result.scenarios) {
        catalog.add_scenario(scenario, dir / scenario.id / "scenario.xml");
    }
    catalog.write(std::cout);
    // Broken lessons are left out of the template; say so, and fail, so that nobody
    // translates an incomplete catalogue without knowing.
    print_problems(result, std::cerr);
    return result.problems.empty() ? kExitOk : kExitProblems;
}

}  // namespace

int main(int argc, char** argv) {
    const auto exe = executable_path(argc > 0 ? argv[0] : nullptr);
    setup_translation(exe);
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        std::cout << usage();
        return kExitOk;
    }
    if (args.size() == 1 && args[0] == "--version") {
        std::cout << "pasapas-cli " << PASAPAS_VERSION << '\n';
        return kExitOk;
    }
    if (!args.empty() && args[0] == "report") {
        if (args.size() == 1) {
            std::cerr << usage();
            return kExitUsage;
        }
        return pasapas::cli::ReportCommand(exe).run({args.begin() + 1, args.end()});
    }
    if (args.size() < 2 || args.size() > 3 || args[0] != "lessons" ||
        (args[1] != "check" && args[1] != "list" && args[1] != "pot")) {
        if (!args.empty() && args[0] != "lessons") {
            std::cerr << fmt(tr("pasapas-cli: unknown command {0}"), {args[0]}) << '\n';
        }
        std::cerr << usage();
        return kExitUsage;
    }
    std::optional<std::string> dir_arg;
    if (args.size() == 3) {
        dir_arg = std::string(args[2]);
    }
    const auto dir = pasapas::core::lessons_path(dir_arg, exe);
    try {
        if (args[1] == "check") {
            return check(dir);
        }
        if (args[1] == "list") {
            return list(dir);
        }
        return pot(dir);
    } catch (const std::exception& error) {
        // The loader reports problems rather than throwing; this is for the unexpected
        // (out of memory, an unwritable stdout), which must not end in an abort.
        std::cerr << fmt(tr("pasapas-cli: {0}"), {error.what()}) << '\n';
        return kExitProblems;
    }
}
