#include "app/core/proportionality_report.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "app/core/source_error.h"
#include "scoring/money.h"

namespace core {

namespace {

using scoring::FindingSeverity;
using scoring::ProportionalitySettings;
using nlohmann::ordered_json;

struct NumericSetting {
    const char* name;
    double ProportionalitySettings::*member;
};

// The names docs/proportionality.md lists under "Settings", in the same order.
const std::vector<NumericSetting>& numeric_settings() {
    static const std::vector<NumericSetting> list{
        {"social-value-min-percent", &ProportionalitySettings::social_value_min_percent},
        {"turnover-max-multiple", &ProportionalitySettings::turnover_max_multiple},
        {"minutes-per-answer", &ProportionalitySettings::minutes_per_answer},
        {"bidder-hours-per-question", &ProportionalitySettings::bidder_hours_per_question},
        {"bidder-hours-per-1000-words", &ProportionalitySettings::bidder_hours_per_1000_words},
        {"bidder-hours-per-evidence-item", &ProportionalitySettings::bidder_hours_per_evidence_item},
        {"words-per-page", &ProportionalitySettings::words_per_page},
        {"assumed-words-unlimited", &ProportionalitySettings::assumed_words_unlimited},
        {"max-bidder-hours-per-100k", &ProportionalitySettings::max_bidder_hours_per_100k},
        {"few-bids", &ProportionalitySettings::few_bids},
        {"max-panel-hours-per-evaluator", &ProportionalitySettings::max_panel_hours_per_evaluator},
    };
    return list;
}

[[noreturn]] void bad_setting(const std::string& text, const std::string& why) {
    std::string names;
    for (const auto& s : numeric_settings()) names += (names.empty() ? "" : ", ") + std::string(s.name);
    throw InputError({{"--setting " + text, 0, 0, why + "; write NAME=NUMBER with NAME one of: " + names}});
}

void apply_override(ProportionalitySettings& settings, const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos) bad_setting(text, "no '='");
    const std::string name = text.substr(0, eq);
    const std::string value = text.substr(eq + 1);
    double parsed = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed, std::chars_format::fixed);
    if (value.empty() || ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(parsed) || parsed < 0)
        bad_setting(text, "\"" + value + "\" is not a number of 0 or more");
    for (const auto& s : numeric_settings())
        if (name == s.name) {
            settings.*s.member = parsed;
            return;
        }
    bad_setting(text, "unknown setting \"" + name + "\"");
}

std::string hours(double h) { return scoring::format_fixed(h, 1); }

std::string money(const scoring::Framework& fw, scoring::Money m) {
    return scoring::grouped_money(m) + " " + fw.currency;
}

std::string procedure_line(const scoring::TenderDesign& d, const ProportionalitySettings& s) {
    if (!d.procedure_stated) return "not stated";
    std::string text = scoring::to_string(d.procedure) + (d.light_touch ? " (light touch)" : "") + ", tender period " +
                       std::to_string(d.tender_period_days) + " days";
    if (const auto minimum = scoring::minimum_tender_period(d, s))
        text += " (statutory minimum " + std::to_string(*minimum) + " days)";
    else
        text += " (no statutory minimum applies)";
    if (!d.electronic_submission) text += "; tenders on paper";
    if (!d.documents_with_notice) text += "; documents not published with the notice";
    if (d.reduction != scoring::PeriodReduction::none) text += "; shortened: " + scoring::to_string(d.reduction);
    return text;
}

std::string lots_line(const scoring::Framework& fw, const scoring::TenderDesign& d) {
    const int lots = d.lots.value_or(static_cast<int>(fw.lots.size()));
    if (!d.lots_reason.empty()) return std::to_string(lots) + ": " + d.lots_reason;
    return std::to_string(lots) + (lots == 1 ? " (no reason given for not dividing)" : "");
}

std::string turnover_line(const scoring::Framework& fw, const scoring::TenderDesign& d,
                          const scoring::ProportionalityReport& report) {
    if (!d.minimum_turnover || *d.minimum_turnover <= 0) return "none demanded";
    std::string text = money(fw, *d.minimum_turnover);
    if (!report.burden.lots.empty())
        text += " (" + scoring::format_fixed(static_cast<double>(*d.minimum_turnover) /
                                                 static_cast<double>(report.burden.lots.front().lot_value), 2) +
                "x the value of " + (fw.lots.size() > 1 || d.lots.value_or(1) > 1 ? "one lot)" : "the contract)");
    return text + (d.turnover_justification.empty() ? "" : "; justified: " + d.turnover_justification);
}

std::string insurance_line(const scoring::Framework& fw, const scoring::TenderDesign& d) {
    std::string insurance = "none demanded";
    if (d.insurance)
        insurance = "evidence at " + scoring::to_string(*d.insurance) +
                    (d.insurance_cover ? ", cover " + money(fw, *d.insurance_cover) : "");
    return insurance;
}

std::string accounts_line(const scoring::TenderDesign& d) {
    if (d.accounts == scoring::AccountsDemand::none) return "none demanded";
    return scoring::to_string(d.accounts) + " accounts, " + std::to_string(d.accounts_years) + " year" +
           (d.accounts_years == 1 ? "" : "s") +
           (d.accounts_alternatives ? "; other evidence accepted" : "; no alternative accepted");
}

std::string limits_line(const scoring::TenderDesign& d) {
    if (!d.response_stated) return "not stated";
    std::string text = d.default_words   ? std::to_string(*d.default_words) + " words per question"
                       : d.default_pages ? std::to_string(*d.default_pages) + " pages per question"
                                         : "no default limit";
    for (const auto& l : d.limits)
        text += "; " + l.criterion + " " + (l.words ? std::to_string(*l.words) + " words" : std::to_string(*l.pages) + " pages");
    return text;
}

std::string evidence_line(const scoring::TenderDesign& d) {
    std::string text;
    for (const auto& e : d.evidence)
        text += (text.empty() ? "" : "; ") + e.description + (e.count > 1 ? " (" + std::to_string(e.count) + ")" : "");
    return text.empty() ? "none" : text;
}

std::string weights_line(const scoring::Lot& lot) {
    using scoring::GroupType;
    std::string text = "price " + scoring::format_number(scoring::group_weight(lot, GroupType::price)) + "%, quality " +
                       scoring::format_number(scoring::group_weight(lot, GroupType::quality)) + "%, social value " +
                       scoring::format_number(scoring::group_weight(lot, GroupType::social_value)) + "%; award " +
                       scoring::to_string(lot.award.model);
    if (lot.award.model == scoring::AwardModel::weighted_sum) text += ", price " + scoring::to_string(lot.price.method);
    if (lot.rules.min_quality_percent)
        text += ", quality minimum " + scoring::format_number(*lot.rules.min_quality_percent) + "%";
    return text;
}

// `text` wrapped at `width` columns, every line after the first indented by `indent` spaces.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width = 100) {
    std::string out, line;
    std::size_t start = 0;
    const auto flush = [&] {
        out += (out.empty() ? "" : "\n" + std::string(indent, ' ')) + line;
        line.clear();
    };
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && indent + line.size() + 1 + word.size() > width) flush();
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) flush();
    return out;
}

std::string bidder_formula(const ProportionalitySettings& s, const scoring::LotBurden& b) {
    return std::to_string(b.answers) + " answers x " + scoring::format_number(s.bidder_hours_per_question) + " h + " +
           scoring::format_number(b.words) + " words x " + scoring::format_number(s.bidder_hours_per_1000_words) +
           " h per 1,000 + " + std::to_string(b.evidence_items) + " evidence items x " +
           scoring::format_number(s.bidder_hours_per_evidence_item) + " h = " + hours(b.bidder_hours) + " hours (" +
           hours(b.bidder_hours_per_100k) + " per 100,000 of the lot's " + scoring::grouped_money(b.lot_value) + ")";
}

std::string panel_formula(const scoring::Burden& b, const scoring::LotBurden& l) {
    return std::to_string(b.evaluators) + " evaluators x " + std::to_string(b.expected_bids) + " bids x " +
           std::to_string(l.answers) + " answers x " + scoring::format_number(b.minutes_per_answer) +
           " minutes / 60 = " + hours(l.panel_hours) + " hours";
}

std::string finding_place(const scoring::Finding& f) {
    std::string place;
    if (!f.lot.empty()) place = "lot " + f.lot;
    if (!f.criterion.empty()) place += (place.empty() ? "" : ", ") + std::string("criterion ") + f.criterion;
    return place.empty() ? "" : " [" + place + "]";
}

// The design data as given, for programs (docs/proportionality.md, "JSON output").
ordered_json design_json(const scoring::Framework& fw, const ProportionalitySettings& s) {
    const auto& d = *fw.design;
    const auto major = [](scoring::Money m) { return scoring::to_major(m); };
    ordered_json design;
    design["regime"] = d.regime ? ordered_json(scoring::to_string(*d.regime)) : ordered_json(nullptr);
    design["contract_value"] = major(d.contract_value);
    design["duration_months"] = d.duration_months;
    design["procedure"] = nullptr;
    if (d.procedure_stated) {
        const auto minimum = scoring::minimum_tender_period(d, s);
        design["procedure"] = {{"type", scoring::to_string(d.procedure)},
                               {"tender_period_days", d.tender_period_days},
                               {"electronic", d.electronic_submission},
                               {"documents_with_notice", d.documents_with_notice},
                               {"reduction", scoring::to_string(d.reduction)},
                               {"light_touch", d.light_touch},
                               {"statutory_minimum_days", minimum ? ordered_json(*minimum) : ordered_json(nullptr)}};
    }
    design["lots"] = {{"count", d.lots.value_or(static_cast<int>(fw.lots.size()))}, {"reason", d.lots_reason}};
    design["minimum_turnover"] = d.minimum_turnover ? ordered_json(major(*d.minimum_turnover)) : ordered_json(nullptr);
    design["turnover_justification"] = d.turnover_justification;
    design["insurance"] = nullptr;
    if (d.insurance)
        design["insurance"] = {{"evidence", scoring::to_string(*d.insurance)},
                               {"cover", d.insurance_cover ? ordered_json(major(*d.insurance_cover)) : ordered_json(nullptr)}};
    design["accounts"] = {{"demanded", scoring::to_string(d.accounts)},
                          {"years", d.accounts_years},
                          {"alternatives", d.accounts_alternatives}};
    ordered_json limits = ordered_json::array(), evidence = ordered_json::array();
    for (const auto& l : d.limits)
        limits.push_back({{"criterion", l.criterion},
                          {"words", l.words ? ordered_json(*l.words) : ordered_json(nullptr)},
                          {"pages", l.pages ? ordered_json(*l.pages) : ordered_json(nullptr)}});
    for (const auto& e : d.evidence) evidence.push_back({{"description", e.description}, {"count", e.count}});
    design["response"] = {{"words", d.default_words ? ordered_json(*d.default_words) : ordered_json(nullptr)},
                          {"pages", d.default_pages ? ordered_json(*d.default_pages) : ordered_json(nullptr)},
                          {"limits", limits},
                          {"evidence", evidence}};
    design["panel"] = d.evaluators && d.expected_bids
                          ? ordered_json{{"evaluators", *d.evaluators}, {"expected_bids", *d.expected_bids}}
                          : ordered_json(nullptr);
    design["threshold_consequence_stated"] = d.threshold_consequence_stated;
    return design;
}

}  // namespace

scoring::Regime proportionality_regime(const scoring::TenderDesign& design, const std::string& requested) {
    if (!requested.empty()) {
        if (const auto r = scoring::regime_from(requested)) return *r;
        throw InputError({{"--regime", 0, 0, "\"" + requested + "\" is not one of: central, local, scotland, wales"}});
    }
    return design.regime.value_or(scoring::Regime::central);
}

scoring::ProportionalitySettings proportionality_settings(scoring::Regime regime, const std::vector<std::string>& overrides) {
    auto settings = scoring::settings_for(regime);
    for (const auto& o : overrides) apply_override(settings, o);
    return settings;
}

std::vector<std::pair<std::string, double>> proportionality_setting_values(const ProportionalitySettings& settings) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& s : numeric_settings()) out.emplace_back(s.name, settings.*s.member);
    return out;
}

scoring::ProportionalityReport check_framework_design(const scoring::Framework& framework,
                                                      const ProportionalitySettings& settings,
                                                      const std::string& file_name) {
    if (!framework.design)
        throw InputError({{file_name, 0, 0,
                           "the framework has no <design> element; add one with the contract value, procedure, "
                           "lots, conditions, response limits and panel (docs/formats.md section 5)"}});
    try {
        return scoring::check_proportionality(framework, *framework.design, settings);
    } catch (const std::invalid_argument& e) {
        throw InputError({{file_name, 0, 0, e.what()}});
    }
}

std::vector<std::pair<std::string, std::string>> design_lines(const scoring::Framework& fw,
                                                              const ProportionalitySettings& s,
                                                              const scoring::ProportionalityReport& report) {
    const auto& d = *fw.design;
    const double years = d.duration_months / 12.0;
    std::vector<std::pair<std::string, std::string>> lines{
        {"Framework", fw.name + " (" + fw.id + ", version " + fw.version + ")"},
        {"Rules", s.regime_name},
        {"Contract value", money(fw, d.contract_value) + " over " + scoring::format_number(d.duration_months) +
                               " months (" + money(fw, static_cast<scoring::Money>(std::llround(
                                                           static_cast<double>(d.contract_value) / years))) +
                               " a year)"},
        {"Procedure", procedure_line(d, s)},
        {"Lots", lots_line(fw, d)},
        {"Minimum turnover", turnover_line(fw, d, report)},
        {"Insurance", insurance_line(fw, d)},
        {"Accounts", accounts_line(d)},
        {"Word and page limits", limits_line(d)},
        {"Evidence asked", evidence_line(d)},
        {"Panel", d.evaluators && d.expected_bids ? std::to_string(*d.evaluators) + " evaluators, " +
                                                        std::to_string(*d.expected_bids) + " expected bids per lot"
                                                  : "not stated"},
        {"Quality minimum consequence", d.threshold_consequence_stated ? "stated in the tender documents" : "not stated"},
    };
    for (const auto& b : report.burden.lots) {
        const auto* lot = fw.lot(b.lot);
        const bool several = fw.lots.size() > 1;
        const std::string prefix = several ? "Lot " + b.lot + " " : "";
        lines.emplace_back(prefix + (several ? "questions" : "Questions"), std::to_string(b.answers) + " answers, " +
                                                     scoring::format_number(b.words) + " words in all" +
                                                     (b.unlimited_answers ? " (" + std::to_string(b.unlimited_answers) +
                                                                                " without a limit, counted at " +
                                                                                scoring::format_number(s.assumed_words_unlimited) + ")"
                                                                          : ""));
        if (lot) lines.emplace_back(prefix + (several ? "weights" : "Weights"), weights_line(*lot));
    }
    return lines;
}

std::string proportionality_text(const scoring::Framework& fw, const ProportionalitySettings& s,
                                 const scoring::ProportionalityReport& report) {
    std::string out = "Proportionality check of \"" + fw.name + "\"\n\nTender design\n";
    for (const auto& [label, value] : design_lines(fw, s, report)) {
        std::string padded = "  " + label;
        padded.resize(std::max<std::size_t>(padded.size() + 1, 31), ' ');
        out += padded + wrap(value, 31) + "\n";
    }
    const auto n = [&](FindingSeverity sev) { return report.count(sev); };
    out += "\nFindings: " + std::to_string(n(FindingSeverity::error)) + " error(s), " +
           std::to_string(n(FindingSeverity::warning)) + " warning(s), " + std::to_string(n(FindingSeverity::advice)) +
           " advice\n";
    for (const auto& f : report.findings) {
        std::string severity = scoring::to_string(f.severity);
        severity.resize(9, ' ');
        out += "  " + severity + f.rule + finding_place(f) + ": " + f.title + "\n";
        out += "           numbers: " + wrap(f.numbers, 20) + "\n";
        out += "           basis:   " + wrap(f.basis, 20) + "\n";
        out += "           fix:     " + wrap(f.fix, 20) + "\n";
    }
    out += "\nEvaluation burden\n";
    for (const auto& b : report.burden.lots) {
        const std::string lot = fw.lots.size() > 1 ? "lot " + b.lot + ": " : "";
        out += "  Bidder: " + wrap(lot + bidder_formula(s, b), 10) + "\n";
        if (report.burden.panel_stated) out += "  Panel:  " + wrap(lot + panel_formula(report.burden, b), 10) + "\n";
    }
    if (report.burden.panel_stated)
        out += "  Panel in all: " + hours(report.burden.panel_hours) + " hours, " +
               hours(report.burden.panel_hours_per_evaluator) + " per evaluator\n";
    else
        out += "  Panel: not estimated (no <panel> in the design)\n";
    return out + "\nSummary\n  " + wrap(report.summary, 2) + "\n";
}

nlohmann::ordered_json proportionality_json(const scoring::Framework& fw, const ProportionalitySettings& s,
                                            const scoring::ProportionalityReport& report) {
    const auto major = [](scoring::Money m) { return scoring::to_major(m); };
    const auto design = design_json(fw, s);
    ordered_json findings = ordered_json::array();
    for (const auto& f : report.findings)
        findings.push_back({{"severity", scoring::to_string(f.severity)}, {"rule", f.rule}, {"title", f.title},
                            {"basis", f.basis}, {"numbers", f.numbers}, {"fix", f.fix},
                            {"lot", f.lot.empty() ? ordered_json(nullptr) : ordered_json(f.lot)},
                            {"criterion", f.criterion.empty() ? ordered_json(nullptr) : ordered_json(f.criterion)}});
    const auto& b = report.burden;
    ordered_json lots = ordered_json::array();
    for (const auto& l : b.lots)
        lots.push_back({{"lot", l.lot}, {"answers", l.answers}, {"words", l.words},
                        {"unlimited_answers", l.unlimited_answers}, {"evidence_items", l.evidence_items},
                        {"lot_value", major(l.lot_value)}, {"bidder_hours", l.bidder_hours},
                        {"bidder_hours_per_100k", l.bidder_hours_per_100k},
                        {"panel_hours", b.panel_stated ? ordered_json(l.panel_hours) : ordered_json(nullptr)}});
    ordered_json burden = {{"evaluators", b.panel_stated ? ordered_json(b.evaluators) : ordered_json(nullptr)},
                           {"expected_bids", b.panel_stated ? ordered_json(b.expected_bids) : ordered_json(nullptr)},
                           {"minutes_per_answer", b.minutes_per_answer},
                           {"panel_hours", b.panel_stated ? ordered_json(b.panel_hours) : ordered_json(nullptr)},
                           {"panel_hours_per_evaluator",
                            b.panel_stated ? ordered_json(b.panel_hours_per_evaluator) : ordered_json(nullptr)},
                           {"bidder_hours", b.bidder_hours},
                           {"lots", lots}};
    ordered_json settings = ordered_json::object();
    for (const auto& [name, value] : proportionality_setting_values(s)) settings[name] = value;

    ordered_json out;
    out["framework"] = {{"id", fw.id}, {"name", fw.name}, {"version", fw.version}};
    out["currency"] = fw.currency;
    out["regime"] = scoring::to_string(report.regime);
    out["regime_name"] = s.regime_name;
    out["design"] = design;
    out["findings"] = findings;
    out["counts"] = {{"error", report.count(FindingSeverity::error)},
                     {"warning", report.count(FindingSeverity::warning)},
                     {"advice", report.count(FindingSeverity::advice)}};
    out["burden"] = burden;
    out["settings"] = settings;
    out["summary"] = report.summary;
    return out;
}

}  // namespace core
