#pragma once
// The append-only journal of what mediators did (sign-in, failed sign-in, exports, sends,
// erasures, archiving). It says what and how many, never whom: no learner's name or id goes in
// the detail. The table refuses UPDATE and DELETE (triggers in the schema).
#include "mediator_accounts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

struct MediatorLogEntry {
    std::int64_t id = 0;
    std::string at;  // UTC ISO 8601
    std::optional<MediatorId> mediator;
    std::string action;  // "sign-in", "sign-in-failed", "locked", "sign-out", "export", "send",
                         // "save-usb", "erase-learner", "archive-learner", "create-mediator"…
    std::string detail;  // e.g. "coop-csv 2026-01-01..2026-03-31 12 rows"; never a name
};

class MediatorLog {
public:
    explicit MediatorLog(ProgressStore& store);
    void append(std::optional<MediatorId> mediator, const std::string& action,
                const std::string& detail = {});
    [[nodiscard]] std::vector<MediatorLogEntry> entries(int limit = 200) const;  // newest first

private:
    ProgressStore& store_;
};

}  // namespace pasapas::core
