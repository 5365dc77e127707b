// Sources of the enumerations below, kept verbatim so that reports use the words mediators
// and funders already know:
// - DigComp 2.2, The Digital Competence Framework for Citizens, European Commission, Joint
//   Research Centre (JRC), 2022: the 21 competences of its five areas.
// - Pix, référentiel des compétences numériques (cadre de référence des compétences
//   numériques, CRCN): the 16 competences of its five domains.
// - La Coop de la médiation numérique, thematique.ts: the thématiques an accompaniment is
//   recorded under; ids are those of La Coop's API (diagnostic_numerique,
//   securite_numerique…), the 19 digital ones first, then the 11 administrative ones.
#include "tags.hpp"

#include <algorithm>

namespace pasapas::core {

const std::vector<TagEntry>& digcomp_competences() {
    static const std::vector<TagEntry> list{
        {"1.1", "Browsing, searching and filtering data, information and digital content"},
        {"1.2", "Evaluating data, information and digital content"},
        {"1.3", "Managing data, information and digital content"},
        {"2.1", "Interacting through digital technologies"},
        {"2.2", "Sharing through digital technologies"},
        {"2.3", "Engaging in citizenship through digital technologies"},
        {"2.4", "Collaborating through digital technologies"},
        {"2.5", "Netiquette"},
        {"2.6", "Managing digital identity"},
        {"3.1", "Developing digital content"},
        {"3.2", "Integrating and re-elaborating digital content"},
        {"3.3", "Copyright and licences"},
        {"3.4", "Programming"},
        {"4.1", "Protecting devices"},
        {"4.2", "Protecting personal data and privacy"},
        {"4.3", "Protecting health and well-being"},
        {"4.4", "Protecting the environment"},
        {"5.1", "Solving technical problems"},
        {"5.2", "Identifying needs and technological responses"},
        {"5.3", "Creatively using digital technologies"},
        {"5.4", "Identifying digital competence gaps"},
    };
    return list;
}

const std::vector<TagEntry>& pix_competences() {
    static const std::vector<TagEntry> list{
        {"1.1", "Mener une recherche et une veille d'information"},
        {"1.2", "Gérer des données"},
        {"1.3", "Traiter des données"},
        {"2.1", "Interagir"},
        {"2.2", "Partager et publier"},
        {"2.3", "Collaborer"},
        {"2.4", "S'insérer dans le monde numérique"},
        {"3.1", "Développer des documents textuels"},
        {"3.2", "Développer des documents multimédia"},
        {"3.3", "Adapter les documents à leur finalité"},
        {"3.4", "Programmer"},
        {"4.1", "Sécuriser l'environnement numérique"},
        {"4.2", "Protéger les données personnelles et la vie privée"},
        {"4.3", "Protéger la santé, le bien-être et l'environnement"},
        {"5.1", "Résoudre des problèmes techniques"},
        {"5.2", "Construire un environnement numérique"},
    };
    return list;
}

const std::vector<TagEntry>& coop_themes() {
    static const std::vector<TagEntry> list{
        // Accompaniments on digital skills.
        {"diagnostic_numerique", "Diagnostic numérique"},
        {"prendre_en_main_du_materiel", "Prendre en main du matériel"},
        {"maintenance_de_materiel", "Maintenance de matériel"},
        {"contenus_numeriques", "Gérer ses contenus numériques"},
        {"navigation_internet", "Navigation sur internet"},
        {"email", "E-mail"},
        {"bureautique", "Bureautique"},
        {"reseaux_sociaux", "Réseaux sociaux communication"},
        {"sante", "Santé"},
        {"banque_et_achats_en_ligne", "Banque et achats en ligne"},
        {"entrepreneuriat", "Accompagner un professionnel"},
        {"insertion_professionnelle", "Insertion professionnelle"},
        {"securite_numerique", "Prévention en sécurité numérique"},
        {"parentalite", "Parentalité"},
        {"scolarite_et_numerique", "Scolarité et numérique"},
        {"creer_avec_le_numerique", "Créer avec le numérique"},
        {"culture_numerique", "Culture numérique"},
        {"intelligence_artificielle", "Intelligence artificielle (IA)"},
        {"aide_aux_demarches_administratives", "Aide aux démarches administratives"},
        // Administrative procedures.
        {"papiers_elections_citoyennete", "Papiers - Élections - Citoyenneté"},
        {"famille_scolarite", "Famille - Scolarité"},
        {"social_sante", "Social - Santé"},
        {"travail_formation", "Travail - Formation - Entreprise"},
        {"logement", "Logement"},
        {"transports_mobilite", "Transports - Mobilité"},
        {"argent_impots", "Argent - Impôts"},
        {"justice", "Justice"},
        {"etrangers_europe", "Étrangers - Europe"},
        {"loisirs_sports_culture", "Loisirs - Sports - Culture"},
        {"associations", "Associations"},
    };
    return list;
}

const TagEntry* find_tag(const std::vector<TagEntry>& list, std::string_view code) {
    const auto found =
        std::find_if(list.begin(), list.end(), [code](const TagEntry& e) { return e.code == code; });
    return found == list.end() ? nullptr : &*found;
}

}  // namespace pasapas::core
