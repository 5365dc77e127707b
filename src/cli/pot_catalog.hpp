#pragma once
// A gettext template (.pot) of the text of lessons, for translators: msgid is the French
// text exactly as the app will look it up, with "#: lessons/<id>/lesson.xml:LINE" references.
#include "core/lesson.hpp"
#include "core/scenario.hpp"

#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pasapas::cli {

class PotCatalog {
public:
    // Adds every translatable string of a lesson that the loader accepted. Reads the file again
    // because the model keeps no line per string.
    void add_lesson(const core::Lesson& lesson, const std::filesystem::path& lesson_xml);

    // Adds every translatable string of a scenario that the loader accepted: what the learner
    // reads (titles, labels, instructions, messages…), not the persona's values, ids or addresses.
    void add_scenario(const core::Scenario& scenario, const std::filesystem::path& scenario_xml);

    void add(const std::string& msgid, const std::string& reference);

    void write(std::ostream& out) const;

    [[nodiscard]] std::size_t size() const { return order_.size(); }

private:
    using TextRule = bool (*)(std::string_view element);
    using AttributeRule = bool (*)(std::string_view element, std::string_view attribute);
    void add_file(const std::filesystem::path& xml, const std::string& prefix, TextRule text_element,
                  AttributeRule text_attribute, TextRule keeps_paragraphs);

    std::vector<std::string> order_;                              // first-seen order, stable output
    std::map<std::string, std::vector<std::string>> references_;  // msgid -> "#:" references
};

// Escapes text for a double-quoted PO string.
std::string po_escape(const std::string& text);

}  // namespace pasapas::cli
