#include "scoring/social_value.h"

#include <algorithm>

namespace scoring {

double Commitment::counted_quantity() const {
    switch (decision) {
        case Deliverability::accept: return quantity;
        case Deliverability::reject: return 0;
        case Deliverability::reduce:
            if (accepted_quantity) return std::min(quantity, *accepted_quantity);
            if (accepted_percent) return quantity * std::clamp(*accepted_percent, 0.0, 100.0) / 100.0;
            return quantity;
    }
    return 0;
}

MeasureIndex::MeasureIndex(const Framework& framework) {
    sorted_.reserve(framework.measures.size());
    for (const auto& m : framework.measures) sorted_.emplace_back(m.code, &m);
    // Stable, so that with a duplicated code the first in the framework is found, as by Framework::measure.
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
}

const Measure* MeasureIndex::find(std::string_view code) const {
    const auto it = std::lower_bound(sorted_.begin(), sorted_.end(), code,
                                     [](const auto& entry, std::string_view c) { return entry.first < c; });
    return it != sorted_.end() && it->first == code ? it->second : nullptr;
}

double committed_social_value(const Framework& framework, const std::vector<Commitment>& commitments,
                              std::vector<std::string>* unknown) {
    return committed_social_value(MeasureIndex(framework), commitments, unknown);
}

double committed_social_value(const MeasureIndex& measures, const std::vector<Commitment>& commitments,
                              std::vector<std::string>* unknown) {
    double total = 0;
    for (const auto& c : commitments) {
        const Measure* m = measures.find(c.measure);
        if (!m) {
            if (unknown) unknown->push_back(c.measure);
            continue;
        }
        total += c.counted_quantity() * static_cast<double>(m->proxy_per_unit);
    }
    return total;
}

std::vector<double> social_value_marks(SocialValueBasis basis, const std::vector<double>& committed,
                                       const std::vector<Money>& prices, const std::vector<bool>& in_contention,
                                       double max_marks) {
    const auto n = committed.size();
    std::vector<double> basis_value(n, 0.0);
    double best = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!in_contention[i]) continue;
        basis_value[i] = basis == SocialValueBasis::highest_total
                             ? committed[i]
                             : (prices[i] > 0 ? committed[i] / static_cast<double>(prices[i]) : 0.0);
        best = std::max(best, basis_value[i]);
    }
    std::vector<double> marks(n, 0.0);
    if (best <= 0) return marks;
    for (std::size_t i = 0; i < n; ++i)
        if (in_contention[i]) marks[i] = max_marks * basis_value[i] / best;
    return marks;
}

std::string describe(SocialValueBasis basis) {
    return basis == SocialValueBasis::highest_total
               ? "Relative to the highest committed social value: S x SV / SVmax"
               : "Relative to the highest social value per unit of price: S x (SV/P) / max(SV/P)";
}

}  // namespace scoring
