#include "pot_catalog.hpp"

#include "core/xml_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace pasapas::cli {
namespace {

using core::xml::collapse_whitespace;

bool is_text_element(std::string_view name) {
    return name == "title" || name == "summary" || name == "instruction" || name == "hint" ||
           name == "feedback" || name == "success" || name == "sms" || name == "email";
}

bool is_text_attribute(std::string_view /*element*/, std::string_view name) {
    return name == "label" || name == "feedback" || name == "alt" || name == "subject";
}

bool is_message(std::string_view name) {
    return name == "sms" || name == "email";
}

// A recap's value, a QR code and a persona fact are data, not text: left out.
bool is_scenario_text_element(std::string_view name) {
    return name == "title" || name == "summary" || name == "instruction" || name == "hint" ||
           name == "heading" || name == "text" || name == "alert" || name == "stepper" || name == "item" ||
           name == "option" || name == "error" || name == "coach" || name == "send-sms" ||
           name == "send-mail" || name == "link";
}

bool is_scenario_text_attribute(std::string_view element, std::string_view name) {
    if (name == "label" || name == "alt") {
        return true;  // fact labels too: the identity sheet shows them
    }
    if (name == "title") {
        return element == "page" || element == "checklist";
    }
    if (name == "hint") {
        return element == "field";
    }
    if (name == "from" || name == "subject" || name == "link-label") {
        return element == "send-sms" || element == "send-mail";
    }
    return name == "next" && element == "stepper";
}

bool is_scenario_message(std::string_view name) {
    return name == "send-sms" || name == "send-mail";
}

}  // namespace

std::string po_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
    return out;
}

void PotCatalog::add(const std::string& msgid, const std::string& reference) {
    if (msgid.empty()) {
        return;  // "" is the header's msgid
    }
    auto [it, inserted] = references_.try_emplace(msgid);
    if (inserted) {
        order_.push_back(msgid);
    }
    it->second.push_back(reference);
}

void PotCatalog::add_lesson(const core::Lesson& lesson, const std::filesystem::path& lesson_xml) {
    add_file(lesson_xml, "lessons/" + lesson.id + "/lesson.xml:", is_text_element, is_text_attribute,
             is_message);
}

void PotCatalog::add_scenario(const core::Scenario& scenario, const std::filesystem::path& scenario_xml) {
    add_file(scenario_xml, "lessons/" + scenario.id + "/scenario.xml:", is_scenario_text_element,
             is_scenario_text_attribute, is_scenario_message);
}

void PotCatalog::add_file(const std::filesystem::path& xml, const std::string& prefix, TextRule text_element,
                          AttributeRule text_attribute, TextRule keeps_paragraphs) {
    std::ifstream in(xml, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::size_t> newlines;
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] == '\n') {
            newlines.push_back(i);
        }
    }
    const auto line_at = [&](const char* p) {
        const auto offset = static_cast<std::size_t>(p - data.data());
        return static_cast<long>(std::lower_bound(newlines.begin(), newlines.end(), offset) -
                                 newlines.begin()) +
               1;
    };

    pugi::xml_document doc;
    // Same options as the loader, so attribute values normalise identically; in place, so
    // names point into data and give their line.
    if (!doc.load_buffer_inplace(data.data(), data.size(), pugi::parse_default, pugi::encoding_utf8)) {
        return;
    }
    // The loader has bounded the depth; walk iteratively all the same.
    pugi::xml_node node = doc.document_element();
    const pugi::xml_node root = node;
    while (node) {
        if (node.type() == pugi::node_element) {
            const std::string_view name = node.name();
            if (text_element(name)) {
                std::string raw;
                for (const auto& child : node.children()) {
                    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                        raw += child.value();
                    }
                }
                // The loader keeps a message's paragraphs; so must the msgid it will be looked up by.
                add(collapse_whitespace(raw, keeps_paragraphs(name)),
                    prefix + std::to_string(line_at(node.name())));
            }
            for (const auto& attr : node.attributes()) {
                if (text_attribute(name, attr.name())) {
                    add(collapse_whitespace(attr.value()), prefix + std::to_string(line_at(attr.name())));
                }
            }
        }
        if (node.type() == pugi::node_element && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && node != root && !node.next_sibling()) {
            node = node.parent();
        }
        if (!node || node == root) {
            break;
        }
        node = node.next_sibling();
    }
}

void PotCatalog::write(std::ostream& out) const {
    out << "# Text of the lessons of Pas à Pas (French source), for translators.\n"
           "# Generated by: pasapas-cli lessons pot\n"
           "msgid \"\"\n"
           "msgstr \"\"\n"
           "\"Project-Id-Version: pasapas-lessons\\n\"\n"
           "\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
           "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
           "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
           "\"Language: \\n\"\n"
           "\"MIME-Version: 1.0\\n\"\n"
           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
           "\"Content-Transfer-Encoding: 8bit\\n\"\n";
    for (const auto& msgid : order_) {
        out << '\n';
        for (const auto& reference : references_.at(msgid)) {
            out << "#: " << reference << '\n';
        }
        out << "msgid \"" << po_escape(msgid) << "\"\nmsgstr \"\"\n";
    }
}

}  // namespace pasapas::cli
