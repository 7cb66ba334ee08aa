// Reads the optional <design> element of a framework file: the tender design data (docs/formats.md section 5).
#pragma once

#include <pugixml.hpp>

#include "app/core/source_error.h"
#include "app/core/xml_document.h"
#include "scoring/framework.h"

namespace core {

/// Reads `node` (a <design> element) strictly: unknown elements and attributes, missing required
/// ones and values of the wrong type go to `diagnostics` with file, line and column. `framework`
/// (its lots already read) is used to check the criteria that response limits name.
scoring::TenderDesign read_tender_design(const XmlFile& file, pugi::xml_node node, Diagnostics& diagnostics,
                                         const scoring::Framework& framework);

}  // namespace core
