#include "app/gui/errors.h"

#include "app/core/output_file.h"
#include "app/core/progress.h"
#include "app/core/source_error.h"
#include "app/core/workflow.h"
#include "scoring/evaluation.h"

namespace gui {

ErrorText describe(std::exception_ptr error) {
    ErrorText out;
    try {
        std::rethrow_exception(error);
    } catch (const core::Refused& e) {
        out.title = "Refused (" + wx(e.rule()) + ")";
        out.message = wx(e.what());
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
