// `pasapas-cli report export` as a mediator or a script runs it: the real binary on a real
// progress file full of canaries.
#include "core/mediator_accounts.hpp"
#include "core/mediator_log.hpp"
#include "core/report_files.hpp"
#include "report_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

using namespace pasapas::core;
using namespace pasapas::test;

namespace {

constexpr const char* kLogin = "mediatrice";
constexpr const char* kPassword = "Cachalot-velo-42";

struct CliWorld {
    TempDir dir;
    fs::path db = dir / "progress.db";
    fs::path out = dir / "rapports";

    CliWorld() {
        ProgressStore store(db);
        make_canary_world(store);
        MediatorAccounts(store).create(kLogin, kPassword);
        fs::create_directories(out);
    }

    [[nodiscard]] CommandRun report(const std::string& args, const std::string& password = kPassword) const {
        return run_command("LANGUAGE=en LC_ALL=C.UTF-8 PASAPAS_MEDIATOR_PASSWORD=" + quoted(password) + " " +
                           quoted(PASAPAS_CLI) + " report " + args + " --db " + quoted(db.string()) +
                           " --lessons " + quoted(PASAPAS_LESSONS_DIR) + " --mediator " + kLogin);
    }
};

}  // namespace

TEST_CASE("cli: report export writes every format under its French name, and names nobody",
          "[cli][reports]") {
    CliWorld world;
    const ReportPeriod november{"2026-11-01", "2026-11-30"};
    for (const auto format : report_formats()) {
        const std::string name(report_format_name(format));
        INFO(name);
        const auto run =
            world.report("export --format " + name + " --from 2026-11-01 --to 2026-11-30 --out " +
                         quoted(world.out.string()));
        INFO(run.out);
        REQUIRE(run.status == 0);
        const auto file = world.out / report_file_name(format, november);
        CHECK(run.out == file.string() + "\n");
        REQUIRE(fs::exists(file));
        const auto bytes = read_bytes(file);
        CHECK(leaked_canaries(bytes).empty());
        CHECK_FALSE(fs::exists(fs::path(file.string() + ".part")));
        if (format == ReportFormat::CoopCsv) {
            CHECK(bytes.rfind("\xEF\xBB\xBF"
                              "Date;",
                              0) == 0);
            CHECK(std::count(bytes.begin(), bytes.end(), '\n') == 4);  // header and three activities
        } else if (format == ReportFormat::Xapi) {
            const auto statements = nlohmann::json::parse(bytes);
            CHECK(statements.is_array());
            CHECK(statements.size() > 3);
        } else if (format == ReportFormat::CoopXlsx) {
            CHECK(bytes.rfind("PK", 0) == 0);
        }
    }
    // The journal says what was exported and when, never for whom nor where.
    ProgressStore store(world.db);
    const auto entries = MediatorLog(store).entries();
    CHECK(std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e.action == "export"; }) ==
          5);
    for (const auto& entry : entries) {
        CHECK(leaked_canaries(entry.detail).empty());
        CHECK(entry.detail.find(world.out.string()) == std::string::npos);
    }
}

TEST_CASE("cli: report export to a file name, and a period outside the activities", "[cli][reports]") {
    CliWorld world;
    const auto file = world.out / "octobre.csv";
    const auto run = world.report("export --format coop-csv --from 2026-10-01 --to 2026-10-31 --out " +
                                  quoted(file.string()));
    REQUIRE(run.status == 0);
    const auto bytes = read_bytes(file);
    CHECK(std::count(bytes.begin(), bytes.end(), '\n') == 1);  // the header alone
}

TEST_CASE("cli: report export refuses a wrong password, a bad date, an unknown format", "[cli][reports]") {
    CliWorld world;
    auto run = world.report("export --format stats --out " + quoted(world.out.string()), "pas-le-bon");
    CHECK(run.status == 1);
    CHECK_THAT(run.out, Catch::Contains("Wrong login or password."));
    CHECK(fs::is_empty(world.out));

    run = world.report("export --format stats --from 30/11/2026 --out " + quoted(world.out.string()));
    CHECK(run.status == 2);
    CHECK_THAT(run.out, Catch::Contains("30/11/2026 is not a date: write it as YYYY-MM-DD"));

    run = world.report("export --format pdf --out " + quoted(world.out.string()));
    CHECK(run.status == 2);
    CHECK_THAT(run.out, Catch::Contains("--format takes coop-csv, coop-xlsx, stats, xapi or html"));

    run = world.report("export --format stats --from 2026-11-30 --to 2026-11-01 --out x");
    CHECK(run.status == 2);
    CHECK(fs::is_empty(world.out));

    // A folder that is not there: said in plain words, nothing left behind.
    run = world.report("export --format coop-csv --out " + quoted((world.dir / "absent" / "a.csv").string()));
    CHECK(run.status == 1);
    CHECK_THAT(run.out, Catch::Contains("could not be written"));
}

TEST_CASE("cli: report export on a missing progress file says so and creates nothing", "[cli][reports]") {
    TempDir dir;
    const auto run = run_command("LC_ALL=C.UTF-8 PASAPAS_MEDIATOR_PASSWORD=x " + quoted(PASAPAS_CLI) +
                                 " report export --format stats --out " + quoted(dir.path().string()) +
                                 " --mediator m --db " + quoted((dir / "none.db").string()));
    CHECK(run.status == 1);
    CHECK_THAT(run.out, Catch::Contains("There is no Pas à Pas progress file at"));
    CHECK_FALSE(fs::exists(dir / "none.db"));
}

TEST_CASE("cli: report export on a damaged progress file keeps it aside and says so", "[cli][reports]") {
    TempDir dir;
    const auto db = dir / "progress.db";
    write_bytes(db, std::string(4096, '\x5a'));
    const auto run = run_command("LC_ALL=C.UTF-8 PASAPAS_MEDIATOR_PASSWORD=x " + quoted(PASAPAS_CLI) +
                                 " report export --format stats --out " + quoted(dir.path().string()) +
                                 " --mediator m --db " + quoted(db.string()));
    CHECK(run.status == 1);
    CHECK_THAT(run.out, Catch::Contains("It was kept aside as"));
    int aside = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        if (entry.path().filename().string().rfind("progress.db.corrupt-", 0) == 0) {
            ++aside;
            CHECK(read_bytes(entry.path()) == std::string(4096, '\x5a'));
        }
    }
    CHECK(aside == 1);
}
