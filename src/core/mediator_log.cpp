#include "mediator_log.hpp"

#include "sqlite_support.hpp"

namespace pasapas::core {

MediatorLog::MediatorLog(ProgressStore& store) : store_(store) {}

void MediatorLog::append(std::optional<MediatorId> mediator, const std::string& action,
                         const std::string& detail) {
    guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        Statement insert(db,
                         "INSERT INTO mediator_log (at, mediator_id, action, detail) VALUES (?, ?, ?, ?)");
        insert.bind(1, utc_now_iso());
        if (mediator) {
            insert.bind(2, *mediator);
        } else {
            insert.bind_null(2);
        }
        insert.bind(3, action).bind(4, detail);
        insert.step();
        transaction.commit();
    });
}

std::vector<MediatorLogEntry> MediatorLog::entries(int limit) const {
    return guarded(store_.path(), [&] {
        std::vector<MediatorLogEntry> out;
        Statement query(
            store_.database(),
            "SELECT id, at, mediator_id, action, detail FROM mediator_log ORDER BY id DESC LIMIT ?");
        query.bind(1, std::int64_t{limit});
        while (query.step()) {
            MediatorLogEntry entry;
            entry.id = query.integer(0);
            entry.at = query.text(1);
            if (!query.is_null(2)) {
                entry.mediator = query.integer(2);
            }
            entry.action = query.text(3);
            entry.detail = query.text(4);
            out.push_back(std::move(entry));
        }
        return out;
    });
}

}  // namespace pasapas::core
