#pragma once
// What sending reports needs from HTTP, and nothing more, so that the core (outbox, sender) stays
// free of libcurl and can be tested with a fake; src/net implements it with libcurl.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace pasapas::core {

struct HttpRequest {
    std::string method = "POST";  // "POST", "PUT", "GET"
    std::string url;              // https:// (http:// only to loopback, for tests)
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::milliseconds timeout{30000};  // whole exchange
};

struct HttpResponse {
    // How the exchange ended before any HTTP status could be read.
    enum class Failure { None, ConnectFailed, Timeout, TlsFailed, Other };
    Failure failure = Failure::None;
    long status = 0;  // HTTP status when failure == None
    std::string body;
    std::string error;  // technical detail for the log, never shown alone to a person
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    HttpClient() = default;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace pasapas::core
