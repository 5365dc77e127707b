#pragma once
// Builds the anonymised ReportDataset from the progress store. This is the only place that reads
// learners for an export, and it copies only what report_dataset.hpp allows.
#include "lesson.hpp"
#include "progress_store.hpp"
#include "report_dataset.hpp"
#include "scenario.hpp"

#include <string>
#include <vector>

namespace pasapas::core {

// The keyed hash that stands for a learner outside this PC: BLAKE2b keyed with a 32-byte secret
// made at random the first time and kept in install_secrets, never exported. Same learner, same
// install: same pseudonym, so an LRS can follow progress without knowing who.
class Pseudonymizer {
public:
    explicit Pseudonymizer(ProgressStore& store);           // creates the secret on first use
    [[nodiscard]] std::string of(LearnerId learner) const;  // 32 lower-case hex characters

private:
    std::string secret_;
};

// Lessons and scenarios give titles and themes (only shipped catalogue text goes out).
ReportDataset build_report(ProgressStore& store, const std::vector<Lesson>& lessons,
                           const std::vector<Scenario>& scenarios, const ReportPeriod& period, int k = 5);

}  // namespace pasapas::core
