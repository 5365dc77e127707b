#pragma once
// What the headless tests of procedure simulations share: the shipped scenarios loaded with the
// real loader, a clock the test moves by hand, and the texts the page view would draw.
#include "core/scenario_loader.hpp"
#include "core/scenario_session.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace pasapas::test {

// lessons/<id>/scenario.xml as shipped, read and validated like the app does.
inline core::LoadResult load_shipped(const std::string& id) {
    return core::ScenarioLoader().load_file(std::filesystem::path(PASAPAS_LESSONS_DIR) / id / "scenario.xml");
}

// A clock the test moves by hand.
struct FakeClock {
    std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
    core::ScenarioSession::Clock clock() {
        return [this] { return now; };
    }
};

// The final texts of the current page's blocks of one kind, as the page view draws them.
inline std::vector<std::string> shown(const core::ScenarioSession& s, core::Block::Kind kind) {
    std::vector<std::string> out;
    for (const auto& block : s.page().blocks) {
        if (block.kind == kind) {
            out.push_back(s.text(block.text));
        }
    }
    return out;
}

inline bool shows(const core::ScenarioSession& s, core::Block::Kind kind, const std::string& text) {
    const auto texts = shown(s, kind);
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace pasapas::test
