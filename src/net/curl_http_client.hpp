#pragma once
// core::HttpClient over libcurl. Certificates are always verified (peer and host name): there is
// deliberately no switch to turn that off, so a settings mistake cannot send learners' reports
// to whoever answers. Tests trust their own throw-away CA through extra_ca_bundle instead.
#include "core/http_client.hpp"

#include <chrono>
#include <filesystem>

namespace pasapas::net {

class CurlHttpClient final : public core::HttpClient {
public:
    // extra_ca_bundle: a PEM file of certificate authorities to trust instead of the system's
    // (CURLOPT_CAINFO); empty keeps the system store.
    explicit CurlHttpClient(std::filesystem::path extra_ca_bundle = {},
                            std::chrono::milliseconds connect_timeout = std::chrono::seconds{10});

    core::HttpResponse send(const core::HttpRequest& request) override;

private:
    std::filesystem::path ca_bundle_;
    std::chrono::milliseconds connect_timeout_;
};

}  // namespace pasapas::net
