#pragma once
// Sends what waits in the outbox to the configured endpoint, applying the delivery rules of
// outbox.hpp. Statements go to an xAPI LRS (POST <endpoint>/statements, version header 1.0.3);
// statistics go to the collectivité's endpoint as JSON. HTTPS with certificate verification is
// the only way out of the PC (plain http is accepted for 127.0.0.1 and localhost, for tests).
#include "http_client.hpp"
#include "outbox.hpp"

#include <chrono>
#include <string>

namespace pasapas::core {

struct SendTarget {
    std::string xapi_endpoint;   // e.g. https://lrs.example/xAPI (the sender appends /statements)
    std::string stats_endpoint;  // where statistics JSON is POSTed; may be empty
    enum class Auth { None, Bearer, Basic } auth = Auth::None;
    std::string token;                         // Bearer
    std::string user;                          // Basic
    std::string password;                      // Basic
    std::chrono::milliseconds timeout{30000};  // per request, whole exchange
};

struct SendReport {
    int sent = 0;                  // 2xx
    int already_stored = 0;        // 409
    int dead = 0;                  // 400 this run
    int retry_later = 0;           // kept for a later attempt
    bool auth_refused = false;     // 401/403: stopped, credentials needed
    bool unsafe_endpoint = false;  // not https (and not loopback): nothing sent
    std::string message;           // translated summary for the mediator
};

class ReportSender {
public:
    ReportSender(Outbox& outbox, HttpClient& http);
    // Sends every due item once; now_utc is injected so tests can move time.
    SendReport send_due(const SendTarget& target, const std::string& now_utc);

private:
    Outbox& outbox_;
    HttpClient& http_;
};

}  // namespace pasapas::core
