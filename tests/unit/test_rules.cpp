#include "core/activity_rules.hpp"
#include "core/translate.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace pasapas::core;

namespace {

Option opt(std::string id, bool correct, std::string feedback = {}) {
    Option o;
    o.id = std::move(id);
    o.label = o.id;
    o.correct = correct;
    o.feedback = std::move(feedback);
    return o;
}

Activity targets(ActivityKind kind) {
    Activity a;
    a.kind = kind;
    a.options = {opt("vert", true), opt("gris", false), opt("rouge", false, "Le rouge ferme la fenêtre.")};
    return a;
}

Action click(std::string target) {
    Action act;
    act.type = Action::Type::Click;
    act.target = std::move(target);
    return act;
}

Action double_click(std::string target) {
    Action act = click(std::move(target));
    act.type = Action::Type::DoubleClick;
    return act;
}

Action drop(std::string item, std::string zone) {
    Action act;
    act.type = Action::Type::Drop;
    act.target = std::move(item);
    act.zone = std::move(zone);
    return act;
}

Action text(std::string typed, bool via_enter = false) {
    Action act;
    act.type = Action::Type::Text;
    act.text = std::move(typed);
    act.via_enter = via_enter;
    return act;
}

Action choose(std::vector<std::string> ids) {
    Action act;
    act.type = Action::Type::Choose;
    act.chosen = std::move(ids);
    return act;
}

Verdict judge(const Activity& a, const Action& act) {
    ActivityState state;
    return evaluate(a, state, act);
}

Activity typing(std::string expected) {
    Activity a;
    a.kind = ActivityKind::Type;
    a.type.expected = std::move(expected);
    return a;
}

}  // namespace

TEST_CASE("Click: the right target completes the step with the success words", "[rules][click]") {
    Activity a = targets(ActivityKind::Click);
    auto v = judge(a, click("vert"));
    CHECK(v.correct);
    CHECK(v.step_complete);
    CHECK(v.mistake.empty());
    CHECK(v.feedback == "Well done!");

    a.success = "Bravo, vous avez cliqué !";
    CHECK(judge(a, click("vert")).feedback == "Bravo, vous avez cliqué !");

    a.options[0].feedback = "C'est bien le bouton vert.";
    CHECK(judge(a, click("vert")).feedback == "C'est bien le bouton vert.");
}

TEST_CASE("Click: a double-click on the right target still counts for a beginner", "[rules][click]") {
    const auto v = judge(targets(ActivityKind::Click), double_click("vert"));
    CHECK(v.correct);
    CHECK(v.step_complete);
}

TEST_CASE("Click: wrong target and miss, with feedback precedence option > activity > default",
          "[rules][click]") {
    Activity a = targets(ActivityKind::Click);

    auto v = judge(a, click("gris"));
    CHECK_FALSE(v.correct);
    CHECK_FALSE(v.step_complete);
    CHECK(v.mistake == "wrong-target");
    CHECK(v.feedback == "Not this one. Read the instruction again and try another one.");

    a.feedback["wrong-target"] = "Ce n'est pas le bon bouton.";
    CHECK(judge(a, click("gris")).feedback == "Ce n'est pas le bon bouton.");
    // The option's own words win over the activity's.
    CHECK(judge(a, click("rouge")).feedback == "Le rouge ferme la fenêtre.");
    CHECK(judge(a, click("rouge")).mistake == "wrong-target");

    v = judge(a, click(""));
    CHECK_FALSE(v.correct);
    CHECK(v.mistake == "miss");
    CHECK(v.feedback == "Almost! Click right on the target.");
    a.feedback["miss"] = "Visez bien le bouton.";
    CHECK(judge(a, click("")).feedback == "Visez bien le bouton.");
    // An id the activity does not know is a click beside every target.
    CHECK(judge(a, click("ailleurs")).mistake == "miss");
}

TEST_CASE("Click: an empty feedback entry falls back to the default", "[rules][click]") {
    Activity a = targets(ActivityKind::Click);
    a.feedback["wrong-target"] = "";
    CHECK(judge(a, click("gris")).feedback ==
          "Not this one. Read the instruction again and try another one.");
}

TEST_CASE("Click: any of several correct targets completes the step", "[rules][click]") {
    Activity a = targets(ActivityKind::Click);
    a.options[1].correct = true;
    CHECK(judge(a, click("gris")).step_complete);
    CHECK(judge(a, click("vert")).step_complete);
}

TEST_CASE("Click: actions of another kind are neither right nor a mistake", "[rules][click]") {
    const Activity a = targets(ActivityKind::Click);
    for (const auto& act : {drop("vert", "x"), text("vert"), choose({"vert"})}) {
        const auto v = judge(a, act);
        CHECK_FALSE(v.correct);
        CHECK_FALSE(v.step_complete);
        CHECK(v.mistake.empty());
    }
}

TEST_CASE("Double-click: only a double-click on the right target completes", "[rules][double-click]") {
    Activity a = targets(ActivityKind::DoubleClick);

    auto v = judge(a, double_click("vert"));
    CHECK(v.correct);
    CHECK(v.step_complete);

    v = judge(a, click("vert"));
    CHECK_FALSE(v.correct);
    CHECK_FALSE(v.step_complete);
    CHECK(v.mistake == "single-click");
    CHECK(v.feedback == "That was one click. Click twice, quickly, without moving the mouse.");
    a.feedback["single-click"] = "Cliquez deux fois, vite.";
    CHECK(judge(a, click("vert")).feedback == "Cliquez deux fois, vite.");

    CHECK(judge(a, double_click("gris")).mistake == "wrong-target");
    CHECK(judge(a, click("gris")).mistake == "wrong-target");
    CHECK(judge(a, double_click("rouge")).feedback == "Le rouge ferme la fenêtre.");
    CHECK(judge(a, double_click("")).mistake == "miss");
    CHECK(judge(a, click("")).mistake == "miss");
}

TEST_CASE("Scroll: clicking the entry found in the list, like a click", "[rules][scroll]") {
    Activity a;
    a.kind = ActivityKind::Scroll;
    for (int i = 0; i < 10; ++i) {
        a.options.push_back(opt("ville-" + std::to_string(i), i == 7));
    }
    a.options[2].feedback = "Ce n'est pas Lyon.";
    CHECK(judge(a, click("ville-7")).step_complete);
    CHECK(judge(a, double_click("ville-7")).step_complete);
    CHECK(judge(a, click("ville-1")).mistake == "wrong-target");
    CHECK(judge(a, click("ville-2")).feedback == "Ce n'est pas Lyon.");
    CHECK(judge(a, click("")).mistake == "miss");
}

TEST_CASE("Drag and drop: every item on its zone, in any order", "[rules][drag]") {
    Activity a;
    a.kind = ActivityKind::DragDrop;
    a.zones = {{"corbeille", "Corbeille"}, {"dossier", "Dossier"}};
    a.items = {{"photo", "Photo", "dossier"}, {"brouillon", "Brouillon", "corbeille"}};
    ActivityState state;

    auto v = evaluate(a, state, drop("photo", "corbeille"));
    CHECK_FALSE(v.correct);
    CHECK(v.mistake == "wrong-zone");
    CHECK(v.feedback == "Not this place. Try another one.");
    CHECK(state.placed.empty());

    v = evaluate(a, state, drop("photo", ""));
    CHECK(v.mistake == "miss");
    CHECK(v.feedback == "Almost! Click right on the target.");

    v = evaluate(a, state, drop("photo", "dossier"));
    CHECK(v.correct);
    CHECK_FALSE(v.step_complete);
    CHECK(v.mistake.empty());
    CHECK(state.placed == std::set<std::string>{"photo"});

    // Dropping it again on its zone is harmless and does not count twice.
    v = evaluate(a, state, drop("photo", "dossier"));
    CHECK(v.correct);
    CHECK_FALSE(v.step_complete);
    CHECK(state.placed.size() == 1);

    // A placed item dragged to a wrong zone is a mistake, but stays placed.
    v = evaluate(a, state, drop("photo", "corbeille"));
    CHECK(v.mistake == "wrong-zone");
    CHECK(state.placed.size() == 1);

    a.success = "Tout est rangé.";
    v = evaluate(a, state, drop("brouillon", "corbeille"));
    CHECK(v.correct);
    CHECK(v.step_complete);
    CHECK(v.feedback == "Tout est rangé.");
}

TEST_CASE("Drag and drop: the lesson's feedback wins over the default", "[rules][drag]") {
    Activity a;
    a.kind = ActivityKind::DragDrop;
    a.zones = {{"z1", "Un"}, {"z2", "Deux"}};
    a.items = {{"i1", "Item", "z1"}};
    a.feedback["wrong-zone"] = "Pas dans cette boîte.";
    a.feedback["miss"] = "Lâchez sur une boîte.";
    CHECK(judge(a, drop("i1", "z2")).feedback == "Pas dans cette boîte.");
    CHECK(judge(a, drop("i1", "")).feedback == "Lâchez sur une boîte.");
    CHECK(judge(a, click("i1")).mistake.empty());
    CHECK(judge(a, drop("i1", "z1")).step_complete);
}

TEST_CASE("Type: exact text completes, spaces around are trimmed by default", "[rules][type]") {
    Activity a = typing("Élodie Martin");
    CHECK(judge(a, text("Élodie Martin")).step_complete);
    CHECK(judge(a, text("  Élodie Martin \t")).step_complete);
    CHECK(judge(a, text("Élodie Martin")).feedback == "Well done!");

    a.type.trim = false;
    const auto v = judge(a, text(" Élodie Martin"));
    CHECK_FALSE(v.correct);
    CHECK(v.mistake == "spaces");
}

TEST_CASE("Type: an empty box", "[rules][type]") {
    Activity a = typing("bonjour");
    for (const auto* typed : {"", "   ", "\t\n"}) {
        const auto v = judge(a, text(typed));
        CHECK_FALSE(v.correct);
        CHECK(v.mistake == "empty");
        CHECK(v.feedback == "The box is empty. Type the text, then validate.");
    }
    a.feedback["empty"] = "Écrivez d'abord.";
    CHECK(judge(a, text("")).feedback == "Écrivez d'abord.");
}

TEST_CASE("Type: the typical mistake is named, spaces then case then accents", "[rules][type]") {
    const Activity a = typing("Élodie Martin");

    auto v = judge(a, text("ÉlodieMartin"));
    CHECK(v.mistake == "spaces");
    CHECK(v.feedback == "Nearly there: check the spaces.");
    CHECK(judge(a, text("Élodie  Martin")).mistake == "spaces");

    v = judge(a, text("élodie martin"));
    CHECK(v.mistake == "case");
    CHECK(v.feedback == "Nearly there: check the capital letters.");

    v = judge(a, text("Elodie Martin"));
    CHECK(v.mistake == "accents");
    CHECK(v.feedback == "Nearly there: check the accents (é, è, à…).");

    v = judge(a, text("Mélodie Martin"));
    CHECK(v.mistake == "different");
    CHECK(v.feedback == "That is not quite it. Read the text again, letter by letter.");

    // Two kinds of mistake at once is no longer "only" one of them.
    CHECK(judge(a, text("elodie martin")).mistake == "different");
}

TEST_CASE("Type: case and accents may be ignored by the lesson", "[rules][type]") {
    Activity a = typing("Élodie");
    a.type.ignore_case = true;
    CHECK(judge(a, text("élodie")).step_complete);
    CHECK(judge(a, text("ÉLODIE")).step_complete);
    CHECK(judge(a, text("Elodie")).mistake == "accents");
    CHECK(judge(a, text("E lodie")).mistake == "different");
    CHECK(judge(a, text("é lodie")).mistake == "spaces");

    a.type.ignore_case = false;
    a.type.ignore_accents = true;
    CHECK(judge(a, text("Elodie")).step_complete);
    CHECK(judge(a, text("elodie")).mistake == "case");
    CHECK(judge(a, text("élodie")).mistake == "case");

    a.type.ignore_case = true;
    CHECK(judge(a, text("ELODIE")).step_complete);
    CHECK(judge(a, text("cœur")).mistake == "different");

    Activity coeur = typing("cœur");
    CHECK(judge(coeur, text("coeur")).mistake == "accents");
    coeur.type.ignore_accents = true;
    CHECK(judge(coeur, text("coeur")).step_complete);
}

TEST_CASE("Type: the lesson's own words for a typing mistake", "[rules][type]") {
    Activity a = typing("Paris");
    a.feedback["case"] = "Paris prend une majuscule.";
    a.feedback["different"] = "Relisez le mot.";
    CHECK(judge(a, text("paris")).feedback == "Paris prend une majuscule.");
    CHECK(judge(a, text("Lyon")).feedback == "Relisez le mot.");
    CHECK(judge(a, text("Par is")).feedback == "Nearly there: check the spaces.");
}

TEST_CASE("Type: when the lesson teaches Entrée, the button does not validate", "[rules][type]") {
    Activity a = typing("météo");
    a.type.submit_with_enter = true;

    auto v = judge(a, text("météo", false));
    CHECK_FALSE(v.correct);
    CHECK_FALSE(v.step_complete);
    CHECK(v.mistake == "use-enter");
    CHECK(v.mistake == mistake::kUseEnter);
    CHECK(v.feedback == "The text is right. Now press the Entrée key (Enter) to validate.");

    v = judge(a, text("météo", true));
    CHECK(v.correct);
    CHECK(v.step_complete);

    // A wrong text says what is wrong with it, whichever way it was validated.
    CHECK(judge(a, text("meteo", false)).mistake == "accents");
    CHECK(judge(a, text("meteo", true)).mistake == "accents");

    a.feedback["use-enter"] = "Appuyez sur Entrée.";
    CHECK(judge(a, text("météo")).feedback == "Appuyez sur Entrée.");

    // Entrée in a box validated by a button is fine too.
    a.type.submit_with_enter = false;
    CHECK(judge(a, text("météo", true)).step_complete);
}

TEST_CASE("Choice, single answer: the explanation of the picked answer", "[rules][choice]") {
    Activity a;
    a.kind = ActivityKind::Choice;
    a.options = {opt("arnaque", true, "Un vrai organisme ne demande jamais votre code."),
                 opt("vrai", false, "Regardez l'adresse de l'expéditeur."), opt("sais-pas", false)};

    auto v = judge(a, choose({"arnaque"}));
    CHECK(v.correct);
    CHECK(v.step_complete);
    CHECK(v.feedback == "Un vrai organisme ne demande jamais votre code.");

    v = judge(a, choose({"vrai"}));
    CHECK_FALSE(v.correct);
    CHECK(v.mistake == "wrong-choice");
    CHECK(v.feedback == "Regardez l'adresse de l'expéditeur.");

    v = judge(a, choose({"sais-pas"}));
    CHECK(v.mistake == "wrong-choice");
    CHECK(v.feedback == "That is not the right answer.");
    a.feedback["wrong-choice"] = "Ce n'est pas la bonne réponse.";
    CHECK(judge(a, choose({"sais-pas"})).feedback == "Ce n'est pas la bonne réponse.");
    CHECK(judge(a, choose({"vrai"})).feedback == "Regardez l'adresse de l'expéditeur.");

    // Without an explanation, the success words, then the default.
    a.options[0].feedback.clear();
    CHECK(judge(a, choose({"arnaque"})).feedback == "Well done!");
    a.success = "Bien vu.";
    CHECK(judge(a, choose({"arnaque"})).feedback == "Bien vu.");

    // A click on an answer is a choice of that answer.
    CHECK(judge(a, click("arnaque")).step_complete);
    CHECK(judge(a, click("vrai")).mistake == "wrong-choice");
    CHECK(judge(a, choose({})).mistake.empty());
    CHECK_FALSE(judge(a, choose({})).correct);
}

TEST_CASE("Choice, multiple answers: all the right ones and only them", "[rules][choice]") {
    Activity a;
    a.kind = ActivityKind::Choice;
    a.multiple = true;
    a.options = {opt("cadenas", true), opt("https", true), opt("couleurs", false, "Les couleurs s'imitent."),
                 opt("logo", false, "Un logo se copie.")};

    auto v = judge(a, choose({"cadenas"}));
    CHECK_FALSE(v.correct);
    CHECK_FALSE(v.step_complete);
    CHECK(v.mistake == "incomplete");
    CHECK(v.feedback == "Good, but there are other right answers too.");

    v = judge(a, choose({"cadenas", "logo", "couleurs"}));
    CHECK(v.mistake == "wrong-choice");
    CHECK(v.feedback == "Un logo se copie.");  // the first wrong one picked

    v = judge(a, choose({"https", "cadenas"}));
    CHECK(v.correct);
    CHECK(v.step_complete);

    a.feedback["incomplete"] = "Il y a une autre bonne réponse.";
    CHECK(judge(a, choose({"https"})).feedback == "Il y a une autre bonne réponse.");
    CHECK(judge(a, choose({"inconnu", "https", "cadenas"})).mistake == "wrong-choice");
}

TEST_CASE("Default feedback goes through the translator", "[rules][i18n]") {
    set_translator([](const char* msgid) {
        return std::string(msgid) == "Nearly there: check the capital letters."
                   ? "Presque : vérifiez les majuscules."
                   : std::string(msgid);
    });
    const auto v = judge(typing("Paris"), text("paris"));
    set_translator({});
    CHECK(v.feedback == "Presque : vérifiez les majuscules.");
}

TEST_CASE("fold_case lowers French capitals and keeps accents", "[rules][utf8]") {
    CHECK(fold_case("Élodie") == "élodie");
    CHECK(fold_case("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑÆŒ") == "àâäçéèêëîïôöùûüÿñæœ");
    CHECK(fold_case("àâäçéèêëîïôöùûüÿñæœ") == "àâäçéèêëîïôöùûüÿñæœ");
    CHECK(fold_case("Straße") == "straße");
    CHECK(fold_case("× ÷ 42 €") == "× ÷ 42 €");  // not letters, or outside the range
    CHECK(fold_case("ĀČŁŽ") == "āčłž");
    CHECK(fold_case("") == "");
}

TEST_CASE("strip_accents leaves plain letters, keeps case", "[rules][utf8]") {
    CHECK(strip_accents("Été") == "Ete");
    CHECK(strip_accents("cœur") == "coeur");
    CHECK(strip_accents("Œuvre") == "OEuvre");
    CHECK(strip_accents("Æ æ") == "AE ae");
    CHECK(strip_accents("àâäçéèêëîïôöùûüÿñ") == "aaaceeeeiioouuuyn");
    CHECK(strip_accents("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑ") == "AAACEEEEIIOOUUUYN");
    CHECK(strip_accents("Straße") == "Straße");
    CHECK(strip_accents("10 € → 😀") == "10 € → 😀");
}

TEST_CASE("Invalid UTF-8 passes through the folding helpers untouched", "[rules][utf8]") {
    const std::string lone_lead = "A\xC3";            // truncated é at the end
    const std::string bad_cont = "\xC3\x41Z";         // lead byte followed by ASCII
    const std::string stray = "\x80\xBF\xFF\xFE";     // continuation bytes and never-valid bytes
    const std::string overlong = "\xC0\x81\xC1\xBF";  // overlong encodings are not letters
    CHECK(fold_case(lone_lead) == "a\xC3");
    CHECK(fold_case(bad_cont) == "\xC3\x61z");
    CHECK(fold_case(stray) == stray);
    CHECK(fold_case(overlong) == overlong);
    CHECK(strip_accents(lone_lead) == lone_lead);
    CHECK(strip_accents(bad_cont) == bad_cont);
    CHECK(strip_accents(stray) == stray);
    CHECK(strip_accents("\xC3\xA9\xC3") == "e\xC3");

    // And a learner's box holding such bytes is merely a different text.
    CHECK(judge(typing("école"), text("\xC3\x28\xA0")).mistake == "different");
}
