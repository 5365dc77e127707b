#include "scenario_loader.hpp"

#include "translate.hpp"
#include "xml_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace pasapas::core {
namespace {

namespace fs = std::filesystem;
using xml::collapse_whitespace;
using xml::in_quotes;
using xml::tag;

constexpr std::string_view kErrorKeys[] = {"required",  "format",       "key",  "future",
                                           "too-large", "wrong-format", "code", "mismatch"};
constexpr std::string_view kErrorKeysText =
    "required, format, key, future, too-large, wrong-format, code, mismatch";

constexpr std::string_view kTargets[] = {"@phone", "@mail", "@documents", "@address-bar"};

struct TypeName {
    std::string_view name;
    FieldType type;
};

constexpr TypeName kTypes[] = {
    {"text", FieldType::Text},         {"email", FieldType::Email}, {"tel", FieldType::Tel},
    {"password", FieldType::Password}, {"date", FieldType::Date},   {"date3", FieldType::Date3},
    {"select", FieldType::Select},     {"radio", FieldType::Radio}, {"checkbox", FieldType::Checkbox},
    {"file", FieldType::File},         {"code", FieldType::Code},
};
constexpr std::string_view kTypesText =
    "text, email, tel, password, date, date3, select, radio, checkbox, file, code";

struct CheckName {
    std::string_view name;
    FieldCheck check;
};

constexpr CheckName kChecks[] = {
    {"nir", FieldCheck::Nir},        {"nir13", FieldCheck::Nir13},
    {"nir-key", FieldCheck::NirKey}, {"numero-fiscal", FieldCheck::NumeroFiscal},
    {"ants", FieldCheck::Ants},      {"postal-code", FieldCheck::PostalCode},
    {"phone", FieldCheck::Phone},    {"email", FieldCheck::Email},
    {"date", FieldCheck::Date},      {"past-date", FieldCheck::PastDate},
    {"code", FieldCheck::Code},
};
constexpr std::string_view kChecksText =
    "nir, nir13, nir-key, numero-fiscal, ants, postal-code, phone, email, date, past-date, code";

// Which checks make sense on which box: a date rule on a date box, a code rule on a code box…
bool check_fits(FieldCheck check, FieldType type) {
    switch (check) {
        case FieldCheck::None:
            return true;
        case FieldCheck::Nir:
        case FieldCheck::Nir13:
        case FieldCheck::NirKey:
        case FieldCheck::NumeroFiscal:
        case FieldCheck::Ants:
        case FieldCheck::PostalCode:
            return type == FieldType::Text;
        case FieldCheck::Phone:
            return type == FieldType::Text || type == FieldType::Tel;
        case FieldCheck::Email:
            return type == FieldType::Text || type == FieldType::Email;
        case FieldCheck::Date:
        case FieldCheck::PastDate:
            return type == FieldType::Date || type == FieldType::Date3;
        case FieldCheck::Code:
            return type == FieldType::Code;
    }
    return false;
}

bool is_lower_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_fact_key(std::string_view key) {
    return !key.empty() &&
           std::all_of(key.begin(), key.end(), [](char c) { return is_lower_or_digit(c) || c == '_'; });
}

bool is_mistake_key(std::string_view key) {
    return !key.empty() &&
           std::all_of(key.begin(), key.end(), [](char c) { return is_lower_or_digit(c) || c == '-'; });
}

// Ids of pages, fields, buttons, links and documents: no ':' (coach keys), '@' (guide
// targets), spaces or braces (placeholders).
bool is_item_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return is_lower_or_digit(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    });
}

bool is_error_key(std::string_view key) {
    return std::find(std::begin(kErrorKeys), std::end(kErrorKeys), key) != std::end(kErrorKeys);
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

bool is_placeholder_free(std::string_view text) {
    return text.find('{') == std::string_view::npos;
}

// A reference to a page, checked once every page is known.
struct PageRef {
    int line = 0;
    std::string attr;     // goto, link, expired, start
    std::string element;  // the element it is on
    std::string page;
};

class ScenarioFileLoader : public XmlReader {
public:
    ScenarioFileLoader(fs::path file, std::vector<LoadProblem>& problems)
        : XmlReader(std::move(file), XmlFileKind::Scenario, problems) {}

    std::optional<Scenario> load();

private:
    std::vector<PageRef> page_refs_;
    std::vector<std::pair<int, std::string>> document_refs_;  // file fields' expect
    std::vector<int> page_lines_;                             // for the reachability message
    int pages_line_ = 0;

    void page_ref(const pugi::xml_node& node, const char* attr, const std::string& page) {
        if (!page.empty()) {
            page_refs_.push_back({line_of(node, node.attribute(attr)), attr, node.name(), page});
        }
    }

    // An id attribute: required, shaped like an id.
    std::string item_id(const pugi::xml_node& node) {
        auto id = attribute(node, "id", true);
        if (!id.empty() && !is_item_id(id)) {
            report(line_of(node, node.attribute("id")),
                   fmt(tr("id {0} may only use letters, digits, dashes and underscores"), {in_quotes(id)}));
        }
        return id;
    }

    // Remembers an id in `seen`; reports the second one with the line of the first.
    bool unique(std::map<std::string, int>& seen, const std::string& id, int line, std::string_view pattern) {
        if (id.empty()) {
            return true;
        }
        const auto [it, inserted] = seen.emplace(id, line);
        if (!inserted) {
            report(line, fmt(pattern, {in_quotes(id), std::to_string(it->second)}));
        }
        return inserted;
    }

    void parse_scenario(const pugi::xml_node& root, Scenario& scenario);
    void parse_persona(const pugi::xml_node& node, Persona& persona);
    void parse_documents(const pugi::xml_node& node, std::vector<Document>& documents);
    void parse_session(const pugi::xml_node& node, SessionTimeout& session);
    void parse_checklist(const pugi::xml_node& node, Checklist& checklist);
    void parse_pages(const pugi::xml_node& node, Scenario& scenario);
    void parse_page(const pugi::xml_node& node, Page& page);
    void parse_guide(const pugi::xml_node& node, Guide& guide);
    bool parse_content(const pugi::xml_node& node, Page& page);
    void parse_field(const pugi::xml_node& node, Field& field);
    void parse_field_children(const pugi::xml_node& node, Field& field, bool has_options);
    void parse_action(const pugi::xml_node& node, PageAction& action);
    void parse_send(const pugi::xml_node& node, OutgoingMessage& message);
    void check_page(const pugi::xml_node& node, const Page& page);
    void check_references(const Scenario& scenario);
    void check_reachable(const Scenario& scenario);
    void check_placeholders(const pugi::xml_node& root, const Scenario& scenario);
    void check_placeholders_in(std::string_view text, int line, const Scenario& scenario);
};

std::optional<Scenario> ScenarioFileLoader::load() {
    const auto root = open("scenario", kScenarioFormatVersion);
    if (!root) {
        return std::nullopt;
    }
    Scenario scenario;
    scenario.dir = dir();
    parse_scenario(root, scenario);
    check_references(scenario);
    check_placeholders(root, scenario);
    if (failed()) {
        return std::nullopt;
    }
    // Only a scenario whose every page exists can be walked meaningfully.
    check_reachable(scenario);
    if (failed()) {
        return std::nullopt;
    }
    return scenario;
}

void ScenarioFileLoader::parse_scenario(const pugi::xml_node& root, Scenario& scenario) {
    check_attributes(root, {"id", "format"});
    scenario.id = root_id(root);
    scenario.format_version = kScenarioFormatVersion;

    std::map<std::string_view, bool> seen;
    for (const auto& child : root.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, root);
            continue;
        }
        const std::string_view name = child.name();
        const bool known = is_metadata(name) || name == "persona" || name == "documents" ||
                           name == "session" || name == "checklist" || name == "pages";
        if (!known) {
            unknown_element(child, root);
            continue;
        }
        if (seen[name]) {
            duplicate_child(child, root);
            continue;
        }
        seen[name] = true;
        if (name != "session" && name != "checklist" && name != "pages") {
            check_attributes(child, {});
        }
        if (parse_metadata(child, scenario)) {
            continue;
        }
        if (name == "persona") {
            parse_persona(child, scenario.persona);
        } else if (name == "documents") {
            parse_documents(child, scenario.documents);
        } else if (name == "session") {
            parse_session(child, scenario.session);
        } else if (name == "checklist") {
            parse_checklist(child, scenario.checklist);
        } else {
            parse_pages(child, scenario);
        }
    }
    for (const char* name : kMetadata) {
        if (!seen[name]) {
            missing_child(root, name);
        }
    }
    for (const char* name : {"persona", "checklist", "pages"}) {
        if (!seen[name]) {
            missing_child(root, name);
        }
    }
}

void ScenarioFileLoader::parse_persona(const pugi::xml_node& node, Persona& persona) {
    std::map<std::string, int> keys;
    bool has_card = false;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        const std::string_view name = child.name();
        if (name == "fact") {
            check_attributes(child, {"key", "label"});
            PersonaFact fact;
            fact.key = attribute(child, "key", true);
            fact.label = attribute(child, "label", true);
            fact.value = required_text(child);
            if (!fact.key.empty() && !is_fact_key(fact.key)) {
                report(
                    line_of(child, child.attribute("key")),
                    fmt(tr("key {0} may only use lower-case letters, digits and _"), {in_quotes(fact.key)}));
            }
            unique(keys, fact.key, line_of(child),
                   tr("two facts have the key {0} (the other one is on line {1})"));
            persona.facts.push_back(std::move(fact));
        } else if (name == "card") {
            if (has_card) {
                duplicate_child(child, node);
                continue;
            }
            has_card = true;
            check_attributes(child, {"src", "alt"});
            persona.card_alt = attribute(child, "alt", true);
            no_children(child);
            if (auto file = picture(child)) {
                persona.card = std::move(*file);
            }
        } else {
            unknown_element(child, node);
        }
    }
    if (persona.facts.empty()) {
        missing_child(node, "fact");
    }
}

void ScenarioFileLoader::parse_documents(const pugi::xml_node& node, std::vector<Document>& documents) {
    std::map<std::string, int> ids;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        if (std::string_view(child.name()) != "document") {
            unknown_element(child, node);
            continue;
        }
        if (documents.size() == ScenarioLoader::kMaxOptions) {
            report(line_of(child), fmt(tr("<documents> may hold at most {0} documents"),
                                       {std::to_string(ScenarioLoader::kMaxOptions)}));
            return;
        }
        check_attributes(child, {"id", "name", "kb", "src", "alt"});
        no_children(child);
        Document document;
        document.id = item_id(child);
        document.name = attribute(child, "name", true);
        if (!document.name.empty() && fs::path(document.name).extension().string().size() < 2) {
            report(
                line_of(child, child.attribute("name")),
                fmt(tr("the document name {0} needs an extension that tells its format, like \"scan.pdf\""),
                    {in_quotes(document.name)}));
        }
        document.kb = integer(child, "kb", true, 1, 10'000'000).value_or(0);
        if (child.attribute("src")) {
            document.alt = attribute(child, "alt", true);
            if (auto file = picture(child)) {
                document.preview = std::move(*file);
            }
        } else {
            document.alt = attribute(child, "alt", false);
        }
        unique(ids, document.id, line_of(child),
               tr("two documents have the id {0} (the other one is on line {1})"));
        documents.push_back(std::move(document));
    }
    if (documents.empty()) {
        missing_child(node, "document");
    }
}

void ScenarioFileLoader::parse_session(const pugi::xml_node& node, SessionTimeout& session) {
    check_attributes(node, {"timeout", "warning", "expired"});
    no_children(node);
    const auto timeout = integer(node, "timeout", true, 1, 86'400);
    const auto warning = integer(node, "warning", true, 1, 86'400);
    session.expired_page = attribute(node, "expired", true);
    page_ref(node, "expired", session.expired_page);
    if (timeout && warning && *warning >= *timeout) {
        report(line_of(node, node.attribute("warning")),
               fmt(tr("the warning ({0} seconds) must come before the time-out ({1} seconds)"),
                   {std::to_string(*warning), std::to_string(*timeout)}));
    }
    session.timeout_s = static_cast<int>(timeout.value_or(0));
    session.warning_s = static_cast<int>(warning.value_or(0));
}

void ScenarioFileLoader::parse_checklist(const pugi::xml_node& node, Checklist& checklist) {
    check_attributes(node, {"title"});
    checklist.title = attribute(node, "title", true);
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
        } else if (std::string_view(child.name()) != "item") {
            unknown_element(child, node);
        } else if (checklist.items.size() == ScenarioLoader::kMaxOptions) {
            report(line_of(child), fmt(tr("<checklist> may hold at most {0} items"),
                                       {std::to_string(ScenarioLoader::kMaxOptions)}));
            return;
        } else {
            check_attributes(child, {});
            checklist.items.push_back(required_text(child));
        }
    }
    if (checklist.items.empty()) {
        missing_child(node, "item");
    }
}

void ScenarioFileLoader::parse_pages(const pugi::xml_node& node, Scenario& scenario) {
    pages_line_ = line_of(node);
    check_attributes(node, {"start"});
    scenario.start_page = attribute(node, "start", true);
    page_ref(node, "start", scenario.start_page);
    std::map<std::string, int> ids;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        if (std::string_view(child.name()) != "page") {
            unknown_element(child, node);
            continue;
        }
        if (scenario.pages.size() == ScenarioLoader::kMaxPages) {
            report(line_of(child), fmt(tr("a scenario may have at most {0} pages"),
                                       {std::to_string(ScenarioLoader::kMaxPages)}));
            return;
        }
        Page page;
        parse_page(child, page);
        unique(ids, page.id, page.line, tr("two pages have the id {0} (the other one is on line {1})"));
        scenario.pages.push_back(std::move(page));
    }
    if (scenario.pages.empty()) {
        missing_child(node, "page");
    }
}

void ScenarioFileLoader::parse_page(const pugi::xml_node& node, Page& page) {
    page.line = line_of(node);
    check_attributes(node, {"id", "site", "url", "title", "end", "timed"});
    page.id = item_id(node);
    page.site = attribute(node, "site", true);
    page.url = attribute(node, "url", true);
    page.title = attribute(node, "title", true);
    if (const auto end = node.attribute("end")) {
        if (std::string_view(end.value()) == "success") {
            page.end = true;
        } else {
            invalid_value(node, end, "success");
        }
    }
    page.timed = !node.attribute("timed") || boolean(node, "timed");

    std::size_t items = 0;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        if (++items > ScenarioLoader::kMaxPageItems) {
            report(line_of(child), fmt(tr("a page may hold at most {0} elements"),
                                       {std::to_string(ScenarioLoader::kMaxPageItems)}));
            break;
        }
        const std::string_view name = child.name();
        if (name == "guide") {
            Guide guide;
            parse_guide(child, guide);
            page.guides.push_back(std::move(guide));
        } else if (name == "coach") {
            check_attributes(child, {"on"});
            Coach coach{attribute(child, "on", true), required_text(child)};
            page.coaching.push_back(std::move(coach));
        } else if (name == "send-sms" || name == "send-mail") {
            OutgoingMessage message;
            parse_send(child, message);
            page.sends.push_back(std::move(message));
        } else if (!parse_content(child, page)) {
            unknown_element(child, node);
        }
    }
    check_page(node, page);
}

void ScenarioFileLoader::parse_guide(const pugi::xml_node& node, Guide& guide) {
    check_attributes(node, {"target"});
    guide.target = attribute(node, "target", true);
    bool has_instruction = false;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        const std::string_view name = child.name();
        if (name == "instruction") {
            if (has_instruction) {
                duplicate_child(child, node);
                continue;
            }
            has_instruction = true;
            check_attributes(child, {});
            guide.instruction = required_text(child);
        } else if (name == "hint") {
            check_attributes(child, {});
            guide.hints.push_back(required_text(child));
        } else {
            unknown_element(child, node);
        }
    }
    if (!has_instruction) {
        missing_child(node, "instruction");
    }
}

// The elements drawn in the page's body; false when `node` is none of them.
bool ScenarioFileLoader::parse_content(const pugi::xml_node& node, Page& page) {
    const std::string_view name = node.name();
    Block block;
    if (name == "heading" || name == "text" || name == "qr") {
        check_attributes(node, {});
        block.kind = name == "heading" ? Block::Kind::Heading
                     : name == "text"  ? Block::Kind::Text
                                       : Block::Kind::Qr;
        block.text = required_text(node);
    } else if (name == "alert") {
        check_attributes(node, {"kind"});
        block.kind = Block::Kind::Alert;
        block.label = attribute(node, "kind", true);
        if (!block.label.empty() && block.label != "info" && block.label != "warning" &&
            block.label != "error" && block.label != "success") {
            invalid_value(node, node.attribute("kind"), "info, warning, error, success");
        }
        block.text = required_text(node);
    } else if (name == "recap") {
        check_attributes(node, {"label"});
        block.kind = Block::Kind::Recap;
        block.label = attribute(node, "label", true);
        block.text = required_text(node);
    } else if (name == "image") {
        check_attributes(node, {"src", "alt"});
        block.kind = Block::Kind::Image;
        block.text = attribute(node, "alt", true);
        no_children(node);
        if (auto file = picture(node)) {
            block.image = std::move(*file);
        }
    } else if (name == "stepper") {
        check_attributes(node, {"step", "of", "next"});
        block.kind = Block::Kind::Stepper;
        const auto step = integer(node, "step", true, 1, 100);
        const auto of = integer(node, "of", true, 1, 100);
        if (step && of && *step > *of) {
            report(line_of(node, node.attribute("step")),
                   fmt(tr("step {0} of {1}: the step cannot be past the last one"),
                       {std::to_string(*step), std::to_string(*of)}));
        }
        block.step = static_cast<int>(step.value_or(0));
        block.of = static_cast<int>(of.value_or(0));
        block.label = attribute(node, "next", false);
        block.text = required_text(node);
    } else if (name == "field") {
        block.kind = Block::Kind::Field;
        block.index = page.fields.size();
        Field field;
        parse_field(node, field);
        page.fields.push_back(std::move(field));
    } else if (name == "button" || name == "link") {
        block.kind = Block::Kind::Action;
        block.index = page.actions.size();
        PageAction action;
        parse_action(node, action);
        page.actions.push_back(std::move(action));
    } else {
        return false;
    }
    page.blocks.push_back(std::move(block));
    return true;
}

void ScenarioFileLoader::parse_field(const pugi::xml_node& node, Field& field) {
    field.line = line_of(node);
    check_attributes(node, {"id", "type", "label", "hint", "optional", "check", "of", "expect", "accept",
                            "max-kb", "digits"});
    field.id = item_id(node);
    field.label = attribute(node, "label", true);
    field.hint = attribute(node, "hint", false);
    field.optional = boolean(node, "optional");
    field.expect = attribute(node, "expect", false);

    const auto type_attr = node.attribute("type");
    const std::string type = attribute(node, "type", true);
    bool type_known = false;
    for (const auto& t : kTypes) {
        if (t.name == type) {
            field.type = t.type;
            type_known = true;
        }
    }
    if (!type.empty() && !type_known) {
        invalid_value(node, type_attr, kTypesText);
    }

    if (const auto check_attr = node.attribute("check")) {
        const std::string_view check = check_attr.value();
        const auto* found = std::find_if(std::begin(kChecks), std::end(kChecks),
                                         [&](const CheckName& c) { return c.name == check; });
        if (found == std::end(kChecks)) {
            invalid_value(node, check_attr, kChecksText);
        } else {
            field.check = found->check;
            if (type_known && !check_fits(field.check, field.type)) {
                report(line_of(node, check_attr), fmt(tr("check={0} does not apply to a field of type {1}"),
                                                      {in_quotes(check), in_quotes(type)}));
            }
        }
    }

    field.key_of = attribute(node, "of", false);
    if (field.check == FieldCheck::NirKey && field.key_of.empty()) {
        report(field.line, tr("check=\"nir-key\" needs of=\"FIELD\", the id of the box holding the 13 first "
                              "characters"));
    } else if (!field.key_of.empty() && field.check != FieldCheck::NirKey) {
        report(line_of(node, node.attribute("of")), tr("of on <field> only applies with check=\"nir-key\""));
    }

    // Attributes that only one type understands.
    const auto only_for = [&](const char* attr, bool applies, std::string_view types) {
        if (node.attribute(attr) && type_known && !applies) {
            report(line_of(node, node.attribute(attr)),
                   fmt(tr("{0} on <field> only applies to fields of type {1}"), {attr, types}));
            return false;
        }
        return static_cast<bool>(node.attribute(attr));
    };
    const bool is_file = field.type == FieldType::File;
    if (only_for("accept", is_file, "file")) {
        const std::string accept = node.attribute("accept").value();
        std::string extension;
        bool valid = true;
        for (std::size_t i = 0; i <= accept.size(); ++i) {
            const char c = i < accept.size() ? accept[i] : ',';
            if (c == ',') {
                extension = lower(collapse_whitespace(extension));
                valid = valid && !extension.empty() && extension.size() <= 5 &&
                        std::all_of(extension.begin(), extension.end(), is_lower_or_digit);
                field.accept.push_back(extension);
                extension.clear();
            } else {
                extension += c;
            }
        }
        if (!valid) {
            report(line_of(node, node.attribute("accept")),
                   fmt(tr("accept={0} on <field> must list file extensions separated by commas, like "
                          "\"pdf,jpg,png\""),
                       {in_quotes(accept)}));
            field.accept.clear();
        }
    }
    if (only_for("max-kb", is_file, "file")) {
        field.max_kb = integer(node, "max-kb", false, 1, 10'000'000).value_or(0);
    }
    if (only_for("digits", field.type == FieldType::Code, "code")) {
        field.digits = static_cast<int>(integer(node, "digits", false, 4, 10).value_or(6));
    }

    const bool has_options = field.type == FieldType::Select || field.type == FieldType::Radio;
    parse_field_children(node, field, has_options && type_known);

    if (type_known && has_options && field.options.size() < 2) {
        report(field.line, fmt(tr("a {0} field needs at least 2 <option> (it has {1})"),
                               {type, std::to_string(field.options.size())}));
    }
    // What the persona must enter has to be something the field can hold.
    if (!field.expect.empty() && is_placeholder_free(field.expect) && type_known) {
        const int line = line_of(node, node.attribute("expect"));
        if (has_options && std::none_of(field.options.begin(), field.options.end(),
                                        [&](const FieldOption& o) { return o.value == field.expect; })) {
            report(line, fmt(tr("expect={0} is not the value of an <option> of this field"),
                             {in_quotes(field.expect)}));
        } else if (field.type == FieldType::Checkbox && field.expect != "true") {
            report(line, fmt(tr("expect={0} on a checkbox must be \"true\""), {in_quotes(field.expect)}));
        } else if (is_file) {
            document_refs_.emplace_back(line, field.expect);
        }
    }
}

void ScenarioFileLoader::parse_field_children(const pugi::xml_node& node, Field& field, bool has_options) {
    std::map<std::string, int> option_values;
    std::map<std::string, int> error_keys;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        const std::string_view name = child.name();
        if (name == "option" && has_options) {
            if (field.options.size() == ScenarioLoader::kMaxOptions) {
                report(line_of(child), fmt(tr("a field may hold at most {0} options"),
                                           {std::to_string(ScenarioLoader::kMaxOptions)}));
                return;
            }
            check_attributes(child, {"value"});
            FieldOption option{attribute(child, "value", true), required_text(child)};
            unique(option_values, option.value, line_of(child),
                   tr("two options of this field have the value {0} (the other one is on line {1})"));
            field.options.push_back(std::move(option));
        } else if (name == "error") {
            check_attributes(child, {"on", "global"});
            FieldError error;
            error.on = attribute(child, "on", true);
            error.global = boolean(child, "global");
            error.message = required_text(child);
            if (!error.on.empty() && !is_error_key(error.on)) {
                invalid_value(child, child.attribute("on"), kErrorKeysText);
            } else {
                unique(error_keys, error.on, line_of(child),
                       tr("two errors on={0} for this field (the other one is on line {1})"));
            }
            field.errors.push_back(std::move(error));
        } else if (name == "option") {
            report(line_of(child), tr("<option> only applies to fields of type select or radio"));
        } else {
            unknown_element(child, node);
        }
    }
}

void ScenarioFileLoader::parse_action(const pugi::xml_node& node, PageAction& action) {
    action.line = line_of(node);
    const bool button = std::string_view(node.name()) == "button";
    action.kind = button ? ActionKind::Button : ActionKind::Link;
    if (button) {
        check_attributes(node, {"id", "label", "goto", "kind", "mistake", "logout"});
    } else {
        check_attributes(node, {"id", "label", "goto", "kind", "url", "ad", "mistake", "logout"});
    }
    action.id = item_id(node);
    action.label = attribute(node, "label", true);
    action.go_to = attribute(node, "goto", false);
    action.mistake = attribute(node, "mistake", false);
    action.logout = boolean(node, "logout");
    page_ref(node, "goto", action.go_to);
    if (!action.mistake.empty() && !is_mistake_key(action.mistake)) {
        report(line_of(node, node.attribute("mistake")),
               fmt(tr("mistake {0} may only use lower-case letters, digits and dashes"),
                   {in_quotes(action.mistake)}));
    }
    if (action.go_to.empty() && action.mistake.empty()) {
        report(action.line,
               fmt(tr("{0} needs a goto attribute (or a mistake, to stay on the page and count it)"),
                   {tag(node.name())}));
    }

    const auto kind = node.attribute("kind");
    const std::string_view kind_value = kind.value();
    if (button) {
        action.style = ActionStyle::Primary;
        if (kind_value == "secondary") {
            action.style = ActionStyle::Secondary;
        } else if (kind && kind_value != "primary") {
            invalid_value(node, kind, "primary, secondary");
        }
    } else {
        action.style = ActionStyle::Link;
        if (kind_value == "tile") {
            action.style = ActionStyle::Tile;
        } else if (kind_value == "result") {
            action.style = ActionStyle::Result;
        } else if (kind_value == "franceconnect") {
            action.style = ActionStyle::FranceConnect;
        } else if (kind && kind_value != "link") {
            invalid_value(node, kind, "link, tile, result, franceconnect");
        }
    }

    if (!button) {
        const bool result = action.style == ActionStyle::Result;
        for (const char* attr : {"url", "ad"}) {
            if (node.attribute(attr) && !result) {
                report(line_of(node, node.attribute(attr)),
                       fmt(tr("{0} on <link> only applies to kind=\"result\""), {attr}));
            }
        }
        if (result) {
            action.url = attribute(node, "url", true);
            action.ad = boolean(node, "ad");
            action.snippet = text_of(node);
        } else {
            no_children(node);
        }
        return;
    }

    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        if (std::string_view(child.name()) != "when") {
            unknown_element(child, node);
            continue;
        }
        if (action.branches.size() == ScenarioLoader::kMaxOptions) {
            report(line_of(child), fmt(tr("a button may hold at most {0} <when>"),
                                       {std::to_string(ScenarioLoader::kMaxOptions)}));
            return;
        }
        check_attributes(child, {"field", "value", "goto"});
        no_children(child);
        Branch branch;
        branch.field = attribute(child, "field", true);
        // An empty value is a real case: the box left empty or unticked.
        branch.value = collapse_whitespace(child.attribute("value").value());
        if (!child.attribute("value")) {
            attribute(child, "value", true);
        }
        branch.go_to = attribute(child, "goto", true);
        page_ref(child, "goto", branch.go_to);
        action.branches.push_back(std::move(branch));
    }
}

void ScenarioFileLoader::parse_send(const pugi::xml_node& node, OutgoingMessage& message) {
    const bool mail = std::string_view(node.name()) == "send-mail";
    message.channel = mail ? OutgoingMessage::Channel::Mail : OutgoingMessage::Channel::Sms;
    if (mail) {
        check_attributes(node, {"folder", "from", "subject", "link", "link-label", "digits"});
    } else {
        check_attributes(node, {"from", "digits"});
    }
    message.from = attribute(node, "from", true);
    message.digits = static_cast<int>(integer(node, "digits", false, 4, 10).value_or(6));
    message.body = required_text(node, true);
    if (!mail) {
        return;
    }
    if (const auto folder = node.attribute("folder")) {
        const std::string_view value = folder.value();
        if (value == "spam") {
            message.spam = true;
        } else if (value != "inbox") {
            invalid_value(node, folder, "inbox, spam");
        }
    }
    message.subject = attribute(node, "subject", true);
    message.link = attribute(node, "link", false);
    page_ref(node, "link", message.link);
    if (!message.link.empty()) {
        message.link_label = attribute(node, "link-label", true);
    } else if (node.attribute("link-label")) {
        report(line_of(node, node.attribute("link-label")),
               tr("link-label on <send-mail> needs a link attribute"));
    }
}

// What needs the whole page: guide targets, branch fields, coach keys, unique ids.
void ScenarioFileLoader::check_page(const pugi::xml_node& node, const Page& page) {
    std::map<std::string, int> ids;
    for (const auto& field : page.fields) {
        unique(
            ids, field.id, field.line,
            tr("two fields, buttons or links of this page have the id {0} (the other one is on line {1})"));
    }
    for (const auto& action : page.actions) {
        unique(
            ids, action.id, action.line,
            tr("two fields, buttons or links of this page have the id {0} (the other one is on line {1})"));
    }
    const auto field_of = [&](const std::string& id) -> const Field* {
        const auto it =
            std::find_if(page.fields.begin(), page.fields.end(), [&](const Field& f) { return f.id == id; });
        return it == page.fields.end() ? nullptr : &*it;
    };

    for (const auto& field : page.fields) {
        const Field* number = field.key_of.empty() ? nullptr : field_of(field.key_of);
        if (!field.key_of.empty() && (number == nullptr || number->check != FieldCheck::Nir13)) {
            report(field.line, fmt(tr("of={0} must name a field of this page with check=\"nir13\""),
                                   {in_quotes(field.key_of)}));
        }
    }

    std::size_t guide = 0;
    std::size_t coach = 0;
    std::size_t action = 0;
    std::map<std::string, int> coach_keys;
    for (const auto& child : node.children()) {
        const std::string_view name = child.name();
        if (name == "guide" && guide < page.guides.size()) {
            const auto& target = page.guides[guide++].target;
            const bool special =
                std::find(std::begin(kTargets), std::end(kTargets), target) != std::end(kTargets);
            if (!target.empty() && !special && ids.find(target) == ids.end()) {
                report(line_of(child, child.attribute("target")),
                       fmt(tr("target {0} is not a field, button or link of this page (nor @phone, @mail, "
                              "@documents or @address-bar)"),
                           {in_quotes(target)}));
            }
        } else if (name == "coach" && coach < page.coaching.size()) {
            const auto& key = page.coaching[coach++].on;
            if (key.empty()) {
                continue;
            }
            const int line = line_of(child, child.attribute("on"));
            const auto colon = key.find(':');
            if (colon != std::string::npos) {
                const auto field = key.substr(0, colon);
                const auto error = key.substr(colon + 1);
                if (field_of(field) == nullptr) {
                    report(line, fmt(tr("coach on={0}: there is no field {1} on this page"),
                                     {in_quotes(key), in_quotes(field)}));
                    continue;
                }
                if (!is_error_key(error)) {
                    report(line, fmt(tr("coach on={0}: {1} is not an error (expected {2})"),
                                     {in_quotes(key), in_quotes(error), kErrorKeysText}));
                    continue;
                }
            } else if (key != "timeout" &&
                       std::none_of(page.actions.begin(), page.actions.end(),
                                    [&](const PageAction& a) { return a.mistake == key; })) {
                report(line,
                       fmt(tr("coach on={0} matches no mistake of a button or link of this page (expected "
                              "FIELD:ERROR, a mistake or timeout)"),
                           {in_quotes(key)}));
                continue;
            }
            unique(coach_keys, key, line_of(child),
                   tr("two coaches on={0} on this page (the other one is on line {1})"));
        } else if (name == "button" || name == "link") {
            // page.actions holds the buttons and links in document order.
            if (action >= page.actions.size()) {
                continue;
            }
            const auto* it = &page.actions[action++];
            std::size_t index = 0;
            for (const auto& when : child.children("when")) {
                if (index >= it->branches.size()) {
                    break;
                }
                const auto& branch = it->branches[index++];
                if (branch.field.empty()) {
                    continue;
                }
                const Field* field = field_of(branch.field);
                if (field == nullptr) {
                    report(line_of(when, when.attribute("field")),
                           fmt(tr("<when> names the field {0}, but this page has no field with that id"),
                               {in_quotes(branch.field)}));
                } else if ((field->type == FieldType::Select || field->type == FieldType::Radio) &&
                           std::none_of(field->options.begin(), field->options.end(),
                                        [&](const FieldOption& o) { return o.value == branch.value; })) {
                    report(line_of(when, when.attribute("value")),
                           fmt(tr("<when> value {0} is not an option of the field {1}"),
                               {in_quotes(branch.value), in_quotes(branch.field)}));
                }
            }
        }
    }
}

void ScenarioFileLoader::check_references(const Scenario& scenario) {
    if (scenario.pages.empty()) {
        return;  // already reported
    }
    std::set<std::string> pages;
    for (const auto& page : scenario.pages) {
        pages.insert(page.id);
    }
    for (const auto& ref : page_refs_) {
        if (pages.count(ref.page) == 0) {
            report(ref.line, fmt(tr("{0}={1} on {2}: there is no page with that id"),
                                 {ref.attr, in_quotes(ref.page), tag(ref.element)}));
        }
    }
    for (const auto& [line, id] : document_refs_) {
        if (scenario.document(id) == nullptr) {
            report(line,
                   fmt(tr("expect={0}: there is no document with that id in <documents>"), {in_quotes(id)}));
        }
    }
}

void ScenarioFileLoader::check_reachable(const Scenario& scenario) {
    const auto end =
        std::find_if(scenario.pages.begin(), scenario.pages.end(), [](const Page& p) { return p.end; });
    if (end == scenario.pages.end()) {
        report(pages_line_, tr("no page has end=\"success\", so the scenario could never be finished"));
        return;
    }
    std::set<std::string> seen{scenario.start_page};
    std::deque<std::string> todo{scenario.start_page};
    while (!todo.empty()) {
        const Page* page = scenario.page(todo.front());
        todo.pop_front();
        if (page == nullptr) {
            continue;
        }
        if (page->end) {
            return;
        }
        const auto visit = [&](const std::string& id) {
            if (!id.empty() && seen.insert(id).second) {
                todo.push_back(id);
            }
        };
        for (const auto& action : page->actions) {
            visit(action.go_to);
            for (const auto& branch : action.branches) {
                visit(branch.go_to);
            }
        }
        for (const auto& message : page->sends) {
            visit(message.link);
        }
    }
    report(end->line, fmt(tr("the page {0} ends the scenario, but no button, link or e-mail leads to it from "
                             "the start page {1}"),
                          {in_quotes(end->id), in_quotes(scenario.start_page)}));
}

void ScenarioFileLoader::check_placeholders_in(std::string_view text, int line, const Scenario& scenario) {
    constexpr std::string_view kOpen = "{persona.";
    for (auto at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
        const auto close = text.find('}', at);
        const auto key =
            text.substr(at + kOpen.size(),
                        close == std::string_view::npos ? std::string_view::npos : close - at - kOpen.size());
        const int key_line = line + static_cast<int>(std::count(
                                        text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        if (close == std::string_view::npos || !is_fact_key(key)) {
            report(key_line, tr("a {persona.KEY} placeholder is not closed or its key is malformed"));
        } else if (!scenario.fact(std::string(key))) {
            report(key_line,
                   fmt(tr("{0} names no fact of the <persona>"), {text.substr(at, close - at + 1)}));
        }
    }
    constexpr std::string_view kField = "{field.";
    for (auto at = text.find(kField); at != std::string_view::npos; at = text.find(kField, at + 1)) {
        const auto close = text.find('}', at);
        const auto id =
            text.substr(at + kField.size(), close == std::string_view::npos ? std::string_view::npos
                                                                            : close - at - kField.size());
        const int id_line = line + static_cast<int>(std::count(
                                       text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        if (close == std::string_view::npos || !is_item_id(id)) {
            report(id_line, tr("a {field.ID} placeholder is not closed or its id is malformed"));
            continue;
        }
        bool found = false;
        bool secret = false;
        for (const auto& page : scenario.pages) {
            for (const auto& field : page.fields) {
                if (field.id == id) {
                    found = true;
                    secret = secret || field.type == FieldType::Password || field.type == FieldType::Code ||
                             field.check == FieldCheck::Code;
                }
            }
        }
        const auto placeholder = text.substr(at, close - at + 1);
        if (!found) {
            report(id_line, fmt(tr("{0} names no field of any page"), {placeholder}));
        } else if (secret) {
            report(id_line, fmt(tr("{0} names a password or one-time code field, whose value is never shown"),
                                {placeholder}));
        }
    }
}

// Iterative walk: every text and attribute value may hold {persona.KEY} and {field.ID}.
void ScenarioFileLoader::check_placeholders(const pugi::xml_node& root, const Scenario& scenario) {
    pugi::xml_node node = root;
    while (node) {
        if (node.type() == pugi::node_element) {
            for (const auto& attr : node.attributes()) {
                check_placeholders_in(attr.value(), line_of(node, attr), scenario);
            }
        } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            check_placeholders_in(node.value(), line_of(node), scenario);
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

}  // namespace

LoadResult ScenarioLoader::load_file(const std::filesystem::path& scenario_xml) const {
    LoadResult result;
    ScenarioFileLoader loader(scenario_xml, result.problems);
    if (auto scenario = loader.load()) {
        result.scenarios.push_back(std::move(*scenario));
    }
    return result;
}

}  // namespace pasapas::core
