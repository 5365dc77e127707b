#include "core/tags.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace pasapas::core;

TEST_CASE("the reference lists have the size of their frameworks, with unique codes", "[tags]") {
    CHECK(digcomp_competences().size() == 21);
    CHECK(pix_competences().size() == 16);
    CHECK(coop_themes().size() == 30);
    for (const auto* list : {&digcomp_competences(), &pix_competences(), &coop_themes()}) {
        std::set<std::string_view> codes;
        for (const auto& entry : *list) {
            CHECK_FALSE(entry.label.empty());
            CHECK(codes.insert(entry.code).second);
        }
    }
}

TEST_CASE("labels are the frameworks' own words", "[tags]") {
    CHECK(find_tag(digcomp_competences(), "1.1")->label ==
          "Browsing, searching and filtering data, information and digital content");
    CHECK(find_tag(digcomp_competences(), "5.4")->label == "Identifying digital competence gaps");
    CHECK(find_tag(pix_competences(), "4.2")->label == "Protéger les données personnelles et la vie privée");
    CHECK(find_tag(pix_competences(), "5.2")->label == "Construire un environnement numérique");
    CHECK(find_tag(coop_themes(), "diagnostic_numerique")->label == "Diagnostic numérique");
    CHECK(find_tag(coop_themes(), "securite_numerique")->label == "Prévention en sécurité numérique");
    CHECK(find_tag(coop_themes(), "entrepreneuriat")->label == "Accompagner un professionnel");
    CHECK(find_tag(coop_themes(), "papiers_elections_citoyennete")->label ==
          "Papiers - Élections - Citoyenneté");
    // The 19 digital thématiques come first, then the 11 administrative ones.
    CHECK(coop_themes()[18].code == "aide_aux_demarches_administratives");
    CHECK(coop_themes()[19].code == "papiers_elections_citoyennete");
    CHECK(coop_themes().back().code == "associations");
}

TEST_CASE("find_tag finds exact codes only", "[tags]") {
    CHECK(find_tag(pix_competences(), "5.3") == nullptr);  // Pix stops at 5.2, DigComp goes to 5.4
    CHECK(find_tag(digcomp_competences(), "5.3") != nullptr);
    CHECK(find_tag(coop_themes(), "Sante") == nullptr);
    CHECK(find_tag(coop_themes(), "") == nullptr);
    CHECK(find_tag(coop_themes(), "prendre_en_main_du_materiel")->code == "prendre_en_main_du_materiel");
    // Ids are plain ASCII snake_case, as La Coop's API spells them.
    for (const auto& entry : coop_themes()) {
        for (const char c : entry.code) {
            CHECK(((c >= 'a' && c <= 'z') || c == '_'));
        }
    }
}
