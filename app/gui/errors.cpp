#include "app/gui/errors.h"

#include "app/core/output_file.h"
#include "app/core/progress.h"
#include "app/core/source_error.h"
#include "app/core/workflow.h"
#include "scoring/evaluation.h"

namespace gui {

namespace {

// The core names the CLI command that does what a refusal asks; in the window, say where it is.
wxString in_window_terms(const std::string& message) {
    static const std::pair<const char*, const char*> places[] = {
        {"'tenderbench declare'", "Evaluators > Declare my interests"},
        {"'tenderbench conflict'", "Evaluators > Decide conflict"},
        {"'tenderbench assign'", "Evaluators > Assign question"},
        {"'tenderbench phase'", "Tender > Move to next phase"},
        {"'tenderbench gate'", "Bids > Record gate result"},
        {"'tenderbench alt-decision'", "Bids > Abnormally low decision"},
        {"'tenderbench moderate'", "the Moderation page"},
        {"'tenderbench bids'", "the Bids page"},
        {"'tenderbench log'", "the Audit page"},
        {"'tenderbench export-sheet'", "File > Export score sheet"},
        {"'tenderbench new'", "File > New from template"},
        {"'tenderbench import'", "File > Import package"},
    };
    std::string text = message;
    for (const auto& [command, place] : places)
        for (auto at = text.find(command); at != std::string::npos; at = text.find(command, at))
            text.replace(at, std::string(command).size(), place);
    return wx(text);
}

}  // namespace

ErrorText describe(std::exception_ptr error) {
    ErrorText out;
    try {
        std::rethrow_exception(error);
    } catch (const core::Refused& e) {
        out.title = "Refused (" + wx(e.rule()) + ")";
        out.message = in_window_terms(e.what());
        out.rule = e.rule();
    } catch (const core::Cancelled& e) {
        out.title = "Cancelled";
        out.message = wx(e.what());
    } catch (const core::InputError& e) {
        out.title = "The file has problems";
        for (const auto& d : e.diagnostics()) out.message += wx(d.text()) + "\n";
        out.message.Trim();
    } catch (const scoring::EvaluationError& e) {
        out.title = "The evaluation cannot be completed";
        for (const auto& p : e.problems()) out.message += wx(p) + "\n";
        out.message.Trim();
    } catch (const core::WorkbookError& e) {
        out.title = "The workbook cannot be used";
        out.message = wx(e.what());
    } catch (const core::OutputError& e) {
        out.title = "The file could not be written";
        out.message = wx(e.what());
    } catch (const std::exception& e) {
        out.title = "Error";
        out.message = wx(e.what());
    } catch (...) {
        out.title = "Error";
        out.message = "an unknown error; nothing was changed";
    }
    return out;
}

}  // namespace gui
