// File menu: new, open, import and export. Long work runs in the background with progress and
// Cancel, on its own connection to the workbook; the screens are told when it has changed.
#include <wx/choicdlg.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "app/core/bid_import.h"
#include "app/core/excel_export.h"
#include "app/core/new_workbook.h"
#include "app/core/package.h"
#include "app/core/score_sheet.h"
#include "app/core/source_error.h"
#include "app/core/summary_letters.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_state.h"
#include "app/gui/background_task.h"
#include "app/gui/errors.h"
#include "app/gui/main_frame.h"
#include "app/gui/new_tender_dialog.h"

namespace gui {

namespace fs = std::filesystem;

namespace {

constexpr auto workbook_files = "TenderBench workbooks (*.tender)|*.tender";

std::string read_framework_text(const fs::path& path) {
    return core::read_input_file(path, 64u << 20, "a framework file over 64 MB is not a framework");
}

}  // namespace

bool MainFrame::create_tender(const fs::path& file, const std::string& template_path, const std::string& name,
                              const std::string& reference, const std::string& officer_id,
                              const std::string& officer_name) {
    try {
        core::NewTender tender;
        tender.name = name;
        tender.reference = reference;
        tender.framework_xml = read_framework_text(template_path);
        tender.framework_source = "templates/" + fs::path(template_path).filename().string();
        tender.officer_id = officer_id;
        tender.officer_name = officer_name;
        core::create_workbook_file(file, {}, [&](core::Workbook& wb) { return core::create_tender(wb, tender); });
    } catch (...) {
        report(std::current_exception(), "Creating " + wx(file.string()));
        return false;
    }
    return open_file(file, officer_id);
}

bool MainFrame::import_package(const fs::path& folder, const fs::path& file, const std::string& actor,
                               const std::string& actor_name) {
    try {
        run_in_background(this, "Importing the tender package", [&](core::Progress& progress) {
            progress.report("reading the package", 0.05);
            const auto package = core::read_package(folder);
            const auto framework_xml = read_framework_text(folder / "framework.xml");
            core::create_workbook_file(file, {}, [&](core::Workbook& wb) {
                return core::import_package(wb, package, framework_xml, actor, actor_name, std::nullopt, &progress);
            });
        });
    } catch (...) {
        report(std::current_exception(), "Importing " + wx(folder.string()));
        return false;
    }
    return open_file(file, actor);
}

bool MainFrame::import_bids(const fs::path& bids, const fs::path& mapping, const fs::path& schedule) {
    if (!session_) return false;
    try {
        core::CommandResult result;
        run_in_background(this, "Importing bids", [&](core::Progress& progress) {
            auto wb = core::Workbook::open(session_->path());
            core::BidImportSource source;
            source.bids = bids;
            if (!mapping.empty()) source.mapping = mapping;
            if (!schedule.empty()) source.schedule = schedule;
            progress.report("reading and checking " + bids.filename().string(), 0.1);
            const auto import = core::prepare_bid_import(wb, session_->actor(), source);
            result = core::import_bids(wb, session_->actor(), import, &progress);
        });
        session_->changed();
        inform(wxString::Format("Imported the bids of %s (command %lld, %zu audit records)", wx(bids.string()),
                                static_cast<long long>(result.command), result.records));
        return true;
    } catch (...) {
        report(std::current_exception(), "Importing bids from " + wx(bids.filename().string()));
        return false;
    }
}

bool MainFrame::import_score_sheet(const fs::path& sheet) {
    if (!session_) return false;
    try {
        core::ScoreSheetImport imported;
        run_in_background(this, "Importing a score sheet", [&](core::Progress& progress) {
            auto wb = core::Workbook::open(session_->path());
            imported = core::import_score_sheet(wb, session_->actor(), sheet, false, &progress);
        });
        session_->changed();
        inform(imported.result.command == 0
                   ? wx("Nothing new in " + sheet.filename().string() + ": every row is already recorded")
                   : wxString::Format("Recorded %zu scores of %s from %s", imported.changes.size(),
                                      wx(imported.evaluator), wx(sheet.filename().string())));
        return true;
    } catch (...) {
        report(std::current_exception(), "Importing " + wx(sheet.filename().string()));
        return false;
    }
}

bool MainFrame::export_score_sheet(const std::string& evaluator, const fs::path& out) {
    if (!session_) return false;
    try {
        core::ScoreSheetExport written;
        run_in_background(this, "Writing the score sheet", [&](core::Progress& progress) {
            progress.report("writing " + out.filename().string(), 0.2);
            auto wb = open_read_only(session_->path());
            written = core::export_score_sheet(wb, session_->actor(), evaluator, out);
        });
        inform(wxString::Format("Wrote %s: %zu rows for %s to score", wx(out.string()), written.rows, wx(evaluator)));
        return true;
    } catch (...) {
        report(std::current_exception(), "Writing the score sheet");
        return false;
    }
}

bool MainFrame::export_excel(const fs::path& out) {
    if (!session_) return false;
    try {
        core::ExportReport written;
        run_in_background(this, "Exporting to Excel", [&](core::Progress& progress) {
            auto wb = open_read_only(session_->path());
            written = core::export_excel(wb, session_->actor(), out, &progress);
        });
        inform(wxString::Format("Exported %s: %zu sheets, %lld audit records, trail %s", wx(out.string()),
                                written.sheets.size(), static_cast<long long>(written.audit_records),
                                written.verified ? "verified" : "NOT verified"));
        return true;
    } catch (...) {
        report(std::current_exception(), "Exporting to Excel");
        return false;
    }
}

bool MainFrame::write_summaries(const fs::path& folder) {
    if (!session_) return false;
    try {
        std::vector<fs::path> letters;
        run_in_background(this, "Writing assessment summaries", [&](core::Progress& progress) {
            auto wb = open_read_only(session_->path());
            letters = core::write_summary_letters(wb, session_->actor(), folder, &progress);
        });
        inform(wxString::Format("Wrote %zu assessment-summary letters to %s", letters.size(), wx(folder.string())));
        return true;
    } catch (...) {
        report(std::current_exception(), "Writing assessment summaries");
        return false;
    }
}

void MainFrame::on_new(wxCommandEvent&) {
    NewTenderDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto t = dialog.tender();
    create_tender(t.file, t.template_path, t.name, t.reference, t.officer_id, t.officer_name);
}

void MainFrame::on_open(wxCommandEvent&) {
    wxFileDialog dialog(this, "Open a tender workbook", "", "", workbook_files, wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_file(utf8(dialog.GetPath()));
}

void MainFrame::on_open_recent(wxCommandEvent& event) {
    const auto file = history_.GetHistoryFile(static_cast<size_t>(event.GetId() - wxID_FILE1));
    if (!open_file(utf8(file)) && !fs::exists(utf8(file))) history_.RemoveFileFromHistory(event.GetId() - wxID_FILE1);
}

void MainFrame::on_import_package(wxCommandEvent&) {
    wxDirDialog folder(this, "Choose a tender package folder (framework.xml, bids.xml, scores.xml)", "",
                       wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
    if (folder.ShowModal() != wxID_OK) return;
    wxFileDialog save(this, "Save the new workbook as", "", "tender.tender", workbook_files,
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) return;
    wxTextEntryDialog who(this, "Your id: an officer or moderator of the package, or a new officer", "Importing as");
    if (who.ShowModal() != wxID_OK) return;
    wxString name;
    if (wxMessageBox("Are you on the package's panel already?", "Importing as", wxYES_NO, this) == wxNO) {
        wxTextEntryDialog full(this, "Your full name (recorded with your id)", "Importing as");
        if (full.ShowModal() != wxID_OK) return;
        name = full.GetValue();
    }
    import_package(utf8(folder.GetPath()), utf8(save.GetPath()), utf8(who.GetValue()), utf8(name));
}

void MainFrame::on_import_bids(wxCommandEvent&) {
    wxFileDialog dialog(this, "Import bids", "", "",
                        "Bid files (*.csv;*.xlsx;*.xml)|*.csv;*.xlsx;*.xml|All files|*", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    const fs::path bids = utf8(dialog.GetPath());
    fs::path mapping;
    fs::path schedule;
    if (bids.extension() != ".xml") {
        // A portal's own column names need a mapping file (docs/import.md section 3); a schedule
        // of rates may come in a file of its own.
        if (wxMessageBox("Does this export need a mapping file naming the portal's columns?\n(Not needed when its "
                         "headers are TenderBench's own field names.)",
                         "Import bids", wxYES_NO | wxICON_QUESTION, this) == wxYES) {
            wxFileDialog map(this, "The mapping file", "", "", "Mapping files (*.xml)|*.xml", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
            if (map.ShowModal() != wxID_OK) return;
            mapping = utf8(map.GetPath());
        }
        if (wxMessageBox("Are the bids priced by a schedule of rates in a separate file?", "Import bids",
                         wxYES_NO | wxICON_QUESTION, this) == wxYES) {
            wxFileDialog lines(this, "The price schedule file", "", "", "Schedules (*.csv;*.xlsx)|*.csv;*.xlsx",
                               wxFD_OPEN | wxFD_FILE_MUST_EXIST);
            if (lines.ShowModal() != wxID_OK) return;
            schedule = utf8(lines.GetPath());
        }
    }
    import_bids(bids, mapping, schedule);
}

void MainFrame::on_import_sheet(wxCommandEvent&) {
    wxFileDialog dialog(this, "Import a score sheet", "", "", "Score sheets (*.xlsx)|*.xlsx",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) import_score_sheet(utf8(dialog.GetPath()));
}

void MainFrame::on_export_sheet(wxCommandEvent&) {
    if (!session_) return;
    core::TenderState state(session_->workbook().db());
    wxArrayString names;
    std::vector<std::string> ids;
    for (const auto& e : state.evaluators()) {
        if (e.role == core::Role::officer) continue;
        names.Add(wx(e.name + " (" + e.id + ")"));
        ids.push_back(e.id);
    }
    wxSingleChoiceDialog who(this, "Whose score sheet?", "Export score sheet", names);
    if (ids.empty() || who.ShowModal() != wxID_OK) return;
    const auto evaluator = ids[static_cast<size_t>(who.GetSelection())];
    wxFileDialog save(this, "Save the score sheet as", "", wx(evaluator + "-scores.xlsx"), "Excel (*.xlsx)|*.xlsx",
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() == wxID_OK) export_score_sheet(evaluator, utf8(save.GetPath()));
}

void MainFrame::on_export_excel(wxCommandEvent&) {
    if (!session_) return;
    const auto suggested = session_->path().stem().string() + ".xlsx";
    wxFileDialog save(this, "Export to Excel", wx(session_->path().parent_path().string()), wx(suggested),
                      "Excel workbooks (*.xlsx)|*.xlsx", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() == wxID_OK) export_excel(utf8(save.GetPath()));
}

void MainFrame::on_summaries(wxCommandEvent&) {
    if (!session_) return;
    wxDirDialog folder(this, "Folder for the assessment-summary letters", wx(session_->path().parent_path().string()));
    if (folder.ShowModal() == wxID_OK) write_summaries(utf8(folder.GetPath()));
}

void MainFrame::on_close(wxCommandEvent&) { close_file(); }

}  // namespace gui
