// xAPI 1.0.3 statements for a Learning Record Store. The actor is an account whose name is the
// learner's pseudonym; the objects are shipped lessons and procedures, named by the catalogue.
#include "report_exports.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>

namespace pasapas::core {
namespace {

constexpr std::string_view kBase = "https://pasapas.invalid/";

std::string french_verb(const std::string& verb) {
    if (verb == "attempted") {
        return "a commencé";
    }
    if (verb == "progressed") {
        return "a progressé";
    }
    if (verb == "completed") {
        return "a terminé";
    }
    if (verb == "passed") {
        return "a réussi";
    }
    if (verb == "failed") {
        return "n'a pas encore réussi";
    }
    return verb;
}

// ISO 8601 duration with hundredths of a second, the precision xAPI keeps: "PT1M5.25S".
std::string iso_duration(std::int64_t ms) {
    const std::int64_t centis = (ms < 0 ? 0 : ms) / 10;
    const std::int64_t hours = centis / 360000;
    const std::int64_t minutes = centis / 6000 % 60;
    const std::int64_t seconds = centis / 100 % 60;
    const std::int64_t fraction = centis % 100;
    std::string out = "PT";
    if (hours > 0) {
        out += std::to_string(hours) + "H";
    }
    if (minutes > 0) {
        out += std::to_string(minutes) + "M";
    }
    std::array<char, 32> buffer{};
    if (fraction == 0) {
        std::snprintf(buffer.data(), buffer.size(), "%lldS", static_cast<long long>(seconds));
    } else if (fraction % 10 == 0) {
        std::snprintf(buffer.data(), buffer.size(), "%lld.%lldS", static_cast<long long>(seconds),
                      static_cast<long long>(fraction / 10));
    } else {
        std::snprintf(buffer.data(), buffer.size(), "%lld.%02lldS", static_cast<long long>(seconds),
                      static_cast<long long>(fraction));
    }
    return out + buffer.data();
}

// Stored stamps are already UTC with a Z; anything else is made explicit rather than guessed.
std::string utc_timestamp(const std::string& stamp) {
    if (!stamp.empty() && stamp.back() == 'Z') {
        return stamp;
    }
    if (stamp.size() >= 6 && (stamp.compare(stamp.size() - 6, 6, "+00:00") == 0)) {
        return stamp.substr(0, stamp.size() - 6) + "Z";
    }
    return stamp + "Z";
}

nlohmann::json statement_json(const ReportEvent& event, const std::string& home_page) {
    const bool lesson = event.object_kind == "lesson";
    const std::string parent = std::string(kBase) + (lesson ? "lessons/" : "procedures/") + event.object_id;
    const std::string type = lesson ? "http://adlnet.gov/expapi/activities/lesson"
                                    : "http://adlnet.gov/expapi/activities/simulation";
    nlohmann::json statement;
    statement["id"] = event.statement_id;
    statement["actor"] = {{"objectType", "Agent"},
                          {"account", {{"homePage", home_page}, {"name", event.pseudonym}}}};
    statement["verb"] = {{"id", "http://adlnet.gov/expapi/verbs/" + event.verb},
                         {"display", {{"en-US", event.verb}, {"fr-FR", french_verb(event.verb)}}}};
    nlohmann::json definition{{"name", {{"fr-FR", event.object_title}}}, {"type", type}};
    std::string object_id = parent;
    if (!event.step_id.empty()) {
        object_id += "/steps/" + event.step_id;
        definition["name"]["fr-FR"] = event.object_title + " — étape " + event.step_id;
        definition["type"] = "http://adlnet.gov/expapi/activities/interaction";
    }
    statement["object"] = {{"objectType", "Activity"}, {"id", object_id}, {"definition", definition}};

    nlohmann::json result = nlohmann::json::object();
    if (event.has_success) {
        result["success"] = event.success;
    }
    if (event.verb == "completed" || event.verb == "passed" || event.verb == "failed") {
        result["completion"] = true;
    }
    if (event.duration_ms > 0) {
        result["duration"] = iso_duration(event.duration_ms);
    }
    nlohmann::json extensions = nlohmann::json::object();
    if (event.verb != "attempted") {
        extensions[std::string(kBase) + "xapi/hints"] = event.hints;
        extensions[std::string(kBase) + "xapi/mistakes"] = event.mistakes;
    }
    if (!event.level.empty()) {
        extensions[std::string(kBase) + "xapi/autonomy-level"] = event.level;
    }
    if (!extensions.empty()) {
        result["extensions"] = extensions;
    }
    if (!result.empty()) {
        statement["result"] = result;
    }
    statement["timestamp"] = utc_timestamp(event.timestamp);
    nlohmann::json context{{"platform", "Pas à Pas"}, {"language", "fr-FR"}};
    if (!event.step_id.empty()) {
        context["contextActivities"] = {
            {"parent", nlohmann::json::array({{{"objectType", "Activity"}, {"id", parent}}})}};
    }
    statement["context"] = context;
    return statement;
}

}  // namespace

std::vector<XapiStatement> xapi_statements(const ReportDataset& data, const std::string& home_page) {
    std::vector<XapiStatement> out;
    out.reserve(data.events.size());
    for (const auto& event : data.events) {
        out.push_back({event.statement_id, event.learner, statement_json(event, home_page).dump()});
    }
    return out;
}

std::string xapi_array(const std::vector<XapiStatement>& statements) {
    std::string out = "[";
    for (std::size_t i = 0; i < statements.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out += statements[i].json;
    }
    out += statements.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace pasapas::core
