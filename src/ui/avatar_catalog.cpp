#include "ui/avatar_catalog.hpp"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/intl.h>

#include <system_error>
#include <utility>

namespace pasapas::ui {

namespace {

wxBitmap draw_circle_with_initial(const wxString& name, unsigned long rgb, int size) {
    wxBitmap bitmap(size, size, 32);
    bitmap.UseAlpha();
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        const wxColour colour(static_cast<unsigned char>((rgb >> 16) & 0xff),
                              static_cast<unsigned char>((rgb >> 8) & 0xff),
                              static_cast<unsigned char>(rgb & 0xff));
        dc.SetBrush(wxBrush(colour));
        dc.SetPen(wxPen(wxColour(0x1a, 0x1a, 0x1a), std::max(1, size / 40)));
        dc.DrawEllipse(1, 1, size - 2, size - 2);
        wxFont font(wxFontInfo(std::max(8, size * 2 / 5)).Bold());
        dc.SetFont(font);
        dc.SetTextForeground(wxColour(0x1a, 0x1a, 0x1a));
        const wxString initial = name.empty() ? wxString("?") : name.Left(1).Upper();
        const wxSize extent = dc.GetTextExtent(initial);
        dc.DrawText(initial, (size - extent.x) / 2, (size - extent.y) / 2);
    }
    return bitmap;
}

}  // namespace

AvatarCatalog::AvatarCatalog(std::filesystem::path assets_dir) : dir_(std::move(assets_dir) / "avatars") {}

const std::vector<AvatarInfo>& AvatarCatalog::all() {
    // wxTRANSLATE marks the names for extraction; they are translated when shown.
    static const std::vector<AvatarInfo> avatars{
        {"chat", wxTRANSLATE("Cat"), 0x8fd6cc},     {"chien", wxTRANSLATE("Dog"), 0xf7c59f},
        {"oiseau", wxTRANSLATE("Bird"), 0x9fd3f7},  {"poisson", wxTRANSLATE("Fish"), 0x3b6fd1},
        {"fleur", wxTRANSLATE("Flower"), 0xb9e4a4}, {"arbre", wxTRANSLATE("Tree"), 0xf6eeaa},
        {"soleil", wxTRANSLATE("Sun"), 0x4aa3f0},   {"lune", wxTRANSLATE("Moon"), 0x2b3a75},
        {"etoile", wxTRANSLATE("Star"), 0xa27ad6},  {"maison", wxTRANSLATE("House"), 0xe6d2a8},
        {"velo", wxTRANSLATE("Bicycle"), 0x5cb85c}, {"coeur", wxTRANSLATE("Heart"), 0xf8c8d4},
    };
    return avatars;
}

const AvatarInfo* AvatarCatalog::find(const std::string& id) {
    for (const auto& avatar : all()) {
        if (avatar.id == id) {
            return &avatar;
        }
    }
    return nullptr;
}

wxString AvatarCatalog::display_name(const std::string& id) {
    const AvatarInfo* info = find(id);
    return info != nullptr ? wxGetTranslation(info->name) : wxString::FromUTF8(id);
}

wxBitmapBundle AvatarCatalog::bitmap(const std::string& id, int size) const {
    const AvatarInfo* info = find(id);
    if (info != nullptr) {
        const std::filesystem::path file = dir_ / (id + ".svg");
        std::error_code error;
        if (std::filesystem::is_regular_file(file, error)) {
            wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(wxString(file.native()), wxSize(size, size));
            if (bundle.IsOk()) {
                return bundle;
            }
        }
    }
    return wxBitmapBundle::FromBitmap(
        draw_circle_with_initial(display_name(id), info != nullptr ? info->colour : 0xcccccc, size));
}

}  // namespace pasapas::ui
