// libFuzzer target: the bids XML reader (bids.xml and `import-bids BIDS.xml`) on arbitrary bytes,
// checked against a real framework (the care template: one lot, gates, measures). An InputError
// or collected diagnostics are proper refusals; any other exception or a crash is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/core/framework_reader.h"
#include "app/core/package.h"
#include "app/core/xml_document.h"

namespace {

const scoring::Framework& framework() {
    static const auto f = core::read_framework(TENDERBENCH_SOURCE_DIR "/templates/local_authority_care.xml");
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        core::XmlFile file("fuzz.xml", bytes);
        core::Diagnostics d;
        const auto bids = core::read_bids_xml(file, framework(), d);
        // Without problems every bid has an id, a lot of the framework and a price that its
        // schedule (if any) sums to.
        if (d.empty())
            for (const auto& b : bids) {
                if (b.input.id.empty() || !framework().lot(b.lot)) __builtin_trap();
                if (!b.schedule.empty() && scoring::schedule_total(b.schedule) != b.input.price) __builtin_trap();
            }
    } catch (const core::InputError& e) {
        if (e.diagnostics().empty()) __builtin_trap();
    }
    return 0;
}
