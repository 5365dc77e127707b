#include "translate.hpp"

#include <utility>

namespace pasapas::core {
namespace {
Translator& current() {
    static Translator translator;
    return translator;
}
}  // namespace

void set_translator(Translator translator) {
    current() = std::move(translator);
}

std::string tr(const char* msgid) {
    const auto& translator = current();
    return translator ? translator(msgid) : std::string(msgid);
}

std::string fmt(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos && close > i + 1) {
                std::size_t index = 0;
                bool numeric = true;
                for (auto j = i + 1; j < close; ++j) {
                    if (pattern[j] < '0' || pattern[j] > '9') {
                        numeric = false;
                        break;
                    }
                    index = index * 10 + static_cast<std::size_t>(pattern[j] - '0');
                }
                if (numeric && index < args.size()) {
                    out.append(*(args.begin() + index));
                    i = close;
                    continue;
                }
            }
        }
        out.push_back(pattern[i]);
    }
    return out;
}

}  // namespace pasapas::core
