// Keyword and phrase lists from the configuration, matched on folded text.
// A keyword ending in '*' matches any word that starts with it ("suppress*" → "suppressed").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace caselog {

// Does folded `text` contain folded `keyword` (whole words, or a word prefix for "stem*")?
bool matchesKeyword(std::string_view foldedText, std::string_view keyword);

// A keyword is searched for in a text only when its first word (as text::tokens cuts words) is one
// of the text's words; a keyword that has no such first word (a stem, punctuation first) always is.
// matchedKeywords and KeywordLists both answer this, so their answers agree.

// Several folded keyword lists indexed together, for lexicons matched against every text (every
// category's list at once): a text's words are looked up once each, whichever list holds the
// keyword, so the cost follows the text's words rather than the lists' length. Stems are indexed
// by their first three letters. Finds what matchedKeywords finds in each list.
class KeywordLists {
 public:
  explicit KeywordLists(std::vector<std::vector<std::string>> foldedLists);
  const std::vector<std::vector<std::string>>& lists() const { return lists_; }

  struct Found {
    std::uint32_t list;
    std::uint32_t position;  // in lists()[list]
  };
  // The keywords folded `text` contains, into `found` (replaced): by list, then by position; a
  // keyword listed twice is found twice. `found` is the caller's, reused across texts.
  void find(std::string_view foldedText, std::vector<Found>& found) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Ids = std::vector<std::uint32_t>;  // into refs_, ascending
  // One bit per hash of a first word / stem prefix: most of a text's words fail one bit test and
  // cost no hash-table lookup.
  class Sketch {
   public:
    void add(std::uint32_t hash) { bits_[(hash >> 6) % bits_.size()] |= std::uint64_t{1} << (hash & 63); }
    bool mayHold(std::uint32_t hash) const { return bits_[(hash >> 6) % bits_.size()] >> (hash & 63) & 1; }

   private:
    std::array<std::uint64_t, 128> bits_{};
  };
  void candidates(std::string_view foldedText, Ids& ids) const;

  std::vector<std::vector<std::string>> lists_;
  std::vector<Found> refs_;   // every keyword of every list, in order
  std::vector<bool> isWord_;  // by id: the keyword is one word, so finding the word finds it
  std::unordered_map<std::string, Ids, Hash, std::equal_to<>> byFirstWord_;
  std::unordered_map<std::uint32_t, Ids> stemsByPrefix_;  // "suppress*" under "sup"
  Sketch firstWords_, stemPrefixes_;
  Ids unindexed_;
};

// The keywords of `foldedKeywords` (folded already: Config::folded) found in folded `text`, in the
// list's order (each counted once, however often the text holds it).
std::vector<std::string> matchedKeywords(std::string_view foldedText,
                                         const std::vector<std::string>& foldedKeywords);

}  // namespace caselog
