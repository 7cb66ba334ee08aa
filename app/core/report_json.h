// The evaluation of a package as one JSON object (docs/formats.md section 4), via nlohmann-json.
#pragma once

#include <nlohmann/json.hpp>

#include "app/core/package.h"
#include "app/core/package_evaluation.h"

namespace core {

nlohmann::ordered_json evaluation_json(const Package& package, const PackageResult& result);

}  // namespace core
