// xAPI statements sent to a real Learning Record Store on loopback (the xapi-statements package,
// pinned in tests/lrs), through the outbox, the sender and libcurl; re-sent without duplicates,
// then read back by agent as any LRS client would.
#include "core/outbox.hpp"
#include "core/progress_store.hpp"
#include "core/report_sender.hpp"
#include "core/sqlite_support.hpp"
#include "net/curl_http_client.hpp"
#include "sending_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

using namespace pasapas::core;
using pasapas::net::CurlHttpClient;
using sending_test::ChildProcess;
using sending_test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string url_encode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

HttpResponse get(CurlHttpClient& http, const std::string& url) {
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.headers = {{"X-Experience-API-Version", "1.0.3"}, {"Authorization", "Basic dGVzdDp0ZXN0"}};
    request.timeout = std::chrono::seconds{5};
    return http.send(request);
}

}  // namespace

TEST_CASE("Statements reach a real LRS once, and are read back by agent", "[sending][lrs]") {
    const fs::path lrs_dir = PASAPAS_LRS_DIR;
    if (!fs::exists(lrs_dir / "node_modules" / "xapi-statements" / "dist" / "server.js")) {
        FAIL(
            "The test LRS is not installed: run `npm ci --prefix tests/lrs --no-audit --no-fund` "
            "from the source folder (the ./dev test step does it).");
    }
    TempDir dir("pasapas-lrs");
    fs::create_directories(dir / "morgan");
    const int port = sending_test::free_port();
    ChildProcess lrs(
        {"node", (lrs_dir / "start_lrs.js").string(), std::to_string(port), (dir / "morgan").string()},
        dir / "lrs.log");
    const std::string base = "http://127.0.0.1:" + std::to_string(port) + "/xAPI";

    CurlHttpClient http;
    bool ready = false;
    for (int i = 0; i < 200 && !ready && lrs.running(); ++i) {
        ready = get(http, base + "/about").status == 200;
        if (!ready) {
            std::this_thread::sleep_for(std::chrono::milliseconds{100});
        }
    }
    INFO("LRS log: " << (dir / "lrs.log").string());
    REQUIRE(ready);

    ProgressStore store(dir / "progress.sqlite");
    Outbox outbox(store);
    const std::string account = "acct-" + new_uuid().substr(0, 8);
    const std::vector<std::string> verbs{"attempted", "progressed", "completed", "passed", "failed"};
    std::map<std::string, std::string> statements;  // id -> JSON
    for (std::size_t i = 0; i < verbs.size(); ++i) {
        const std::string id = new_uuid();
        const std::string stamp = "2026-11-23T09:0" + std::to_string(i) + ":00.000Z";
        statements[id] = sending_test::statement_json(id, account, verbs[i], "demarche-ants", stamp);
        REQUIRE(outbox.enqueue("xapi", id, std::nullopt, statements[id]));
    }
    // Another learner's statement, which must not come back for this agent.
    const std::string other = new_uuid();
    REQUIRE(outbox.enqueue("xapi", other, std::nullopt,
                           sending_test::statement_json(other, "acct-other", "completed", "lesson-mail",
                                                        "2026-11-23T09:30:00.000Z")));

    ReportSender sender(outbox, http);
    SendTarget target;
    target.xapi_endpoint = base;
    target.auth = SendTarget::Auth::Basic;
    target.user = "test";
    target.password = "test";
    target.timeout = std::chrono::seconds{10};
    const auto report = sender.send_due(target, "2026-11-23T10:00:00.000Z");
    INFO(report.message);
    CHECK(report.sent == 6);
    CHECK(report.dead == 0);
    CHECK(report.retry_later == 0);
    CHECK(outbox.counts().sent == 6);

    // The mediator sends the same period again: already delivered, so nothing is queued; and
    // even forced past the outbox (a fresh file, same ids) the LRS keeps one copy of each.
    for (const auto& [id, json] : statements) {
        CHECK_FALSE(outbox.enqueue("xapi", id, std::nullopt, json));
    }
    CHECK(sender.send_due(target, "2026-11-23T11:00:00.000Z").sent == 0);
    {
        ProgressStore fresh(dir / "fresh.sqlite");
        Outbox again(fresh);
        for (const auto& [id, json] : statements) {
            REQUIRE(again.enqueue("xapi", id, std::nullopt, json));
        }
        ReportSender resender(again, http);
        const auto resent = resender.send_due(target, "2026-11-23T11:00:00.000Z");
        CHECK(resent.sent + resent.already_stored == 5);
        CHECK(resent.dead == 0);
        CHECK(again.counts().pending == 0);
    }

    const std::string agent =
        R"({"objectType":"Agent","account":{"homePage":"https://pasapas.invalid","name":")" + account +
        R"("}})";
    const auto response = get(http, base + "/statements?agent=" + url_encode(agent) + "&limit=100");
    REQUIRE(response.failure == HttpResponse::Failure::None);
    REQUIRE(response.status == 200);
    const auto body = nlohmann::json::parse(response.body);
    std::multiset<std::string> ids;
    std::set<std::string> seen_verbs;
    for (const auto& statement : body.at("statements")) {
        ids.insert(statement.at("id").get<std::string>());
        seen_verbs.insert(statement.at("verb").at("id").get<std::string>());
        CHECK(statement.at("actor").at("account").at("name") == account);
    }
    CHECK(ids.size() == 5);
    std::set<std::string> expected;
    for (const auto& entry : statements) {
        expected.insert(entry.first);
    }
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == expected);
    CHECK(seen_verbs.size() == 5);
    CHECK(seen_verbs.contains("http://adlnet.gov/expapi/verbs/passed"));
}
