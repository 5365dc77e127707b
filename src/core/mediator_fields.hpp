#pragma once
// La Coop de la médiation numérique's activity-report fields, with its exact French labels, so
// that what mediators record here drops into the reports they already fill. The labels are the
// framework's own words, shown as they are in the console and written as they are in exports,
// whatever the interface language (like the theme labels in tags.hpp).
#include "tags.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

// Activity types: "individuel" (« Accompagnement individuel »), "collectif" (« Atelier collectif »).
const std::vector<TagEntry>& activity_kinds();
// Beneficiary attributes. « Non communiqué » is the empty id, and is not in these lists.
const std::vector<TagEntry>& age_brackets();     // 7 brackets, "moins_12" … "70_plus"
const std::vector<TagEntry>& genders();          // "masculin", "feminin"
const std::vector<TagEntry>& social_statuses();  // "retraite", "sans_emploi", "en_emploi", "scolarise"
// Activity fields.
const std::vector<TagEntry>& place_types();          // type de lieu
const std::vector<TagEntry>& equipment_options();    // matériel
const std::vector<TagEntry>& autonomy_levels();      // individual sessions, 1★ to 3★ in this order
const std::vector<TagEntry>& workshop_levels();      // collective workshops, Débutant to Avancé
const std::vector<TagEntry>& referral_structures();  // structure de redirection
// The démarches a session can be about (« Nom de la démarche administrative »): a fixed list, so
// that the export never carries text a mediator typed. Ids of shipped simulations come first.
const std::vector<TagEntry>& demarches();
// Duration presets in minutes, as La Coop offers them (any other value may be typed).
const std::vector<int>& duration_presets();

// Label of La Coop's « Non communiqué » for attributes (« Non communiqué ou hétérogène » for status).
std::string not_given_label(const std::vector<TagEntry>& list);

// 1-based rank of an autonomy or workshop level id in its list, 0 when empty or unknown.
int level_rank(const std::string& id);

// The age bracket of someone born in birth_year, in current_year (La Coop computes it once from
// the year and keeps only the bracket; so do we). nullopt for an implausible year.
std::optional<std::string> age_bracket_for_birth_year(int birth_year, int current_year);

}  // namespace pasapas::core
