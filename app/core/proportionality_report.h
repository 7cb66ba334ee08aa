// The proportionality check of a tender design for people and programs: settings per regime, text, JSON, Excel.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scoring/framework.h"
#include "scoring/proportionality.h"

namespace core {

/// The regime to check under: `requested` ("central", "local", "scotland", "wales"; the command
/// line) when given, else the design's own, else central.
scoring::Regime proportionality_regime(const scoring::TenderDesign& design, const std::string& requested);

/// The regime's default settings with `overrides` applied, each "NAME=NUMBER" with NAME one of
/// proportionality_setting_names(). Throws InputError naming a bad override and the valid names.
scoring::ProportionalitySettings proportionality_settings(scoring::Regime regime,
                                                          const std::vector<std::string>& overrides = {});

/// The numeric settings that may be overridden, with their current values in `settings`.
std::vector<std::pair<std::string, double>> proportionality_setting_values(const scoring::ProportionalitySettings& settings);

/// Checks `framework`'s design. Throws InputError located in `file_name` when the framework has
/// no <design> or the design cannot be checked.
scoring::ProportionalityReport check_framework_design(const scoring::Framework& framework,
                                                      const scoring::ProportionalitySettings& settings,
                                                      const std::string& file_name);

/// The design data in words, one (label, value) pair per line, for the text report and the sheet.
std::vector<std::pair<std::string, std::string>> design_lines(const scoring::Framework& framework,
                                                              const scoring::ProportionalitySettings& settings,
                                                              const scoring::ProportionalityReport& report);

std::string proportionality_text(const scoring::Framework& framework, const scoring::ProportionalitySettings& settings,
                                 const scoring::ProportionalityReport& report);

/// docs/proportionality.md, "JSON output".
nlohmann::ordered_json proportionality_json(const scoring::Framework& framework,
                                            const scoring::ProportionalitySettings& settings,
                                            const scoring::ProportionalityReport& report);

/// A workbook holding the Proportionality sheet alone, written to `out` only when complete
/// (AtomicOutput). Throws OutputError.
void write_proportionality_workbook(const std::filesystem::path& out, const scoring::Framework& framework,
                                    const scoring::ProportionalitySettings& settings,
                                    const scoring::ProportionalityReport& report);

}  // namespace core
