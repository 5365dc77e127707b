#pragma once
// The procedure-simulation model: what lessons/<id>/scenario.xml describes once validated
// (format in lessons/SCENARIOS.md). Plain data: the loader builds it, ScenarioSession plays
// it, the UI draws it. Text is French, passed through the "pasapas-lessons" catalog.
#include "lesson.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

inline constexpr int kScenarioFormatVersion = 1;

struct PersonaFact {
    std::string key;  // used as {persona.KEY}
    std::string label;
    std::string value;
};

struct Persona {
    std::vector<PersonaFact> facts;
    std::filesystem::path card;  // optional fake identity card picture (absolute), empty if none
    std::string card_alt;
};

struct Document {
    std::string id;
    std::string name;  // shown file name; its extension is its format
    std::int64_t kb = 0;
    std::filesystem::path preview;  // optional, absolute
    std::string alt;
};

enum class FieldType : std::uint8_t {
    Text,
    Email,
    Tel,
    Password,
    Date,
    Date3,
    Select,
    Radio,
    Checkbox,
    File,
    Code
};

enum class FieldCheck : std::uint8_t {
    None,
    Nir,
    Nir13,
    NirKey,  // the 2-digit key typed in its own box, checked against the field named by key_of
    NumeroFiscal,
    Ants,
    PostalCode,
    Phone,
    Email,
    Date,
    PastDate,
    Code,
};

struct FieldOption {
    std::string value;
    std::string label;
};

struct FieldError {
    std::string on;  // required, format, key, future, too-large, wrong-format, code, mismatch
    std::string message;
    bool global = false;  // shown in the page's alert rather than under the field
};

struct Field {
    std::string id;
    FieldType type = FieldType::Text;
    std::string label;
    std::string hint;
    bool optional = false;
    FieldCheck check = FieldCheck::None;
    std::string key_of;                // NirKey: id of the field holding the 13 first characters
    std::string expect;                // may hold {persona.KEY} / {reference}; empty = anything valid
    std::vector<FieldOption> options;  // Select, Radio
    std::vector<std::string> accept;   // File: lower-case extensions
    std::int64_t max_kb = 0;           // File: 0 = no limit
    int digits = 6;                    // Code
    std::vector<FieldError> errors;
    int line = 0;
};

struct Branch {
    std::string field;
    std::string value;
    std::string go_to;
};

enum class ActionKind : std::uint8_t { Button, Link };
enum class ActionStyle : std::uint8_t { Primary, Secondary, Link, Tile, Result, FranceConnect };

struct PageAction {
    std::string id;
    ActionKind kind = ActionKind::Button;
    ActionStyle style = ActionStyle::Primary;
    std::string label;
    std::string go_to;             // empty: stays on the page (only with a mistake)
    std::vector<Branch> branches;  // Button only
    std::string mistake;           // counted when used
    bool logout = false;
    std::string url;      // Result
    bool ad = false;      // Result: « Annonce »
    std::string snippet;  // Result: the text under the title
    int line = 0;
};

struct OutgoingMessage {
    enum class Channel : std::uint8_t { Sms, Mail };
    Channel channel = Channel::Sms;
    bool spam = false;  // Mail: lands in « Courriels indésirables »
    std::string from;
    std::string subject;  // Mail
    std::string body;     // may hold {code}, {reference}, {persona.KEY}
    std::string link;     // Mail: page id opened by its link, empty if none
    std::string link_label;
    int digits = 6;  // length of {code}
};

// One piece of page content, in document order. Fields and actions are referenced by index.
struct Block {
    enum class Kind : std::uint8_t { Heading, Text, Alert, Recap, Qr, Image, Stepper, Field, Action };
    Kind kind = Kind::Text;
    std::string text;             // Heading, Text, Alert, Recap value, Qr value, Stepper title, Image alt
    std::string label;            // Recap label; Alert kind (info, warning, error, success); Stepper next
    std::filesystem::path image;  // Image (absolute)
    int step = 0;                 // Stepper
    int of = 0;                   // Stepper
    std::size_t index = 0;        // Field: into Page::fields; Action: into Page::actions
};

struct Guide {
    std::string target;  // field / action id, or @phone, @mail, @documents, @address-bar
    std::string instruction;
    std::vector<std::string> hints;  // vague to explicit
};

struct Coach {
    std::string on;  // FIELD:ERROR, a mistake key, or "timeout"
    std::string text;
};

struct Page {
    std::string id;
    std::string site;
    std::string url;
    std::string title;
    bool end = false;   // reaching it finishes the scenario
    bool timed = true;  // counts for the session time-out
    std::vector<Guide> guides;
    std::vector<Block> blocks;
    std::vector<Field> fields;
    std::vector<PageAction> actions;
    std::vector<OutgoingMessage> sends;  // sent when the page is shown
    std::vector<Coach> coaching;
    int line = 0;
};

struct SessionTimeout {
    int timeout_s = 0;  // 0 = no time-out
    int warning_s = 0;  // warning shown this many seconds before the end
    std::string expired_page;
};

struct Checklist {
    std::string title;
    std::vector<std::string> items;
};

struct Scenario {
    std::string id;  // equals the folder name
    int format_version = kScenarioFormatVersion;
    std::string title;
    std::string summary;
    int minutes = 0;
    LessonLevel level = LessonLevel::Beginner;
    std::string theme;
    LessonTags tags;
    Persona persona;
    std::vector<Document> documents;
    SessionTimeout session;
    Checklist checklist;
    std::string start_page;
    std::vector<Page> pages;  // file order; page index = its position here
    std::filesystem::path dir;

    [[nodiscard]] const Page* page(const std::string& page_id) const;
    [[nodiscard]] const Document* document(const std::string& doc_id) const;
    [[nodiscard]] std::optional<std::string> fact(const std::string& key) const;
};

}  // namespace pasapas::core
