// La Coop's activities export as an XLSX workbook (libxlsxwriter): the export's metadata first,
// as La Coop's own export does, then the same header row and rows as the CSV. Cells are typed
// (text, numbers, dates), so no cell can ever be a formula and no neutralising is needed.
#include "report_exports.hpp"
#include "report_format.hpp"
#include "sqlite_support.hpp"
#include "translate.hpp"

#include <dlfcn.h>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <xlsxwriter.h>

namespace pasapas::core {
namespace {

namespace fs = std::filesystem;

constexpr lxw_row_t kHeaderRow = 6;

// libxlsxwriter is opened the first time a spreadsheet is written, not linked: linked, it and
// what it needs (OpenSSL's libcrypto, minizip) were loaded and relocated at every start of
// Pas à Pas, for an export mediators make now and then.
struct Xlsx {
    decltype(&::workbook_new_opt) workbook_new_opt = nullptr;
    decltype(&::workbook_close) workbook_close = nullptr;
    decltype(&::workbook_add_format) workbook_add_format = nullptr;
    decltype(&::workbook_add_worksheet) workbook_add_worksheet = nullptr;
    decltype(&::workbook_set_properties) workbook_set_properties = nullptr;
    decltype(&::format_set_bold) format_set_bold = nullptr;
    decltype(&::format_set_font_size) format_set_font_size = nullptr;
    decltype(&::format_set_num_format) format_set_num_format = nullptr;
    decltype(&::worksheet_write_string) worksheet_write_string = nullptr;
    decltype(&::worksheet_write_number) worksheet_write_number = nullptr;
    decltype(&::worksheet_write_datetime) worksheet_write_datetime = nullptr;
    decltype(&::worksheet_set_column) worksheet_set_column = nullptr;
    decltype(&::worksheet_freeze_panes) worksheet_freeze_panes = nullptr;
    decltype(&::worksheet_autofilter) worksheet_autofilter = nullptr;
    decltype(&::lxw_strerror) lxw_strerror = nullptr;
};

template <typename Function>
void find_symbol(void* library, const char* name, Function& out) {
    out = reinterpret_cast<Function>(dlsym(library, name));
    if (out == nullptr) {
        throw std::runtime_error(std::string("libxlsxwriter has no ") + name);
    }
}

// Opened once per process, never closed. Throws std::runtime_error when it cannot be opened.
const Xlsx& xlsx() {
    static std::once_flag once;
    static Xlsx api;
    std::call_once(once, [] {
        void* library = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) {
            throw std::runtime_error("libxlsxwriter could not be opened");
        }
        Xlsx found;
        find_symbol(library, "workbook_new_opt", found.workbook_new_opt);
        find_symbol(library, "workbook_close", found.workbook_close);
        find_symbol(library, "workbook_add_format", found.workbook_add_format);
        find_symbol(library, "workbook_add_worksheet", found.workbook_add_worksheet);
        find_symbol(library, "workbook_set_properties", found.workbook_set_properties);
        find_symbol(library, "format_set_bold", found.format_set_bold);
        find_symbol(library, "format_set_font_size", found.format_set_font_size);
        find_symbol(library, "format_set_num_format", found.format_set_num_format);
        find_symbol(library, "worksheet_write_string", found.worksheet_write_string);
        find_symbol(library, "worksheet_write_number", found.worksheet_write_number);
        find_symbol(library, "worksheet_write_datetime", found.worksheet_write_datetime);
        find_symbol(library, "worksheet_set_column", found.worksheet_set_column);
        find_symbol(library, "worksheet_freeze_panes", found.worksheet_freeze_panes);
        find_symbol(library, "worksheet_autofilter", found.worksheet_autofilter);
        find_symbol(library, "lxw_strerror", found.lxw_strerror);
        api = found;
    });
    return api;
}

struct XlsxFailure {
    lxw_error code = LXW_NO_ERROR;
};

void check(lxw_error code) {
    if (code != LXW_NO_ERROR) {
        throw XlsxFailure{code};
    }
}

// libxlsxwriter frees the workbook in workbook_close() whatever happens, and the close is where
// the file is really written; a workbook abandoned on error is closed here.
class Workbook {
public:
    explicit Workbook(const fs::path& file) {
        lxw_workbook_options options{};
        workbook_ = xlsx().workbook_new_opt(file.c_str(), &options);
        if (workbook_ == nullptr) {
            throw XlsxFailure{LXW_ERROR_MEMORY_MALLOC_FAILED};
        }
    }
    ~Workbook() {
        if (workbook_ != nullptr) {
            xlsx().workbook_close(workbook_);
        }
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    [[nodiscard]] lxw_workbook* get() const { return workbook_; }
    void close() {
        auto* workbook = workbook_;
        workbook_ = nullptr;
        check(xlsx().workbook_close(workbook));
    }

private:
    lxw_workbook* workbook_ = nullptr;
};

std::optional<lxw_datetime> date_cell(const std::string& french) {
    int day = 0;
    int month = 0;
    int year = 0;
    if (french.size() != 10 || french[2] != '/' || french[5] != '/' || !read_digits(french, 0, 2, day) ||
        !read_digits(french, 3, 2, month) || !read_digits(french, 6, 4, year) || year < 1900) {
        return std::nullopt;
    }
    return lxw_datetime{year, month, day, 0, 0, 0.0};
}

class SheetWriter {
public:
    SheetWriter(lxw_workbook* workbook, lxw_worksheet* sheet) : sheet_(sheet) {
        bold_ = xlsx().workbook_add_format(workbook);
        title_ = xlsx().workbook_add_format(workbook);
        date_ = xlsx().workbook_add_format(workbook);
        if (bold_ == nullptr || title_ == nullptr || date_ == nullptr) {
            throw XlsxFailure{LXW_ERROR_MEMORY_MALLOC_FAILED};
        }
        xlsx().format_set_bold(bold_);
        xlsx().format_set_bold(title_);
        xlsx().format_set_font_size(title_, 14);
        xlsx().format_set_num_format(date_, "dd/mm/yyyy");
    }

    void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format = nullptr) {
        check(xlsx().worksheet_write_string(sheet_, row, col, value.c_str(), format));
    }

    void number(lxw_row_t row, lxw_col_t col, double value) {
        check(xlsx().worksheet_write_number(sheet_, row, col, value, nullptr));
    }

    // A real date when it reads as one, so that the sheet sorts and filters by date.
    void date(lxw_row_t row, lxw_col_t col, const std::string& french) {
        if (auto when = date_cell(french)) {
            check(xlsx().worksheet_write_datetime(sheet_, row, col, &*when, date_));
        } else {
            text(row, col, french);
        }
    }

    [[nodiscard]] lxw_format* bold() const { return bold_; }
    [[nodiscard]] lxw_format* title() const { return title_; }

private:
    lxw_worksheet* sheet_;
    lxw_format* bold_ = nullptr;
    lxw_format* title_ = nullptr;
    lxw_format* date_ = nullptr;
};

void write_sheet(lxw_workbook* workbook, const ReportDataset& data) {
    lxw_worksheet* sheet = xlsx().workbook_add_worksheet(workbook, "Activités");
    if (sheet == nullptr) {
        throw XlsxFailure{LXW_ERROR_MEMORY_MALLOC_FAILED};
    }
    SheetWriter out(workbook, sheet);
    out.text(0, 0, "Export des activités", out.title());
    out.text(1, 0, "Période", out.bold());
    out.text(1, 1, period_text(data.period));
    out.text(2, 0, "Date d'export", out.bold());
    out.date(2, 1, french_date(data.generated_at));
    out.text(3, 0, "Outil", out.bold());
    out.text(3, 1, "Pas à Pas");
    out.text(4, 0, "Données", out.bold());
    out.text(4, 1, "anonymisées : ni nom, ni coordonnées, ni notes");

    const auto& columns = coop_columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out.text(kHeaderRow, static_cast<lxw_col_t>(c), columns[c], out.bold());
    }
    constexpr std::size_t kDateColumns = 3;  // Date, Enregistré le, Dernière modification le
    constexpr std::size_t kParticipants = 4;
    constexpr std::size_t kDuration = 11;
    lxw_row_t row = kHeaderRow + 1;
    for (const auto& activity : data.activities) {
        const auto cells = coop_row(activity);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            if (c < kDateColumns) {
                out.date(row, col, cells[c]);
            } else if (c == kParticipants) {
                out.number(row, col, activity.participants);
            } else if (c == kDuration) {
                out.number(row, col, activity.duration_min);
            } else {
                out.text(row, col, cells[c]);
            }
        }
        ++row;
    }
    check(xlsx().worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(columns.size() - 1), 22, nullptr));
    xlsx().worksheet_freeze_panes(sheet, kHeaderRow + 1, 0);
    check(xlsx().worksheet_autofilter(sheet, kHeaderRow, 0, row > kHeaderRow + 1 ? row - 1 : kHeaderRow,
                                      static_cast<lxw_col_t>(columns.size() - 1)));
}

StoreError xlsx_error(const fs::path& file, const std::string& detail) {
    return StoreError(fmt(tr("The spreadsheet could not be saved as {0} ({1}). Check that the folder exists, "
                             "that you may write in it and that the disk is not full, then try again."),
                          {file.string(), detail}));
}

}  // namespace

void write_coop_xlsx(const ReportDataset& data, const fs::path& file) {
    // Written beside the target and renamed at the end, so a failed export never leaves a broken
    // file under the name the mediator will open or send.
    fs::path partial = file;
    partial += ".part";
    try {
        static_cast<void>(xlsx());
    } catch (const std::runtime_error& missing) {
        throw xlsx_error(file, missing.what());
    }
    try {
        Workbook workbook(partial);
        // No author: libxlsxwriter would not guess one, and no name belongs in this file.
        std::string title = "Export des activités";
        std::string comments = "Pas à Pas";
        lxw_doc_properties properties{};
        properties.title = title.data();
        properties.comments = comments.data();
        check(xlsx().workbook_set_properties(workbook.get(), &properties));
        write_sheet(workbook.get(), data);
        workbook.close();
    } catch (const XlsxFailure& failure) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw xlsx_error(file, xlsx().lxw_strerror(failure.code));
    }
    std::error_code error;
    fs::rename(partial, file, error);
    if (error) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw xlsx_error(file, error.message());
    }
}

}  // namespace pasapas::core
