// Word .docx documents (WordprocessingML) for letters an officer edits and sends: headings,
// paragraphs and simple tables, zipped with minizip.
#pragma once

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace core {

/// A stretch of text with one formatting. "\n" (or "\r\n") becomes a line break inside the
/// paragraph, "\t" a tab; characters XML 1.0 cannot carry are dropped and malformed UTF-8 becomes
/// U+FFFD, so any bidder- or evaluator-supplied text can be passed as is.
struct DocxRun {
    std::string text;
    bool bold = false;
    bool italic = false;
};

/// Paragraph styles defined in the document's styles part (they show in Word's style gallery).
enum class DocxStyle { normal, title, heading1, heading2 };

struct DocxParagraph {
    DocxStyle style = DocxStyle::normal;
    std::vector<DocxRun> runs;
};

/// A bordered table. Short rows are padded with empty cells to the widest row; a table without
/// cells is left out. The header row (the first) is bold and repeats on each page.
struct DocxTable {
    std::vector<std::vector<std::string>> rows;
    bool header_row = true;
    /// Optional: one positive percentage of the text width per column. Empty means equal columns
    /// across the full width.
    std::vector<int> column_widths_percent;
};

using DocxBlock = std::variant<DocxParagraph, DocxTable>;

struct DocxDocument {
    std::string title;    // document properties, shown in File > Properties; not printed
    std::string author;
    std::string subject;
    std::vector<DocxBlock> blocks;
};

/// One paragraph of a single plain run.
DocxParagraph paragraph(std::string text, DocxStyle style = DocxStyle::normal);
/// One paragraph of several runs, e.g. {{"Bidder: ", true}, {name}}.
DocxParagraph paragraph(std::vector<DocxRun> runs, DocxStyle style = DocxStyle::normal);

/// Writes `document` to `path` through core::AtomicOutput (a temporary file in the same folder,
/// renamed on success, removed on failure): A4 portrait, 1 inch margins. Throws core::OutputError
/// when the file cannot be written, and std::invalid_argument, before touching the disk, when a
/// table's column_widths_percent is not empty and does not give one positive width per column.
void write_docx(const DocxDocument& document, const std::filesystem::path& path);

}  // namespace core
