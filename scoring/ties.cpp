#include "scoring/ties.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>

namespace scoring {

std::vector<std::size_t> draw_lots(std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 engine(seed);  // its output sequence is fixed by the C++ standard
    for (std::size_t i = count; i > 1; --i) {
        const std::uint64_t bound = i;
        const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
        std::uint64_t r = engine();
        while (r < threshold) r = engine();
        std::swap(order[i - 1], order[static_cast<std::size_t>(r % bound)]);
    }
    return order;
}

namespace {

// Works on positions into the caller's entries: groups are split and re-split while breaking
// ties, and copying entries (each with its id string) at every level costs more than the ranking.
class Ranker {
public:
    Ranker(const std::vector<RankEntry>& entries, const std::vector<TieBreakRule>& rules,
           std::optional<std::uint64_t> seed, Ranking& out)
        : entries_(entries), rules_(rules), seed_(seed), out_(out) {}

    // Orders `group` (all equal on the primary keys) from rule `r` on, appending to out_.order.
    void resolve(const std::vector<std::uint32_t>& group, std::size_t r, const std::string& tied_at) {
        if (group.size() == 1) {
            emit_one(entries_[group.front()]);
            return;
        }
        if (r == rules_.size()) {
            unresolved(group, tied_at);
            return;
        }
        const TieBreakRule rule = rules_[r];
        std::vector<std::int64_t> key(group.size());
        if (rule == TieBreakRule::lots) {
            if (!seed_) {
                no_seed(group, tied_at);
                return;
            }
            const auto draw = draw_lots(group.size(), *seed_);
            for (std::size_t i = 0; i < group.size(); ++i) key[draw[i]] = static_cast<std::int64_t>(i);
        } else {
            for (std::size_t i = 0; i < group.size(); ++i) key[i] = rule_key(rule, entries_[group[i]]);
        }
        std::vector<std::size_t> idx(group.size());
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return key[a] < key[b]; });
        if (key[idx.front()] == key[idx.back()]) {  // this rule does not separate them
            resolve(group, r + 1, tied_at);
            return;
        }
        record_decision(group, idx, rule, tied_at);
        std::vector<std::uint32_t> sub;
        for (std::size_t a = 0; a < idx.size();) {
            std::size_t b = a;
            sub.clear();
            while (b < idx.size() && key[idx[b]] == key[idx[a]]) sub.push_back(group[idx[b++]]);
            resolve(sub, r + 1, tied_at);
            a = b;
        }
    }

private:
    static std::int64_t rule_key(TieBreakRule rule, const RankEntry& e) {
        switch (rule) {
            case TieBreakRule::higher_quality: return -e.quality;
            case TieBreakRule::higher_social_value: return -e.social_value;
            case TieBreakRule::lower_price: return e.price;
            case TieBreakRule::lots: return 0;
        }
        return 0;
    }

    static std::string join_except(const std::vector<std::string>& ids, const std::string& self) {
        std::string out;
        for (const auto& id : ids)
            if (id != self) out += (out.empty() ? "" : ", ") + id;
        return out;
    }

    std::vector<std::string> sorted_ids(const std::vector<std::uint32_t>& group) const {
        std::vector<std::string> ids;
        ids.reserve(group.size());
        for (const auto g : group) ids.push_back(entries_[g].id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    // `rule` ordered `group` as `idx` (positions in `group`, best first): the record and the flags.
    void record_decision(const std::vector<std::uint32_t>& group, const std::vector<std::size_t>& idx,
                         TieBreakRule rule, const std::string& tied_at) {
        TieBreakRecord record;
        record.bids = sorted_ids(group);
        record.rule = to_string(rule);
        record.order.reserve(idx.size());
        for (auto i : idx) record.order.push_back(entries_[group[i]].id);
        if (rule == TieBreakRule::lots) record.seed = seed_;
        const std::string code = rule == TieBreakRule::lots ? "lots_drawn" : "tie_break";
        const std::string detail = "tied " + tied_at + " with " + std::to_string(group.size() - 1) +
                                   (group.size() == 2 ? " other bid" : " other bids") + "; order decided by " + record.rule;
        out_.records.push_back(std::move(record));
        for (const auto g : group) out_.flags.push_back({entries_[g].index, {code, detail}});
    }

    void no_seed(const std::vector<std::uint32_t>& group, const std::string& tied_at) {
        std::string ids;
        for (const auto g : group) ids += (ids.empty() ? "" : ", ") + entries_[g].id;
        out_.problems.push_back("bids " + ids +
                                " are still tied and the tie-break rules call for drawing lots, but no "
                                "seed is recorded: add <lots-draw lot=\"...\" seed=\"N\"/> to scores.xml "
                                "or pass --seed N");
        unresolved(group, tied_at);
    }

    void emit_one(const RankEntry& e) {
        out_.order.push_back(e.index);
        out_.ranks.push_back(static_cast<int>(out_.order.size()));
    }

    void unresolved(const std::vector<std::uint32_t>& group, const std::string& tied_at) {
        const int shared = static_cast<int>(out_.order.size()) + 1;
        TieBreakRecord record;
        record.bids = sorted_ids(group);
        record.rule = "unresolved";
        record.order = record.bids;
        for (const auto g : group) {
            const auto& e = entries_[g];
            out_.order.push_back(e.index);
            out_.ranks.push_back(shared);
            out_.flags.push_back({e.index, {"tie_unresolved", "tied " + tied_at + " with " +
                                                                  join_except(record.bids, e.id) +
                                                                  " after every tie-break rule; rank shared"}});
        }
        out_.records.push_back(std::move(record));
    }

    const std::vector<RankEntry>& entries_;
    const std::vector<TieBreakRule>& rules_;
    std::optional<std::uint64_t> seed_;
    Ranking& out_;
};

}  // namespace

Ranking rank_entries(std::vector<RankEntry> entries, const std::vector<TieBreakRule>& rules,
                     std::optional<std::uint64_t> lots_seed, int precision) {
    // Sort small (keys, position) records, not entries: entries carry strings that are costly to
    // move, and keys held beside the position keep the comparisons in cache. Ids are compared only
    // between equal keys, so the order inside a tied group does not depend on the input order.
    struct Sortable {
        RankKey keys;
        std::uint32_t position;
    };
    std::vector<Sortable> sortable(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) sortable[i] = {entries[i].keys, static_cast<std::uint32_t>(i)};
    // Keys compared element by element: std::array's == goes through memcmp, a call per comparison.
    static_assert(std::tuple_size_v<RankKey> == 2);
    std::sort(sortable.begin(), sortable.end(), [&](const Sortable& a, const Sortable& b) {
        if (a.keys[0] != b.keys[0]) return a.keys[0] < b.keys[0];
        if (a.keys[1] != b.keys[1]) return a.keys[1] < b.keys[1];
        return entries[a.position].id < entries[b.position].id;
    });
    std::vector<std::uint32_t> order(entries.size());
    for (std::size_t i = 0; i < sortable.size(); ++i) order[i] = sortable[i].position;
    Ranking out;
    out.order.reserve(entries.size());
    out.ranks.reserve(entries.size());
    Ranker ranker(entries, rules, lots_seed, out);
    std::vector<std::uint32_t> group;
    for (std::size_t a = 0; a < order.size();) {
        std::size_t b = a + 1;
        while (b < sortable.size() && sortable[b].keys[0] == sortable[a].keys[0] &&
               sortable[b].keys[1] == sortable[a].keys[1])
            ++b;
        if (b == a + 1) {
            out.order.push_back(entries[order[a]].index);
            out.ranks.push_back(static_cast<int>(out.order.size()));
        } else {
            group.assign(order.begin() + static_cast<std::ptrdiff_t>(a),
                         order.begin() + static_cast<std::ptrdiff_t>(b));
            char at[64];
            std::snprintf(at, sizeof at, "at %.*f", precision, entries[order[a]].value);
            ranker.resolve(group, 0, at);
        }
        a = b;
    }
    return out;
}

}  // namespace scoring
