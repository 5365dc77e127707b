#pragma once
// Mediator accounts: the key to the console, where learners' profiles and reports are. Passwords
// are kept only as Argon2id hashes (libsodium's crypto_pwhash_str). Failed attempts are counted
// in the file, not in memory, so closing the app does not reset them: after kMaxAttempts wrong
// passwords the account waits, twice as long after each further failure.
#include "progress_store.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

using MediatorId = std::int64_t;

struct Mediator {
    MediatorId id = 0;
    std::string login;
    std::string created_at;
};

class MediatorAccounts {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr std::chrono::seconds kFirstLockout{30};
    static constexpr std::size_t kMinPasswordLength = 8;

    explicit MediatorAccounts(ProgressStore& store);

    [[nodiscard]] bool any() const;  // false on a fresh install: the console offers to create one
    [[nodiscard]] std::vector<Mediator> list() const;
    // Throws StoreError (translated) for an empty or taken login or a password shorter than
    // kMinPasswordLength.
    MediatorId create(const std::string& login, const std::string& password);
    void change_password(MediatorId id, const std::string& new_password);

    enum class Outcome { Ok, Wrong, Locked, Unknown };
    struct Verdict {
        Outcome outcome = Outcome::Unknown;
        std::optional<MediatorId> id;
        std::chrono::seconds wait{0};  // when Locked: how long before the next try
    };
    // now_utc is injected so tests can move time; the app passes utc_now_iso().
    Verdict sign_in(const std::string& login, const std::string& password, const std::string& now_utc);

private:
    ProgressStore& store_;
};

}  // namespace pasapas::core
