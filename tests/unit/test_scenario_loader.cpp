// The scenario loader against real files: the complete fixture must give a fully populated
// model, every broken fixture the one "file:line: reason" an author needs, and a broken
// scenario must never stop the lessons and scenarios beside it from loading.
#include "core/lesson_loader.hpp"
#include "core/scenario_loader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace pasapas::core;

namespace {

const fs::path kScenarios = fs::path(PASAPAS_FIXTURES_DIR) / "scenarios";

}  // namespace

TEST_CASE("scenario: the complete fixture loads without problems", "[scenario]") {
    const auto file = kScenarios / "good" / "demarche-complete" / "scenario.xml";
    const auto result = ScenarioLoader{}.load_file(file);
    for (const auto& problem : result.problems) {
        UNSCOPED_INFO(problem.to_string());
    }
    CHECK(result.problems.empty());
    REQUIRE(result.scenarios.size() == 1);
    const auto& s = result.scenarios[0];
    CHECK(s.id == "demarche-complete");
    CHECK(s.pages.size() == 6);
}
