#include "scenario.hpp"

#include <algorithm>

namespace pasapas::core {

const Page* Scenario::page(const std::string& page_id) const {
    const auto it = std::find_if(pages.begin(), pages.end(), [&](const Page& p) { return p.id == page_id; });
    return it == pages.end() ? nullptr : &*it;
}

const Document* Scenario::document(const std::string& doc_id) const {
    const auto it =
        std::find_if(documents.begin(), documents.end(), [&](const Document& d) { return d.id == doc_id; });
    return it == documents.end() ? nullptr : &*it;
}

std::optional<std::string> Scenario::fact(const std::string& key) const {
    const auto it = std::find_if(persona.facts.begin(), persona.facts.end(),
                                 [&](const PersonaFact& f) { return f.key == key; });
    if (it == persona.facts.end()) {
        return std::nullopt;
    }
    return it->value;
}

}  // namespace pasapas::core
