#include "app/core/docx_writer.h"

#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <pugixml.hpp>

#include "app/core/output_file.h"

namespace core {

DocxParagraph paragraph(std::string text, DocxStyle style) {
    return DocxParagraph{style, {DocxRun{std::move(text)}}};
}

DocxParagraph paragraph(std::vector<DocxRun> runs, DocxStyle style) { return DocxParagraph{style, std::move(runs)}; }

namespace {

using Attributes = std::initializer_list<std::pair<const char*, std::string>>;

constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* ns_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

pugi::xml_node element(pugi::xml_node parent, const char* name, Attributes attributes = {}) {
    auto node = parent.append_child(name);
    for (const auto& [key, value] : attributes) node.append_attribute(key).set_value(value.c_str());
    return node;
}

pugi::xml_node root(pugi::xml_document& xml, const char* name, Attributes attributes) {
    // Office writes standalone="yes"; some readers look for it.
    auto declaration = xml.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    declaration.append_attribute("standalone") = "yes";
    return element(xml, name, attributes);
}

std::string to_string(const pugi::xml_document& xml) {
    struct Writer : pugi::xml_writer {
        std::string out;
        void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
    } writer;
    // Raw: indentation would add whitespace text that Word may show inside mixed content.
    xml.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(writer.out);
}

/// Bytes in the UTF-8 sequence that `lead` starts; 0 when no sequence starts with it.
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

/// `text` as XML 1.0 can carry it: control characters other than tab, LF and CR and the
/// non-characters U+FFFE/U+FFFF are dropped, malformed UTF-8 becomes U+FFFD (Word refuses a file
/// with either rather than showing the rest).
std::string clean_text(std::string_view text) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            if (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') out += static_cast<char>(lead);
            ++i;
            continue;
        }
        const std::size_t length = utf8_length(lead);
        char32_t code = length == 2 ? lead & 0x1Fu : length == 3 ? lead & 0x0Fu : lead & 0x07u;
        bool valid = length != 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xC0u) == 0x80u;
            code = (code << 6) | (next & 0x3Fu);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
        valid = valid && !(length == 3 && code < 0x800) && !(length == 4 && (code < 0x10000 || code > 0x10FFFF)) &&
                !(code >= 0xD800 && code <= 0xDFFF);
        if (!valid) {
            out += replacement;  // one per bad byte, then resynchronise on the next
            ++i;
            continue;
        }
        if (code != 0xFFFE && code != 0xFFFF) out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string content_types_xml() {
    pugi::xml_document xml;
    auto types = root(xml, "Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
    element(types, "Default",
            {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
    element(types, "Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    const std::pair<const char*, std::string> overrides[] = {
        {"/word/document.xml", wml + "document.main+xml"},
        {"/word/styles.xml", wml + "styles+xml"},
        {"/word/settings.xml", wml + "settings+xml"},
        {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
    };
    for (const auto& [part, type] : overrides) element(types, "Override", {{"PartName", part}, {"ContentType", type}});
    return to_string(xml);
}

std::string rels_xml(std::initializer_list<std::pair<std::string, const char*>> relationships) {
    pugi::xml_document xml;
    auto rels = root(xml, "Relationships", {{"xmlns", ns_rels}});
    int id = 0;
    for (const auto& [type, target] : relationships)
        element(rels, "Relationship", {{"Id", "rId" + std::to_string(++id)}, {"Type", type}, {"Target", target}});
    return to_string(xml);
}

std::string package_rels_xml() {
    return rels_xml({{std::string(rel_base) + "officeDocument", "word/document.xml"},
                     {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml"},
                     {std::string(rel_base) + "extended-properties", "docProps/app.xml"}});
}

/// Word only applies styles.xml and settings.xml when document.xml points at them.
std::string document_rels_xml() {
    return rels_xml(
        {{std::string(rel_base) + "styles", "styles.xml"}, {std::string(rel_base) + "settings", "settings.xml"}});
}

/// Without a compatibility mode of 15 Word opens the letter in "Compatibility Mode".
std::string settings_xml() {
    pugi::xml_document xml;
    auto settings = root(xml, "w:settings", {{"xmlns:w", ns_w}});
    element(settings, "w:defaultTabStop", {{"w:val", "720"}});
    element(element(settings, "w:compat"), "w:compatSetting",
            {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"}, {"w:val", "15"}});
    return to_string(xml);
}

std::string core_xml(const std::string& title, const std::string& author, const std::string& subject,
                     const std::string& created) {
    pugi::xml_document xml;
    auto props = root(xml, "cp:coreProperties",
                      {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                       {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                       {"xmlns:dcterms", "http://purl.org/dc/terms/"},
                       {"xmlns:dcmitype", "http://purl.org/dc/dcmitype/"},
                       {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
    const std::pair<const char*, const std::string*> texts[] = {
        {"dc:title", &title}, {"dc:subject", &subject}, {"dc:creator", &author}, {"cp:lastModifiedBy", &author}};
    for (const auto& [name, value] : texts)
        if (!value->empty()) element(props, name).text().set(clean_text(*value).c_str());
    for (const char* name : {"dcterms:created", "dcterms:modified"})
        element(props, name, {{"xsi:type", "dcterms:W3CDTF"}}).text().set(created.c_str());
    return to_string(xml);
}

std::string app_xml() {
    pugi::xml_document xml;
    auto props = root(xml, "Properties",
                      {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
                       {"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}});
    element(props, "Application").text().set("TenderBench");
    element(props, "DocSecurity").text().set("0");
    return to_string(xml);
}

/// Run properties in schema order (rFonts, b, color, sz, szCs, lang); empty values are left out.
void add_run_properties(pugi::xml_node rpr, bool bold, const char* color, int half_points) {
    if (bold) element(rpr, "w:b");
    if (*color) element(rpr, "w:color", {{"w:val", color}});
    element(rpr, "w:sz", {{"w:val", std::to_string(half_points)}});
    element(rpr, "w:szCs", {{"w:val", std::to_string(half_points)}});
}

pugi::xml_node add_style(pugi::xml_node styles, const char* type, const char* id, const char* name,
                         const char* based_on, int ui_priority, bool default_style = false) {
    auto style = element(styles, "w:style", {{"w:type", type}, {"w:styleId", id}});
    if (default_style) style.append_attribute("w:default") = "1";
    element(style, "w:name", {{"w:val", name}});
    if (*based_on) element(style, "w:basedOn", {{"w:val", based_on}});
    if (std::string_view(type) == "paragraph") element(style, "w:next", {{"w:val", "Normal"}});
    element(style, "w:uiPriority", {{"w:val", std::to_string(ui_priority)}});
    element(style, "w:qFormat");  // shows the style in the gallery
    return style;
}

/// Built-in names ("heading 1", "Table Grid") so Word and Writer treat them as their own headings:
/// they appear in the navigation pane and the table of contents.
std::string styles_xml() {
    pugi::xml_document xml;
    auto styles = root(xml, "w:styles", {{"xmlns:w", ns_w}});
    auto defaults = element(styles, "w:docDefaults");
    auto rpr = element(element(defaults, "w:rPrDefault"), "w:rPr");
    element(rpr, "w:rFonts",
            {{"w:ascii", "Calibri"}, {"w:hAnsi", "Calibri"}, {"w:eastAsia", "Calibri"}, {"w:cs", "Calibri"}});
    add_run_properties(rpr, false, "", 22);
    element(rpr, "w:lang", {{"w:val", "en-GB"}});  // UK spelling check for the officer's edits
    element(element(element(defaults, "w:pPrDefault"), "w:pPr"), "w:spacing",
            {{"w:after", "160"}, {"w:line", "259"}, {"w:lineRule", "auto"}});

    add_style(styles, "paragraph", "Normal", "Normal", "", 0, true);
    struct Heading { const char* id; const char* name; int priority; int size; int before; int after; int level; };
    for (const Heading& h : {Heading{"Title", "Title", 10, 40, 0, 240, -1},
                             Heading{"Heading1", "heading 1", 9, 32, 360, 120, 0},
                             Heading{"Heading2", "heading 2", 9, 26, 240, 80, 1}}) {
        auto style = add_style(styles, "paragraph", h.id, h.name, "Normal", h.priority);
        auto ppr = element(style, "w:pPr");  // schema order: keepNext, keepLines, spacing, outlineLvl
        element(ppr, "w:keepNext");
        element(ppr, "w:keepLines");
        element(ppr, "w:spacing", {{"w:before", std::to_string(h.before)}, {"w:after", std::to_string(h.after)}});
        if (h.level >= 0) element(ppr, "w:outlineLvl", {{"w:val", std::to_string(h.level)}});
        add_run_properties(element(style, "w:rPr"), true, "1F3864", h.size);
    }

    auto normal_table = add_style(styles, "table", "TableNormal", "Normal Table", "", 99, true);
    auto cell_margins = element(element(normal_table, "w:tblPr"), "w:tblCellMar");
    for (const auto& [side, width] :
         {std::pair{"w:top", "0"}, {"w:left", "108"}, {"w:bottom", "0"}, {"w:right", "108"}})
        element(cell_margins, side, {{"w:w", width}, {"w:type", "dxa"}});

    auto grid = add_style(styles, "table", "TableGrid", "Table Grid", "TableNormal", 59);
    // Cells read better without the paragraph spacing meant for body text.
    element(element(grid, "w:pPr"), "w:spacing", {{"w:after", "0"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
    auto borders = element(element(grid, "w:tblPr"), "w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
        element(borders, side, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "auto"}});
    return to_string(xml);
}

// A4 portrait with 1 inch margins, in twentieths of a point (twips): the text is 9026 twips wide.
constexpr int page_width = 11906;
constexpr int page_height = 16838;
constexpr int margin = 1440;
constexpr int text_width = page_width - 2 * margin;

const char* style_id(DocxStyle style) {
    switch (style) {
    case DocxStyle::title: return "Title";
    case DocxStyle::heading1: return "Heading1";
    case DocxStyle::heading2: return "Heading2";
    case DocxStyle::normal: break;
    }
    return "Normal";
}

/// Appends `text` to run `r`: tabs and line breaks are elements of their own in WordprocessingML
/// (a literal newline inside w:t would show as a space), so the text is cut around them.
void append_run_text(pugi::xml_node r, const std::string& text) {
    const std::string clean = clean_text(text);
    std::string segment;
    const auto flush = [&] {
        if (segment.empty()) return;
        auto t = element(r, "w:t", {{"xml:space", "preserve"}});  // keeps leading, trailing, double spaces
        t.text().set(segment.c_str());
        segment.clear();
    };
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        if (c == '\t') {
            flush();
            element(r, "w:tab");
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < clean.size() && clean[i + 1] == '\n') ++i;  // CR LF is one break
            flush();
            element(r, "w:br");
        } else {
            segment += c;
        }
    }
    flush();
}

void append_run(pugi::xml_node p, const DocxRun& run) {
    auto r = element(p, "w:r");
    if (run.bold || run.italic) {
        auto rpr = element(r, "w:rPr");  // schema order: b before i
        if (run.bold) element(rpr, "w:b");
        if (run.italic) element(rpr, "w:i");
    }
    append_run_text(r, run.text);
}

void append_paragraph(pugi::xml_node body, const DocxParagraph& paragraph) {
    auto p = element(body, "w:p");
    if (paragraph.style != DocxStyle::normal)
        element(element(p, "w:pPr"), "w:pStyle", {{"w:val", style_id(paragraph.style)}});
    for (const auto& run : paragraph.runs) append_run(p, run);
}

std::size_t column_count(const DocxTable& table) {
    std::size_t columns = 0;
    for (const auto& row : table.rows) columns = std::max(columns, row.size());
    return columns;
}

/// Percent of the text width per column: as given, or equal shares of the full width.
std::vector<int> column_percents(const DocxTable& table, std::size_t columns) {
    if (!table.column_widths_percent.empty()) return table.column_widths_percent;
    return std::vector<int>(columns, static_cast<int>(100 / columns));
}

void check_widths(const DocxTable& table) {
    const auto& widths = table.column_widths_percent;
    if (widths.empty() || column_count(table) == 0) return;
    if (widths.size() != column_count(table) || std::any_of(widths.begin(), widths.end(), [](int w) { return w <= 0; }))
        throw std::invalid_argument("docx table: column_widths_percent must give one positive width per column (" +
                                    std::to_string(column_count(table)) + " columns, " +
                                    std::to_string(widths.size()) + " widths)");
}

void append_table(pugi::xml_node body, const DocxTable& table) {
    const std::size_t columns = column_count(table);
    const std::vector<int> percents = column_percents(table, columns);
    const int total = std::accumulate(percents.begin(), percents.end(), 0);

    auto tbl = element(body, "w:tbl");
    auto tbl_pr = element(tbl, "w:tblPr");
    element(tbl_pr, "w:tblStyle", {{"w:val", "TableGrid"}});
    // Percentages are in fiftieths of a percent in transitional OOXML (5000 = 100%).
    element(tbl_pr, "w:tblW", {{"w:w", std::to_string(total * 50)}, {"w:type", "pct"}});
    // Which of the table style's conditional formats apply: the header row, no column banding. Word
    // 2007 reads the bit mask (0x20 first row, 0x400 no vertical banding), later versions the flags.
    element(tbl_pr, "w:tblLook",
            {{"w:val", table.header_row ? "0420" : "0400"}, {"w:firstRow", table.header_row ? "1" : "0"},
             {"w:lastRow", "0"}, {"w:firstColumn", "0"}, {"w:lastColumn", "0"}, {"w:noHBand", "0"},
             {"w:noVBand", "1"}});
    // The grid is required by the schema; Word lays out from it until it recalculates the widths.
    auto grid = element(tbl, "w:tblGrid");
    for (int percent : percents) element(grid, "w:gridCol", {{"w:w", std::to_string(text_width * percent / 100)}});

    for (std::size_t row_index = 0; row_index < table.rows.size(); ++row_index) {
        const auto& row = table.rows[row_index];
        const bool header = table.header_row && row_index == 0;
        auto tr = element(tbl, "w:tr");
        if (header) element(element(tr, "w:trPr"), "w:tblHeader");  // repeats at the top of each page
        for (std::size_t column = 0; column < columns; ++column) {
            auto tc = element(tr, "w:tc");
            element(element(tc, "w:tcPr"), "w:tcW",
                    {{"w:w", std::to_string(percents[column] * 50)}, {"w:type", "pct"}});
            // A cell must hold at least one paragraph, even when it is empty.
            auto p = element(tc, "w:p");
            if (column < row.size()) append_run(p, DocxRun{row[column], header, false});
        }
    }
}

void append_section(pugi::xml_node body) {
    auto sect = element(body, "w:sectPr");
    element(sect, "w:pgSz", {{"w:w", std::to_string(page_width)}, {"w:h", std::to_string(page_height)}});
    const std::string m = std::to_string(margin);
    element(sect, "w:pgMar", {{"w:top", m}, {"w:right", m}, {"w:bottom", m}, {"w:left", m},
                              {"w:header", "708"}, {"w:footer", "708"}, {"w:gutter", "0"}});
    element(sect, "w:cols", {{"w:space", "708"}});
    element(sect, "w:docGrid", {{"w:linePitch", "360"}});
}

std::string document_xml(const DocxDocument& document) {
    pugi::xml_document xml;
    auto body = element(root(xml, "w:document", {{"xmlns:w", ns_w}, {"xmlns:r", ns_r}}), "w:body");
    bool after_table = false;
    for (const auto& block : document.blocks) {
        if (const auto* p = std::get_if<DocxParagraph>(&block)) {
            append_paragraph(body, *p);
            after_table = false;
            continue;
        }
        const auto& table = std::get<DocxTable>(block);
        if (column_count(table) == 0) continue;
        // Two tables in a row would be merged into one by Word; an empty paragraph keeps them apart.
        if (after_table) element(body, "w:p");
        append_table(body, table);
        after_table = true;
    }
    // Word expects the body to end with a paragraph, not a table.
    if (after_table) element(body, "w:p");
    append_section(body);
    return to_string(xml);
}

/// A minizip archive being written; closed (and so its file handle released) on every path, so
/// that AtomicOutput can remove the temporary file after a failure.
class ZipWriter {
public:
    ZipWriter(const std::filesystem::path& file, const std::filesystem::path& target) : target_(target) {
        zip_ = zipOpen(file.c_str(), APPEND_STATUS_CREATE);
        if (zip_ == nullptr)
            fail("could not create the temporary file " + file.string() +
                 "; check that the folder is writable and has free space");
    }
    ~ZipWriter() {
        if (zip_ != nullptr) zipClose(zip_, nullptr);
    }
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    void add(const char* name, const std::string& content, const tm_zip& time) {
        zip_fileinfo info{};
        info.tmz_date = time;
        if (zipOpenNewFileInZip(zip_, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                Z_DEFAULT_COMPRESSION) != ZIP_OK ||
            zipWriteInFileInZip(zip_, content.data(), static_cast<unsigned>(content.size())) != ZIP_OK ||
            zipCloseFileInZip(zip_) != ZIP_OK)
            fail(std::string("could not write ") + name + " into it; check that the disk has free space");
    }

    void close() {
        const int result = zipClose(zip_, nullptr);
        zip_ = nullptr;  // zipClose frees the handle even when it fails
        if (result != ZIP_OK) fail("could not finish the file; check that the disk has free space");
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw OutputError("cannot write " + target_.string() + ": " + what + "; nothing was written there");
    }

    zipFile zip_ = nullptr;
    std::filesystem::path target_;
};

struct Timestamp {
    std::string w3cdtf;  // 2024-05-01T09:30:00Z
    tm_zip zip{};
};

Timestamp now_utc() {
    using namespace std::chrono;
    const auto now = floor<seconds>(system_clock::now());
    const auto day = floor<days>(now);
    const year_month_day date{day};
    const hh_mm_ss time{now - day};
    Timestamp stamp;
    // Zip entries conventionally carry local time; UTC is as good for a letter nobody unzips.
    stamp.zip.tm_year = static_cast<int>(date.year());  // minizip takes the full year
    stamp.zip.tm_mon = static_cast<int>(static_cast<unsigned>(date.month())) - 1;
    stamp.zip.tm_mday = static_cast<int>(static_cast<unsigned>(date.day()));
    stamp.zip.tm_hour = static_cast<int>(time.hours().count());
    stamp.zip.tm_min = static_cast<int>(time.minutes().count());
    stamp.zip.tm_sec = static_cast<int>(time.seconds().count());
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", stamp.zip.tm_year, stamp.zip.tm_mon + 1,
                  stamp.zip.tm_mday, stamp.zip.tm_hour, stamp.zip.tm_min, stamp.zip.tm_sec);
    stamp.w3cdtf = text;
    return stamp;
}

}  // namespace

void write_docx(const DocxDocument& document, const std::filesystem::path& path) {
    for (const auto& block : document.blocks)
        if (const auto* table = std::get_if<DocxTable>(&block)) check_widths(*table);

    const Timestamp stamp = now_utc();
    // [Content_Types].xml first: tools that sniff the file type look at the first entry.
    const std::pair<const char*, std::string> parts[] = {
        {"[Content_Types].xml", content_types_xml()},
        {"_rels/.rels", package_rels_xml()},
        {"word/document.xml", document_xml(document)},
        {"word/_rels/document.xml.rels", document_rels_xml()},
        {"word/styles.xml", styles_xml()},
        {"word/settings.xml", settings_xml()},
        {"docProps/core.xml", core_xml(document.title, document.author, document.subject, stamp.w3cdtf)},
        {"docProps/app.xml", app_xml()},
    };

    AtomicOutput output(path);
    {
        ZipWriter zip(output.temporary(), path);
        for (const auto& [name, content] : parts) zip.add(name, content, stamp.zip);
        zip.close();
    }
    output.commit();
}

}  // namespace core
