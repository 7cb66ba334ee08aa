#include "support/xlsx_edit.h"

#include <unzip.h>
#include <zip.h>

#include <pugixml.hpp>

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

}  // namespace

void set_cell_number(const std::filesystem::path& xlsx, int sheet_index, const std::string& cell, double value) {
    auto parts = read_parts(xlsx);
    const std::string wanted = "xl/worksheets/sheet" + std::to_string(sheet_index) + ".xml";
    for (auto& [name, data] : parts) {
        if (name != wanted) continue;
        pugi::xml_document doc;
        if (!doc.load_buffer(data.data(), data.size())) throw std::runtime_error("cannot parse " + name);
        auto c = doc.select_node(("//*[local-name()='c'][@r='" + cell + "']").c_str()).node();
        if (!c) throw std::runtime_error("no cell " + cell + " in " + name);
        c.remove_attribute("t");
        while (c.first_child()) c.remove_child(c.first_child());
        std::ostringstream number;
        number.precision(17);
        number << value;
        c.append_child("v").text().set(number.str().c_str());
        std::ostringstream xml;
        doc.save(xml, "", pugi::format_raw);
        data = xml.str();
        std::filesystem::remove(xlsx);
        write_parts(xlsx, parts);
        return;
    }
    throw std::runtime_error("no part " + wanted + " in " + xlsx.string());
}

}  // namespace testsupport
