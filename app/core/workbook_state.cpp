#include "app/core/workbook_state.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/framework_reader.h"
#include "app/core/xml_document.h"
#include "scoring/validation.h"

namespace core {

namespace {

std::optional<std::string> optional_text(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

std::optional<double> optional_real(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getDouble();
}

BidRecord bid_from(SQLite::Statement& st) {
    return {st.getColumn(0).getString(),     st.getColumn(1).getString(), st.getColumn(2).getString(),
            st.getColumn(3).getInt() != 0,   st.getColumn(4).getInt() != 0, st.getColumn(5).getInt64(),
            optional_text(st.getColumn(6))};
}

constexpr const char* bid_columns = "SELECT id, lot, bidder, sme, vcse, price, exclusion FROM bid";


const scoring::Criterion* find_question(const std::vector<scoring::Criterion>& list, const std::string& id) {
    for (const auto& c : list) {
        if (c.id == id) return c.kind == scoring::CriterionKind::question ? &c : nullptr;
        if (const auto* found = find_question(c.children, id)) return found;
    }
    return nullptr;
}

}  // namespace

std::optional<Role> role_from_string(const std::string& text) {
    if (text == "officer") return Role::officer;
    if (text == "evaluator") return Role::evaluator;
    if (text == "moderator") return Role::moderator;
    return std::nullopt;
}

TenderState::TenderState(SQLite::Database& db) : db_(db) {}
TenderState::~TenderState() = default;

bool TenderState::has_tender() {
    return db_.execAndGet("SELECT COUNT(*) FROM tender").getInt() > 0;
}

const TenderRecord& TenderState::tender() {
    if (tender_) return *tender_;
    SQLite::Statement st(db_, "SELECT name, reference, phase, two_envelope, individual_locked FROM tender");
    if (!st.executeStep())
        throw Refused("no-tender", "this workbook holds no tender yet; it was left empty by an interrupted "
                                   "'new' or 'import': delete it and run the command again");
    TenderRecord t;
    t.name = st.getColumn(0).getString();
    t.reference = st.getColumn(1).getString();
    t.phase = phase_from_string(st.getColumn(2).getString()).value_or(Phase::setup);
    t.two_envelope = st.getColumn(3).getInt() != 0;
    t.individual_locked = st.getColumn(4).getInt() != 0;
    tender_ = t;
    return *tender_;
}

std::string TenderState::framework_xml() {
    SQLite::Statement st(db_, "SELECT xml FROM framework");
    if (!st.executeStep()) throw Refused("no-tender", "this workbook holds no framework");
    return st.getColumn(0).getString();
}

std::string TenderState::framework_source() {
    SQLite::Statement st(db_, "SELECT source FROM framework");
    if (!st.executeStep()) throw Refused("no-tender", "this workbook holds no framework");
    return st.getColumn(0).getString();
}

bool TenderState::framework_frozen() {
    SQLite::Statement st(db_, "SELECT frozen FROM framework");
    return st.executeStep() && st.getColumn(0).getInt() != 0;
}

const scoring::Framework& TenderState::framework() {
    if (!framework_) {
        const XmlFile file("framework.xml (in the workbook)", framework_xml());
        framework_ = std::make_unique<scoring::Framework>(read_framework(file));
    }
    return *framework_;
}

std::optional<Evaluator> TenderState::evaluator(const std::string& id) {
    SQLite::Statement st(db_, "SELECT id, name, role FROM evaluator WHERE id = ?1");
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return Evaluator{st.getColumn(0).getString(), st.getColumn(1).getString(),
                     role_from_string(st.getColumn(2).getString()).value_or(Role::evaluator)};
}

std::vector<Evaluator> TenderState::evaluators() {
    SQLite::Statement st(db_, "SELECT id, name, role FROM evaluator ORDER BY id");
    std::vector<Evaluator> out;
    while (st.executeStep())
        out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                       role_from_string(st.getColumn(2).getString()).value_or(Role::evaluator)});
    return out;
}

std::optional<BidRecord> TenderState::bid(const std::string& id) {
    SQLite::Statement st(db_, std::string(bid_columns) + " WHERE id = ?1");
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return bid_from(st);
}

std::vector<BidRecord> TenderState::bids() {
    SQLite::Statement st(db_, std::string(bid_columns) + " ORDER BY id");
    std::vector<BidRecord> out;
    while (st.executeStep()) out.push_back(bid_from(st));
    return out;
}

std::size_t TenderState::bid_count() {
    return static_cast<std::size_t>(db_.execAndGet("SELECT COUNT(*) FROM bid").getInt64());
}

std::vector<Declaration> TenderState::declarations(const std::string& evaluator) {
    SQLite::Statement st(db_,
                         "SELECT evaluator, bid, conflict, detail, decision FROM declaration WHERE evaluator = ?1 "
                         "ORDER BY bid");
    st.bind(1, evaluator);
    std::vector<Declaration> out;
    while (st.executeStep())
        out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getInt() != 0,
                       st.getColumn(3).getString(), optional_text(st.getColumn(4))});
    return out;
}

bool TenderState::has_declared(const std::string& evaluator) { return !declarations(evaluator).empty(); }

std::optional<Declaration> TenderState::blocking_conflict(const std::string& evaluator, const std::string& bid) {
    for (auto& d : declarations(evaluator))
        if (d.conflict && (d.bid == "*" || d.bid == bid) && d.decision != "allowed") return d;
    return std::nullopt;
}

bool TenderState::assigned(const std::string& evaluator, const std::string& criterion, const std::string& bid) {
    SQLite::Statement st(db_,
                         "SELECT 1 FROM assignment WHERE evaluator = ?1 AND criterion = ?2 AND bid IN (?3, '*')");
    st.bind(1, evaluator);
    st.bind(2, criterion);
    st.bind(3, bid);
    return st.executeStep();
}

bool TenderState::has_assignments(const std::string& evaluator) {
    SQLite::Statement st(db_, "SELECT 1 FROM assignment WHERE evaluator = ?1 LIMIT 1");
    st.bind(1, evaluator);
    return st.executeStep();
}

std::vector<IndividualScoreRow> TenderState::individual_scores(const std::string& bid, const std::string& criterion) {
    SQLite::Statement st(db_,
                         "SELECT bid, criterion, evaluator, score, justification FROM individual_score "
                         "WHERE bid = ?1 AND criterion = ?2 ORDER BY evaluator");
    st.bind(1, bid);
    st.bind(2, criterion);
    std::vector<IndividualScoreRow> out;
    while (st.executeStep())
        out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                       optional_real(st.getColumn(3)), st.getColumn(4).getString()});
    return out;
}

std::optional<IndividualScoreRow> TenderState::individual_score(const std::string& bid, const std::string& criterion,
                                                                const std::string& evaluator) {
    for (auto& row : individual_scores(bid, criterion))
        if (row.evaluator == evaluator) return row;
    return std::nullopt;
}

namespace {

constexpr const char* consensus_select =
    "SELECT bid, criterion, score, moderator, rationale, spread, divergent, automatic FROM consensus";

ConsensusRow consensus_from(SQLite::Statement& st) {
    return ConsensusRow{st.getColumn(0).getString(),    st.getColumn(1).getString(), st.getColumn(2).getDouble(),
                        st.getColumn(3).getString(),    st.getColumn(4).getString(), optional_real(st.getColumn(5)),
                        st.getColumn(6).getInt() != 0, st.getColumn(7).getInt() != 0};
}

}  // namespace

std::optional<ConsensusRow> TenderState::consensus(const std::string& bid, const std::string& criterion) {
    SQLite::Statement st(db_, std::string(consensus_select) + " WHERE bid = ?1 AND criterion = ?2");
    st.bind(1, bid);
    st.bind(2, criterion);
    if (!st.executeStep()) return std::nullopt;
    return consensus_from(st);
}

std::map<std::pair<std::string, std::string>, ConsensusRow> TenderState::all_consensus() {
    std::map<std::pair<std::string, std::string>, ConsensusRow> out;
    SQLite::Statement st(db_, consensus_select);
    while (st.executeStep()) {
        auto row = consensus_from(st);
        auto key = std::make_pair(row.bid, row.criterion);
        out.emplace(std::move(key), std::move(row));
    }
    return out;
}

std::optional<double> TenderState::committed_quantity(const std::string& bid, const std::string& measure) {
    SQLite::Statement st(db_, "SELECT quantity FROM commitment WHERE bid = ?1 AND measure = ?2");
    st.bind(1, bid);
    st.bind(2, measure);
    if (!st.executeStep()) return std::nullopt;
    return st.getColumn(0).getDouble();
}

const scoring::Criterion* TenderState::question(const std::string& lot, const std::string& criterion) {
    const auto* l = framework().lot(lot);
    return l ? find_question(l->criteria, criterion) : nullptr;
}

}  // namespace core
