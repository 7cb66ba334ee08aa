#include "app/core/self_assessment_input.h"

#include <cmath>
#include <cstring>

#include "app/core/framework_reader.h"
#include "scoring/money.h"

namespace core {

namespace {

using scoring::SelfAssessmentPart;

// Where each part of the input came from, so that the rules' problems point at their element.
struct Places {
    pugi::xml_node root;
    pugi::xml_node price;
    pugi::xml_node competitors;
    pugi::xml_node provider;
    std::vector<pugi::xml_node> scores;
    std::vector<pugi::xml_node> commitments;
};

class SelfAssessmentParser {
public:
    SelfAssessmentParser(const XmlFile& file, Diagnostics& diagnostics, bool draft)
        : file_(file), d_(diagnostics), draft_(draft) {}

    scoring::SelfAssessment parse(const scoring::Framework& framework, const std::string& lot) {
        scoring::SelfAssessment in;
        places_.root = file_.root();
        if (std::strcmp(places_.root.name(), "self-assessment") != 0) {
            error(places_.root, std::string("root element is <") + places_.root.name() +
                                    ">, expected <self-assessment>; is this a self-assessment file?");
            return in;
        }
        ElementReader r(file_, places_.root, d_, {"framework", "lot"},
                        {"provider", "price", "score", "commitment", "competitors"});
        const auto framework_id = r.id("framework");
        if (!framework_id.empty() && framework_id != framework.id)
            r.error("framework", "this self-assessment is for framework \"" + framework_id + "\" but the framework "
                                 "given is \"" + framework.id + "\"; give the framework it was written for");
        in.lot = lot;
        if (const auto file_lot = r.optional_text("lot")) {
            if (!lot.empty() && *file_lot != lot)
                r.error("lot", "the file is for lot " + *file_lot + " but --lot " + lot +
                                   " was given; drop --lot or change the file");
            in.lot = *file_lot;
        }
        places_.price = single(places_.root, "price", !draft_);
        places_.competitors = single(places_.root, "competitors", !draft_);
        places_.provider = single(places_.root, "provider", false);
        if (places_.price) in.price = price(places_.price);
        if (places_.competitors) in.competitors = competitors(places_.competitors);
        if (places_.provider) in.provider = provider(places_.provider);
        for (auto s = places_.root.child("score"); s; s = s.next_sibling("score")) {
            places_.scores.push_back(s);
            in.scores.push_back(score(s));
        }
        for (auto c = places_.root.child("commitment"); c; c = c.next_sibling("commitment")) {
            places_.commitments.push_back(c);
            in.commitments.push_back(commitment(c));
        }
        return in;
    }

    const Places& places() const { return places_; }

private:
    void error(pugi::xml_node node, const std::string& message) {
        const auto at = file_.where(node);
        d_.add(file_.name(), at.line, at.column, message);
    }

    // The one child called `name`: a second one is an error, and so is none when required.
    pugi::xml_node single(pugi::xml_node parent, const char* name, bool required) {
        const auto first = parent.child(name);
        if (!first && required)
            error(parent, std::string("<") + parent.name() + "> needs a <" + name + "> element");
        for (auto extra = first ? first.next_sibling(name) : pugi::xml_node(); extra; extra = extra.next_sibling(name))
            error(extra, std::string("<") + name + "> appears more than once; keep one");
        return first;
    }

    scoring::Money price(pugi::xml_node node) {
        ElementReader r(file_, node, d_, {}, {}, true);
        const auto text = r.body(true);
        if (text.empty()) return 0;
        const auto amount = scoring::parse_money(text);
        if (!amount) {
            r.error("price \"" + text + "\" is not an amount of money; write digits with at most 2 decimals, no "
                    "currency sign or separators, e.g. 125000.00");
            return 0;
        }
        return *amount;
    }

    scoring::SelfScore score(pugi::xml_node node) {
        ElementReader r(file_, node, d_, {"criterion", "value"}, {}, true);
        scoring::SelfScore s;
        s.criterion = r.id("criterion");
        s.score = r.number("value", 0, true);
        s.note = r.body(false);
        return s;
    }

    scoring::Commitment commitment(pugi::xml_node node) {
        ElementReader r(file_, node, d_, {"measure", "quantity"});
        scoring::Commitment c;
        c.measure = r.id("measure");
        c.quantity = r.number("quantity", 0, true);
        if (c.quantity < 0) r.error("quantity", "quantity must be zero or more");
        return c;
    }

    scoring::CompetitorProfile competitors(pugi::xml_node node) {
        ElementReader r(file_, node, d_,
                        {"count", "price-low", "price-high", "typical-score", "typical-quality-percent",
                         "social-value"});
        scoring::CompetitorProfile p;
        p.count = whole_number(r, "count", !draft_).value_or(1);
        p.price_low = r.money("price-low", 0, !draft_);
        p.price_high = r.money("price-high", 0, !draft_);
        p.typical_score = r.optional_number("typical-score");
        p.typical_quality_percent = r.optional_number("typical-quality-percent");
        if (node.attribute("social-value")) p.social_value = r.money("social-value", 0);
        return p;
    }

    scoring::ProviderStanding provider(pugi::xml_node node) {
        ElementReader r(file_, node, d_, {"name", "turnover", "insurance", "accounts-years", "audited-accounts"});
        scoring::ProviderStanding p;
        p.name = r.optional_text("name").value_or("");
        if (node.attribute("turnover")) p.turnover = r.money("turnover", 0);
        if (node.attribute("insurance")) p.insurance = r.money("insurance", 0);
        p.accounts_years = whole_number(r, "accounts-years", false);
        if (node.attribute("audited-accounts")) p.audited_accounts = r.boolean("audited-accounts", false);
        return p;
    }

    std::optional<int> whole_number(ElementReader& r, const char* attribute, bool required) {
        if (!r.node().attribute(attribute)) {
            if (required) r.error(std::string("<") + r.node().name() + "> needs attribute " + attribute);
            return std::nullopt;
        }
        const auto value = r.optional_number(attribute);
        if (!value) return std::nullopt;
        if (*value != std::floor(*value) || *value < 0 || *value > 1000) {
            r.error(attribute, std::string(attribute) + " must be a whole number from 0 to 1000");
            return std::nullopt;
        }
        return static_cast<int>(*value);
    }

    const XmlFile& file_;
    Diagnostics& d_;
    bool draft_;
    Places places_;
};

// The rules' problems, each at the element (or attribute) it is about.
void locate(const XmlFile& file, const Places& places, const std::vector<scoring::SelfAssessmentProblem>& problems,
            Diagnostics& diagnostics) {
    for (const auto& p : problems) {
        pugi::xml_node node = places.root;
        const char* attribute = nullptr;
        switch (p.part) {
            case SelfAssessmentPart::whole: break;
            case SelfAssessmentPart::lot: attribute = "lot"; break;
            case SelfAssessmentPart::price: node = places.price; break;
            case SelfAssessmentPart::competitors: node = places.competitors; break;
            case SelfAssessmentPart::provider: node = places.provider; break;
            case SelfAssessmentPart::score:
                if (p.index < places.scores.size()) node = places.scores[p.index];
                break;
            case SelfAssessmentPart::commitment:
                if (p.index < places.commitments.size()) node = places.commitments[p.index];
                break;
        }
        if (!node) node = places.root;
        const auto at = attribute ? file.where(node, attribute) : file.where(node);
        diagnostics.add(file.name(), at.line, at.column, p.message);
    }
}

}  // namespace

scoring::Framework read_published_framework(const std::filesystem::path& framework_or_package,
                                            std::vector<Diagnostic>* warnings) {
    const auto name = framework_or_package.string();
    if (framework_or_package.extension() == ".tender")
        throw InputError({{name, 0, 0,
                           "a .tender workbook is not a published framework, and self-assessment never opens one; "
                           "give the framework .xml file the buyer published, or a package folder"}});
    std::error_code ec;
    if (std::filesystem::is_directory(framework_or_package, ec)) {
        const auto framework = framework_or_package / "framework.xml";
        if (!std::filesystem::is_regular_file(framework, ec))
            throw InputError({{name, 0, 0, "this folder holds no framework.xml; give a framework .xml file or a "
                                           "tender package folder"}});
        return read_valid_framework(framework, warnings);
    }
    return read_valid_framework(framework_or_package, warnings);
}

scoring::SelfAssessment read_self_assessment(const XmlFile& file, const scoring::Framework& framework,
                                             const std::string& lot, scoring::SelfAssessmentCheck check) {
    Diagnostics diagnostics;
    SelfAssessmentParser parser(file, diagnostics, check == scoring::SelfAssessmentCheck::draft);
    auto input = parser.parse(framework, lot);
    diagnostics.throw_if_any();  // the rules below need well-typed values
    locate(file, parser.places(), scoring::check_self_assessment(framework, input, check), diagnostics);
    diagnostics.throw_if_any();
    return input;
}

scoring::SelfAssessment read_self_assessment(const std::filesystem::path& path, const scoring::Framework& framework,
                                             const std::string& lot, scoring::SelfAssessmentCheck check) {
    return read_self_assessment(XmlFile(path), framework, lot, check);
}

}  // namespace core
