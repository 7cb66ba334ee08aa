// Undo and redo as new audited commands, derived from the trail itself: nothing is deleted.
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/command_rules.h"
#include "app/core/workbook_commands.h"

namespace core {

namespace {

struct Stacks {
    std::vector<std::int64_t> undo;  // commands whose effect can be undone, latest last
    std::vector<std::int64_t> redo;  // commands whose effect can be re-applied
    std::map<std::int64_t, std::string> actions;
};

bool ends_history(const std::string& action) {
    return action == "new" || action == "import" || action == "phase" || action == "framework";
}

// Replays the actor's own commands: each undo pops one, each redo pushes back.
Stacks stacks_of(SQLite::Database& db, const std::string& actor) {
    SQLite::Statement st(db,
                         "SELECT command, action, refers FROM audit WHERE actor = ?1 GROUP BY command ORDER BY command");
    st.bind(1, actor);
    Stacks s;
    while (st.executeStep()) {
        const auto id = st.getColumn(0).getInt64();
        const auto action = st.getColumn(1).getString();
        s.actions[id] = action;
        if (ends_history(action)) {
            s.undo.clear();
            s.redo.clear();
        } else if (action == "undo") {
            if (!s.undo.empty()) s.undo.pop_back();
            s.redo.push_back(st.getColumn(2).getInt64());
        } else if (action == "redo") {
            if (!s.redo.empty()) s.redo.pop_back();
            s.undo.push_back(id);
        } else {
            s.undo.push_back(id);
            s.redo.clear();
        }
    }
    return s;
}

struct Change {
    std::int64_t seq;
    std::string kind;
    std::string entity;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

std::vector<Change> changes_of(SQLite::Database& db, std::int64_t command) {
    SQLite::Statement st(db, "SELECT seq, kind, entity, before, after FROM audit WHERE command = ?1 ORDER BY seq");
    st.bind(1, static_cast<std::int64_t>(command));
    std::vector<Change> out;
    while (st.executeStep()) {
        Change c{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(), {}, {}};
        if (!st.getColumn(3).isNull()) c.before = st.getColumn(3).getString();
        if (!st.getColumn(4).isNull()) c.after = st.getColumn(4).getString();
        out.push_back(std::move(c));
    }
    return out;
}

void check_no_phase_change_since(SQLite::Database& db, std::int64_t command, const std::string& what) {
    SQLite::Statement st(db, "SELECT command FROM audit WHERE action = 'phase' AND command > ?1 LIMIT 1");
    st.bind(1, static_cast<std::int64_t>(command));
    if (st.executeStep())
        throw Refused("undo", "cannot " + what + " command " + std::to_string(command) +
                                  ": the phase has changed since (command " +
                                  std::to_string(st.getColumn(0).getInt64()) + ")");
}

// Each entity must still be as the command left it (undo) or found it (redo).
void check_unchanged(Command& c, const std::vector<Change>& changes, bool want_after, const std::string& what) {
    for (const auto& ch : changes) {
        const auto now = c.current(ch.kind, key_from_text(ch.entity));
        if (now != (want_after ? ch.after : ch.before))
            throw Refused("undo", "cannot " + what + ": " + ch.kind + " " + ch.entity +
                                      " has been changed since by another command; look at 'tenderbench log'");
    }
}

}  // namespace

CommandResult undo(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    rules::actor(state, actor);
    const auto stacks = stacks_of(wb.db(), actor);
    if (stacks.undo.empty())
        throw Refused("undo", "nothing to undo: " + actor +
                                  " has no command in effect since their last phase change, import or framework change");
    const auto target = stacks.undo.back();
    check_no_phase_change_since(wb.db(), target, "undo");
    const auto changes = changes_of(wb.db(), target);
    const std::string reason = "undo of command " + std::to_string(target) + " (" + stacks.actions.at(target) + ")";
    return wb.run(
        actor, "undo", reason,
        [&](Command& c) {
            check_unchanged(c, changes, true, "undo");
            for (auto it = changes.rbegin(); it != changes.rend(); ++it) c.restore(it->kind, it->entity, it->before);
        },
        target);
}

CommandResult redo(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    rules::actor(state, actor);
    const auto stacks = stacks_of(wb.db(), actor);
    if (stacks.redo.empty()) throw Refused("redo", "nothing to redo: " + actor + " has no undone command to re-apply");
    const auto target = stacks.redo.back();
    check_no_phase_change_since(wb.db(), target, "redo");
    const auto changes = changes_of(wb.db(), target);
    const std::string reason = "redo of command " + std::to_string(target) + " (" + stacks.actions.at(target) + ")";
    return wb.run(
        actor, "redo", reason,
        [&](Command& c) {
            check_unchanged(c, changes, false, "redo");
            for (const auto& ch : changes) c.restore(ch.kind, ch.entity, ch.after);
        },
        target);
}

}  // namespace core
