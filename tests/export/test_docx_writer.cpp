// The .docx writer: every part present and well-formed, bidder text exactly as given, nothing left
// behind on failure, and LibreOffice Writer reading the letter as a letter.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <unzip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "app/core/docx_writer.h"
#include "app/core/output_file.h"
#include "support/office.h"
#include "tests/workbook/workbook_fixture.h"

using namespace core;
using test::TempFolder;
namespace fs = std::filesystem;

namespace {

// Text that breaks naive writers: markup, entities, a spreadsheet formula, non-ASCII.
const std::string formula = "=HYPERLINK(\"x\")";
const std::string markup = "<b>&amp;";
const std::string money = "Caf\xC3\xA9 \xE2\x80\x93 \xC2\xA3" "1,200";  // Café – £1,200

DocxDocument sample_letter() {
    DocxDocument doc{"Assessment summary: Acme Meals", "Test Officer", "Community meals tender", {}};
    doc.blocks.push_back(paragraph("Assessment summary", DocxStyle::title));
    doc.blocks.push_back(paragraph("Dear " + formula + ",", DocxStyle::normal));
    doc.blocks.push_back(paragraph({{"Bidder: ", true}, {markup + " <script>", false, true}}));
    doc.blocks.push_back(paragraph("Your price: " + money));
    doc.blocks.push_back(paragraph("Results", DocxStyle::heading1));
    doc.blocks.push_back(paragraph("Quality", DocxStyle::heading2));
    doc.blocks.push_back(paragraph("Score\tWeight"));
    doc.blocks.push_back(paragraph("line one\nline two"));
    doc.blocks.push_back(paragraph("bell\x01gone"));
    doc.blocks.push_back(paragraph("  two  spaces  "));
    doc.blocks.push_back(DocxTable{{{"Criterion", "Score", "Weight"},
                                    {"Delivery plan", "4", "30%"},
                                    {"Social value\nand local jobs"}},  // short row: padded
                                   true,
                                   {50, 25, 25}});
    doc.blocks.push_back(paragraph("Yours sincerely,"));
    return doc;
}

/// Every entry of a zip file, in archive order, read with minizip's unzip API.
std::vector<std::pair<std::string, std::string>> read_zip(const fs::path& path) {
    std::vector<std::pair<std::string, std::string>> entries;
    unzFile zip = unzOpen(path.c_str());
    REQUIRE(zip != nullptr);
    for (int at = unzGoToFirstFile(zip); at == UNZ_OK; at = unzGoToNextFile(zip)) {
        char name[256];
        unz_file_info info;
        REQUIRE(unzGetCurrentFileInfo(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
        REQUIRE(unzOpenCurrentFile(zip) == UNZ_OK);
        std::string content(info.uncompressed_size, '\0');
        const int read = unzReadCurrentFile(zip, content.data(), static_cast<unsigned>(content.size()));
        REQUIRE(read == static_cast<int>(content.size()));
        REQUIRE(unzCloseCurrentFile(zip) == UNZ_OK);  // checks the CRC
        entries.emplace_back(name, std::move(content));
    }
    unzClose(zip);
    return entries;
}

std::string part(const std::vector<std::pair<std::string, std::string>>& entries, const std::string& name) {
    for (const auto& [entry, content] : entries)
        if (entry == name) return content;
    FAIL("no part " << name);
    return {};
}

void parse(pugi::xml_document& xml, const std::string& text) {
    const auto result = xml.load_string(text.c_str());
    INFO(result.description() << " at " << result.offset);
    REQUIRE(result);
}

/// The text of each paragraph (also those in table cells) as Word shows it: w:tab is a tab, w:br
/// a newline.
std::vector<std::string> paragraph_texts(const pugi::xml_document& xml) {
    std::vector<std::string> texts;
    for (const auto& p : xml.select_nodes("//w:p")) {
        std::string text;
        auto nodes = p.node().select_nodes(".//w:t | .//w:tab | .//w:br");
        nodes.sort();  // a union comes back grouped by step, not in document order
        for (const auto& node : nodes) {
            const std::string name = node.node().name();
            text += name == "w:t" ? node.node().text().get() : name == "w:tab" ? "\t" : "\n";
        }
        texts.push_back(text);
    }
    return texts;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t found = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size()))
        ++found;
    return found;
}

std::string joined(const std::vector<std::string>& texts) {
    std::string all;
    for (const auto& text : texts) all += text + "\n\n";
    return all;
}

std::vector<fs::path> folder_contents(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path().filename());
    return files;
}

}  // namespace

TEST_CASE("A .docx letter holds every part, well-formed, in the order Word expects", "[integration][docx]") {
    TempFolder tmp;
    write_docx(sample_letter(), tmp / "letter.docx");
    CHECK(folder_contents(tmp.path()) == std::vector<fs::path>{"letter.docx"});  // no temporary left

    const auto entries = read_zip(tmp / "letter.docx");
    REQUIRE_FALSE(entries.empty());
    CHECK(entries.front().first == "[Content_Types].xml");
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/settings.xml", "docProps/core.xml", "docProps/app.xml"}) {
        INFO(name);
        pugi::xml_document xml;
        parse(xml, part(entries, name));
    }

    pugi::xml_document types;
    parse(types, part(entries, "[Content_Types].xml"));
    CHECK(types.select_node("//Override[@PartName='/word/document.xml']").node().attribute("ContentType").as_string() ==
          std::string("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
    pugi::xml_document rels;
    parse(rels, part(entries, "word/_rels/document.xml.rels"));
    CHECK(rels.select_node("//Relationship[@Target='styles.xml']"));

    pugi::xml_document core_props;
    parse(core_props, part(entries, "docProps/core.xml"));
    CHECK(core_props.select_node("//dc:title").node().text().get() == std::string("Assessment summary: Acme Meals"));
    CHECK(core_props.select_node("//dc:creator").node().text().get() == std::string("Test Officer"));
    CHECK(core_props.select_node("//dc:subject").node().text().get() == std::string("Community meals tender"));
    const auto created = core_props.select_node("//dcterms:created").node();
    CHECK(created.attribute("xsi:type").as_string() == std::string("dcterms:W3CDTF"));
    CHECK(std::regex_match(created.text().get(), std::regex(R"(20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));

    // Every style the document uses is defined, with Word's built-in names.
    pugi::xml_document styles;
    parse(styles, part(entries, "word/styles.xml"));
    pugi::xml_document doc;
    parse(doc, part(entries, "word/document.xml"));
    for (const auto& used : doc.select_nodes("//w:pStyle/@w:val | //w:tblStyle/@w:val")) {
        const std::string id = used.attribute().value();
        INFO(id);
        CHECK(styles.select_node(("//w:style[@w:styleId='" + id + "']").c_str()));
    }
    CHECK(styles.select_node("//w:style[@w:styleId='Heading1']/w:name").node().attribute("w:val").as_string() ==
          std::string("heading 1"));
    CHECK(styles.select_node("//w:style[@w:styleId='TableGrid']/w:tblPr/w:tblBorders/w:insideH"));

    const auto section = doc.select_node("/w:document/w:body/w:sectPr").node();
    REQUIRE(section);
    CHECK(section == doc.child("w:document").child("w:body").last_child());
    CHECK(section.child("w:pgSz").attribute("w:w").as_int() == 11906);
    CHECK(section.child("w:pgSz").attribute("w:h").as_int() == 16838);
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"})
        CHECK(section.child("w:pgMar").attribute(side).as_int() == 1440);
}

TEST_CASE("Bidder text reaches the .docx literally; characters XML cannot carry are dropped", "[integration][docx]") {
    TempFolder tmp;
    auto letter = sample_letter();
    letter.blocks.push_back(paragraph("bad \xFF byte, CR LF\r\nend"));
    write_docx(letter, tmp / "letter.docx");
    const std::string xml_text = part(read_zip(tmp / "letter.docx"), "word/document.xml");
    CHECK(xml_text.find('\x01') == std::string::npos);
    pugi::xml_document doc;
    parse(doc, xml_text);

    const auto texts = paragraph_texts(doc);
    const std::string all = joined(texts);
    for (const std::string& expected : {formula, markup, std::string("<script>"), money, std::string("Score\tWeight"),
                                        std::string("bellgone"), std::string("  two  spaces  ")}) {
        INFO(expected);
        CHECK(count(all, expected) == 1);
    }
    // A line break stays inside its paragraph; CR LF is one break; a bad byte becomes U+FFFD.
    CHECK(std::count(texts.begin(), texts.end(), "line one\nline two") == 1);
    CHECK(std::count(texts.begin(), texts.end(), "bad \xEF\xBF\xBD byte, CR LF\nend") == 1);
    CHECK(count(all, "Dear ") == 1);

    for (const auto& t : doc.select_nodes("//w:t"))
        CHECK(t.node().attribute("xml:space").as_string() == std::string("preserve"));
    CHECK(doc.select_node("//w:r[w:t='Bidder: ']/w:rPr/w:b"));
    CHECK(doc.select_node("//w:r[w:t='<b>&amp; <script>']/w:rPr/w:i"));
}

TEST_CASE("A .docx table has a bold repeating header row and its column widths", "[integration][docx]") {
    TempFolder tmp;
    write_docx(sample_letter(), tmp / "letter.docx");
    pugi::xml_document doc;
    parse(doc, part(read_zip(tmp / "letter.docx"), "word/document.xml"));

    const auto tables = doc.select_nodes("//w:tbl");
    REQUIRE(tables.size() == 1);
    const auto table = tables.first().node();
    CHECK(table.select_node("w:tblPr/w:tblStyle").node().attribute("w:val").as_string() == std::string("TableGrid"));
    CHECK(table.select_node("w:tblPr/w:tblW").node().attribute("w:type").as_string() == std::string("pct"));
    CHECK(table.select_node("w:tblPr/w:tblW").node().attribute("w:w").as_int() == 5000);  // fiftieths of a percent

    std::vector<std::vector<std::string>> cells;
    for (const auto& tr : table.select_nodes("w:tr")) {
        auto& row = cells.emplace_back();
        for (const auto& tc : tr.node().select_nodes("w:tc")) {
            pugi::xml_document cell;
            cell.append_copy(tc.node().child("w:p"));
            row.push_back(paragraph_texts(cell).at(0));
        }
    }
    CHECK(cells == std::vector<std::vector<std::string>>{{"Criterion", "Score", "Weight"},
                                                         {"Delivery plan", "4", "30%"},
                                                         {"Social value\nand local jobs", "", ""}});
    const auto rows = table.select_nodes("w:tr");
    CHECK(rows[0].node().select_node("w:trPr/w:tblHeader"));
    CHECK_FALSE(rows[1].node().select_node("w:trPr/w:tblHeader"));
    CHECK(rows[0].node().select_nodes("w:tc/w:p/w:r/w:rPr/w:b").size() == 3);
    CHECK(rows[1].node().select_nodes(".//w:b").empty());
    const auto widths = rows[1].node().select_nodes("w:tc/w:tcPr/w:tcW");
    REQUIRE(widths.size() == 3);
    CHECK(widths[0].node().attribute("w:w").as_int() == 2500);
    CHECK(widths[1].node().attribute("w:w").as_int() == 1250);
    CHECK(widths[0].node().attribute("w:type").as_string() == std::string("pct"));
}

TEST_CASE("Empty and back-to-back .docx tables still make a document Word opens", "[integration][docx]") {
    TempFolder tmp;
    DocxDocument letter;
    letter.blocks.push_back(DocxTable{{{"a", "b"}}, false, {}});
    letter.blocks.push_back(DocxTable{});  // no cells: left out
    letter.blocks.push_back(DocxTable{{{"c"}}, false, {}});
    write_docx(letter, tmp / "tables.docx");
    pugi::xml_document doc;
    parse(doc, part(read_zip(tmp / "tables.docx"), "word/document.xml"));

    std::vector<std::string> body;
    for (const auto& child : doc.child("w:document").child("w:body").children()) body.emplace_back(child.name());
    // A paragraph keeps the tables apart (Word would merge them) and ends the body before sectPr.
    CHECK(body == std::vector<std::string>{"w:tbl", "w:p", "w:tbl", "w:p", "w:sectPr"});
    CHECK_FALSE(doc.select_node("//w:tblHeader"));
}

TEST_CASE("Column widths that do not match the columns are refused before anything is written", "[integration][docx]") {
    TempFolder tmp;
    DocxDocument letter;
    letter.blocks.push_back(DocxTable{{{"a", "b"}}, true, {100}});
    CHECK_THROWS_AS(write_docx(letter, tmp / "letter.docx"), std::invalid_argument);
    letter.blocks[0] = DocxTable{{{"a", "b"}}, true, {100, 0}};
    CHECK_THROWS_AS(write_docx(letter, tmp / "letter.docx"), std::invalid_argument);
    CHECK(fs::is_empty(tmp.path()));
}

TEST_CASE("A .docx for a missing folder or a folder's name fails and leaves nothing", "[integration][docx]") {
    TempFolder tmp;
    CHECK_THROWS_AS(write_docx(sample_letter(), tmp / "missing" / "letter.docx"), OutputError);
    CHECK_THROWS_WITH(write_docx(sample_letter(), tmp / "missing" / "letter.docx"), Catch::Contains("does not exist"));
    CHECK(fs::is_empty(tmp.path()));

    fs::create_directory(tmp / "letter.docx");
    CHECK_THROWS_AS(write_docx(sample_letter(), tmp / "letter.docx"), OutputError);
    CHECK(folder_contents(tmp.path()) == std::vector<fs::path>{"letter.docx"});
    CHECK(fs::is_empty(tmp / "letter.docx"));
}

namespace {

/// Caps the size of files this process writes (as a full disk would), restored at scope exit.
/// SIGXFSZ is ignored meanwhile so that the write fails with EFBIG instead of killing the tests.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        old_handler_ = signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        signal(SIGXFSZ, old_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("A .docx that cannot be finished leaves the older letter and no partial file", "[integration][docx]") {
    TempFolder tmp;
    std::ofstream(tmp / "letter.docx") << "the letter sent last week";
    // Random text barely compresses, so the archive outgrows the cap while minizip writes it.
    std::mt19937 random(42);
    std::string noise;
    for (int i = 0; i < 200000; ++i) noise += static_cast<char>('!' + random() % 90);
    DocxDocument letter;
    letter.blocks.push_back(paragraph(noise));
    {
        FileSizeLimit cap(16 * 1024);
        CHECK_THROWS_AS(write_docx(letter, tmp / "letter.docx"), OutputError);
        CHECK_THROWS_WITH(write_docx(letter, tmp / "letter.docx"), Catch::Contains("free space"));
    }
    CHECK(folder_contents(tmp.path()) == std::vector<fs::path>{"letter.docx"});
    CHECK(test::slurp(tmp / "letter.docx") == "the letter sent last week");
}

// LibreOffice is what many officers edit the letters in: it must read the text and the A4 page.
TEST_CASE("LibreOffice Writer reads the .docx letter's text and page size", "[integration][docx]") {
    TempFolder tmp;
    write_docx(sample_letter(), tmp / "letter.docx");

    // "(encoded):UTF8" pins the output encoding; plain "txt:Text" follows the locale.
    const auto txt = testsupport::office_convert(tmp / "letter.docx", "txt:Text (encoded):UTF8", tmp / "out");
    const std::string text = test::slurp(txt);
    for (const std::string& expected :
         {std::string("Assessment summary"), "Dear " + formula + ",", "Bidder: " + markup + " <script>", money,
          std::string("Score\tWeight"), std::string("line one\nline two"), std::string("bellgone"),
          std::string("Criterion"), std::string("Delivery plan"), std::string("30%"),
          std::string("Yours sincerely,")}) {
        INFO(expected << "\n--- in ---\n" << text);
        CHECK(count(text, expected) == 1);
    }

    // A4 is 595 x 842 points.
    const auto pdf = testsupport::office_convert(tmp / "letter.docx", "pdf", tmp / "out");
    const std::string pdf_text = test::slurp(pdf);
    CHECK(pdf_text.rfind("%PDF", 0) == 0);
    CHECK(std::regex_search(pdf_text, std::regex(R"(/MediaBox\s*\[\s*0\s+0\s+595\.\d*\s+841\.\d*\s*\])")));
}
