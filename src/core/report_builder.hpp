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
    // 8 hex characters that tell this install's account namespace apart from others' without
    // giving the secret away (the default xAPI home page ends with it).
    [[nodiscard]] std::string install_tag() const;

private:
    std::string secret_;
};

// Lessons and scenarios give titles and themes (only shipped catalogue text goes out).
ReportDataset build_report(ProgressStore& store, const std::vector<Lesson>& lessons,
                           const std::vector<Scenario>& scenarios, const ReportPeriod& period, int k = 5);

// A UUID derived from a name (same name, same UUID), laid out as RFC 4122 version 5 so that every
// validator accepts it: statement ids of procedure runs, which have no event uuid of their own.
std::string name_based_uuid(const std::string& name);

// The xAPI account home page: app_settings 'xapi_home_page' when set, else
// "https://pasapas.invalid/" + the install tag.
std::string xapi_home_page(ProgressStore& store);

}  // namespace pasapas::core
