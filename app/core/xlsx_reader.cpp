#include "app/core/xlsx_reader.h"

// What this reader does not do, by design:
// - Formulas are not evaluated: a formula cell gives the value cached when the file was last
//   saved (an empty cell when the writing program never calculated it).
// - Merged cells give their value in the top-left cell only; the rest of the area is empty.
// - Number formats only decide whether a number is a date; text is not formatted as Excel shows
//   it (a cell showing 12.5% reads as 0.125).
// - A date-formatted number below 1 reads as a time alone ("12:30:00", number 0.52...) in
//   either date system; other 1904-system dates are given as 1900-system serials, so every
//   TableCell::number means the same day.
// - .xlsb, .xls (Excel 97-2003), .ods and password-protected workbooks are refused with a
//   message; chart sheets and dialog sheets are listed but cannot be read.
// - Strict OOXML namespaces are not checked (elements are matched by local name), and relationship
//   targets with %-escapes are not decoded; neither is tested.
// - Hidden rows and columns are read like any other; comments, hyperlinks, data validation and
//   rich-text formatting are ignored.

#include <charconv>
#include <fstream>
#include <map>
#include <memory>
#include <system_error>

#include "app/core/xlsx_sheet.h"
#include "app/core/xlsx_values.h"
#include "app/core/xlsx_zip.h"

namespace core {

using xlsx_read::XmlPart;

namespace {

const std::string damaged = "the workbook is damaged: open it in Excel and save it again";

struct Relationship {
    std::string type;
    std::string target;
    bool external = false;
};

// A relationship target as a part name: relative to xl/ (the workbook's folder) unless it starts
// with '/'; "" when ".." climbs out of the package or the target names a folder.
std::string part_name(std::string_view target) {
    const auto file = target.substr(target.rfind('/') + 1);  // all of it when there is no '/'
    if (file.empty() || file == "." || file == "..") return "";
    std::vector<std::string_view> segments;
    if (!target.empty() && target[0] == '/') target.remove_prefix(1);
    else segments.push_back("xl");
    while (!target.empty()) {
        const auto slash = std::min(target.find('/'), target.size());
        const auto segment = target.substr(0, slash);
        target.remove_prefix(std::min(slash + 1, target.size()));
        if (segment == "..") {
            if (segments.empty()) return "";
            segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
    }
    std::string out;
    for (const auto segment : segments) out += (out.empty() ? "" : "/") + std::string(segment);
    return out;
}

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

std::string ascii_lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string checked_size(const std::string& name, std::string bytes, const XlsxLimits& limits) {
    if (bytes.size() > limits.max_file_bytes)
        throw InputError({{name, 0, 0,
                           "the file is " + xlsx_read::size_text(bytes.size()) + ", over the limit of " +
                               xlsx_read::size_text(limits.max_file_bytes) + "; split the workbook"}});
    return bytes;
}

std::string read_file(const std::filesystem::path& path, const XlsxLimits& limits) {
    return read_input_file(path, limits.max_file_bytes, "split the workbook");
}

}  // namespace

struct XlsxWorkbook::Impl {
    Impl(const std::string& file, std::string bytes, const XlsxLimits& l)
        : name(file), limits(l), zip(file, checked_size(file, std::move(bytes), l), l) {}

    void read_workbook();
    std::map<std::string, Relationship> read_relationships(const std::string& part);
    void read_shared_strings(const std::string& part);
    void read_styles(const std::string& part);
    std::unique_ptr<XmlPart> read_part(const std::string& part) {
        auto text = zip.read(part);
        return text ? std::make_unique<XmlPart>(name, part, std::move(*text)) : nullptr;
    }
    void expect_root(const XmlPart& part, std::string_view root) const {
        if (xlsx_read::local_name(part.root().name()) != root)
            throw part.error(part.root(), "expected <" + std::string(root) + ">, found <" + part.root().name() +
                                              ">; " + damaged);
    }
    [[noreturn]] void fail(const std::string& message) const { throw InputError({{name, 0, 0, message}}); }
    /// The sheet named `wanted`, exactly or else ignoring ASCII case; sheets.size() when none is.
    std::size_t find(const std::string& wanted) const {
        for (std::size_t i = 0; i < sheets.size(); ++i)
            if (sheets[i].name == wanted) return i;
        for (std::size_t i = 0; i < sheets.size(); ++i)
            if (ascii_lower(sheets[i].name) == ascii_lower(wanted)) return i;
        return sheets.size();
    }

    std::string name;
    XlsxLimits limits;
    ZipPackage zip;
    std::vector<SheetInfo> sheets;
    std::vector<std::string> sheet_parts;
    xlsx_read::CellValues values;
};

void XlsxWorkbook::Impl::read_workbook() {
    const auto workbook = read_part("xl/workbook.xml");
    if (!workbook) {
        std::string what = "not an .xlsx workbook (the zip file has no xl/workbook.xml)";
        if (zip.has("word/document.xml")) what = "a Word document, not an .xlsx workbook";
        else if (zip.has("xl/workbook.bin")) what = "an Excel binary workbook (.xlsb), not an .xlsx workbook";
        else if (zip.has("content.xml")) what = "an OpenDocument file (.ods), not an .xlsx workbook";
        fail(what + "; save it from Excel as 'Excel Workbook (.xlsx)'");
    }
    expect_root(*workbook, "workbook");
    const auto root = workbook->root();
    const std::string_view date1904 = xlsx_read::child(root, "workbookPr").attribute("date1904").value();
    values.date1904 = date1904 == "1" || date1904 == "true";

    const std::string rels_part = "xl/_rels/workbook.xml.rels";
    const auto rels = read_relationships(rels_part);
    for (const auto sheet : xlsx_read::child(root, "sheets").children()) {
        if (sheet.type() != pugi::node_element || xlsx_read::local_name(sheet.name()) != "sheet") continue;
        const std::string name_text = sheet.attribute("name").value();
        const std::string_view state = sheet.attribute("state").value();
        const std::string id = xlsx_read::attribute(sheet, "id").value();
        if (name_text.empty()) throw workbook->error(sheet, "a sheet has no name; " + damaged);
        const auto rel = rels.find(id);
        if (rel == rels.end() || rel->second.external)
            throw workbook->error(sheet, "sheet '" + name_text + "' refers to relationship '" + id + "', which " +
                                             rels_part + " does not define as a part; " + damaged);
        const auto part = part_name(rel->second.target);
        if (part.empty())
            throw workbook->error(sheet, "sheet '" + name_text + "' has no part inside the workbook (its target is '" +
                                             rel->second.target + "'); " + damaged);
        sheets.push_back({name_text, state == "hidden" || state == "veryHidden"});
        sheet_parts.push_back(part);
    }
    // The usual part names, unless the relationships say otherwise.
    std::string strings_part = "xl/sharedStrings.xml", styles_part = "xl/styles.xml";
    for (const auto& [id, rel] : rels) {
        if (rel.external) continue;
        if (ends_with(rel.type, "/sharedStrings")) strings_part = part_name(rel.target);
        else if (ends_with(rel.type, "/styles")) styles_part = part_name(rel.target);
    }
    if (!strings_part.empty()) read_shared_strings(strings_part);
    if (!styles_part.empty()) read_styles(styles_part);
}

std::map<std::string, Relationship> XlsxWorkbook::Impl::read_relationships(const std::string& part) {
    const auto rels = read_part(part);
    if (!rels) fail("part " + part + " is missing, so the sheets cannot be found; " + damaged);
    expect_root(*rels, "Relationships");
    std::map<std::string, Relationship> out;
    for (const auto r : rels->root().children()) {
        if (r.type() != pugi::node_element || xlsx_read::local_name(r.name()) != "Relationship") continue;
        out.emplace(r.attribute("Id").value(),
                    Relationship{r.attribute("Type").value(), r.attribute("Target").value(),
                                 std::string_view(r.attribute("TargetMode").value()) == "External"});
    }
    return out;
}

void XlsxWorkbook::Impl::read_shared_strings(const std::string& part_name_text) {
    const auto part = read_part(part_name_text);
    if (!part) return;  // a workbook without text cells may have none
    expect_root(*part, "sst");
    for (const auto si : part->root().children()) {
        if (si.type() != pugi::node_element || xlsx_read::local_name(si.name()) != "si") continue;
        if (values.shared_strings.size() >= limits.max_cells)
            throw part->error(si, "more than " + std::to_string(limits.max_cells) + " shared strings; split the workbook");
        values.shared_strings.push_back(xlsx_read::string_item_text(si));
    }
}

void XlsxWorkbook::Impl::read_styles(const std::string& part_name_text) {
    const auto part = read_part(part_name_text);
    if (!part) return;  // no styles: every number is General
    expect_root(*part, "styleSheet");
    const auto root = part->root();
    const auto format_id = [&](pugi::xml_node node) {
        const auto id = node.attribute("numFmtId");
        unsigned value = 0;
        const std::string_view text = id.value();
        const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
        if (id && (result.ec != std::errc() || result.ptr != text.data() + text.size()))
            throw part->error(node, "numFmtId '" + std::string(text) + "' is not a number; " + damaged);
        return value;
    };
    std::map<unsigned, bool> custom_is_date;
    for (const auto format : xlsx_read::child(root, "numFmts").children())
        if (format.type() == pugi::node_element && xlsx_read::local_name(format.name()) == "numFmt")
            custom_is_date[format_id(format)] = xlsx_read::is_date_format_code(format.attribute("formatCode").value());
    for (const auto xf : xlsx_read::child(root, "cellXfs").children()) {
        if (xf.type() != pugi::node_element || xlsx_read::local_name(xf.name()) != "xf") continue;
        const auto id = format_id(xf);
        const auto custom = custom_is_date.find(id);
        values.date_styles.push_back(custom != custom_is_date.end() ? custom->second
                                                                    : xlsx_read::is_builtin_date_format(id));
    }
    values.has_styles = true;
}

XlsxWorkbook::XlsxWorkbook(const std::filesystem::path& path, const XlsxLimits& limits)
    : XlsxWorkbook(path.string(), read_file(path, limits), limits) {}

XlsxWorkbook::XlsxWorkbook(const std::string& name, std::string bytes, const XlsxLimits& limits)
    : impl_(std::make_unique<Impl>(name, std::move(bytes), limits)) {
    impl_->read_workbook();
}

XlsxWorkbook::~XlsxWorkbook() = default;

const std::vector<XlsxWorkbook::SheetInfo>& XlsxWorkbook::sheets() const { return impl_->sheets; }

bool XlsxWorkbook::has_sheet(const std::string& name) const { return impl_->find(name) < impl_->sheets.size(); }

Table XlsxWorkbook::sheet(const std::string& name) const {
    auto& impl = *impl_;
    if (impl.sheets.empty()) impl.fail("the workbook has no sheets; " + std::string(damaged));
    const auto index = name.empty() ? 0 : impl.find(name);
    if (index == impl.sheets.size()) {
        std::string list;
        for (const auto& s : impl.sheets) list += (list.empty() ? "" : ", ") + s.name;
        impl.fail("no sheet named '" + name + "' (sheets: " + list + ")");
    }
    const auto& part = impl.sheet_parts[index];
    const auto xml = impl.read_part(part);
    if (!xml)
        impl.fail("sheet '" + impl.sheets[index].name + "' should be in part " + part + ", which is missing; " + damaged);
    return xlsx_read::read_worksheet(*xml, impl.sheets[index].name, impl.values, impl.limits);
}

}  // namespace core
