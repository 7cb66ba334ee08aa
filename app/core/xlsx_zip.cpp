#include "app/core/xlsx_zip.h"

#include "app/core/xlsx_values.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>

namespace core {
namespace {

const char* const save_as_xlsx = "save it from Excel as 'Excel Workbook (.xlsx)'";

// minizip's file functions over ZipPackage::Stream, so a workbook is read from memory whether it
// came from a file or from a caller's buffer.
voidpf open_stream(voidpf opaque, const void*, int mode) {
    if (mode & ZLIB_FILEFUNC_MODE_WRITE) return nullptr;
    auto* stream = static_cast<ZipPackage::Stream*>(opaque);
    stream->position = 0;
    return stream;
}

uLong read_stream(voidpf, voidpf opened, void* buffer, uLong size) {
    auto* stream = static_cast<ZipPackage::Stream*>(opened);
    const std::uint64_t length = stream->bytes.size();
    if (stream->position >= length) return 0;
    const auto count = static_cast<uLong>(std::min<std::uint64_t>(size, length - stream->position));
    std::memcpy(buffer, stream->bytes.data() + stream->position, count);
    stream->position += count;
    return count;
}

uLong write_stream(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T tell_stream(voidpf, voidpf opened) { return static_cast<ZipPackage::Stream*>(opened)->position; }

long seek_stream(voidpf, voidpf opened, ZPOS64_T offset, int origin) {
    auto* stream = static_cast<ZipPackage::Stream*>(opened);
    const std::uint64_t length = stream->bytes.size();
    std::uint64_t base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = stream->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END) base = length;
    else if (origin != ZLIB_FILEFUNC_SEEK_SET) return -1;
    if (offset > length || base > length - offset) return -1;
    stream->position = base + offset;
    return 0;
}

int close_stream(voidpf, voidpf) { return 0; }
int stream_error(voidpf, voidpf) { return 0; }

// Closes the part minizip has open even when reading it throws.
struct OpenPart {
    unzFile zip;
    bool open = true;
    int close() {
        open = false;
        return unzCloseCurrentFile(zip);
    }
    ~OpenPart() {
        if (open) unzCloseCurrentFile(zip);
    }
};

}  // namespace

ZipPackage::ZipPackage(std::string name, std::string bytes, const XlsxLimits& limits)
    : name_(std::move(name)), limits_(limits), stream_{std::move(bytes)} {
    const auto& b = stream_.bytes;
    if (b.empty()) fail("the file is empty; " + std::string(save_as_xlsx));
    if (b.size() >= 4 && b.compare(0, 4, "\xD0\xCF\x11\xE0") == 0)
        fail("the workbook is password-protected, or is an old Excel 97-2003 (.xls) workbook; open it in "
             "Excel, remove any password (File > Info > Protect Workbook) and save it as 'Excel Workbook "
             "(.xlsx)'");
    zlib_filefunc64_def functions{open_stream, read_stream,  write_stream, tell_stream,
                                  seek_stream, close_stream, stream_error, &stream_};
    zip_ = unzOpen2_64(name_.c_str(), &functions);
    if (!zip_) {
        const bool zip_like = b.size() >= 2 && b[0] == 'P' && b[1] == 'K';
        fail(zip_like ? "not an .xlsx workbook (a damaged or truncated zip file); " + std::string(save_as_xlsx)
                      : "not an .xlsx workbook (not a zip file, or truncated); " + std::string(save_as_xlsx));
    }
}

ZipPackage::~ZipPackage() {
    if (zip_) unzClose(zip_);
}

void ZipPackage::fail(const std::string& message) const { throw InputError({{name_, 0, 0, message}}); }

bool ZipPackage::has(const std::string& part) { return unzLocateFile(zip_, part.c_str(), 2) == UNZ_OK; }

std::optional<std::string> ZipPackage::read(const std::string& part) {
    if (!has(part)) return std::nullopt;
    const std::string damaged = "part " + part + " is damaged (";
    const std::string resave = "); open the workbook in Excel and save it again";
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        fail(damaged + "unreadable zip entry" + resave);
    if (info.flag & 1u)
        fail("part " + part + " is encrypted; remove the password in Excel and save it as 'Excel Workbook (.xlsx)'");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        fail("part " + part + " uses zip compression method " + std::to_string(info.compression_method) +
             ", which this reader does not know; " + save_as_xlsx);
    const auto too_big = "part " + part + " expands to more than " + xlsx_read::size_text(limits_.max_part_bytes) +
                         "; this is not a workbook we should open (it may be a zip bomb): remove unused "
                         "rows and columns, or split the workbook";
    if (info.uncompressed_size > limits_.max_part_bytes) fail(too_big);
    if (info.uncompressed_size > (1u << 20) &&
        info.uncompressed_size / std::max<ZPOS64_T>(info.compressed_size, 1) > limits_.max_ratio)
        fail("part " + part + " expands " + std::to_string(info.uncompressed_size / std::max<ZPOS64_T>(info.compressed_size, 1)) +
             " times, more than the " + std::to_string(limits_.max_ratio) +
             " a real workbook does; refusing it as a possible zip bomb: save it again from Excel");
    const auto too_much = "part " + part + " takes the parts read past " +
                          xlsx_read::size_text(limits_.max_expanded_bytes) +
                          " expanded; this is not a workbook we should open (it may be a zip bomb): split it";
    if (info.uncompressed_size > limits_.max_expanded_bytes - std::min(expanded_, limits_.max_expanded_bytes))
        fail(too_much);
    if (unzOpenCurrentFile(zip_) != UNZ_OK) fail(damaged + "cannot open the zip entry" + resave);
    OpenPart open{zip_};
    std::string out;
    // The declared size may lie, so it only caps the first allocation.
    out.reserve(static_cast<std::size_t>(std::min<ZPOS64_T>(info.uncompressed_size, 16u << 20)));
    char buffer[64 * 1024];
    for (;;) {
        const int count = unzReadCurrentFile(zip_, buffer, sizeof buffer);
        if (count < 0) fail(damaged + "the compressed data is corrupt" + resave);
        if (count == 0) break;
        out.append(buffer, static_cast<std::size_t>(count));
        if (out.size() > limits_.max_part_bytes) fail(too_big);
        if (expanded_ + out.size() > limits_.max_expanded_bytes) fail(too_much);
    }
    if (open.close() != UNZ_OK) fail(damaged + "its checksum does not match" + resave);
    if (out.size() != info.uncompressed_size) fail(damaged + "it is shorter than its declared size" + resave);
    expanded_ += out.size();
    return out;
}

}  // namespace core
