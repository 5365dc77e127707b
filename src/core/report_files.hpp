#pragma once
// Writing one export to a file and queuing reports for sending: what the console's buttons and
// `pasapas-cli report export|send` share, so that both produce the same files under the same
// names and queue the same items.
#include "report_dataset.hpp"
#include "report_sender.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pasapas::core {

enum class ReportFormat { CoopCsv, CoopXlsx, Stats, Xapi, Html };

// "coop-csv", "coop-xlsx", "stats", "xapi", "html": the names the command line takes.
std::optional<ReportFormat> report_format_named(std::string_view name);
std::string_view report_format_name(ReportFormat format);
const std::vector<ReportFormat>& report_formats();

// A French file name for the export of a period, e.g. activites-la-coop_2026-11-01_2026-11-30.csv.
// It names no person: it may be read on a USB stick by anyone.
std::string report_file_name(ReportFormat format, const ReportPeriod& period);

// Writes the export beside `file` and renames it at the end, so a full disk or a pulled USB stick
// never leaves a broken file under the final name. Returns what was written, for the mediator's
// journal ("12 rows", "40 statements"). Throws StoreError, translated, when it cannot be written.
std::string write_report(const ReportDataset& data, ReportFormat format, const std::filesystem::path& file,
                         const std::string& xapi_home_page);

// Where reports are sent and with which credentials, kept in the progress file (app_settings).
SendTarget load_send_target(ProgressStore& store);
void save_send_target(ProgressStore& store, const SendTarget& target);

// Queues the period's xAPI statements (when an xAPI address is set) and its statistics (when a
// statistics address is set). Queuing again what is queued or sent adds nothing. Returns how
// many items were queued now.
int queue_reports(ProgressStore& store, const ReportDataset& data, const SendTarget& target,
                  const std::string& xapi_home_page);

}  // namespace pasapas::core
