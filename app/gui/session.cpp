#include "app/gui/session.h"

#include <vector>

namespace gui {

Session::Session(const std::filesystem::path& file) : workbook_(core::Workbook::open(file)) {}

void Session::set_actor(const std::string& id) {
    actor_ = id;
    changed();
}

std::optional<core::Evaluator> Session::acting() {
    if (actor_.empty()) return std::nullopt;
    for (const auto& e : core::list_evaluators(workbook_, actor_))
        if (e.id == actor_) return e;
    return std::nullopt;
}

void Session::set_lot(const std::string& lot) {
    if (lot == lot_) return;
    lot_ = lot;
    changed();
}

core::CommandResult Session::change(
    const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command) {
    const auto result = command(workbook_, actor_);
    if (result.command != 0) {
        ++changes_;
        changed();
    }
    return result;
}

void Session::changed() {
    // A listener may subscribe or unsubscribe while being told (a screen rebuilt): copy first.
    std::vector<Listener> now;
    for (const auto& [token, listener] : listeners_) now.push_back(listener);
    for (const auto& listener : now) listener();
}

int Session::subscribe(Listener listener) {
    listeners_.emplace(next_token_, std::move(listener));
    return next_token_++;
}

void Session::unsubscribe(int token) { listeners_.erase(token); }

}  // namespace gui
