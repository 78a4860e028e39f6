// Keyword and phrase lists from the configuration, matched on folded text.
// A keyword ending in '*' matches any word that starts with it ("suppress*" → "suppressed").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caselog {

// Does folded `text` contain folded `keyword` (whole words, or a word prefix for "stem*")?
bool matchesKeyword(std::string_view foldedText, std::string_view keyword);

// The keywords of `keywords` found in folded `text` (each counted once), folded as written.
std::vector<std::string> matchedKeywords(std::string_view foldedText, const std::vector<std::string>& keywords);

}  // namespace caselog
