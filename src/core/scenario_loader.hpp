#pragma once
// Reads and validates lessons/<id>/scenario.xml files (format in lessons/SCENARIOS.md).
//
// Same rules as LessonLoader: a scenario file is untrusted input, every problem is reported as
// "file:line: reason" in plain, translated words, and a broken scenario is skipped. Beyond the
// shape of each element, the loader checks what would break a run: every page a goto, branch,
// mail link or time-out names exists, guides and branches name fields of their page,
// {persona.KEY} names a fact, and the success page can be reached from the start page.
#include "lesson_loader.hpp"
#include "scenario.hpp"

#include <filesystem>

namespace pasapas::core {

class ScenarioLoader {
public:
    static constexpr std::size_t kMaxPages = 200;
    static constexpr std::size_t kMaxPageItems = 200;  // content, fields, actions… of one page
    static constexpr std::size_t kMaxOptions = LessonLoader::kMaxOptions;

    // Loads one scenario file; on failure the result holds no scenario and at least one problem.
    [[nodiscard]] LoadResult load_file(const std::filesystem::path& scenario_xml) const;
};

}  // namespace pasapas::core
