// What the core said when it refused or failed, in full, for a message on screen.
#pragma once

#include <exception>
#include <string>

#include <wx/string.h>

namespace gui {

struct ErrorText {
    wxString title;    // one line: "Refused: blind-scoring", "The file has problems"
    wxString message;  // everything the core said, every problem on its own line
    std::string rule;  // the refusing rule, for core::Refused; empty otherwise
};

/// Describes `error` (any exception the core throws) without losing a word of it.
ErrorText describe(std::exception_ptr error);

/// UTF-8 std::string <-> wxString (the core speaks UTF-8 throughout).
inline wxString wx(const std::string& text) { return wxString::FromUTF8(text); }
inline std::string utf8(const wxString& text) { return std::string(text.utf8_str()); }

}  // namespace gui
