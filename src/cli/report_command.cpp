#include "report_command.hpp"

#include "core/lesson_loader.hpp"
#include "core/mediator_accounts.hpp"
#include "core/mediator_log.hpp"
#include "core/outbox.hpp"
#include "core/paths.hpp"
#include "core/progress_store.hpp"
#include "core/report_builder.hpp"
#include "core/report_files.hpp"
#include "core/report_sender.hpp"
#include "core/sqlite_support.hpp"
#include "core/translate.hpp"
#include "net/curl_http_client.hpp"

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace pasapas::cli {

namespace fs = std::filesystem;
using core::fmt;
using core::tr;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;

struct UsageError {
    std::string message;
};

bool valid_date(const std::string& text) {
    int year = 0;
    int month = 0;
    int day = 0;
    return text.size() == 10 && text[4] == '-' && text[7] == '-' && core::read_digits(text, 0, 4, year) &&
           core::read_digits(text, 5, 2, month) && core::read_digits(text, 8, 2, day) && year >= 2000 &&
           month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// --name value pairs; every option takes a value.
std::map<std::string, std::string> options(const std::vector<std::string_view>& args, std::size_t first,
                                           const std::vector<std::string_view>& known) {
    std::map<std::string, std::string> values;
    for (std::size_t i = first; i < args.size(); i += 2) {
        const std::string name(args[i]);
        bool found = false;
        for (const auto& each : known) {
            found = found || each == name;
        }
        if (!found) {
            throw UsageError{fmt(tr("unknown option {0}"), {name})};
        }
        if (i + 1 >= args.size()) {
            throw UsageError{fmt(tr("{0} needs a value"), {name})};
        }
        values[name] = std::string(args[i + 1]);
    }
    return values;
}

std::string value_of(const std::map<std::string, std::string>& values, const std::string& name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string{} : found->second;
}

core::ReportPeriod period_of(const std::map<std::string, std::string>& values) {
    core::ReportPeriod period{value_of(values, "--from"), value_of(values, "--to")};
    for (const auto* bound : {&period.from, &period.to}) {
        if (!bound->empty() && !valid_date(*bound)) {
            throw UsageError{fmt(tr("{0} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30"), {*bound})};
        }
    }
    if (!period.from.empty() && !period.to.empty() && period.to < period.from) {
        throw UsageError{tr("--to comes before --from")};
    }
    return period;
}

int k_of(const std::map<std::string, std::string>& values) {
    const auto text = value_of(values, "--k");
    if (text.empty()) {
        return 5;
    }
    int k = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), k);
    if (error != std::errc{} || end != text.data() + text.size() || k < 2 || k > 100) {
        throw UsageError{tr("--k takes a whole number from 2 to 100")};
    }
    return k;
}

// A script gives the password in PASAPAS_MEDIATOR_PASSWORD; a person types it, unseen.
std::string read_password() {
    if (const char* given = std::getenv("PASAPAS_MEDIATOR_PASSWORD"); given != nullptr) {
        return given;
    }
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        std::cerr << tr("Mediator password: ") << std::flush;
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << '\n';
    }
    return password;
}

// The same key as the console: a mediator's login and password. Returns the account, or prints
// why not (wrong, locked, unknown) and returns nothing.
std::optional<core::MediatorId> sign_in(core::ProgressStore& store, const std::string& login) {
    core::MediatorAccounts accounts(store);
    if (!accounts.any()) {
        std::cerr << tr("There is no mediator account yet: create one in Pas à Pas's mediator area first.")
                  << '\n';
        return std::nullopt;
    }
    const auto verdict = accounts.sign_in(login, read_password(), core::utc_now_iso());
    switch (verdict.outcome) {
        case core::MediatorAccounts::Outcome::Ok:
            return verdict.id;
        case core::MediatorAccounts::Outcome::Locked:
            std::cerr << fmt(tr("Too many wrong passwords: try again in {0} seconds."),
                             {std::to_string(verdict.wait.count())})
                      << '\n';
            return std::nullopt;
        default:
            std::cerr << tr("Wrong login or password.") << '\n';
            return std::nullopt;
    }
}

core::ReportDataset dataset(core::ProgressStore& store, const fs::path& executable,
                            const std::map<std::string, std::string>& values,
                            const core::ReportPeriod& period, int k) {
    // Titles of lessons and procedures come from the catalogue; a broken lesson only loses its title.
    const auto lessons_dir = value_of(values, "--lessons");
    const auto catalogue = core::LessonLoader{}.load_directory(core::lessons_path(
        lessons_dir.empty() ? std::nullopt : std::optional<std::string>(lessons_dir), executable));
    return core::build_report(store, catalogue.lessons, catalogue.scenarios, period, k);
}

std::string period_words(const core::ReportPeriod& period) {
    return (period.from.empty() ? std::string("debut") : period.from) + ".." +
           (period.to.empty() ? std::string("fin") : period.to);
}

}  // namespace

ReportCommand::ReportCommand(fs::path executable) : executable_(std::move(executable)) {}

std::string ReportCommand::usage() {
    return tr(
        "       pasapas-cli report export --format FORMAT --out PATH [--from DATE] [--to DATE] [--k N]\n"
        "                                 --mediator LOGIN [--db FILE] [--lessons DIR]\n"
        "           FORMAT: coop-csv, coop-xlsx, stats, xapi or html; DATE: YYYY-MM-DD;\n"
        "           PATH: a file, or an existing folder (the file gets its usual name there);\n"
        "           N: counts below N are hidden in statistics (default 5)\n"
        "       pasapas-cli report send [--from DATE] [--to DATE] --mediator LOGIN [--db FILE] [--lessons "
        "DIR]\n"
        "           queues the period's reports and sends what waits to the addresses set in the console\n"
        "       The mediator's password is read from PASAPAS_MEDIATOR_PASSWORD, else typed.\n");
}

int ReportCommand::run(const std::vector<std::string_view>& args) {
    try {
        if (args.empty() || (args[0] != "export" && args[0] != "send")) {
            throw UsageError{args.empty() ? std::string{} : fmt(tr("unknown command {0}"), {args[0]})};
        }
        const bool exporting = args[0] == "export";
        const auto values =
            exporting
                ? options(args, 1,
                          {"--format", "--out", "--from", "--to", "--k", "--mediator", "--db", "--lessons"})
                : options(args, 1, {"--from", "--to", "--mediator", "--db", "--lessons"});
        const auto period = period_of(values);
        const int k = k_of(values);
        const auto login = value_of(values, "--mediator");
        if (login.empty()) {
            throw UsageError{tr("--mediator LOGIN is required: reports are a mediator's task")};
        }
        std::optional<core::ReportFormat> format;
        fs::path out;
        if (exporting) {
            format = core::report_format_named(value_of(values, "--format"));
            if (!format) {
                throw UsageError{tr("--format takes coop-csv, coop-xlsx, stats, xapi or html")};
            }
            out = value_of(values, "--out");
            if (out.empty()) {
                throw UsageError{tr("--out PATH is required")};
            }
        }
        const auto db = value_of(values, "--db");
        const auto file = core::database_path(db.empty() ? std::nullopt : std::optional<std::string>(db));
        if (!fs::exists(file)) {
            std::cerr << fmt(tr("There is no Pas à Pas progress file at {0}."), {file.string()}) << '\n';
            return kExitProblems;
        }
        core::ProgressStore store(file);
        // A damaged or newer file was kept aside and a fresh one started, as the app does: say so.
        if (!store.open_report().message.empty()) {
            std::cerr << store.open_report().message << '\n';
        }
        const auto mediator = sign_in(store, login);
        if (!mediator) {
            return kExitProblems;
        }
        const auto data = dataset(store, executable_, values, period, k);
        const auto home_page = core::xapi_home_page(store);
        core::MediatorLog journal(store);
        if (exporting) {
            if (fs::is_directory(out)) {
                out /= core::report_file_name(*format, period);
            }
            const auto what = core::write_report(data, *format, out, home_page);
            // What, when and how many: never whom, and not the path (it may hold a name).
            journal.append(
                *mediator, "export",
                std::string(core::report_format_name(*format)) + " " + period_words(period) + " " + what);
            std::cout << out.string() << '\n';
            return kExitOk;
        }
        const auto target = core::load_send_target(store);
        if (target.xapi_endpoint.empty() && target.stats_endpoint.empty()) {
            std::cerr << tr("No address to send reports to: set one in the mediator console's Reports page.")
                      << '\n';
            return kExitProblems;
        }
        const int queued = core::queue_reports(store, data, target, home_page);
        core::Outbox outbox(store);
        net::CurlHttpClient http;
        core::ReportSender sender(outbox, http);
        const auto report = sender.send_due(target, core::utc_now_iso());
        journal.append(*mediator, "send",
                       period_words(period) + " queued " + std::to_string(queued) + ", sent " +
                           std::to_string(report.sent) + ", already stored " +
                           std::to_string(report.already_stored) + ", refused " +
                           std::to_string(report.dead) + ", later " + std::to_string(report.retry_later));
        std::cout << report.message << '\n';
        const auto counts = outbox.counts();
        const bool clean =
            !report.auth_refused && !report.unsafe_endpoint && counts.dead == 0 && counts.pending == 0;
        return clean ? kExitOk : kExitProblems;
    } catch (const UsageError& error) {
        if (!error.message.empty()) {
            std::cerr << fmt(tr("pasapas-cli: {0}"), {error.message}) << '\n';
        }
        std::cerr << usage();
        return kExitUsage;
    } catch (const core::StoreError& error) {
        std::cerr << error.what() << '\n';
        return kExitProblems;
    }
}

}  // namespace pasapas::cli
