#pragma once
// Every export format, each made from the one anonymised ReportDataset.
#include "report_dataset.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace pasapas::core {

// 1. Activities in La Coop's export columns and labels.
// CSV for French Excel: UTF-8 with BOM, ';' separators, CRLF, RFC 4180 quoting, and any cell that
// starts with '=', '+', '-', '@', tab or CR prefixed with an apostrophe so no spreadsheet runs it.
std::string coop_csv(const ReportDataset& data);
const std::vector<std::string>& coop_columns();  // the header row, in order
// XLSX with libxlsxwriter: the same columns and rows, plus a first block with the export's
// metadata (period, date, tool). Throws StoreError (translated) when the file cannot be written.
void write_coop_xlsx(const ReportDataset& data, const std::filesystem::path& file);

// 2. Aggregated statistics for the collectivité, with small-cell suppression.
struct StatCell {
    std::string label;
    int value = 0;
    bool suppressed = false;  // value < k, or hidden so that totals do not give a hidden one away
};
struct StatSection {
    std::string title;  // French, as in La Coop's statistics export
    std::vector<StatCell> cells;
    StatCell total;
};
struct Statistics {
    ReportPeriod period;
    int k = 5;
    std::vector<StatCell> general;  // learners, activities, sessions, hours, lessons and procedures completed
    std::vector<StatSection> sections;  // by theme, age bracket, gender, status, commune, autonomy level
};
Statistics build_statistics(const ReportDataset& data);
std::string statistics_csv(const Statistics& stats);   // same CSV conventions as coop_csv
std::string statistics_json(const Statistics& stats);  // what is sent to the collectivité

// 3. xAPI 1.0.3 statements, one JSON object per ReportEvent (id = the event's uuid).
struct XapiStatement {
    std::string id;
    LearnerId learner = 0;  // local only, never in json
    std::string json;
};
// home_page identifies the install's account namespace (e.g. "https://pasapas.invalid/instance").
std::vector<XapiStatement> xapi_statements(const ReportDataset& data, const std::string& home_page);
std::string xapi_array(const std::vector<XapiStatement>& statements);  // a JSON array

// 4. One printable page for elected officials, with charts (self-contained HTML, inline SVG).
std::string summary_html(const Statistics& stats);

}  // namespace pasapas::core
