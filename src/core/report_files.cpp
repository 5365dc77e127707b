#include "report_files.hpp"

#include "outbox.hpp"
#include "report_exports.hpp"
#include "sqlite_support.hpp"
#include "translate.hpp"

#include <sodium.h>

#include <array>
#include <fstream>
#include <map>
#include <system_error>

namespace pasapas::core {

namespace fs = std::filesystem;

namespace {

struct FormatInfo {
    ReportFormat format;
    std::string_view name;
    std::string_view file;  // French: the people who open these files read French
    std::string_view extension;
};

constexpr std::array<FormatInfo, 5> kFormats{
    {{ReportFormat::CoopCsv, "coop-csv", "activites-la-coop", "csv"},
     {ReportFormat::CoopXlsx, "coop-xlsx", "activites-la-coop", "xlsx"},
     {ReportFormat::Stats, "stats", "statistiques", "csv"},
     {ReportFormat::Xapi, "xapi", "declarations-xapi", "json"},
     {ReportFormat::Html, "html", "synthese", "html"}}};

const FormatInfo& info(ReportFormat format) {
    for (const auto& each : kFormats) {
        if (each.format == format) {
            return each;
        }
    }
    return kFormats[0];
}

StoreError unwritable(const fs::path& file, const std::string& detail) {
    return StoreError(fmt(tr("The file {0} could not be written ({1}). Is the disk full, or was the USB "
                             "stick removed? Nothing else was changed."),
                          {file.string(), detail}));
}

void write_text(const fs::path& file, const std::string& content) {
    fs::path partial = file;
    partial += ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            fs::remove(partial, ignored);
            throw unwritable(file, tr("writing failed"));
        }
    }
    std::error_code error;
    fs::rename(partial, file, error);
    if (error) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw unwritable(file, error.message());
    }
}

constexpr const char* kKeyXapi = "report.xapi_endpoint";
constexpr const char* kKeyStats = "report.stats_endpoint";
constexpr const char* kKeyAuth = "report.auth";
constexpr const char* kKeyToken = "report.token";
constexpr const char* kKeyUser = "report.user";
constexpr const char* kKeyPassword = "report.password";

// The same statistics queued twice must be one item: the key is a hash of the payload.
std::string stats_key(const std::string& payload) {
    ensure_sodium();
    std::array<unsigned char, 16> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(payload.data()),
                       payload.size(), nullptr, 0);
    std::string key = "stats:";
    constexpr std::string_view kHex = "0123456789abcdef";
    for (const unsigned char byte : hash) {
        key += kHex[byte >> 4U];
        key += kHex[byte & 0x0fU];
    }
    return key;
}

}  // namespace

std::optional<ReportFormat> report_format_named(std::string_view name) {
    for (const auto& each : kFormats) {
        if (each.name == name) {
            return each.format;
        }
    }
    return std::nullopt;
}

std::string_view report_format_name(ReportFormat format) {
    return info(format).name;
}

const std::vector<ReportFormat>& report_formats() {
    static const std::vector<ReportFormat> all{ReportFormat::CoopCsv, ReportFormat::CoopXlsx,
                                               ReportFormat::Stats, ReportFormat::Xapi, ReportFormat::Html};
    return all;
}

std::string report_file_name(ReportFormat format, const ReportPeriod& period) {
    const auto& chosen = info(format);
    return std::string(chosen.file) + "_" + (period.from.empty() ? std::string("debut") : period.from) + "_" +
           (period.to.empty() ? std::string("fin") : period.to) + "." + std::string(chosen.extension);
}

std::string write_report(const ReportDataset& data, ReportFormat format, const fs::path& file,
                         const std::string& xapi_home_page) {
    // What the journal says was written: counts, never whom.
    auto rows = std::to_string(data.activities.size()) + " rows";
    auto learners = std::to_string(data.learners.size()) + " learners";
    switch (format) {
        case ReportFormat::CoopCsv:
            write_text(file, coop_csv(data));
            return rows;
        case ReportFormat::CoopXlsx:
            write_coop_xlsx(data, file);
            return rows;
        case ReportFormat::Stats:
            write_text(file, statistics_csv(build_statistics(data)));
            return learners;
        case ReportFormat::Xapi: {
            const auto statements = xapi_statements(data, xapi_home_page);
            write_text(file, xapi_array(statements));
            return std::to_string(statements.size()) + " statements";
        }
        case ReportFormat::Html:
            write_text(file, summary_html(build_statistics(data)));
            return learners;
    }
    return {};
}

SendTarget load_send_target(ProgressStore& store) {
    const auto values = guarded(store.path(), [&] {
        std::map<std::string, std::string> read;
        Statement select(store.database(), "SELECT key, value FROM app_settings WHERE key LIKE 'report.%'");
        while (select.step()) {
            read[select.text(0)] = select.text(1);
        }
        return read;
    });
    const auto value = [&](const char* key) {
        const auto found = values.find(key);
        return found == values.end() ? std::string{} : found->second;
    };
    SendTarget target;
    target.xapi_endpoint = value(kKeyXapi);
    target.stats_endpoint = value(kKeyStats);
    const auto auth = value(kKeyAuth);
    target.auth = auth == "bearer"  ? SendTarget::Auth::Bearer
                  : auth == "basic" ? SendTarget::Auth::Basic
                                    : SendTarget::Auth::None;
    target.token = value(kKeyToken);
    target.user = value(kKeyUser);
    target.password = value(kKeyPassword);
    return target;
}

void save_send_target(ProgressStore& store, const SendTarget& target) {
    const std::map<std::string, std::string> values{
        {kKeyXapi, target.xapi_endpoint},
        {kKeyStats, target.stats_endpoint},
        {kKeyAuth, target.auth == SendTarget::Auth::Bearer  ? "bearer"
                   : target.auth == SendTarget::Auth::Basic ? "basic"
                                                            : "none"},
        {kKeyToken, target.token},
        {kKeyUser, target.user},
        {kKeyPassword, target.password}};
    guarded(store.path(), [&] {
        Transaction transaction(store.database());
        for (const auto& [key, value] : values) {
            Statement upsert(store.database(),
                             "INSERT INTO app_settings(key, value) VALUES(?1, ?2) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            upsert.bind(1, key).bind(2, value);
            upsert.step();
        }
        transaction.commit();
    });
}

int queue_reports(ProgressStore& store, const ReportDataset& data, const SendTarget& target,
                  const std::string& xapi_home_page) {
    Outbox outbox(store);
    int queued = 0;
    if (!target.xapi_endpoint.empty()) {
        for (const auto& statement : xapi_statements(data, xapi_home_page)) {
            queued += outbox.enqueue("xapi", statement.id, statement.learner, statement.json) ? 1 : 0;
        }
    }
    if (!target.stats_endpoint.empty()) {
        const std::string payload = statistics_json(build_statistics(data));
        queued += outbox.enqueue("stats", stats_key(payload), std::nullopt, payload) ? 1 : 0;
    }
    return queued;
}

}  // namespace pasapas::core
