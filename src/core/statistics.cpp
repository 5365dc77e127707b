// Aggregated statistics for the collectivité, with small-cell suppression: what is published must
// not let anyone single out a learner, neither through a small count nor by subtracting the shown
// counts from a total.
#include "mediator_fields.hpp"
#include "report_exports.hpp"
#include "report_format.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace pasapas::core {
namespace {

StatCell cell(std::string label, int value) {
    return StatCell{std::move(label), value, false};
}

// Categories in the list's order, then « Non communiqué »; categories nobody is in are left out.
StatSection by_attribute(std::string title, const std::vector<TagEntry>& list,
                         const std::vector<std::string>& ids) {
    std::map<std::string, int> counts;
    for (const auto& id : ids) {
        counts[find_tag(list, id) != nullptr ? id : std::string{}] += 1;
    }
    StatSection section{std::move(title), {}, cell("Total", static_cast<int>(ids.size()))};
    for (const auto& entry : list) {
        if (const auto found = counts.find(std::string(entry.code)); found != counts.end()) {
            section.cells.push_back(cell(std::string(entry.label), found->second));
        }
    }
    if (const auto found = counts.find(""); found != counts.end()) {
        section.cells.push_back(cell(not_given_label(list), found->second));
    }
    return section;
}

// Activities per theme of one half of La Coop's list; an activity may have several themes, so
// the total counts activities with at least one theme of that half.
StatSection by_theme(std::string title, const std::vector<ReportActivity>& activities, std::size_t first,
                     std::size_t last) {
    const auto& themes = coop_themes();
    StatSection section{std::move(title), {}, cell("Total", 0)};
    std::vector<int> counts(last - first, 0);
    for (const auto& activity : activities) {
        bool any = false;
        for (std::size_t i = first; i < last; ++i) {
            if (std::find(activity.themes.begin(), activity.themes.end(), themes[i].code) !=
                activity.themes.end()) {
                counts[i - first] += 1;
                any = true;
            }
        }
        section.total.value += any ? 1 : 0;
    }
    for (std::size_t i = first; i < last; ++i) {
        if (counts[i - first] > 0) {
            section.cells.push_back(cell(std::string(themes[i].label), counts[i - first]));
        }
    }
    return section;
}

StatSection by_commune(const std::vector<ReportLearner>& learners) {
    std::map<std::string, int> counts;
    int not_given = 0;
    for (const auto& learner : learners) {
        const auto& a = learner.attributes;
        if (a.commune.empty()) {
            ++not_given;
        } else {
            counts[a.postcode.empty() ? a.commune : a.commune + " (" + a.postcode + ")"] += 1;
        }
    }
    StatSection section{
        "Commune de résidence des bénéficiaires", {}, cell("Total", static_cast<int>(learners.size()))};
    for (const auto& [label, count] : counts) {
        section.cells.push_back(cell(label, count));
    }
    if (not_given > 0) {
        section.cells.push_back(cell("Non communiqué", not_given));
    }
    return section;
}

StatSection by_level(const std::vector<ReportActivity>& activities) {
    StatSection section{"Niveau d'autonomie (accompagnements individuels)", {}, cell("Total", 0)};
    const auto& levels = autonomy_levels();
    std::vector<int> counts(levels.size(), 0);
    for (const auto& activity : activities) {
        if (activity.kind == "individuel" && activity.level >= 1 &&
            static_cast<std::size_t>(activity.level) <= levels.size()) {
            counts[static_cast<std::size_t>(activity.level - 1)] += 1;
            section.total.value += 1;
        }
    }
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (counts[i] > 0) {
            section.cells.push_back(cell(std::string(levels[i].label), counts[i]));
        }
    }
    return section;
}

StatSection by_check(const std::vector<ReportLearner>& learners) {
    std::vector<std::string> reached;
    for (const auto& learner : learners) {
        if (!learner.best_autonomy.empty()) {
            reached.push_back(learner.best_autonomy);
        }
    }
    return by_attribute("Autonomie atteinte dans les démarches simulées", autonomy_levels(), reached);
}

// Primary suppression of every count below k, then complementary suppression: a single hidden
// cell beside a shown total would be the total minus the others, so the next-smallest cell is
// hidden too (or the total, when there is no other cell).
void suppress(StatSection& section, int k) {
    section.total.suppressed = section.total.value < k;
    int hidden = 0;
    for (auto& c : section.cells) {
        c.suppressed = c.value < k;
        hidden += c.suppressed ? 1 : 0;
    }
    if (hidden != 1 || section.total.suppressed) {
        return;
    }
    StatCell* smallest = nullptr;
    for (auto& c : section.cells) {
        if (!c.suppressed && (smallest == nullptr || c.value < smallest->value)) {
            smallest = &c;
        }
    }
    if (smallest != nullptr) {
        smallest->suppressed = true;
    } else {
        section.total.suppressed = true;
    }
}

std::string shown(const StatCell& c, int k) {
    return c.suppressed ? "< " + std::to_string(k) : std::to_string(c.value);
}

nlohmann::json cell_json(const StatCell& c) {
    nlohmann::json out{{"label", c.label}, {"suppressed", c.suppressed}};
    out["value"] = c.suppressed ? nlohmann::json(nullptr) : nlohmann::json(c.value);
    return out;
}

int rounded_hours(double minutes) {
    return static_cast<int>(std::lround(minutes / 60.0));
}

}  // namespace

Statistics build_statistics(const ReportDataset& data) {
    Statistics stats;
    stats.period = data.period;
    stats.k = data.k;
    int individual = 0;
    int collective = 0;
    int participants = 0;
    int minutes = 0;
    for (const auto& activity : data.activities) {
        if (activity.kind == "individuel") {
            ++individual;
        } else if (activity.kind == "collectif") {
            ++collective;
            participants += activity.participants;
        }
        minutes += activity.duration_min;
    }
    std::int64_t practice_ms = 0;
    int lessons = 0;
    int procedures = 0;
    std::vector<std::string> ages;
    std::vector<std::string> genders_seen;
    std::vector<std::string> statuses;
    for (const auto& learner : data.learners) {
        practice_ms += learner.practice_ms;
        lessons += learner.lessons_completed;
        procedures += learner.procedures_completed;
        ages.push_back(learner.attributes.age_bracket);
        genders_seen.push_back(learner.attributes.gender);
        statuses.push_back(learner.attributes.social_status);
    }
    stats.general = {
        cell("Bénéficiaires", static_cast<int>(data.learners.size())),
        cell("Accompagnements individuels", individual),
        cell("Ateliers collectifs", collective),
        cell("Participants aux ateliers collectifs", participants),
        cell("Heures d'accompagnement", rounded_hours(minutes)),
        cell("Heures de pratique sur Pas à Pas", rounded_hours(static_cast<double>(practice_ms) / 60000.0)),
        cell("Leçons terminées", lessons),
        cell("Démarches simulées terminées", procedures),
    };
    for (auto& c : stats.general) {
        c.suppressed = c.value < stats.k;
    }
    constexpr std::size_t kDigitalThemes = 19;
    stats.sections.push_back(by_theme("Thématiques Médiation numérique", data.activities, 0, kDigitalThemes));
    stats.sections.push_back(by_theme("Thématiques Démarches administratives", data.activities,
                                      kDigitalThemes, coop_themes().size()));
    stats.sections.push_back(by_attribute("Tranches d'âge", age_brackets(), ages));
    stats.sections.push_back(by_attribute("Genre", genders(), genders_seen));
    stats.sections.push_back(by_attribute("Statuts", social_statuses(), statuses));
    stats.sections.push_back(by_commune(data.learners));
    stats.sections.push_back(by_level(data.activities));
    stats.sections.push_back(by_check(data.learners));
    for (auto& section : stats.sections) {
        suppress(section, stats.k);
    }
    return stats;
}

std::string statistics_csv(const Statistics& stats) {
    std::string out(kUtf8Bom);
    out += csv_record({"Statistiques de médiation numérique", "Pas à Pas"});
    out += csv_record({"Période", period_text(stats.period)});
    out +=
        csv_record({"Seuil de confidentialité", "les nombres inférieurs à " + std::to_string(stats.k) +
                                                    " sont masqués (« < " + std::to_string(stats.k) + " »)"});
    out += csv_record({});
    out += csv_record({"Section", "Indicateur", "Valeur"});
    for (const auto& c : stats.general) {
        out += csv_record({"Statistiques générales", c.label, shown(c, stats.k)});
    }
    for (const auto& section : stats.sections) {
        for (const auto& c : section.cells) {
            out += csv_record({section.title, c.label, shown(c, stats.k)});
        }
        out += csv_record({section.title, section.total.label, shown(section.total, stats.k)});
    }
    return out;
}

std::string statistics_json(const Statistics& stats) {
    nlohmann::json out;
    out["tool"] = "Pas à Pas";
    out["period"] = {{"from", stats.period.from}, {"to", stats.period.to}};
    out["k"] = stats.k;
    out["general"] = nlohmann::json::array();
    for (const auto& c : stats.general) {
        out["general"].push_back(cell_json(c));
    }
    out["sections"] = nlohmann::json::array();
    for (const auto& section : stats.sections) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& c : section.cells) {
            cells.push_back(cell_json(c));
        }
        out["sections"].push_back(
            {{"title", section.title}, {"cells", cells}, {"total", cell_json(section.total)}});
    }
    return out.dump(2);
}

}  // namespace pasapas::core
