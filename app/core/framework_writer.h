// Writes a framework model back to framework XML (docs/formats.md section 1), so a screen can
// edit the model and hand core::change_framework the text it stores, without touching XML itself.
#pragma once

#include <string>

#include "scoring/framework.h"

namespace core {

/// The framework as XML that read_framework() reads back to the same model (source positions
/// aside). A single lot with id "1" named after the framework is written at framework level, as
/// the reader names such a lot; otherwise every lot is written whole inside its own <lot>.
/// Settings equal to the reader's defaults are left out; comments of the original file are not
/// kept (the model does not hold them). Price parameters that do not apply to the chosen method
/// are not written, as the reader refuses them. The tender design (<design>), when the framework
/// carries one, is written at the end.
std::string write_framework_xml(const scoring::Framework& framework);

}  // namespace core
