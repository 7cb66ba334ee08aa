// The navigator's pages, in its order (one screen class per page).
#pragma once

namespace gui {

enum class PageId { tender, framework, design, bids, evaluators, scoring, moderation, results, audit };
inline constexpr PageId all_pages[] = {PageId::tender,     PageId::framework, PageId::design,
                                       PageId::bids,       PageId::evaluators, PageId::scoring,
                                       PageId::moderation, PageId::results,   PageId::audit};
inline constexpr int page_count = static_cast<int>(sizeof(all_pages) / sizeof(all_pages[0]));
/// The page's title in the navigator and menus ("Scoring").
const char* page_title(PageId id);

}  // namespace gui
