// Builds .xlsx files for the XLSX reader's tests: zips of hand-written parts (minizip), and the
// helpers to patch a zip's declared sizes and to read files back.
#pragma once

#include <unistd.h>
#include <minizip/zip.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace xlsx_test {

namespace fs = std::filesystem;

/// A folder for this test run's files, removed when the tests end.
inline fs::path temp_folder() {
    static const struct Folder {
        fs::path path = fs::temp_directory_path() / ("tb_xlsx_" + std::to_string(::getpid()));
        Folder() { fs::create_directories(path); }
        ~Folder() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } folder;
    return folder.path;
}

inline std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Part {
    std::string name;
    std::string text;
};

/// A zip holding `parts`, deflated at `level`.
inline std::string zip(const std::vector<Part>& parts, int level = Z_DEFAULT_COMPRESSION) {
    static int count = 0;
    const auto path = temp_folder() / ("hand_" + std::to_string(++count) + ".zip");
    zipFile z = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z != nullptr);
    for (const auto& part : parts) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(z, part.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, level,
                                      part.text.size() > 0xFFFFFFF0u) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(z, part.text.data(), static_cast<unsigned>(part.text.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
    }
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
    auto bytes = file_bytes(path);
    fs::remove(path);
    return bytes;
}

inline void put_u32(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

inline std::uint32_t get_u16(const std::string& bytes, std::size_t at) {
    return static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8;
}

/// Makes the zip's local and central headers of `part` declare `size` expanded bytes: a lie.
inline void declare_size(std::string& bytes, const std::string& part, std::uint32_t size) {
    int patched = 0;
    for (std::size_t at = 0; at + 46 < bytes.size(); ++at) {
        if (bytes.compare(at, 4, "PK\x03\x04") == 0 && bytes.compare(at + 30, part.size(), part) == 0 &&
            get_u16(bytes, at + 26) == part.size()) {
            put_u32(bytes, at + 22, size);
            ++patched;
        } else if (bytes.compare(at, 4, "PK\x01\x02") == 0 && bytes.compare(at + 46, part.size(), part) == 0 &&
                   get_u16(bytes, at + 28) == part.size()) {
            put_u32(bytes, at + 24, size);
            ++patched;
        }
    }
    REQUIRE(patched == 2);
}

const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const std::string declaration = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                                "\n";

inline std::string worksheet(const std::string& rows) {
    return declaration + "<worksheet xmlns=\"" + main_ns + "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

inline std::string workbook(const std::string& inside = "", const std::string& sheets =
                                                                  R"(<sheet name="Bids" sheetId="1" r:id="rId1"/>)") {
    return declaration + "<workbook xmlns=\"" + main_ns + "\" xmlns:r=\"" + rel_ns + "\">" + inside + "<sheets>" +
           sheets + "</sheets></workbook>";
}

inline std::string relationships(const std::string& extra = "") {
    return declaration +
           R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type=")" +
           rel_ns + R"(/worksheet" Target="worksheets/sheet1.xml"/>)" + extra + "</Relationships>";
}

inline std::string shared_strings(const std::string& items) {
    return declaration + "<sst xmlns=\"" + main_ns + "\">" + items + "</sst>";
}

/// A one-sheet workbook ("Bids") whose sheet holds `rows`, with any `extra` parts.
inline std::string workbook_with(const std::string& rows, std::vector<Part> extra = {},
                                 const std::string& workbook_inside = "") {
    extra.push_back({"xl/workbook.xml", workbook(workbook_inside)});
    extra.push_back({"xl/_rels/workbook.xml.rels", relationships()});
    extra.push_back({"xl/worksheets/sheet1.xml", worksheet(rows)});
    return zip(extra);
}

}  // namespace xlsx_test
