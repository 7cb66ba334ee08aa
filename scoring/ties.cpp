#include "scoring/ties.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <random>

#include "scoring/radix_sort.h"

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
        : entries_(entries), rules_(rules), seed_(seed), out_(out), levels_(rules.size()) {}

    // Orders `group` (all equal on the primary keys, in id order) from rule `r` on, appending to
    // out_.order. Every group and sub-group stays in id order: the primary sort breaks key ties by
    // id, and splitting keeps the order within equal keys.
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
        auto& [key, idx, sub] = levels_[r];  // this level's buffers; deeper levels use their own
        key.resize(group.size());
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
        stable_order(key, idx);
        if (key[idx.front()] == key[idx.back()]) {  // this rule does not separate them
            resolve(group, r + 1, tied_at);
            return;
        }
        record_decision(group, idx, rule, tied_at);
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

    // Positions 0..n-1 ordered by `key`, equal keys in position order. Tied groups are nearly
    // always small (two to five bids, even with 10,000 bids in a lot), where an insertion sort,
    // which needs no buffer, beats std::stable_sort; it is stable like it.
    static void stable_order(const std::vector<std::int64_t>& key, std::vector<std::size_t>& idx) {
        idx.resize(key.size());
        if (key.size() > 32) {
            std::iota(idx.begin(), idx.end(), std::size_t{0});
            std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return key[a] < key[b]; });
            return;
        }
        for (std::size_t i = 0; i < key.size(); ++i) {
            std::size_t j = i;
            for (; j > 0 && key[i] < key[idx[j - 1]]; --j) idx[j] = idx[j - 1];
            idx[j] = i;
        }
    }

    // The group's ids, which are in id order already (see resolve).
    std::vector<std::string> ids_of(const std::vector<std::uint32_t>& group) const {
        std::vector<std::string> ids;
        ids.reserve(group.size());
        for (const auto g : group) ids.push_back(entries_[g].id);
        return ids;
    }

    // `rule` ordered `group` as `idx` (positions in `group`, best first): the record and the flags.
    void record_decision(const std::vector<std::uint32_t>& group, const std::vector<std::size_t>& idx,
                         TieBreakRule rule, const std::string& tied_at) {
        TieBreakRecord record;
        record.bids = ids_of(group);
        record.rule = to_string(rule);
        record.order.reserve(idx.size());
        for (auto i : idx) record.order.push_back(entries_[group[i]].id);
        if (rule == TieBreakRule::lots) record.seed = seed_;
        const char* code = rule == TieBreakRule::lots ? "lots_drawn" : "tie_break";
        // Built in one buffer: with 10,000 bids a lot there are thousands of tied groups.
        std::string detail;
        detail.reserve(96);
        detail.append("tied ").append(tied_at).append(" with ").append(std::to_string(group.size() - 1));
        detail.append(group.size() == 2 ? " other bid" : " other bids").append("; order decided by ").append(record.rule);
        out_.records.push_back(std::move(record));
        for (std::size_t i = 0; i + 1 < group.size(); ++i) out_.flags.push_back({entries_[group[i]].index, {code, detail}});
        out_.flags.push_back({entries_[group.back()].index, {code, std::move(detail)}});
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
        record.bids = ids_of(group);
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
    // Buffers for each tie-break rule's level, reused across the thousands of tied groups a large
    // lot can have instead of allocated for each.
    struct Level {
        std::vector<std::int64_t> key;
        std::vector<std::size_t> idx;
        std::vector<std::uint32_t> sub;
    };
    std::vector<Level> levels_;
};

// "at 71.25": the value tied at, as printf's %.*f writes it (std::to_chars is specified to give
// the same characters, without printf's format parsing and locale).
std::string tied_at(double value, int precision) {
    char text[400] = "at ";
    const auto end = std::to_chars(text + 3, text + sizeof text, value, std::chars_format::fixed, precision);
    return std::string(text, end.ptr);
}

}  // namespace

Ranking rank_entries(std::vector<RankEntry> entries, const std::vector<TieBreakRule>& rules,
                     std::optional<std::uint64_t> lots_seed, int precision) {
    // Sort small (keys, position) records, not entries: entries carry strings that are costly to
    // move. A radix sort on the second key, then on the first, then ids compared only within runs
    // of equal keys, so the order inside a tied group does not depend on the input order.
    struct Sortable {
        RankKey keys;
        std::uint32_t position;
    };
    static_assert(std::tuple_size_v<RankKey> == 2);
    std::vector<Sortable> sortable(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) sortable[i] = {entries[i].keys, static_cast<std::uint32_t>(i)};
    const auto same_keys = [](const Sortable& a, const Sortable& b) {
        return a.keys[0] == b.keys[0] && a.keys[1] == b.keys[1];
    };
    radix_sort(sortable, [](const Sortable& s) { return s.keys[1]; });
    radix_sort(sortable, [](const Sortable& s) { return s.keys[0]; });
    Ranking out;
    out.order.reserve(entries.size());
    out.ranks.reserve(entries.size());
    Ranker ranker(entries, rules, lots_seed, out);
    std::vector<std::uint32_t> group;
    for (std::size_t a = 0; a < sortable.size();) {
        std::size_t b = a + 1;
        while (b < sortable.size() && same_keys(sortable[b], sortable[a])) ++b;
        if (b == a + 1) {
            out.order.push_back(entries[sortable[a].position].index);
            out.ranks.push_back(static_cast<int>(out.order.size()));
        } else {
            // A run of equal keys: a tied group, put in id order before its tie-break rules apply.
            group.clear();
            for (std::size_t i = a; i < b; ++i) group.push_back(sortable[i].position);
            std::sort(group.begin(), group.end(),
                      [&](std::uint32_t x, std::uint32_t y) { return entries[x].id < entries[y].id; });
            ranker.resolve(group, 0, tied_at(entries[group.front()].value, precision));
        }
        a = b;
    }
    return out;
}

}  // namespace scoring
