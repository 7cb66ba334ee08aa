// Quantitative social value (domain.md section 7): commitments × proxy values, and their marks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace scoring {

/// Σ counted quantity × proxy value, in minor units. Unknown measure codes are reported in
/// `unknown` (the caller turns them into errors) and count for nothing.
double committed_social_value(const Framework& framework, const std::vector<Commitment>& commitments,
                              std::vector<std::string>* unknown = nullptr);

/// The framework's measures by code, for looking up every bid's commitments without scanning
/// the list and comparing strings each time. Refers to `framework`, which must outlive it.
class MeasureIndex {
public:
    explicit MeasureIndex(const Framework& framework);
    /// As Framework::measure: the first measure with that code, or nullptr.
    const Measure* find(std::string_view code) const;

private:
    std::vector<std::pair<std::string_view, const Measure*>> sorted_;  // by code, then framework order
};

/// As above, with the measures looked up in `measures`.
double committed_social_value(const MeasureIndex& measures, const std::vector<Commitment>& commitments,
                              std::vector<std::string>* unknown = nullptr);

/// Marks for the measures leaf, for each bid, given each bid's committed value and price and
/// whether it is in contention. Bids out of contention get 0 and do not set the maximum.
/// If no bid in contention commits any value, everyone gets 0.
std::vector<double> social_value_marks(SocialValueBasis basis, const std::vector<double>& committed,
                                       const std::vector<Money>& prices, const std::vector<bool>& in_contention,
                                       double max_marks);

/// The basis in words, for reports.
std::string describe(SocialValueBasis basis);

}  // namespace scoring
