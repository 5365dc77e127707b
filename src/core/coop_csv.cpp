// La Coop de la médiation numérique's activities export, as a mediator exports their own
// activities, minus the two columns that would carry a person: « Bénéficiaire » (a name) and
// « Notes supplémentaires » (free text).
#include "mediator_fields.hpp"
#include "report_exports.hpp"
#include "report_format.hpp"

#include <algorithm>

namespace pasapas::core {

const std::vector<std::string>& coop_columns() {
    static const std::vector<std::string> columns{
        "Date",
        "Enregistré le",
        "Dernière modification le",
        "Type",
        "Participants",
        "Canaux d'accompagnement",
        "Nom du lieu",
        "Adresse",
        "Commune",
        "Code postal",
        "Code Insee",
        "Durée (min)",
        "Nom de l'atelier",
        "Matériel numérique utilisé",
        "Thématique(s) d'accompagnement",
        "Tags",
        "Nom de la démarche administrative",
        "Niveau d'autonomie (ou de l'atelier)",
        "Bénéficiaire réorienté",
        "Structure de redirection",
        "Commune du bénéficiaire",
        "Code postal du bénéficiaire",
        "Code Insee du bénéficiaire",
        "Genre du bénéficiaire",
        "Tranche d'âge du bénéficiaire",
        "Statut du bénéficiaire",
        "ID CRA",
    };
    return columns;
}

namespace {

// An individual session's learner with nothing recorded is « Non communiqué », as in La Coop.
std::string attribute(const std::vector<TagEntry>& list, const std::string& id) {
    const auto label = label_of(list, id);
    return label.empty() ? not_given_label(list) : label;
}

}  // namespace

std::vector<std::string> coop_row(const ReportActivity& activity) {
    const bool individual = activity.kind == "individuel";
    const auto& learner = activity.learner;
    return {
        french_date(activity.date),
        french_date(activity.recorded_at),
        french_date(activity.modified_at),
        label_of(activity_kinds(), activity.kind),
        std::to_string(activity.participants),
        label_of(place_types(), activity.place_type),
        activity.place_name,
        // The address is not kept; the workshop's title is the mediator's free text and stays here.
        "",
        activity.place_commune,
        activity.place_postcode,
        activity.place_insee,
        std::to_string(activity.duration_min),
        "",
        labels_of(equipment_options(), activity.equipment),
        labels_of(coop_themes(), activity.themes),
        "",
        label_of(demarches(), activity.demarche),
        activity.level > 0 ? std::to_string(activity.level) + "/3" : std::string{},
        individual ? (activity.referred ? "Oui" : "Non") : "",
        activity.referred ? label_of(referral_structures(), activity.referral) : std::string{},
        individual ? learner.commune : "",
        individual ? learner.postcode : "",
        individual ? learner.insee : "",
        individual ? attribute(genders(), learner.gender) : "",
        individual ? attribute(age_brackets(), learner.age_bracket) : "",
        individual ? attribute(social_statuses(), learner.social_status) : "",
        activity.id,
    };
}

std::string coop_csv(const ReportDataset& data) {
    std::string out(kUtf8Bom);
    out += csv_record(coop_columns());
    const auto level_column = static_cast<std::size_t>(
        std::find(coop_columns().begin(), coop_columns().end(), "Niveau d'autonomie (ou de l'atelier)") -
        coop_columns().begin());
    for (const auto& activity : data.activities) {
        auto row = coop_row(activity);
        // A spreadsheet opening a CSV takes "2/3" for the 2nd of March. With a division slash (U+2215)
        // it reads and prints the same and stays text; the XLSX keeps La Coop's exact "2/3".
        if (auto& level = row[level_column]; level.size() == 3 && level[1] == '/') {
            level.replace(1, 1, "\u2215");
        }
        out += csv_record(row);
    }
    return out;
}

}  // namespace pasapas::core
