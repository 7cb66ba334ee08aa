#include "app/core/csv_reader.h"

#include <csv.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>

#include "app/core/xml_document.h"

namespace core {
namespace {

// libcsv's parser states; csv.h exposes the struct's `pstate` but not the names of its values.
constexpr int libcsv_row_not_begun = 0;
constexpr int libcsv_field_begun = 2;

const char* const save_as_utf8 = "save it as 'CSV UTF-8 (comma delimited)'";

// Unquoted fields keep their spaces and tabs (libcsv trims them by default), and a space after a
// closing quote is then an error, as RFC 4180 has it.
int no_spaces(unsigned char) { return 0; }

// What libcsv's callbacks build. The callbacks are called from C, so they must not throw: the
// first problem is kept here and thrown once libcsv returns.
struct Records {
    Records(Table& t, const CsvLimits& l) : table(t), limits(l) {}

    Table& table;
    const CsvLimits& limits;
    int record_line = 0;  // physical line where the current record started
    std::vector<TableCell> cells;
    std::size_t total_cells = 0;
    std::size_t fields_seen = 0;  // fields completed so far, in any record
    std::optional<Diagnostic> problem;

    void fail(int column, std::string message) {
        if (!problem) problem = Diagnostic{table.file, record_line, column, std::move(message)};
    }
};

void on_field(void* data, std::size_t size, void* context) {
    auto& r = *static_cast<Records*>(context);
    ++r.fields_seen;
    if (r.problem) return;
    const auto column = static_cast<int>(r.cells.size() + 1);
    if (r.cells.size() >= r.limits.max_columns)
        return r.fail(column, "more than " + std::to_string(r.limits.max_columns) +
                                  " columns in this record; check the delimiter is a comma, or remove columns");
    if (size > r.limits.max_cell_bytes)
        return r.fail(column, "a cell of " + std::to_string(size) + " bytes, over the limit of " +
                                  std::to_string(r.limits.max_cell_bytes) +
                                  " bytes; check for a missing closing quote before it, or shorten the cell");
    if (++r.total_cells > r.limits.max_cells)
        return r.fail(column, "more than " + std::to_string(r.limits.max_cells) +
                                  " cells in the file; split it into smaller files");
    TableCell cell;
    if (size > 0) {
        cell.type = TableCell::Type::text;
        cell.text.assign(static_cast<const char*>(data), size);
    }
    r.cells.push_back(std::move(cell));
}

void on_record(int, void* context) {
    auto& r = *static_cast<Records*>(context);
    if (r.problem) return;
    r.table.rows.push_back({r.record_line, std::move(r.cells)});
    r.cells.clear();
}

// The Windows-1252 character a byte stands for, as UTF-8, or "" where 1252 leaves it undefined.
std::string windows_1252(unsigned char byte) {
    static const char* const c1[32] = {"€", "",  "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š",
                                       "‹", "Œ", "",  "Ž", "",  "",  "‘", "’", "“", "”", "•",
                                       "–", "—", "˜", "™", "š", "›", "œ", "",  "ž", "Ÿ"};
    if (byte < 0x80) return "";
    if (byte < 0xA0) return c1[byte - 0x80];
    // 0xA0-0xFF are U+00A0-U+00FF, two bytes in UTF-8.
    return {static_cast<char>(0xC0 | (byte >> 6)), static_cast<char>(0x80 | (byte & 0x3F))};
}

std::string invalid_utf8_message(unsigned char byte) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", byte);
    std::string message = std::string("byte ") + hex + " is not valid UTF-8; ";
    const auto character = windows_1252(byte);
    if (character.empty()) return message + save_as_utf8;
    return message + "the file looks like Windows-1252 (where " + hex + " is '" + character + "'): " +
           save_as_utf8;
}

// The first byte that stops the file being UTF-8 text, and why; npos when there is none.
struct EncodingProblem {
    std::size_t offset = std::string_view::npos;
    std::string message;
};

// `text` is `bytes` after its first `skip` bytes (a byte-order mark, which is valid UTF-8).
EncodingProblem find_encoding_problem(const std::string& bytes, std::string_view text, std::size_t skip) {
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        return {nul, std::string("the file contains NUL bytes, so it is UTF-16 (or not text at all); ") + save_as_utf8};
    const auto bad = invalid_utf8_at(bytes);
    if (bad == std::string::npos) return {};
    return {bad - skip, invalid_utf8_message(static_cast<unsigned char>(bytes[bad]))};
}

void refuse_other_unicode(const std::string& name, std::string_view text) {
    const auto starts = [&](std::string_view bom) { return text.substr(0, bom.size()) == bom; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv))
        throw InputError({{name, 1, 1, std::string("the file is UTF-32; ") + save_as_utf8}});
    if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv))
        throw InputError({{name, 1, 1, std::string("the file is UTF-16; ") + save_as_utf8}});
}

class CsvParser {
public:
    CsvParser(Table& table, const CsvLimits& limits) : records_{table, limits} {
        csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
        csv_set_space_func(&parser_, no_spaces);
        // libcsv grows its field buffer by this much at a time; 128 bytes makes big cells slow.
        csv_set_blk_size(&parser_, 64 * 1024);
    }
    ~CsvParser() { csv_free(&parser_); }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;

    void parse(std::string_view text, std::size_t encoding_problem_at, const std::string& encoding_problem);

private:
    void feed(std::string_view bytes, int line);
    void finish(int last_line);
    void throw_if_problem() {
        if (records_.problem) throw InputError({*records_.problem});
    }
    bool in_quoted_field() const { return parser_.pstate == libcsv_field_begun && parser_.quoted; }
    int next_column() const { return static_cast<int>(records_.cells.size() + 1); }
    const std::string& name() const { return records_.table.file; }

    csv_parser parser_{};
    Records records_;
    int quote_line_ = 0;  // where the quoted field still open at the end of a line started
    int quote_column_ = 0;
};

void CsvParser::feed(std::string_view bytes, int line) {
    const auto used = csv_parse(&parser_, bytes.data(), bytes.size(), on_field, on_record, &records_);
    throw_if_problem();
    if (used == bytes.size()) return;
    if (csv_error(&parser_) != CSV_EPARSE) throw std::bad_alloc();
    const auto what = parser_.quoted
                          ? "text after the closing quote of a quoted field"
                          : "a double quote inside a field that does not start with one";
    throw InputError({{name(), line, next_column(),
                       std::string(what) + "; put the whole field in double quotes and double every quote "
                                           "inside it (\"Smith \"\"The Builder\"\" Ltd\")"}});
}

void CsvParser::finish(int last_line) {
    if (csv_fini(&parser_, on_field, on_record, &records_) != 0) {
        if (csv_error(&parser_) != CSV_EPARSE) throw std::bad_alloc();
        throw InputError({{name(), quote_line_, quote_column_,
                           "this quoted field is never closed (the file ends at line " + std::to_string(last_line) +
                               " inside it); add the closing double quote"}});
    }
    throw_if_problem();
}

// Feeds libcsv one physical line at a time so each record knows the line it starts on. Lines
// end at LF, CRLF or a lone CR, as libcsv's own line ends do.
void CsvParser::parse(std::string_view text, std::size_t problem_at, const std::string& problem) {
    std::size_t pos = 0;
    int line = 0;
    while (pos < text.size()) {
        ++line;
        const auto end = std::min(text.find_first_of("\r\n", pos), text.size());
        auto next = end + 1;
        if (end == text.size()) next = end;
        else if (text[end] == '\r' && next < text.size() && text[next] == '\n') ++next;
        const bool at_record_start = parser_.pstate == libcsv_row_not_begun;
        if (at_record_start && end == pos) {  // a blank line: libcsv skips these, the importer wants them
            records_.table.rows.push_back({line, {}});
            pos = next;
            continue;
        }
        if (at_record_start) records_.record_line = line;
        if (problem_at < next) {
            feed(text.substr(pos, problem_at - pos), line);  // to learn which field the bad byte is in
            throw InputError({{name(), line, next_column(), problem}});
        }
        const bool was_quoted = in_quoted_field();
        const auto fields_before = records_.fields_seen;
        feed(text.substr(pos, next - pos), line);
        if (in_quoted_field() && (!was_quoted || records_.fields_seen != fields_before)) {
            quote_line_ = line;
            quote_column_ = next_column();
        }
        pos = next;
    }
    finish(line);
}

}  // namespace

Table read_csv_text(const std::string& name, const std::string& bytes, const CsvLimits& limits) {
    Table table;
    table.file = name;
    if (bytes.size() > limits.max_file_bytes)
        throw InputError({{name, 0, 0,
                           "the file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                               std::to_string(limits.max_file_bytes) + " bytes; split it into smaller files"}});
    std::string_view text(bytes);
    refuse_other_unicode(name, text);
    const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    text.remove_prefix(bom);
    const auto encoding = find_encoding_problem(bytes, text, bom);
    CsvParser parser(table, limits);
    parser.parse(text, encoding.offset, encoding.message);
    return table;
}

Table read_csv(const std::filesystem::path& path, const CsvLimits& limits) {
    return read_csv_text(path.string(), read_input_file(path, limits.max_file_bytes, "split it into smaller files"),
                         limits);
}

}  // namespace core
