#include "support/xlsx_edit.h"

#include <unzip.h>
#include <zip.h>

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace testsupport {

namespace {

// Every part of the package, in order, by name.
std::vector<std::pair<std::string, std::string>> read_parts(const std::filesystem::path& xlsx) {
    unzFile in = unzOpen(xlsx.c_str());
    if (!in) throw std::runtime_error("cannot open " + xlsx.string() + " as a zip file");
    std::vector<std::pair<std::string, std::string>> parts;
    for (int more = unzGoToFirstFile(in); more == UNZ_OK; more = unzGoToNextFile(in)) {
        char name[512];
        unz_file_info info;
        unzGetCurrentFileInfo(in, &info, name, sizeof name, nullptr, 0, nullptr, 0);
        std::string data(info.uncompressed_size, '\0');
        unzOpenCurrentFile(in);
        const int n = unzReadCurrentFile(in, data.data(), static_cast<unsigned>(data.size()));
        unzCloseCurrentFile(in);
        if (n < 0 || static_cast<uLong>(n) != info.uncompressed_size)
            throw std::runtime_error(std::string("cannot read part ") + name);
        parts.emplace_back(name, std::move(data));
    }
    unzClose(in);
    return parts;
}

void write_parts(const std::filesystem::path& xlsx, const std::vector<std::pair<std::string, std::string>>& parts) {
    zipFile out = zipOpen(xlsx.c_str(), APPEND_STATUS_CREATE);
    if (!out) throw std::runtime_error("cannot write " + xlsx.string());
    for (const auto& [name, data] : parts) {
        zip_fileinfo info{};
        if (zipOpenNewFileInZip(out, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                Z_DEFAULT_COMPRESSION) != ZIP_OK ||
            zipWriteInFileInZip(out, data.data(), static_cast<unsigned>(data.size())) != ZIP_OK ||
            zipCloseFileInZip(out) != ZIP_OK)
            throw std::runtime_error("cannot write part " + name);
    }
    if (zipClose(out, nullptr) != ZIP_OK) throw std::runtime_error("cannot finish " + xlsx.string());
}


// Empties cell `cell` of the worksheet part `part`, lets `fill` give it a value, and rewrites the file.
void edit_cell(const std::filesystem::path& xlsx, const std::string& part, const std::string& cell,
               const std::function<void(pugi::xml_node)>& fill) {
    auto parts = read_parts(xlsx);
    for (auto& [name, data] : parts) {
        if (name != part) continue;
        pugi::xml_document doc;
        if (!doc.load_buffer(data.data(), data.size())) throw std::runtime_error("cannot parse " + name);
        auto c = doc.select_node(("//*[local-name()='c'][@r='" + cell + "']").c_str()).node();
        if (!c) throw std::runtime_error("no cell " + cell + " in " + name);
        c.remove_attribute("t");
        while (c.first_child()) c.remove_child(c.first_child());
        fill(c);
        std::ostringstream xml;
        doc.save(xml, "", pugi::format_raw);
        data = xml.str();
        std::filesystem::remove(xlsx);
        write_parts(xlsx, parts);
        return;
    }
    throw std::runtime_error("no part " + part + " in " + xlsx.string());
}

}  // namespace

void set_cell_number(const std::filesystem::path& xlsx, int sheet_index, const std::string& cell, double value) {
    edit_cell(xlsx, "xl/worksheets/sheet" + std::to_string(sheet_index) + ".xml", cell, [&](pugi::xml_node c) {
        std::ostringstream number;
        number.precision(17);
        number << value;
        c.append_child("v").text().set(number.str().c_str());
    });
}

std::string read_part(const std::filesystem::path& xlsx, const std::string& part) {
    for (auto& [name, data] : read_parts(xlsx))
        if (name == part) return data;
    throw std::runtime_error("no part " + part + " in " + xlsx.string());
}

int sheet_index(const std::filesystem::path& xlsx, const std::string& name) {
    const auto workbook = read_part(xlsx, "xl/workbook.xml");
    pugi::xml_document doc;
    if (!doc.load_buffer(workbook.data(), workbook.size())) throw std::runtime_error("cannot parse xl/workbook.xml");
    int index = 0;
    for (const auto& node : doc.select_nodes("//*[local-name()='sheet']")) {
        ++index;
        if (node.node().attribute("name").value() == name) return index;
    }
    throw std::runtime_error("no sheet " + name + " in " + xlsx.string());
}

void set_cell_text(const std::filesystem::path& xlsx, const std::string& sheet, const std::string& cell,
                   const std::string& text) {
    edit_cell(xlsx, "xl/worksheets/sheet" + std::to_string(sheet_index(xlsx, sheet)) + ".xml", cell,
              [&](pugi::xml_node c) {
                  if (text.empty()) return;
                  c.append_attribute("t").set_value("inlineStr");
                  auto t = c.append_child("is").append_child("t");
                  t.append_attribute("xml:space").set_value("preserve");
                  t.text().set(text.c_str());
              });
}

}  // namespace testsupport
