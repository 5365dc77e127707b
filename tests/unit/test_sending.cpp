// Sending reports through the outbox with libcurl, against a real loopback server that fails in
// every way (tests/servers/flaky_server.py) and a real progress file: nothing is lost, nothing
// arrives twice, and the mediator is told the right thing.
#include "core/mediator_accounts.hpp"
#include "core/outbox.hpp"
#include "core/progress_store.hpp"
#include "core/report_builder.hpp"
#include "core/report_files.hpp"
#include "core/report_sender.hpp"
#include "core/sqlite_support.hpp"
#include "net/curl_http_client.hpp"
#include "report_test_support.hpp"
#include "sending_test_support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sys/wait.h>
#include <tuple>

using namespace pasapas::core;
using pasapas::net::CurlHttpClient;
using sending_test::ChildProcess;
using sending_test::TempDir;

namespace {

using Json = nlohmann::json;

constexpr std::chrono::milliseconds kShortTimeout{1000};

// One flaky server on loopback; --tls-dir makes it HTTPS with a certificate made for it.
class FlakyServer {
public:
    explicit FlakyServer(const std::optional<sending_test::fs::path>& tls_dir = std::nullopt) {
        std::vector<std::string> argv{
            "/usr/bin/python3", PASAPAS_FLAKY_SERVER, "--slow", "3", "--lifetime", "120"};
        if (tls_dir) {
            argv.emplace_back("--tls-dir");
            argv.push_back(tls_dir->string());
        }
        process_ = std::make_unique<ChildProcess>(argv);
        const std::string port = process_->first_line();
        REQUIRE_FALSE(port.empty());
        port_ = std::stoi(port);
        base_ = std::string(tls_dir ? "https" : "http") + "://127.0.0.1:" + port;
    }

    [[nodiscard]] const std::string& base() const { return base_; }
    [[nodiscard]] int port() const { return port_; }

    // What the server accepted, as it recorded it. Read over plain HTTP or with its own CA.
    Json received(const sending_test::fs::path& ca = {}) const { return get("/control/received", ca); }
    Json hits(const sending_test::fs::path& ca = {}) const { return get("/control/hits", ca); }

    void set_mode(const std::string& mode) const {
        CurlHttpClient http;
        HttpRequest request;
        request.url = base_ + "/control/mode";
        request.body = mode;
        REQUIRE(http.send(request).status == 204);
    }

private:
    Json get(const std::string& path, const sending_test::fs::path& ca) const {
        CurlHttpClient http(ca);
        HttpRequest request;
        request.method = "GET";
        request.url = base_ + path;
        const auto response = http.send(request);
        REQUIRE(response.status == 200);
        return Json::parse(response.body);
    }

    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
    std::string base_;
};

std::multiset<std::string> received_ids(const Json& received) {
    std::multiset<std::string> ids;
    for (const auto& entry : received) {
        ids.insert(entry.at("id").get<std::string>());
    }
    return ids;
}

int hits(const Json& all, const std::string& mode) {
    return all.contains(mode) ? all.at(mode).get<int>() : 0;
}

// A learner's progress file with statements waiting in its outbox.
struct Bench {
    TempDir dir{"pasapas-sending"};
    std::unique_ptr<ProgressStore> store = std::make_unique<ProgressStore>(dir / "progress.sqlite");
    std::unique_ptr<Outbox> outbox = std::make_unique<Outbox>(*store);
    std::vector<std::string> ids;

    std::set<std::string> queue(int count, const std::string& prefix = "") {
        std::set<std::string> queued;
        const std::vector<std::string> verbs{"attempted", "progressed", "completed", "passed", "failed"};
        for (int i = 0; i < count; ++i) {
            std::string id = new_uuid();
            if (!prefix.empty()) {
                id = prefix + id.substr(prefix.size());
            }
            REQUIRE(outbox->enqueue("xapi", id, std::nullopt,
                                    sending_test::statement_json(
                                        id, "acct-7f3a", verbs[static_cast<std::size_t>(i) % verbs.size()],
                                        "lesson-mail", "2026-11-23T09:00:00.000Z")));
            ids.push_back(id);
            queued.insert(id);
        }
        return queued;
    }

    // Closes and reopens the file, as after quitting the app.
    void reopen() {
        outbox.reset();
        store = std::make_unique<ProgressStore>(dir / "progress.sqlite");
        outbox = std::make_unique<Outbox>(*store);
    }

    SendReport send(CurlHttpClient& http, const std::string& endpoint, const std::string& now,
                    std::chrono::milliseconds timeout = kShortTimeout) {
        ReportSender sender(*outbox, http);
        SendTarget target;
        target.xapi_endpoint = endpoint;
        target.auth = SendTarget::Auth::Basic;
        target.user = "mediatrice";
        target.password = "s3cret";
        target.timeout = timeout;
        return sender.send_due(target, now);
    }
};

std::set<std::string> as_set(const std::multiset<std::string>& ids) {
    return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("Statements reach the server once, with the xAPI headers and the credentials", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(5);

    const auto report = bench.send(http, server.base() + "/ok/xAPI/", "2026-11-23T10:00:00.000Z");
    CHECK(report.sent == 5);
    CHECK(report.retry_later == 0);
    CHECK_FALSE(report.auth_refused);
    CHECK(report.message == "5 sent.");
    const auto counts = bench.outbox->counts();
    CHECK(counts.pending == 0);
    CHECK(counts.sent == 5);

    const Json received = server.received();
    CHECK(received_ids(received) == std::multiset<std::string>(queued.begin(), queued.end()));
    for (const auto& entry : received) {
        CHECK(entry.at("path") == "/ok/xAPI/statements");
        CHECK(entry.at("version") == "1.0.3");
        CHECK(entry.at("content_type") == "application/json");
        CHECK(entry.at("authorization") == "Basic bWVkaWF0cmljZTpzM2NyZXQ=");  // mediatrice:s3cret
        CHECK(entry.at("body").at("verb").at("id").get<std::string>().starts_with(
            "http://adlnet.gov/expapi/verbs/"));
    }

    // Sending again, or queuing the same statements again, sends nothing more.
    for (const auto& id : bench.ids) {
        CHECK_FALSE(bench.outbox->enqueue("xapi", id, std::nullopt, "{}"));
    }
    const auto again = bench.send(http, server.base() + "/ok/xAPI", "2026-11-23T10:05:00.000Z");
    CHECK(again.sent == 0);
    CHECK(again.message == "Nothing to send.");
    CHECK(server.received().size() == 5);
}

TEST_CASE("Bearer tokens and statistics go to their own endpoint", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    REQUIRE(
        bench.outbox->enqueue("stats", "stats:1a2b", std::nullopt, R"({"id":"stats:1a2b","learners":12})"));
    ReportSender sender(*bench.outbox, http);
    SendTarget target;
    target.stats_endpoint = server.base() + "/ok/collectivite/stats";
    target.auth = SendTarget::Auth::Bearer;
    target.token = "tok-123";
    target.timeout = kShortTimeout;
    const auto report = sender.send_due(target, "2026-11-23T10:00:00.000Z");
    CHECK(report.sent == 1);
    const Json received = server.received();
    REQUIRE(received.size() == 1);
    CHECK(received[0].at("path") == "/ok/collectivite/stats");
    CHECK(received[0].at("authorization") == "Bearer tok-123");
    CHECK(received[0].at("version") == "");
    CHECK(received[0].at("body").at("learners") == 12);
}

TEST_CASE("Connection refused: everything is kept and sent once the server is back", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(4);
    const std::string nowhere = "http://127.0.0.1:" + std::to_string(sending_test::free_port()) + "/xAPI";

    const auto report = bench.send(http, nowhere, "2026-11-23T10:00:00.000Z");
    CHECK(report.sent == 0);
    CHECK(report.retry_later == 4);
    CHECK(report.message == "4 waiting to be retried (the server did not answer).");
    auto counts = bench.outbox->counts();
    CHECK(counts.pending == 4);
    CHECK(counts.sent == 0);
    CHECK(counts.dead == 0);
    // The first one was tried and waits its back-off; the others were not even tried.
    CHECK(counts.next_attempt_at.empty());
    CHECK(bench.outbox->due("2026-11-23T10:00:00.000Z").size() == 3);

    bench.reopen();
    const auto later = bench.send(http, server.base() + "/ok/xAPI", "2026-11-23T11:00:00.000Z");
    CHECK(later.sent == 4);
    CHECK(as_set(received_ids(server.received())) == queued);
    CHECK(server.received().size() == 4);
    counts = bench.outbox->counts();
    CHECK(counts.pending == 0);
    CHECK(counts.sent == 4);
}

TEST_CASE("Server errors: every item waits its back-off, then goes through exactly once", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(3);
    server.set_mode("500");
    const std::string endpoint = server.base() + "/switch/xAPI";

    const auto report = bench.send(http, endpoint, "2026-11-23T10:00:00.000Z");
    CHECK(report.retry_later == 3);
    CHECK(report.message == "3 waiting to be retried (the server had a problem).");
    CHECK(hits(server.hits(), "500") == 3);
    for (const auto& item : bench.outbox->due("2026-11-23T10:00:30.000Z")) {
        CHECK(item.attempts == 1);
        CHECK(item.last_status == 500);
    }
    CHECK(bench.outbox->counts().next_attempt_at == "2026-11-23T10:00:30.000Z");

    // Too early: the server is left alone.
    const auto early = bench.send(http, endpoint, "2026-11-23T10:00:10.000Z");
    CHECK(early.retry_later == 0);
    CHECK(early.message == "Nothing to send.");
    CHECK(hits(server.hits(), "500") == 3);

    // 502, 503, 408 and 429 are also "later", not lost.
    server.set_mode("429");
    const auto busy = bench.send(http, endpoint, "2026-11-23T10:00:30.000Z");
    CHECK(busy.retry_later == 3);
    CHECK(bench.outbox->due("2026-11-23T10:01:29.000Z").empty());

    server.set_mode("ok");
    const auto recovered = bench.send(http, endpoint, "2026-11-23T10:01:30.000Z");
    CHECK(recovered.sent == 3);
    CHECK(server.received().size() == 3);
    CHECK(as_set(received_ids(server.received())) == queued);
    CHECK(bench.outbox->counts().pending == 0);
}

TEST_CASE("A time-out after the server stored the statement does not make a duplicate", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(3);
    server.set_mode("slow");
    const std::string endpoint = server.base() + "/switch/xAPI";

    const auto started = std::chrono::steady_clock::now();
    const auto report = bench.send(http, endpoint, "2026-11-23T10:00:00.000Z");
    const auto elapsed = std::chrono::steady_clock::now() - started;
    CHECK(report.sent == 0);
    CHECK(report.retry_later == 3);
    CHECK(report.message == "3 waiting to be retried (the server did not answer).");
    // One time-out for the run, not one per statement.
    CHECK(elapsed < std::chrono::milliseconds{2500});
    CHECK(hits(server.hits(), "slow") == 1);
    CHECK(bench.outbox->counts().pending == 3);

    server.set_mode("ok");
    const auto recovered = bench.send(http, endpoint, "2026-11-23T10:00:30.000Z");
    CHECK(recovered.already_stored == 1);  // the server had kept the slow one: 409
    CHECK(recovered.sent == 2);
    CHECK(recovered.message == "2 sent, 1 already on the server.");
    const auto ids = received_ids(server.received());
    CHECK(ids.size() == 3);
    CHECK(as_set(ids) == queued);
    CHECK(bench.outbox->counts().sent == 3);
    CHECK(bench.outbox->counts().pending == 0);
}

TEST_CASE("Slow answers within the time-out are simply delivered", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(3);
    const auto report = bench.send(http, server.base() + "/lag/xAPI", "2026-11-23T10:00:00.000Z");
    CHECK(report.sent == 3);
    CHECK(as_set(received_ids(server.received())) == queued);
}

TEST_CASE("HTTPS: a certificate the bundle trusts works; any other is refused before sending", "[sending]") {
    TempDir certs("pasapas-certs");
    FlakyServer trusted(certs / "trusted");
    FlakyServer stranger(certs / "stranger");
    const auto ca = certs / "trusted" / "cert.pem";
    Bench bench;
    CurlHttpClient http(ca);
    const auto queued = bench.queue(2);

    SECTION("the client itself reports the certificate failure") {
        HttpRequest request;
        request.url = stranger.base() + "/ok/xAPI/statements";
        request.body = "{}";
        request.timeout = kShortTimeout;
        const auto response = http.send(request);
        CHECK(response.failure == HttpResponse::Failure::TlsFailed);
        CHECK(response.status == 0);
        CHECK_FALSE(response.error.empty());
        // Without the test CA, even the trusted server's certificate is unknown.
        CurlHttpClient system_store;
        request.url = trusted.base() + "/ok/xAPI/statements";
        CHECK(system_store.send(request).failure == HttpResponse::Failure::TlsFailed);
        // The right CA but a host name the certificate was not made for.
        request.url = "https://localhost:" + std::to_string(trusted.port()) + "/ok/xAPI/statements";
        CHECK(http.send(request).failure == HttpResponse::Failure::TlsFailed);
        CHECK(trusted.received(ca).empty());
    }

    SECTION("unverified statements wait, then go to the verified server once") {
        const auto refused = bench.send(http, stranger.base() + "/ok/xAPI", "2026-11-23T10:00:00.000Z");
        CHECK(refused.sent == 0);
        CHECK(refused.retry_later == 2);
        CHECK(refused.message ==
              "2 waiting to be retried (the server's security certificate could not be verified).");
        CHECK(bench.outbox->counts().pending == 2);
        CHECK(stranger.received(certs / "stranger" / "cert.pem").empty());

        const auto report = bench.send(http, trusted.base() + "/ok/xAPI", "2026-11-23T11:00:00.000Z");
        CHECK(report.sent == 2);
        CHECK(as_set(received_ids(trusted.received(ca))) == queued);
        CHECK(trusted.received(ca).size() == 2);
    }
}

TEST_CASE("Refused as malformed (400): a dead letter shown to the mediator, queued again on request",
          "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(3);
    server.set_mode("400");
    const std::string endpoint = server.base() + "/switch/xAPI";

    const auto report = bench.send(http, endpoint, "2026-11-23T10:00:00.000Z");
    CHECK(report.dead == 3);
    CHECK(report.message == "3 refused by the server (see the list of reports not accepted).");
    auto counts = bench.outbox->counts();
    CHECK(counts.dead == 3);
    CHECK(counts.pending == 0);
    const auto dead = bench.outbox->dead_letters();
    REQUIRE(dead.size() == 3);
    CHECK(dead[0].last_status == 400);
    CHECK(dead[0].last_error.find("400") != std::string::npos);
    // Never retried by itself, however long we wait.
    CHECK(bench.send(http, endpoint, "2027-06-01T00:00:00.000Z").dead == 0);
    CHECK(hits(server.hits(), "400") == 3);

    server.set_mode("ok");
    bench.outbox->requeue_dead(dead[1].id);
    const auto retried = bench.send(http, endpoint, "2027-06-01T00:00:00.000Z");
    CHECK(retried.sent == 1);
    CHECK(received_ids(server.received()) == std::multiset<std::string>{dead[1].item_key});
    counts = bench.outbox->counts();
    CHECK(counts.dead == 2);
    CHECK(counts.sent == 1);
    CHECK(bench.outbox->dead_letters().size() == 2);
}

TEST_CASE("Refused credentials (401, 403) stop the run, ask for them, and lose nothing", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(3);
    const std::string endpoint = server.base() + "/switch/xAPI";
    const std::string mode = GENERATE(std::string("401"), std::string("403"));
    server.set_mode(mode);

    const auto report = bench.send(http, endpoint, "2026-11-23T10:00:00.000Z");
    CHECK(report.auth_refused);
    CHECK(report.sent == 0);
    CHECK(report.retry_later == 0);
    CHECK(report.message ==
          "The server refused the credentials: check the token or password in the settings.");
    CHECK(hits(server.hits(), mode) == 1);  // stopped at the first refusal
    const auto counts = bench.outbox->counts();
    CHECK(counts.pending == 3);
    CHECK(counts.dead == 0);
    // Untouched: no back-off, so the corrected password sends at once.
    const auto due = bench.outbox->due("2026-11-23T10:00:00.000Z");
    REQUIRE(due.size() == 3);
    for (const auto& item : due) {
        CHECK(item.attempts == 0);
    }

    server.set_mode("ok");
    const auto fixed = bench.send(http, endpoint, "2026-11-23T10:00:01.000Z");
    CHECK(fixed.sent == 3);
    CHECK(as_set(received_ids(server.received())) == queued);
    CHECK(server.received().size() == 3);
}

TEST_CASE("A redirect is not followed, so credentials never go elsewhere", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    bench.queue(1);
    const auto report = bench.send(http, server.base() + "/302/xAPI", "2026-11-23T10:00:00.000Z");
    CHECK(report.sent == 0);
    CHECK(report.retry_later == 1);
    CHECK(server.received().empty());
    CHECK(bench.outbox->due("2026-11-23T11:00:00.000Z").at(0).last_status == 302);
}

TEST_CASE("Reports never leave the PC unencrypted, except to this computer for tests", "[sending]") {
    Bench bench;
    CurlHttpClient http;
    bench.queue(2);
    for (const std::string endpoint : {"http://lrs.example.org/xAPI", "ftp://lrs.example.org/xAPI",
                                       "http://localhost@lrs.example.org/xAPI",
                                       "http://127.0.0.1.example.org/xAPI", "lrs.example.org/xAPI"}) {
        CAPTURE(endpoint);
        const auto report = bench.send(http, endpoint, "2026-11-23T10:00:00.000Z");
        CHECK(report.unsafe_endpoint);
        CHECK(report.sent + report.retry_later + report.dead == 0);
        CHECK(report.message.find("https://") != std::string::npos);
        const auto due = bench.outbox->due("2026-11-23T10:00:00.000Z");
        REQUIRE(due.size() == 2);
        CHECK(due[0].attempts == 0);
    }
}

TEST_CASE("Through every failure in turn, each statement arrives exactly once", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    const auto queued = bench.queue(12);
    const std::string endpoint = server.base() + "/switch/xAPI";
    const std::string nowhere = "http://127.0.0.1:" + std::to_string(sending_test::free_port()) + "/xAPI";

    // Each run is 7 h after the previous one, past any back-off.
    const std::vector<std::string> runs{"2026-11-23T08:00:00.000Z", "2026-11-23T15:00:00.000Z",
                                        "2026-11-23T22:00:00.000Z", "2026-11-24T05:00:00.000Z",
                                        "2026-11-24T12:00:00.000Z", "2026-11-24T19:00:00.000Z"};
    bench.send(http, nowhere, runs[0]);
    server.set_mode("500");
    bench.send(http, endpoint, runs[1]);
    bench.reopen();
    server.set_mode("slow");
    bench.send(http, endpoint, runs[2]);
    server.set_mode("401");
    CHECK(bench.send(http, endpoint, runs[3]).auth_refused);
    CHECK(bench.outbox->counts().pending == 12);
    CHECK(bench.outbox->counts().sent == 0);

    server.set_mode("ok");
    const auto report = bench.send(http, endpoint, runs[4]);
    CHECK(report.sent + report.already_stored == 12);
    CHECK(report.already_stored == 1);
    const auto ids = received_ids(server.received());
    CHECK(ids.size() == 12);
    CHECK(as_set(ids) == queued);
    const auto counts = bench.outbox->counts();
    CHECK(counts.pending == 0);
    CHECK(counts.dead == 0);
    CHECK(counts.sent == 12);

    // Queuing everything again and sending again changes nothing on the server.
    for (const auto& id : bench.ids) {
        CHECK_FALSE(bench.outbox->enqueue("xapi", id, std::nullopt, "{}"));
    }
    CHECK(bench.send(http, endpoint, runs[5]).sent == 0);
    CHECK(server.received().size() == 12);
}

TEST_CASE("Without an address for a kind of report, those reports wait untouched", "[sending]") {
    FlakyServer server;
    Bench bench;
    CurlHttpClient http;
    bench.queue(2);
    REQUIRE(bench.outbox->enqueue("stats", "stats:9f", std::nullopt, R"({"learners":7})"));

    const auto nothing = bench.send(http, "", "2026-11-23T10:00:00.000Z");
    CHECK(nothing.sent == 0);
    CHECK_FALSE(nothing.unsafe_endpoint);
    CHECK(nothing.message == "Nothing could be sent: no server address is set.");
    CHECK(bench.outbox->due("2026-11-23T10:00:00.000Z").size() == 3);

    // Statements go; the statistics wait for their own address, still due and never tried.
    const auto report = bench.send(http, server.base() + "/ok/xAPI", "2026-11-23T10:00:00.000Z");
    CHECK(report.sent == 2);
    CHECK(server.received().size() == 2);
    const auto waiting = bench.outbox->due("2026-11-23T10:00:00.000Z");
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].kind == "stats");
    CHECK(waiting[0].attempts == 0);
}

TEST_CASE("The HTTP client tells a refused connection from a time-out", "[sending]") {
    FlakyServer server;
    CurlHttpClient http;
    HttpRequest request;
    request.body = R"({"id":"x-1"})";
    request.timeout = kShortTimeout;

    request.url = "http://127.0.0.1:" + std::to_string(sending_test::free_port()) + "/ok";
    auto response = http.send(request);
    CHECK(response.failure == HttpResponse::Failure::ConnectFailed);
    CHECK(response.status == 0);

    request.url = server.base() + "/slow/statements";
    const auto started = std::chrono::steady_clock::now();
    response = http.send(request);
    CHECK(response.failure == HttpResponse::Failure::Timeout);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds{2500});

    request.url = server.base() + "/ok/statements";
    request.body = R"({"id":"x-2"})";
    response = http.send(request);
    CHECK(response.failure == HttpResponse::Failure::None);
    CHECK(response.status == 200);
    CHECK(response.body == R"(["x-2"])");
}

TEST_CASE("pasapas-cli report send delivers what waits once, and keeps it when the server fails",
          "[sending][cli]") {
    FlakyServer server;
    Bench bench;
    MediatorAccounts(*bench.store).create("mediatrice", "Cachalot-velo-42");
    SendTarget target;
    target.xapi_endpoint = server.base() + "/ok";
    save_send_target(*bench.store, target);
    const auto queued = bench.queue(3);

    const auto send = [&] {
        const std::string command = "LC_ALL=C.UTF-8 PASAPAS_MEDIATOR_PASSWORD=Cachalot-velo-42 '" +
                                    std::string(PASAPAS_CLI) + "' report send --mediator mediatrice --db '" +
                                    (bench.dir / "progress.sqlite").string() + "' --lessons '" +
                                    PASAPAS_LESSONS_DIR + "' 2>&1";
        FILE* pipe = popen(command.c_str(), "r");
        REQUIRE(pipe != nullptr);
        std::string out;
        std::array<char, 4096> buffer{};
        std::size_t got = 0;
        while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
            out.append(buffer.data(), got);
        }
        const int status = pclose(pipe);
        return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, out);
    };

    auto [status, out] = send();
    INFO(out);
    CHECK(status == 0);
    CHECK(as_set(received_ids(server.received())) == queued);
    CHECK(bench.outbox->counts().sent == 3);

    // Sending again sends nothing twice.
    std::tie(status, out) = send();
    CHECK(status == 0);
    CHECK(received_ids(server.received()).size() == 3);
    CHECK(hits(server.hits(), "ok") == 3);

    // The server fails: the statements stay in the outbox, and the script is told (exit 1).
    target.xapi_endpoint = server.base() + "/500";
    save_send_target(*bench.store, target);
    bench.queue(2);
    std::tie(status, out) = send();
    CHECK(status == 1);
    CHECK(bench.outbox->counts().pending == 2);
    CHECK(received_ids(server.received()).size() == 3);
}

TEST_CASE("Not one byte of a learner's name, commune, note or typing is sent", "[sending][privacy]") {
    FlakyServer server;
    TempDir dir{"pasapas-canary"};
    ProgressStore store(dir / "progress.sqlite");
    pasapas::test::make_canary_world(store);
    SendTarget target;
    target.xapi_endpoint = server.base() + "/ok";
    target.stats_endpoint = server.base() + "/ok/stats";
    const auto& catalogue = pasapas::test::shipped_catalogue();
    const auto data = build_report(store, catalogue.lessons, catalogue.scenarios, ReportPeriod{}, 5);
    const int queued = queue_reports(store, data, target, xapi_home_page(store));
    CHECK(queued > 5);
    // Queuing the same period again adds nothing: re-sending never duplicates.
    CHECK(queue_reports(store, data, target, xapi_home_page(store)) == 0);

    Outbox outbox(store);
    CurlHttpClient http;
    ReportSender sender(outbox, http);
    const auto report = sender.send_due(target, utc_now_iso());
    CHECK(report.sent == queued);
    const auto received = server.received();
    REQUIRE(static_cast<int>(received.size()) == queued);
    int statistics = 0;
    for (const auto& entry : received) {
        statistics += entry.at("path").get<std::string>() == "/ok/stats" ? 1 : 0;
    }
    CHECK(statistics == 1);
    CHECK(pasapas::test::leaked_canaries(received.dump()).empty());
}
