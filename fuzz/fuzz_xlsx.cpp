// libFuzzer target: the XLSX reader. An input starting "PK" is read as a workbook as it is, which
// fuzzes the zip layer. Any other input is split at NUL bytes into the parts of a workbook (sheet,
// shared strings, styles, and optionally workbook and relationships) and packed into a valid zip
// first: mutated zip bytes almost never pass the CRC check, so the XML layer needs this route.
// An InputError is a proper refusal; anything else (exception, crash, sanitizer report) is a
// finding. TENDERBENCH_FUZZ_DUMP=path writes the packed zip, to keep a finding as a test fixture.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "app/core/xlsx_reader.h"

namespace {

const std::string default_workbook =
    R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="Bids" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" state="hidden" r:id="rId1"/>)"
    R"(</sheets></workbook>)";
const std::string default_relationships =
    R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";

struct Field {
    std::uint32_t value;
    int bytes;
};

void put(std::string& out, std::initializer_list<Field> fields) {
    for (const auto field : fields)
        for (int i = 0; i < field.bytes; ++i) out += static_cast<char>((field.value >> (8 * i)) & 0xFF);
}

// A zip of stored (uncompressed) entries with correct CRCs; DOS date 0x21 is 1980-01-01.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string out, directory;
    for (const auto& [name, data] : parts) {
        const auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                                                          static_cast<uInt>(data.size())));
        const auto size = static_cast<std::uint32_t>(data.size());
        const auto name_size = static_cast<std::uint32_t>(name.size());
        const auto offset = static_cast<std::uint32_t>(out.size());
        put(out, {{0x04034b50, 4}, {20, 2}, {0, 2}, {0, 2}, {0, 2}, {0x21, 2}, {crc, 4}, {size, 4}, {size, 4},
                  {name_size, 2}, {0, 2}});
        out += name + data;
        put(directory, {{0x02014b50, 4}, {20, 2}, {20, 2}, {0, 2}, {0, 2}, {0, 2}, {0x21, 2}, {crc, 4}, {size, 4},
                        {size, 4}, {name_size, 2}, {0, 2}, {0, 2}, {0, 2}, {0, 2}, {0, 4}, {offset, 4}});
        directory += name;
    }
    const auto count = static_cast<std::uint32_t>(parts.size());
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put(out, {{0x06054b50, 4}, {0, 2}, {0, 2}, {count, 2}, {count, 2},
              {static_cast<std::uint32_t>(directory.size()), 4}, {directory_offset, 4}, {0, 2}});
    return out;
}

std::string packed_parts(const std::string& input) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t nul; pieces.size() < 4 && (nul = input.find('\0', start)) != std::string::npos; start = nul + 1)
        pieces.push_back(input.substr(start, nul - start));
    pieces.push_back(input.substr(start));
    pieces.resize(5);
    std::vector<std::pair<std::string, std::string>> parts = {
        {"xl/workbook.xml", pieces[3].empty() ? default_workbook : pieces[3]},
        {"xl/_rels/workbook.xml.rels", pieces[4].empty() ? default_relationships : pieces[4]},
        {"xl/worksheets/sheet1.xml", pieces[0]}};
    if (!pieces[1].empty()) parts.emplace_back("xl/sharedStrings.xml", pieces[1]);
    if (!pieces[2].empty()) parts.emplace_back("xl/styles.xml", pieces[2]);
    return stored_zip(parts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.rfind("PK", 0) != 0) bytes = packed_parts(bytes);
    if (const char* dump = std::getenv("TENDERBENCH_FUZZ_DUMP")) std::ofstream(dump, std::ios::binary) << bytes;
    // Excel's limits, but fewer cells than the default, so a sheet of far-apart cells stays
    // under libFuzzer's memory limit with AddressSanitizer's overhead; the code paths are the same.
    core::XlsxLimits limits;
    limits.max_cells = 1'000'000;
    limits.max_text_bytes = 64u << 20;
    try {
        const core::XlsxWorkbook book("fuzz.xlsx", std::move(bytes), limits);
        for (const auto& sheet : book.sheets()) {
            const auto table = book.sheet(sheet.name);
            if (table.sheet != sheet.name) __builtin_trap();
            int previous = 0;
            for (const auto& row : table.rows) {
                if (row.line <= previous || row.line > 1048576 || row.cells.size() > 16384) __builtin_trap();
                previous = row.line;
            }
        }
    } catch (const core::InputError& e) {
        if (e.diagnostics().empty() || e.diagnostics().front().message.empty()) __builtin_trap();
    }
    return 0;
}
