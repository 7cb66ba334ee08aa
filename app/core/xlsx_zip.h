// Reads the parts of a zip package held in memory (minizip over a memory buffer), refusing
// encrypted parts and parts that expand past XlsxLimits, whatever sizes the zip declares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/core/xlsx_reader.h"

namespace core {

class ZipPackage {
public:
    /// `name` is the file's name for messages. Throws InputError when `bytes` is not a zip file
    /// that minizip can open (not a zip, truncated, an OLE file such as an encrypted workbook).
    ZipPackage(std::string name, std::string bytes, const XlsxLimits& limits);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    /// Whether the package holds `part` (compared without regard to case, as OPC part names are).
    bool has(const std::string& part);
    /// The expanded bytes of `part`, or nullopt when there is no such part. Throws InputError when
    /// the part is encrypted, damaged, or over a limit (its own size, its expansion ratio, or the
    /// total expanded so far by this package).
    std::optional<std::string> read(const std::string& part);

    /// The stream minizip reads from: the bytes and a read position. Public for the C callbacks.
    struct Stream {
        std::string bytes;
        std::uint64_t position = 0;
    };

private:
    [[noreturn]] void fail(const std::string& message) const;

    std::string name_;
    XlsxLimits limits_;
    Stream stream_;
    void* zip_ = nullptr;  // minizip's unzFile
    std::uint64_t expanded_ = 0;
};

}  // namespace core
