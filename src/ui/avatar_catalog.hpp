#pragma once
// The twelve profile pictures a learner picks from, with their translatable names. Pictures
// are loaded only when a screen shows them (start-up stays light), and a missing or broken
// file is replaced by a coloured circle with the name's initial, so a profile is never blank.
#include <wx/bmpbndl.h>
#include <wx/string.h>

#include <filesystem>
#include <string>
#include <vector>

namespace pasapas::ui {

struct AvatarInfo {
    std::string id;        // file name without .svg, stored in the database
    const char* name;      // English source of the name; translate with wxGetTranslation
    unsigned long colour;  // 0xRRGGBB, for the replacement circle
};

class AvatarCatalog {
public:
    explicit AvatarCatalog(std::filesystem::path assets_dir);

    [[nodiscard]] static const std::vector<AvatarInfo>& all();
    [[nodiscard]] static const AvatarInfo* find(const std::string& id);
    // The avatar's name in the current language ("Cat"/"Chat"); the id itself if unknown.
    [[nodiscard]] static wxString display_name(const std::string& id);

    // The picture at size x size pixels (logical). Never fails.
    [[nodiscard]] wxBitmapBundle bitmap(const std::string& id, int size) const;

private:
    std::filesystem::path dir_;  // assets/avatars
};

}  // namespace pasapas::ui
