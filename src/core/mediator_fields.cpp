#include "mediator_fields.hpp"

namespace pasapas::core {

const std::vector<TagEntry>& activity_kinds() {
    static const std::vector<TagEntry> list{{"individuel", "Accompagnement individuel"},
                                            {"collectif", "Atelier collectif"}};
    return list;
}

const std::vector<TagEntry>& age_brackets() {
    static const std::vector<TagEntry> list{
        {"moins_12", "Moins de 12 ans"}, {"12_17", "12–17 ans"}, {"18_24", "18–24 ans"},
        {"25_39", "25–39 ans"},          {"40_59", "40–59 ans"}, {"60_69", "60–69 ans"},
        {"70_plus", "70 ans et plus"},
    };
    return list;
}

const std::vector<TagEntry>& genders() {
    static const std::vector<TagEntry> list{{"masculin", "Masculin"}, {"feminin", "Féminin"}};
    return list;
}

const std::vector<TagEntry>& social_statuses() {
    static const std::vector<TagEntry> list{{"retraite", "Retraité"},
                                            {"sans_emploi", "Sans emploi"},
                                            {"en_emploi", "En emploi"},
                                            {"scolarise", "Scolarisé"}};
    return list;
}

const std::vector<TagEntry>& place_types() {
    static const std::vector<TagEntry> list{{"lieu_activite", "Lieu d'activité"},
                                            {"autre_lieu", "Autre lieu"},
                                            {"domicile", "À domicile"},
                                            {"a_distance", "À distance"}};
    return list;
}

const std::vector<TagEntry>& equipment_options() {
    static const std::vector<TagEntry> list{{"ordinateur", "Ordinateur"},
                                            {"telephone", "Téléphone"},
                                            {"tablette", "Tablette"},
                                            {"autre", "Autre"},
                                            {"pas_de_materiel", "Pas de matériel"}};
    return list;
}

const std::vector<TagEntry>& autonomy_levels() {
    static const std::vector<TagEntry> list{
        {"avec_guidage", "Avec guidage"},
        {"autonome_avec_guidage", "Autonome avec guidage en cas de besoin"},
        {"autonome", "Autonome"}};
    return list;
}

const std::vector<TagEntry>& workshop_levels() {
    static const std::vector<TagEntry> list{
        {"debutant", "Débutant"}, {"intermediaire", "Intermédiaire"}, {"avance", "Avancé"}};
    return list;
}

const std::vector<TagEntry>& referral_structures() {
    static const std::vector<TagEntry> list{
        {"administration", "Administration (mairie, préfecture…)"},
        {"mediation_numerique", "Autre structure de médiation numérique"},
        {"operateur_demarche", "Opérateur ou organisme en charge de la démarche administrative"},
        {"aide_sociale", "Structure d'aide sociale (maison des solidarités, centre social…)"},
        {"insertion_professionnelle",
         "Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)"},
        {"aide_demarches", "Structure d'aide aux démarches administratives (France Services…)"},
        {"autre", "Autre"},
    };
    return list;
}

const std::vector<TagEntry>& demarches() {
    static const std::vector<TagEntry> list{
        {"franceconnect", "Se connecter avec FranceConnect"},
        {"ants-carte-identite", "Pré-demande de carte d'identité et rendez-vous en mairie"},
        {"acte-naissance", "Demande d'acte de naissance"},
        {"casier-judiciaire", "Demande d'extrait de casier judiciaire"},
        {"passeport", "Passeport"},
        {"permis-conduire", "Permis de conduire"},
        {"carte-grise", "Certificat d'immatriculation (carte grise)"},
        {"impots-declaration", "Déclaration de revenus"},
        {"impots-compte", "Espace particulier impots.gouv.fr"},
        {"ameli", "Compte ameli"},
        {"caf", "Allocations et compte CAF"},
        {"france-travail", "Inscription ou actualisation France Travail"},
        {"retraite", "Retraite (info-retraite.fr)"},
        {"rendez-vous-medical", "Prise de rendez-vous médical"},
        {"logement-social", "Demande de logement social"},
        {"titre-sejour", "Titre de séjour"},
        {"autre", "Autre démarche"},
    };
    return list;
}

const std::vector<int>& duration_presets() {
    static const std::vector<int> list{15, 30, 45, 60, 90, 120};
    return list;
}

std::string not_given_label(const std::vector<TagEntry>& list) {
    return &list == &social_statuses() ? "Non communiqué ou hétérogène" : "Non communiqué";
}

int level_rank(const std::string& id) {
    for (const auto* list : {&autonomy_levels(), &workshop_levels()}) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if ((*list)[i].code == id) {
                return static_cast<int>(i) + 1;
            }
        }
    }
    return 0;
}

std::optional<std::string> age_bracket_for_birth_year(int birth_year, int current_year) {
    const int age = current_year - birth_year;
    if (birth_year < 1900 || age < 0 || age > 120) {
        return std::nullopt;
    }
    // The birthday may not have come yet this year; La Coop counts in years too.
    if (age < 12) {
        return "moins_12";
    }
    if (age < 18) {
        return "12_17";
    }
    if (age < 25) {
        return "18_24";
    }
    if (age < 40) {
        return "25_39";
    }
    if (age < 60) {
        return "40_59";
    }
    if (age < 70) {
        return "60_69";
    }
    return "70_plus";
}

}  // namespace pasapas::core
