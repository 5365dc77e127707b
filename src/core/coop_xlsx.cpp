// La Coop's activities export as an XLSX workbook (libxlsxwriter): the export's metadata first,
// as La Coop's own export does, then the same header row and rows as the CSV. Cells are typed
// (text, numbers, dates), so no cell can ever be a formula and no neutralising is needed.
#include "report_exports.hpp"
#include "report_format.hpp"
#include "sqlite_support.hpp"
#include "translate.hpp"

#include <optional>
#include <system_error>
#include <xlsxwriter.h>

namespace pasapas::core {
namespace {

namespace fs = std::filesystem;

constexpr lxw_row_t kHeaderRow = 6;

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
        workbook_ = workbook_new_opt(file.c_str(), &options);
        if (workbook_ == nullptr) {
            throw XlsxFailure{LXW_ERROR_MEMORY_MALLOC_FAILED};
        }
    }
    ~Workbook() {
        if (workbook_ != nullptr) {
            workbook_close(workbook_);
        }
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    [[nodiscard]] lxw_workbook* get() const { return workbook_; }
    void close() {
        auto* workbook = workbook_;
        workbook_ = nullptr;
        check(workbook_close(workbook));
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
        bold_ = workbook_add_format(workbook);
        title_ = workbook_add_format(workbook);
        date_ = workbook_add_format(workbook);
        if (bold_ == nullptr || title_ == nullptr || date_ == nullptr) {
            throw XlsxFailure{LXW_ERROR_MEMORY_MALLOC_FAILED};
        }
        format_set_bold(bold_);
        format_set_bold(title_);
        format_set_font_size(title_, 14);
        format_set_num_format(date_, "dd/mm/yyyy");
    }

    void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format = nullptr) {
        check(worksheet_write_string(sheet_, row, col, value.c_str(), format));
    }

    void number(lxw_row_t row, lxw_col_t col, double value) {
        check(worksheet_write_number(sheet_, row, col, value, nullptr));
    }

    // A real date when it reads as one, so that the sheet sorts and filters by date.
    void date(lxw_row_t row, lxw_col_t col, const std::string& french) {
        if (auto when = date_cell(french)) {
            check(worksheet_write_datetime(sheet_, row, col, &*when, date_));
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
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Activités");
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
    check(worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(columns.size() - 1), 22, nullptr));
    worksheet_freeze_panes(sheet, kHeaderRow + 1, 0);
    check(worksheet_autofilter(sheet, kHeaderRow, 0, row > kHeaderRow + 1 ? row - 1 : kHeaderRow,
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
        Workbook workbook(partial);
        // No author: libxlsxwriter would not guess one, and no name belongs in this file.
        std::string title = "Export des activités";
        std::string comments = "Pas à Pas";
        lxw_doc_properties properties{};
        properties.title = title.data();
        properties.comments = comments.data();
        check(workbook_set_properties(workbook.get(), &properties));
        write_sheet(workbook.get(), data);
        workbook.close();
    } catch (const XlsxFailure& failure) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw xlsx_error(file, lxw_strerror(failure.code));
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
