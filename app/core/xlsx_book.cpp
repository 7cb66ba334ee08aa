#include "app/core/xlsx_book.h"
#include "app/core/table.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>

#include "app/core/output_file.h"

namespace core::xlsx {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// Excel's header/footer codes start with "&"; a literal ampersand is "&&". Its limit is 255.
std::string header_literal(const std::string& text) {
    std::string out;
    for (char c : utf8_prefix(text, 200)) {
        out += c;
        if (c == '&') out += '&';
    }
    return out;
}

void define(lxw_format* f, Style style) {
    switch (style) {
        case Style::plain: break;
        case Style::wrap: format_set_text_wrap(f); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); break;
        case Style::header:
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_bg_color(f, 0xDDE5F0);
            format_set_bottom(f, LXW_BORDER_THIN);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            break;
        case Style::title: format_set_bold(f); format_set_font_size(f, 14); break;
        case Style::note: format_set_italic(f); format_set_font_color(f, 0x595959); break;
        case Style::label: format_set_bold(f); break;
        case Style::integer: format_set_num_format(f, "0"); break;
        case Style::decimal: format_set_num_format(f, "0.00"); break;
        case Style::precise: format_set_num_format(f, "0.000000"); break;
        case Style::money: format_set_num_format(f, "#,##0.00"); break;
        case Style::percent: format_set_num_format(f, "0.00\"%\""); break;
        case Style::yes_no: format_set_num_format(f, "\"Yes\";\"Yes\";\"No\""); break;
        case Style::indent1: format_set_indent(f, 1); break;
        case Style::indent2: format_set_indent(f, 2); break;
        case Style::indent3: format_set_indent(f, 3); break;
        case Style::red: format_set_bg_color(f, 0xF4B6B0); break;
        case Style::amber: format_set_bg_color(f, 0xFCE4A8); break;
        case Style::green: format_set_bg_color(f, 0xC6E8C6); break;
        case Style::mono: format_set_font_name(f, "Courier New"); format_set_font_size(f, 9); break;
        case Style::input:
        case Style::input_wrap:
            format_set_unlocked(f);
            format_set_bg_color(f, 0xFFF2CC);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_border_color(f, 0xBFBFBF);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            if (style == Style::input) format_set_align(f, LXW_ALIGN_CENTER);
            else format_set_text_wrap(f);
            break;
    }
}

}  // namespace

std::string column_name(std::uint16_t column) { return column_letters(column); }

std::string cell(std::uint32_t row, std::uint16_t column, bool absolute_row, bool absolute_column) {
    return (absolute_column ? "$" : "") + column_name(column) + (absolute_row ? "$" : "") + std::to_string(row + 1);
}

std::string range(std::uint32_t first_row, std::uint16_t column, std::uint32_t last_row, std::uint16_t last_column) {
    return cell(first_row, column, true, true) + ":" + cell(last_row, last_column, true, true);
}

std::string utf8_prefix(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    // Step back over continuation bytes (10xxxxxx) so no character is cut in half.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string valid_sheet_name(const std::string& wanted, const std::set<std::string>& taken) {
    std::string base;
    for (char c : wanted) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    while (!base.empty() && (base.front() == '\'' || base.front() == ' ')) base.erase(base.begin());
    while (!base.empty() && (base.back() == '\'' || base.back() == ' ')) base.pop_back();
    if (base.empty()) base = "Sheet";
    // Excel counts characters (UTF-16 units); cutting at 31 bytes is stricter and always valid.
    std::string name = utf8_prefix(base, 31);
    for (int n = 2; taken.count(lower(name)); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        name = utf8_prefix(base, 31 - suffix.size()) + suffix;
    }
    return name;
}

std::string Sheet::prefix() const {
    std::string quoted = "'";
    for (char c : name_) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'!";
}

std::string Sheet::ref(std::uint32_t row, std::uint16_t column) const { return prefix() + cell(row, column, true, true); }

void Sheet::check(int error, std::uint32_t row, std::uint16_t column) {
    if (error == LXW_NO_ERROR) return;
    throw OutputError("cannot write sheet " + name_ + " cell " + cell(row, column) + ": " +
                      lxw_strerror(static_cast<lxw_error>(error)));
}

void Sheet::text(std::uint32_t row, std::uint16_t column, const std::string& value, Style style) {
    if (value.empty()) return;
    std::string shown = value;
    if (shown.size() > kMaxCellText) {
        const std::string note = " [cut: " + std::to_string(value.size()) +
                                 " bytes in all; the full text is in the .tender workbook]";
        shown = utf8_prefix(value, kMaxCellText - note.size() - 4) + note;
    }
    check(worksheet_write_string(sheet_, row, column, shown.c_str(), book_.format(style)), row, column);
}

void Sheet::number(std::uint32_t row, std::uint16_t column, double value, Style style) {
    check(worksheet_write_number(sheet_, row, column, value, book_.format(style)), row, column);
}

void Sheet::formula(std::uint32_t row, std::uint16_t column, const std::string& formula, double cached, Style style) {
    check(worksheet_write_formula_num(sheet_, row, column, formula.c_str(), book_.format(style), cached), row, column);
}

void Sheet::formula_text(std::uint32_t row, std::uint16_t column, const std::string& formula, const std::string& cached,
                         Style style) {
    check(worksheet_write_formula_str(sheet_, row, column, formula.c_str(), book_.format(style), cached.c_str()), row,
          column);
}

void Sheet::blank(std::uint32_t row, std::uint16_t column, Style style) {
    check(worksheet_write_blank(sheet_, row, column, book_.format(style)), row, column);
}

void Sheet::header(std::uint32_t row, const std::vector<std::string>& titles, std::uint16_t frozen_columns) {
    worksheet_set_row(sheet_, row, 45, nullptr);  // room for three wrapped lines of title
    for (std::size_t c = 0; c < titles.size(); ++c) text(row, static_cast<std::uint16_t>(c), titles[c], Style::header);
    worksheet_freeze_panes(sheet_, row + 1, frozen_columns);
    worksheet_repeat_rows(sheet_, row, row);
}

void Sheet::autofilter(std::uint32_t first_row, std::uint32_t last_row, std::uint16_t last_column) {
    check(worksheet_autofilter(sheet_, first_row, 0, std::max(first_row, last_row), last_column), first_row, 0);
}

void Sheet::widths(const std::vector<double>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c) width(static_cast<std::uint16_t>(c), widths[c]);
}

void Sheet::width(std::uint16_t column, double width, Style style) {
    lxw_format* f = style == Style::plain ? nullptr : book_.format(style);
    check(worksheet_set_column(sheet_, column, column, width, f), 0, column);
}

Book::Book(const std::filesystem::path& path, const std::string& header_text)
    : path_(path), header_(header_literal(header_text)) {
    lxw_workbook_options options{};
    // Row-by-row writing keeps memory flat for 300,000 audit records; strings go inline.
    options.constant_memory = LXW_TRUE;
    tmpdir_ = path.parent_path().empty() ? std::string(".") : path.parent_path().string();
    options.tmpdir = const_cast<char*>(tmpdir_.c_str());
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw OutputError("cannot start an Excel file at " + path.string() + "; check the folder is writable");
}

Book::~Book() {
    // workbook_close also frees; an unclosed book (an exception) is closed and left for
    // AtomicOutput to remove.
    if (book_) workbook_close(book_);
}

Sheet& Book::add_sheet(const std::string& wanted_name) {
    const std::string name = valid_sheet_name(wanted_name, names_);
    lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
    if (!ws) throw OutputError("cannot add sheet '" + name + "' to " + path_.string());
    names_.insert(lower(name));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    const std::string header = "&L" + header_ + "&R" + header_literal(name);
    worksheet_set_header(ws, header.c_str());
    worksheet_set_footer(ws, "&CPage &P of &N");
    sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(*this, ws, name)));
    return *sheets_.back();
}

lxw_format* Book::format(Style style) {
    if (style == Style::plain) return nullptr;
    auto& f = formats_[style];
    if (!f) {
        f = workbook_add_format(book_);
        define(f, style);
    }
    return f;
}

lxw_chart* Book::chart(std::uint8_t type) { return workbook_add_chart(book_, type); }

void Book::properties(const Properties& p) {
    lxw_doc_properties props{};
    props.title = const_cast<char*>(p.title.c_str());
    props.subject = const_cast<char*>(p.subject.c_str());
    props.author = const_cast<char*>(p.author.c_str());
    props.company = const_cast<char*>(p.company.c_str());
    props.keywords = const_cast<char*>(p.keywords.c_str());
    props.comments = const_cast<char*>(p.comments.c_str());
    workbook_set_properties(book_, &props);
    for (const auto& [name, value] : p.custom)
        workbook_set_custom_property_string(book_, name.c_str(), value.c_str());
}

void Book::close() {
    lxw_workbook* book = book_;
    book_ = nullptr;
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR)
        throw OutputError("cannot write the Excel file " + path_.string() + ": " + lxw_strerror(error) +
                          "; check the disk has space and the folder is writable");
}

}  // namespace core::xlsx
