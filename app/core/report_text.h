// The evaluation of a package as a ranked table per lot, for people at a terminal.
#pragma once

#include <string>

#include "app/core/package.h"
#include "app/core/package_evaluation.h"

namespace core {

std::string evaluation_text(const Package& package, const PackageResult& result);

}  // namespace core
