// Writes a provider's answers as a self-assessment file (docs/self_assessment.md section 1): what the
// GUI's Save answers keeps, read back by the GUI and by `tenderbench self-assess --input`.
#include <pugixml.hpp>

#include "app/core/output_file.h"
#include "app/core/self_assessment_input.h"
#include "app/core/xml_document.h"
#include "scoring/money.h"

namespace core {

namespace {

void set(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name).set_value(value.c_str());
}

void set_money(pugi::xml_node node, const char* name, const std::optional<scoring::Money>& value) {
    if (value) set(node, name, scoring::format_money(*value));
}

void write_provider(pugi::xml_node root, const scoring::ProviderStanding& p) {
    if (p.name.empty() && !p.turnover && !p.insurance && !p.accounts_years && !p.audited_accounts) return;
    auto node = root.append_child("provider");
    if (!p.name.empty()) set(node, "name", p.name);
    set_money(node, "turnover", p.turnover);
    set_money(node, "insurance", p.insurance);
    if (p.accounts_years) set(node, "accounts-years", std::to_string(*p.accounts_years));
    if (p.audited_accounts) set(node, "audited-accounts", *p.audited_accounts ? "true" : "false");
}

// A price of 0 is one not stated yet (a draft): left out, as the reader then reads 0 again.
void write_competitors(pugi::xml_node root, const scoring::CompetitorProfile& p) {
    auto node = root.append_child("competitors");
    set(node, "count", std::to_string(p.count));
    if (p.price_low != 0) set(node, "price-low", scoring::format_money(p.price_low));
    if (p.price_high != 0) set(node, "price-high", scoring::format_money(p.price_high));
    if (p.typical_score) set(node, "typical-score", xml_number(*p.typical_score));
    if (p.typical_quality_percent) set(node, "typical-quality-percent", xml_number(*p.typical_quality_percent));
    set_money(node, "social-value", p.social_value);
}

}  // namespace

void write_self_assessment(const scoring::Framework& framework, const scoring::SelfAssessment& input,
                           const std::filesystem::path& path) {
    pugi::xml_document doc;
    auto root = start_document(doc, "self-assessment");
    set(root, "framework", framework.id);
    if (!input.lot.empty()) set(root, "lot", input.lot);
    write_provider(root, input.provider);
    if (input.price != 0) root.append_child("price").text().set(scoring::format_money(input.price).c_str());
    for (const auto& s : input.scores) {
        auto node = root.append_child("score");
        set(node, "criterion", s.criterion);
        set(node, "value", xml_number(s.score));
        if (!s.note.empty()) node.text().set(s.note.c_str());
    }
    for (const auto& c : input.commitments) {
        auto node = root.append_child("commitment");
        set(node, "measure", c.measure);
        set(node, "quantity", xml_number(c.quantity));
    }
    write_competitors(root, input.competitors);
    AtomicOutput output(path);
    if (!doc.save_file(output.temporary().c_str(), "  ", pugi::format_default, pugi::encoding_utf8))
        throw OutputError("cannot write " + path.string() + ": the disk may be full or the folder read-only; "
                          "nothing was written there");
    output.commit();
}

}  // namespace core
