#include "net/curl_http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <dlfcn.h>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace pasapas::net {

namespace {

using core::HttpRequest;
using core::HttpResponse;

// libcurl is opened the first time a report is sent, not linked: linked, it and the two dozen
// libraries it needs (TLS, Kerberos, LDAP, SSH...) were loaded and relocated at every start of
// Pas à Pas, which cost about 6 MiB and a tenth of its start-up time, for a feature used by
// mediators now and then.
struct Curl {
    decltype(&curl_global_init) global_init = nullptr;
    decltype(&curl_easy_init) easy_init = nullptr;
    decltype(&curl_easy_setopt) easy_setopt = nullptr;
    decltype(&curl_easy_perform) easy_perform = nullptr;
    decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
    decltype(&curl_easy_strerror) easy_strerror = nullptr;
    decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
    decltype(&curl_slist_append) slist_append = nullptr;
    decltype(&curl_slist_free_all) slist_free_all = nullptr;
};

template <typename Function>
void find_symbol(void* library, const char* name, Function& out) {
    out = reinterpret_cast<Function>(dlsym(library, name));
    if (out == nullptr) {
        throw std::runtime_error(std::string("libcurl has no ") + name);
    }
}

// Opened and started once per process (curl_global_init is not thread-safe in every build);
// never closed. Throws std::runtime_error when libcurl is missing or cannot start.
const Curl& curl() {
    static std::once_flag once;
    static Curl api;
    std::call_once(once, [] {
        void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) {
            throw std::runtime_error("libcurl could not be opened");
        }
        Curl found;
        find_symbol(library, "curl_global_init", found.global_init);
        find_symbol(library, "curl_easy_init", found.easy_init);
        find_symbol(library, "curl_easy_setopt", found.easy_setopt);
        find_symbol(library, "curl_easy_perform", found.easy_perform);
        find_symbol(library, "curl_easy_getinfo", found.easy_getinfo);
        find_symbol(library, "curl_easy_strerror", found.easy_strerror);
        find_symbol(library, "curl_easy_cleanup", found.easy_cleanup);
        find_symbol(library, "curl_slist_append", found.slist_append);
        find_symbol(library, "curl_slist_free_all", found.slist_free_all);
        if (found.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("libcurl could not start");
        }
        api = found;
    });
    return api;
}

struct EasyDeleter {
    void operator()(CURL* handle) const { curl().easy_cleanup(handle); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl().slist_free_all(list); }
};

size_t collect(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    body->append(data, size * count);
    return size * count;
}

HttpResponse::Failure failure_of(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_CONNECT:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return HttpResponse::Failure::ConnectFailed;
        case CURLE_OPERATION_TIMEDOUT:
            return HttpResponse::Failure::Timeout;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_USE_SSL_FAILED:
            return HttpResponse::Failure::TlsFailed;
        default:
            return HttpResponse::Failure::Other;
    }
}

}  // namespace

CurlHttpClient::CurlHttpClient(std::filesystem::path extra_ca_bundle,
                               std::chrono::milliseconds connect_timeout)
    : ca_bundle_(std::move(extra_ca_bundle)), connect_timeout_(connect_timeout) {}

HttpResponse CurlHttpClient::send(const HttpRequest& request) {
    HttpResponse response;
    const Curl* api = nullptr;
    try {
        api = &curl();
    } catch (const std::runtime_error& error) {
        response.failure = HttpResponse::Failure::Other;
        response.error = error.what();
        return response;
    }
    std::unique_ptr<CURL, EasyDeleter> easy(api->easy_init());
    if (!easy) {
        response.failure = HttpResponse::Failure::Other;
        response.error = "curl_easy_init failed";
        return response;
    }
    CURL* handle = easy.get();
    std::array<char, CURL_ERROR_SIZE> error{};

    std::unique_ptr<curl_slist, ListDeleter> headers;
    auto add_header = [&headers, api](const std::string& line) {
        // curl_slist_append returns the head of the list, or null (list untouched) when out of memory.
        curl_slist* head = api->slist_append(headers.get(), line.c_str());
        if (head == nullptr) {
            return false;
        }
        static_cast<void>(headers.release());
        headers.reset(head);
        return true;
    };
    for (const auto& [name, value] : request.headers) {
        std::string line = name;
        line.append(": ").append(value);
        if (!add_header(line)) {
            response.failure = HttpResponse::Failure::Other;
            response.error = "out of memory for headers";
            return response;
        }
    }
    // Without this, curl waits up to a second for "100 Continue" before larger bodies.
    static_cast<void>(add_header("Expect:"));

    const auto total_ms = static_cast<long>(request.timeout.count());
    const auto connect_ms = static_cast<long>(std::min(connect_timeout_, request.timeout).count());

    api->easy_setopt(handle, CURLOPT_ERRORBUFFER, error.data());
    api->easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    api->easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "https,http");
    api->easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // time-outs without SIGALRM, safe in threads
    api->easy_setopt(handle, CURLOPT_FOLLOWLOCATION,
                     0L);  // a redirect must not carry the credentials elsewhere
    api->easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    api->easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!ca_bundle_.empty()) {
        api->easy_setopt(handle, CURLOPT_CAINFO, ca_bundle_.c_str());
    }
    api->easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
    api->easy_setopt(handle, CURLOPT_TIMEOUT_MS, total_ms);
    api->easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    api->easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect);
    api->easy_setopt(handle, CURLOPT_WRITEDATA, &response.body);

    if (request.method == "GET") {
        api->easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    } else {
        if (request.method != "POST") {
            api->easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
        api->easy_setopt(handle, CURLOPT_POST, 1L);
        api->easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        api->easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
    }

    const CURLcode code = api->easy_perform(handle);
    if (code != CURLE_OK) {
        response.failure = failure_of(code);
        response.error = std::string(api->easy_strerror(code)) +
                         (error[0] != '\0' ? ": " + std::string(error.data()) : "");
        response.body.clear();
        return response;
    }
    api->easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace pasapas::net
