// The loader against real files: the good fixtures must give a complete model, every broken
// fixture must give the one "file:line: reason" an author needs, and hostile files must be
// refused quickly without crashing.
#include "core/lesson_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace pasapas::core;

namespace {

const fs::path kFixtures = PASAPAS_FIXTURES_DIR;

struct Expected {
    const char* name;
    int line;
    const char* reason;
};

// One fixture per failure; the reason is the first problem reported for that file.
const Expected kBroken[] = {
    {"bad-boolean", 13, "correct=\"oui\" on <target> is not valid (expected true, false)"},
    {"billion-laughs", 2, "a DOCTYPE is not allowed in a lesson file"},
    {"choice-no-correct", 12, "<choice> needs at least one answer with correct=\"true\""},
    {"choice-one-answer", 12, "<choice> needs at least 2 answers (it has 1)"},
    {"click-no-correct", 12, "<click> needs at least one target with correct=\"true\""},
    {"doctype", 2, "a DOCTYPE is not allowed in a lesson file"},
    {"double-click-no-target", 12, "<double-click> has no <target>"},
    {"drag-no-item", 12, "<drag> has no <item>"},
    {"drag-no-zone", 12, "<drag> has no <zone>"},
    {"drag-unknown-zone", 14, "item \"photo\" goes to zone \"albm\", but there is no zone with that id"},
    {"duplicate-option-id", 14, "two elements of <click> have the id \"vert\" (the other one is on line 13)"},
    {"duplicate-step-id", 18, "two steps have the id \"premier\" (the other one is on line 10)"},
    {"duplicate-title", 4, "<title> appears more than once in <lesson>"},
    {"email-no-subject", 12, "<email> has no subject attribute"},
    {"empty-steps", 9, "<steps> has no <step>"},
    {"encoding-latin1", 1, "the file declares the encoding \"ISO-8859-1\"; lesson files must be UTF-8"},
    {"feedback-duplicate-key", 15, "two feedbacks on=\"miss\" in <click> (the other one is on line 14)"},
    {"feedback-wrong-key", 14,
     "feedback on=\"single-click\" does not apply to <click> (it accepts miss, wrong-target)"},
    {"format-missing", 2, "<lesson> has no format attribute (write format=\"1\")"},
    {"format-newer", 2,
     "this lesson needs a newer version of Pas à Pas (it uses format 2; this version reads format 1)"},
    {"format-not-number", 2, "format \"un\" is not a number (write format=\"1\")"},
    {"id-malformed", 2, "id \"Id_Mal\" may only use lower-case letters, digits and dashes"},
    {"id-mismatch", 2, "id \"autre-lecon\" must equal the name of the lesson folder, \"id-mismatch\""},
    {"id-missing", 2, "<lesson> has no id attribute"},
    {"image-absolute", 12, "the picture \"/etc/logo.png\" must be inside the lesson folder"},
    {"image-bad-extension", 12, "the picture \"photo.gif\" must be a .png, .svg, .jpg or .jpeg file"},
    {"image-dotdot", 12, "the picture \"../image-missing/x.svg\" must be inside the lesson folder"},
    {"image-missing", 12, "the picture \"absente.svg\" does not exist in the lesson folder"},
    {"image-no-alt", 12, "<image> has no alt attribute"},
    {"image-no-src", 12, "<image> has no src attribute"},
    {"invalid-utf8", 3, "the file is not valid UTF-8 text; save it as UTF-8"},
    {"malformed", 3, "the XML is malformed: a closing tag does not match the tag it closes"},
    {"minutes-not-number", 5, "<minutes> must be a whole number of minutes from 1 to 600, not \"dix\""},
    {"minutes-too-many", 5, "<minutes> must be a whole number of minutes from 1 to 600, not \"601\""},
    {"minutes-zero", 5, "<minutes> must be a whole number of minutes from 1 to 600, not \"0\""},
    {"missing-instruction", 10, "<step> has no <instruction>"},
    {"missing-pix", 8, "<tags> has no <pix>"},
    {"missing-steps", 2, "<lesson> has no <steps>"},
    {"missing-theme", 2, "<lesson> has no <theme>"},
    {"missing-title", 2, "<lesson> has no <title>"},
    {"no-activity", 10, "<step> needs an activity: click, double-click, drag, scroll, type or choice"},
    {"no-hint", 10, "<step> has no <hint>"},
    {"root-not-lesson", 2, "the first element must be <lesson>, not <lecon>"},
    {"scroll-too-few", 12, "<scroll> needs at least 8 targets (it has 7), so that the list must be scrolled"},
    {"scroll-two-correct", 12, "<scroll> needs exactly one target with correct=\"true\" (it has 2)"},
    {"second-media", 13, "a step may show only one picture or message; <sms> is a second one"},
    {"sms-no-from", 12, "<sms> has no from attribute"},
    {"stray-text", 8, "text is not allowed directly in <tags>"},
    {"text-too-long", 16, "this text has 4001 characters; the limit is 4000"},
    {"too-deep", 16, "elements are nested more than 8 deep"},
    {"too-many-options", 113, "<click> may hold at most 100 targets, answers, zones or items"},
    {"too-many-steps", 1610, "a lesson may have at most 200 steps"},
    {"two-activities", 16, "a step holds exactly one activity; <type> is a second one"},
    {"type-bad-accents", 12, "accents=\"non\" on <type> is not valid (expected exact, ignore)"},
    {"type-bad-case", 12, "case=\"insensitive\" on <type> is not valid (expected exact, ignore)"},
    {"type-bad-spaces", 12, "spaces=\"ignore\" on <type> is not valid (expected trim, exact)"},
    {"type-bad-validate", 12, "validate=\"tab\" on <type> is not valid (expected button, enter)"},
    {"type-empty-expected", 12, "expected on <type> is empty"},
    {"type-no-expected", 12, "<type> needs an expected attribute: the text the learner must type"},
    {"unknown-activity", 12,
     "unknown activity \"hover\" (expected click, double-click, drag, scroll, type or choice)"},
    {"unknown-attribute", 13, "unknown attribute couleur on <target>"},
    {"unknown-coop", 8, "unknown La Coop thématique \"cuisine\" (the list is in lessons/README.md)"},
    {"unknown-digcomp", 8, "unknown DigComp competence \"6.1\" (expected 1.1 to 5.4)"},
    {"unknown-element", 5, "unknown element <auteur> in <lesson>"},
    {"unknown-level", 6, "unknown level \"expert\" (expected debutant, intermediaire or avance)"},
    {"unknown-pix", 8, "unknown Pix competence \"5.3\" (expected 1.1 to 5.2)"},
    {"unknown-theme", 7, "unknown La Coop thématique \"cuisine\" (the list is in lessons/README.md)"},
    {"utf16", 1, "the file is saved as UTF-16; save it as UTF-8"},
};

// A scratch folder removed at the end of the test.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("pasapas-test-loader-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void write_file(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// A valid one-step lesson; `step_extra` goes after the instruction, before the activity.
std::string small_lesson(const std::string& id, const std::string& step_extra = "",
                         const std::string& hint = "<hint>Le bouton vert.</hint>") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lesson id=\"" + id +
           "\" format=\"1\">\n"
           "<title>Titre</title><summary>Résumé.</summary><minutes>5</minutes><level>debutant</level>\n"
           "<theme>email</theme><tags><digcomp>2.1</digcomp><pix>2.1</pix><coop>email</coop></tags>\n"
           "<steps><step id=\"un\"><instruction>Cliquez.</instruction>\n" +
           step_extra + "<click><target id=\"a\" label=\"A\" correct=\"true\"/></click>\n" + hint +
           "</step></steps>\n</lesson>\n";
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("every broken fixture is refused with its file, line and plain reason", "[loader]") {
    const LessonLoader loader;
    for (const auto& expected : kBroken) {
        INFO("fixture broken/" << expected.name);
        const auto file = kFixtures / "broken" / expected.name / "lesson.xml";
        const auto result = loader.load_file(file);
        CHECK(result.lessons.empty());
        REQUIRE_FALSE(result.problems.empty());
        const auto& problem = result.problems.front();
        CHECK(problem.file == file);
        CHECK(problem.line == expected.line);
        CHECK(problem.reason == expected.reason);
        CHECK(ends_with(problem.to_string(), std::string(expected.name) + "/lesson.xml:" +
                                                 std::to_string(expected.line) + ": " + expected.reason));
    }
}

TEST_CASE("no broken fixture is left without an expected problem", "[loader]") {
    std::set<std::string> listed;
    for (const auto& expected : kBroken) {
        listed.insert(expected.name);
    }
    listed.insert("not-a-file");  // tested on its own below
    for (const auto& entry : fs::directory_iterator(kFixtures / "broken")) {
        if (entry.is_directory()) {
            INFO("broken/" << entry.path().filename().string() << " has no entry in kBroken");
            CHECK(listed.count(entry.path().filename().string()) == 1);
        }
    }
}

TEST_CASE("a missing lesson file or a folder in its place is a problem without a line", "[loader]") {
    const LessonLoader loader;
    const auto missing = kFixtures / "broken" / "nothing-here" / "lesson.xml";
    auto result = loader.load_file(missing);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.lessons.empty());
    CHECK(result.problems[0].line == 0);
    CHECK(result.problems[0].reason == "the file does not exist");
    CHECK(result.problems[0].to_string() == missing.string() + ": the file does not exist");

    result = loader.load_file(kFixtures / "broken" / "not-a-file" / "lesson.xml");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].reason == "this is not a file");
}

TEST_CASE("a lesson with several mistakes reports all of them at once", "[loader]") {
    TempDir tmp;
    const auto file = tmp.path() / "plusieurs" / "lesson.xml";
    auto text = small_lesson("plusieurs", "", "");
    text.replace(text.find("debutant"), 8, "expert");
    text.replace(text.find("label=\"A\""), 9, "label=\"A\" couleur=\"bleu\"");
    write_file(file, text);
    const auto result = LessonLoader{}.load_file(file);
    CHECK(result.lessons.empty());
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].line == 3);
    CHECK(result.problems[0].reason ==
          "unknown level \"expert\" (expected debutant, intermediaire or avance)");
    CHECK(result.problems[1].line == 6);
    CHECK(result.problems[1].reason == "unknown attribute couleur on <target>");
    CHECK(result.problems[2].line == 5);
    CHECK(result.problems[2].reason == "<step> has no <hint>");
}

TEST_CASE("message bodies keep their paragraphs, other text is one line", "[loader]") {
    TempDir tmp;
    const auto file = tmp.path() / "courriel" / "lesson.xml";
    auto text = small_lesson("courriel",
                             "<email from=\"Mairie\" subject=\"Rendez-vous\">\n    Bonjour,\n\n"
                             "    Votre rendez-vous est confirmé\n    pour le 3 mars.\n   \n\n"
                             "    La mairie\n  </email>\n");
    text.replace(text.find("<instruction>Cliquez.</instruction>"), 35,
                 "<instruction>\n  Lisez\n\n  le message.\n</instruction>");
    write_file(file, text);
    const auto result = LessonLoader{}.load_file(file);
    REQUIRE(result.problems.empty());
    const auto& step = result.lessons.at(0).steps.at(0);
    CHECK(step.instruction == "Lisez le message.");
    REQUIRE(step.media.has_value());
    CHECK(step.media->body == "Bonjour,\n\nVotre rendez-vous est confirmé pour le 3 mars.\n\nLa mairie");
}

TEST_CASE("the good fixtures load, sorted by id, without problems", "[loader]") {
    const auto result = LessonLoader{}.load_directory(kFixtures / "good");
    for (const auto& problem : result.problems) {
        FAIL_CHECK(problem.to_string());
    }
    REQUIRE(result.lessons.size() == 3);
    CHECK(result.lessons[0].id == "bom-crlf");
    CHECK(result.lessons[1].id == "complet");
    CHECK(result.lessons[2].id == "simple");
    // A file saved by Windows Notepad (BOM, CRLF) loads and keeps its line numbers.
    CHECK(result.lessons[0].title == "Fichier Windows");
    CHECK(result.lessons[0].steps.at(0).line == 10);
    CHECK(result.lessons[2].level == LessonLevel::Advanced);
    CHECK(result.lessons[2].theme == "navigation_internet");
}

TEST_CASE("a complete lesson gives a fully populated model", "[loader]") {
    const auto result = LessonLoader{}.load_file(kFixtures / "good" / "complet" / "lesson.xml");
    REQUIRE(result.problems.empty());
    REQUIRE(result.lessons.size() == 1);
    const auto& lesson = result.lessons[0];
    CHECK(lesson.id == "complet");
    CHECK(lesson.format_version == 1);
    CHECK(lesson.title == "Tout ce qui existe");  // indentation and newlines collapsed
    CHECK(lesson.summary == "Chaque activité, chaque média.");
    CHECK(lesson.minutes == 25);
    CHECK(lesson.level == LessonLevel::Intermediate);
    CHECK(lesson.theme == "securite_numerique");
    CHECK(lesson.tags.digcomp == std::vector<std::string>{"1.1", "4.2"});
    CHECK(lesson.tags.pix == std::vector<std::string>{"4.1"});
    CHECK(lesson.tags.coop == std::vector<std::string>{"securite_numerique", "email"});
    CHECK(lesson.dir == fs::canonical(kFixtures / "good" / "complet"));
    REQUIRE(lesson.steps.size() == 7);

    const auto& click = lesson.steps[0];
    CHECK(click.id == "clic");
    CHECK(click.line == 11);  // the title spans lines 3-4
    CHECK(click.instruction == "Cliquez sur le bouton vert.");
    REQUIRE(click.media.has_value());
    CHECK(click.media->kind == MediaKind::Image);
    CHECK(click.media->file.is_absolute());
    CHECK(click.media->file == fs::canonical(kFixtures / "good" / "complet" / "images" / "bouton.svg"));
    CHECK(click.media->alt == "Un bouton vert");
    CHECK(click.activity.kind == ActivityKind::Click);
    REQUIRE(click.activity.options.size() == 2);
    CHECK(click.activity.options[0].id == "vert");
    CHECK(click.activity.options[0].label == "Vert");
    CHECK(click.activity.options[0].correct);
    CHECK(click.activity.options[0].feedback == "C'est bien le vert.");
    CHECK_FALSE(click.activity.options[1].correct);
    CHECK(click.activity.options[1].feedback == "C'est le rouge.");
    CHECK(click.activity.feedback == std::map<std::string, std::string>{{"miss", "Visez le bouton."},
                                                                        {"wrong-target", "Pas celui-ci."}});
    CHECK(click.activity.success == "Bravo !");
    CHECK(click.hints == std::vector<std::string>{"Le bouton vert.", "Cliquez une fois sur le bouton vert."});

    const auto& dbl = lesson.steps[1];
    CHECK(dbl.activity.kind == ActivityKind::DoubleClick);
    CHECK_FALSE(dbl.media.has_value());
    REQUIRE(dbl.activity.options.size() == 1);
    CHECK(dbl.activity.feedback.at("single-click") == "Deux fois, vite.");

    const auto& drag = lesson.steps[2];
    CHECK(drag.activity.kind == ActivityKind::DragDrop);
    REQUIRE(drag.activity.zones.size() == 2);
    CHECK(drag.activity.zones[1].id == "corbeille");
    CHECK(drag.activity.zones[1].label == "Corbeille");
    REQUIRE(drag.activity.items.size() == 2);
    CHECK(drag.activity.items[1].id == "flou");
    CHECK(drag.activity.items[1].label == "Photo floue");
    CHECK(drag.activity.items[1].zone == "corbeille");
    CHECK(drag.activity.feedback.at("wrong-zone") == "Pas dans cette case.");

    const auto& scroll = lesson.steps[3];
    CHECK(scroll.activity.kind == ActivityKind::Scroll);
    REQUIRE(scroll.activity.options.size() == 10);
    const auto correct = std::find_if(scroll.activity.options.begin(), scroll.activity.options.end(),
                                      [](const Option& o) { return o.correct; });
    REQUIRE(correct != scroll.activity.options.end());
    CHECK(correct->id == "t7");
    CHECK(correct->label == "Entrée 7");

    const auto& type = lesson.steps[4];
    CHECK(type.activity.kind == ActivityKind::Type);
    REQUIRE(type.media.has_value());
    CHECK(type.media->kind == MediaKind::Sms);
    CHECK(type.media->from == "Camille");
    CHECK(type.media->body == "Écrivez-moi bonjour !");
    CHECK(type.activity.type.expected == "Bonjour Zoé");
    CHECK(type.activity.type.ignore_case);
    CHECK(type.activity.type.ignore_accents);
    CHECK_FALSE(type.activity.type.trim);
    CHECK(type.activity.type.initial == "Bonjur");
    CHECK(type.activity.type.submit_with_enter);
    CHECK(type.activity.feedback.at("use-enter") == "Appuyez sur Entrée.");
    CHECK(type.activity.feedback.at("empty") == "La case est vide.");

    // Defaults of <type>: exact case and accents, trimmed, validated by the button.
    const auto& plain = lesson.steps[5].activity.type;
    CHECK(plain.expected == "merci");
    CHECK_FALSE(plain.ignore_case);
    CHECK_FALSE(plain.ignore_accents);
    CHECK(plain.trim);
    CHECK(plain.initial.empty());
    CHECK_FALSE(plain.submit_with_enter);

    const auto& choice = lesson.steps[6];
    CHECK(choice.activity.kind == ActivityKind::Choice);
    CHECK(choice.activity.multiple);
    REQUIRE(choice.media.has_value());
    CHECK(choice.media->kind == MediaKind::Email);
    CHECK(choice.media->from == "Assurance Maladie <ne-pas-repondre@ameli-remboursement.example>");
    CHECK(choice.media->subject == "Votre remboursement");
    CHECK(choice.media->body == "Cliquez ici pour recevoir 48,70 €.");
    REQUIRE(choice.activity.options.size() == 3);
    CHECK(choice.activity.options[0].correct);
    CHECK(choice.activity.options[1].correct);
    CHECK_FALSE(choice.activity.options[2].correct);
    CHECK(choice.activity.options[0].feedback == "Oui, regardez après le @.");
    CHECK(choice.activity.feedback.at("incomplete") == "Il y a encore un indice.");
    CHECK(choice.activity.success == "Vous avez trouvé les indices.");
    CHECK(choice.hints.size() == 2);
}

TEST_CASE("broken lessons never stop the good ones beside them from loading", "[loader]") {
    const auto result = LessonLoader{}.load_directory(kFixtures / "mixed");
    REQUIRE(result.lessons.size() == 2);
    CHECK(result.lessons[0].id == "bon-a");
    CHECK(result.lessons[1].id == "bon-b");
    CHECK(result.lessons[0].title == "Bon A");
    // The folder with no lesson.xml (notes/) is not a lesson and not a problem.
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].file == kFixtures / "mixed" / "casse-a" / "lesson.xml");
    CHECK(result.problems[0].line == 12);
    CHECK(result.problems[0].reason ==
          "unknown activity \"hover\" (expected click, double-click, drag, scroll, type or choice)");
    CHECK(result.problems[1].file == kFixtures / "mixed" / "casse-b" / "lesson.xml");
    CHECK(result.problems[1].line == 3);
}

TEST_CASE("a missing lessons folder is reported", "[loader]") {
    const auto dir = kFixtures / "no-such-folder";
    const auto result = LessonLoader{}.load_directory(dir);
    CHECK(result.lessons.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].file == dir);
    CHECK(result.problems[0].line == 0);
    CHECK(result.problems[0].reason == "the lessons folder does not exist");
}

TEST_CASE("hostile files are refused without crashing", "[loader][hostile]") {
    TempDir tmp;
    const LessonLoader loader;

    SECTION("a 1.5 MiB file is refused by its size, before it is read") {
        const auto file = tmp.path() / "enorme" / "lesson.xml";
        auto text = small_lesson("enorme");
        text.insert(text.find("</lesson>"), std::string(1536 * 1024, ' '));
        write_file(file, text);
        const auto result = loader.load_file(file);
        CHECK(result.lessons.empty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 0);
        CHECK_THAT(result.problems[0].reason, Catch::StartsWith("the file is too large ("));
        CHECK_THAT(result.problems[0].reason, Catch::Contains("at most 1048576 bytes"));
    }

    SECTION("10,000 nested elements are refused at the first one too deep") {
        const auto file = tmp.path() / "profond" / "lesson.xml";
        std::string nest;
        for (int i = 0; i < 10000; ++i) {
            nest += "<b>";
        }
        for (int i = 0; i < 10000; ++i) {
            nest += "</b>";
        }
        write_file(file, small_lesson("profond", "", "<hint>\n" + nest + "</hint>"));
        const auto result = loader.load_file(file);
        CHECK(result.lessons.empty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 8);
        CHECK(result.problems[0].reason == "elements are nested more than 8 deep");
    }

    SECTION("an entity bomb is refused at its DOCTYPE and nothing is expanded") {
        const auto result = loader.load_file(kFixtures / "broken" / "billion-laughs" / "lesson.xml");
        CHECK(result.lessons.empty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].reason == "a DOCTYPE is not allowed in a lesson file");
    }

    SECTION("a picture over 8 MiB is refused") {
        const auto file = tmp.path() / "grande-image" / "lesson.xml";
        write_file(file, small_lesson("grande-image", "<image src=\"photo.png\" alt=\"Une photo\"/>\n"));
        write_file(file.parent_path() / "photo.png", "");
        fs::resize_file(file.parent_path() / "photo.png", LessonLoader::kMaxImageBytes + 1);
        const auto result = loader.load_file(file);
        CHECK(result.lessons.empty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 6);
        CHECK(result.problems[0].reason ==
              "the picture \"photo.png\" is too large (8388609 bytes; the limit is 8388608)");
    }

    SECTION("a picture that links outside the lesson folder is refused") {
        const auto file = tmp.path() / "lien" / "lesson.xml";
        write_file(file, small_lesson("lien", "<image src=\"secret.png\" alt=\"Un secret\"/>\n"));
        write_file(tmp.path() / "ailleurs.png", "not a picture");
        fs::create_symlink(tmp.path() / "ailleurs.png", file.parent_path() / "secret.png");
        const auto result = loader.load_file(file);
        CHECK(result.lessons.empty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 6);
        CHECK(result.problems[0].reason == "the picture \"secret.png\" must be inside the lesson folder");
    }

    SECTION("a file full of mistakes gives a bounded list of problems") {
        const auto file = tmp.path() / "bruit" / "lesson.xml";
        std::string noise;
        for (int i = 0; i < 5000; ++i) {
            noise += "<bruit/>\n";
        }
        auto text = small_lesson("bruit");
        text.insert(text.find("<title>"), noise);
        write_file(file, text);
        const auto result = loader.load_file(file);
        CHECK(result.lessons.empty());
        CHECK(result.problems.size() == 51);
        CHECK(result.problems.back().reason == "too many problems; fix these first, then check again");
    }
}

TEST_CASE("LoadProblem prints as file:line: reason, or file: reason without a line", "[loader]") {
    CHECK(LoadProblem{"lessons/souris/lesson.xml", 12, "unknown element <x> in <step>"}.to_string() ==
          "lessons/souris/lesson.xml:12: unknown element <x> in <step>");
    CHECK(LoadProblem{"lessons", 0, "the lessons folder does not exist"}.to_string() ==
          "lessons: the lessons folder does not exist");
}

TEST_CASE("the complete example of lessons/README.md loads as written", "[loader]") {
    // Mediators copy this example: it must stay valid and use every activity.
    std::ifstream in(fs::path(PASAPAS_LESSONS_DIR) / "README.md");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const auto readme = buffer.str();
    const auto section = readme.find("## A complete example");
    REQUIRE(section != std::string::npos);
    const auto start = readme.find("```xml\n", section);
    REQUIRE(start != std::string::npos);
    const auto end = readme.find("```", start + 7);
    REQUIRE(end != std::string::npos);

    TempDir tmp;
    const auto file = tmp.path() / "premiers-pas" / "lesson.xml";
    write_file(file, readme.substr(start + 7, end - start - 7));
    write_file(file.parent_path() / "bouton.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    const auto result = LessonLoader{}.load_file(file);
    for (const auto& problem : result.problems) {
        FAIL_CHECK(problem.to_string());
    }
    REQUIRE(result.lessons.size() == 1);
    std::set<ActivityKind> kinds;
    for (const auto& step : result.lessons[0].steps) {
        kinds.insert(step.activity.kind);
    }
    CHECK(kinds.size() == 6);
}
