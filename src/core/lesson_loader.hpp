#pragma once
// Reads and validates lessons/<id>/lesson.xml files.
//
// A lesson file is untrusted input (mediators write them, files travel on USB sticks), so
// every problem is reported as "file:line: reason" in plain, translated words, the broken
// lesson is skipped, and every other lesson still loads.
#include "lesson.hpp"
#include "scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace pasapas::core {

struct LoadProblem {
    std::filesystem::path file;
    int line = 0;        // 0 when the problem is not tied to a line (unreadable file…)
    std::string reason;  // translated, plain words

    // "file:line: reason" (or "file: reason" without a line).
    [[nodiscard]] std::string to_string() const;
};

struct LoadResult {
    std::vector<Lesson> lessons;      // sorted by id
    std::vector<Scenario> scenarios;  // sorted by id
    std::vector<LoadProblem> problems;
};

class LessonLoader {
public:
    // Hard limits against hostile files; generous for anything a person would write.
    static constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1024} * 1024;
    static constexpr std::uintmax_t kMaxImageBytes = std::uintmax_t{8} * 1024 * 1024;
    static constexpr int kMaxDepth = 8;
    static constexpr std::size_t kMaxSteps = 200;
    static constexpr std::size_t kMaxOptions = 100;
    static constexpr std::size_t kMaxTextChars = 4000;

    // Loads every <dir>/<id>/lesson.xml and <dir>/<id>/scenario.xml (a folder holds one or the
    // other). A missing or unreadable dir is itself a problem.
    [[nodiscard]] LoadResult load_directory(const std::filesystem::path& dir) const;

    // Loads one lesson file; on failure the result holds no lesson and at least one problem.
    [[nodiscard]] LoadResult load_file(const std::filesystem::path& lesson_xml) const;
};

}  // namespace pasapas::core
