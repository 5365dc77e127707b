#pragma once
// What the export writers share: CSV cells for French Excel, La Coop's labels for ids, and dates
// written the way La Coop writes them. Internal to the exports.
#include "report_dataset.hpp"
#include "tags.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pasapas::core {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One CSV field: neutralised when a spreadsheet would take it for a formula (a leading '=', '+',
// '-', '@', tab or CR gets an apostrophe), then quoted as RFC 4180 says when it needs to be.
std::string csv_field(std::string_view value);
// A record: fields joined with ';' and ended with CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// La Coop's label of an id, "" for an empty or unknown id.
std::string label_of(const std::vector<TagEntry>& list, std::string_view id);
std::string labels_of(const std::vector<TagEntry>& list, const std::vector<std::string>& ids);  // ", "

// dd/mm/yyyy, as La Coop shows dates. A YYYY-MM-DD date is taken as it is; a UTC ISO 8601 stamp
// is turned into this computer's local date first. "" when it cannot be read.
std::string french_date(const std::string& date_or_stamp);

// « du 01/11/2026 au 30/11/2026 », or with one bound only, or « toute la période ».
std::string period_text(const ReportPeriod& period);

// One activity as La Coop's activities export row, in coop_columns() order (text cells).
std::vector<std::string> coop_row(const ReportActivity& activity);

}  // namespace pasapas::core
