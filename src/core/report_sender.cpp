#include "report_sender.hpp"

#include "translate.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>
#include <string_view>
#include <vector>

namespace pasapas::core {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Reports leave the PC encrypted and to a verified server, or not at all. Plain http is allowed
// only to this very computer, where the tests run their servers.
bool safe_endpoint(const std::string& url) {
    const std::string text = lower(url);
    if (text.starts_with("https://")) {
        return text.size() > 8;
    }
    constexpr std::string_view kHttp = "http://";
    if (!text.starts_with(kHttp)) {
        return false;
    }
    std::string authority = text.substr(kHttp.size());
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (authority.find('@') != std::string::npos) {
        return false;  // "http://localhost@elsewhere" must not pass for loopback
    }
    std::string host = authority;
    if (host.starts_with("[")) {
        host = host.substr(0, host.find(']') + 1);
    } else {
        host = host.substr(0, host.find(':'));
    }
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

std::string base64(const std::string& data) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    std::vector<char> out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL));
    sodium_bin2base64(out.data(), out.size(), bytes, data.size(), sodium_base64_VARIANT_ORIGINAL);
    return out.data();
}

std::vector<std::pair<std::string, std::string>> headers_for(const SendTarget& target, bool xapi) {
    std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"}};
    if (xapi) {
        headers.emplace_back("X-Experience-API-Version", "1.0.3");
    }
    switch (target.auth) {
        case SendTarget::Auth::Bearer:
            headers.emplace_back("Authorization", "Bearer " + target.token);
            break;
        case SendTarget::Auth::Basic:
            headers.emplace_back("Authorization", "Basic " + base64(target.user + ":" + target.password));
            break;
        case SendTarget::Auth::None:
            break;
    }
    return headers;
}

std::string strip_slash(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

// Why items wait, in the words a mediator can act on; the most telling reason seen in the run.
enum class WaitReason { None, ServerError, NoAnswer, Certificate };

std::string technical_detail(const HttpResponse& response) {
    if (response.failure != HttpResponse::Failure::None) {
        return response.error;
    }
    std::string detail = "HTTP " + std::to_string(response.status);
    if (!response.body.empty()) {
        detail += ": " + response.body.substr(0, 300);
    }
    return detail;
}

std::string summary(const SendReport& report, WaitReason reason, bool nothing_due) {
    if (report.unsafe_endpoint) {
        return tr(
            "Nothing was sent: the server address must start with https:// so that reports travel "
            "encrypted. Check the address in the settings.");
    }
    std::vector<std::string> parts;
    if (report.sent > 0) {
        parts.push_back(fmt(tr("{0} sent"), {std::to_string(report.sent)}));
    }
    if (report.already_stored > 0) {
        parts.push_back(fmt(tr("{0} already on the server"), {std::to_string(report.already_stored)}));
    }
    if (report.dead > 0) {
        parts.push_back(fmt(tr("{0} refused by the server (see the list of reports not accepted)"),
                            {std::to_string(report.dead)}));
    }
    if (report.retry_later > 0) {
        std::string why;
        switch (reason) {
            case WaitReason::NoAnswer:
                why = tr("the server did not answer");
                break;
            case WaitReason::Certificate:
                why = tr("the server's security certificate could not be verified");
                break;
            case WaitReason::ServerError:
                why = tr("the server had a problem");
                break;
            case WaitReason::None:
                why = tr("not tried yet");
                break;
        }
        parts.push_back(
            fmt(tr("{0} waiting to be retried ({1})"), {std::to_string(report.retry_later), why}));
    }
    std::string text;
    for (const auto& part : parts) {
        text += text.empty() ? part : ", " + part;
    }
    if (!text.empty()) {
        text += ".";
    }
    if (report.auth_refused) {
        const std::string refused =
            tr("The server refused the credentials: check the token or password in the settings.");
        return text.empty() ? refused : text + " " + refused;
    }
    if (text.empty()) {
        return nothing_due ? tr("Nothing to send.") : tr("Nothing could be sent: no server address is set.");
    }
    return text;
}

}  // namespace

ReportSender::ReportSender(Outbox& outbox, HttpClient& http) : outbox_(outbox), http_(http) {}

SendReport ReportSender::send_due(const SendTarget& target, const std::string& now_utc) {
    SendReport report;
    const std::vector<OutboxItem> items = outbox_.due(now_utc, std::numeric_limits<int>::max());
    const std::string statements_url =
        target.xapi_endpoint.empty() ? std::string{} : strip_slash(target.xapi_endpoint) + "/statements";
    const std::string& stats_url = target.stats_endpoint;

    bool needs_xapi = false;
    bool needs_stats = false;
    for (const auto& item : items) {
        needs_xapi = needs_xapi || (item.kind == "xapi" && !statements_url.empty());
        needs_stats = needs_stats || (item.kind == "stats" && !stats_url.empty());
    }
    if ((needs_xapi && !safe_endpoint(statements_url)) || (needs_stats && !safe_endpoint(stats_url))) {
        report.unsafe_endpoint = true;
        report.message = summary(report, WaitReason::None, items.empty());
        return report;
    }

    WaitReason reason = WaitReason::None;
    // A server that cannot be reached will not be reached by the next item either: stop trying
    // it for this run instead of waiting a full time-out per item. Those items stay due as they were.
    std::set<std::string> unreachable;
    for (const auto& item : items) {
        const bool xapi = item.kind == "xapi";
        const std::string& url = xapi ? statements_url : (item.kind == "stats" ? stats_url : std::string{});
        if (url.empty()) {
            continue;  // no address for this kind yet: it waits, untouched
        }
        if (unreachable.contains(url)) {
            ++report.retry_later;
            continue;
        }
        HttpRequest request;
        request.method = "POST";
        request.url = url;
        request.headers = headers_for(target, xapi);
        request.body = item.payload;
        request.timeout = target.timeout;
        const HttpResponse response = http_.send(request);

        if (response.failure != HttpResponse::Failure::None) {
            outbox_.mark_retry(item.id, 0, technical_detail(response), now_utc);
            ++report.retry_later;
            const WaitReason this_reason = response.failure == HttpResponse::Failure::TlsFailed
                                               ? WaitReason::Certificate
                                               : WaitReason::NoAnswer;
            reason = std::max(reason, this_reason);
            unreachable.insert(url);
            continue;
        }
        const long status = response.status;
        if (status >= 200 && status < 300) {
            outbox_.mark_sent(item.id);
            ++report.sent;
        } else if (status == 409) {
            outbox_.mark_sent(item.id);
            ++report.already_stored;
        } else if (status == 400) {
            outbox_.mark_dead(item.id, status, technical_detail(response));
            ++report.dead;
        } else if (status == 401 || status == 403) {
            // The credentials are wrong for every item: stop here and leave this one exactly as
            // it was, so fixing the password sends it without any back-off delay.
            report.auth_refused = true;
            break;
        } else {
            outbox_.mark_retry(item.id, status, technical_detail(response), now_utc);
            ++report.retry_later;
            reason = std::max(reason, status == 408 ? WaitReason::NoAnswer : WaitReason::ServerError);
        }
    }
    report.message = summary(report, reason, items.empty());
    return report;
}

}  // namespace pasapas::core
