// Human output helpers shared by the commands: aligned tables, ages, dates, highlighted snippets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace caselog::cli {

// An aligned text table. The column marked `flexible` (usually the subject) takes what is left
// of `width` and is truncated with "…"; the others are as wide as their widest cell.
class Table {
 public:
  struct Column {
    std::string header;
    bool rightAligned = false;
    bool flexible = false;
  };
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void addRow(std::vector<std::string> cells);  // cells are sanitized for the terminal here
  std::string render(int width) const;          // header line, then one line per row
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// "45m", "5h", "3d", "7w", "4mo", "2y"; "-" when `from` is after `now`.
std::string formatAge(Instant from, Instant now);

// "2026-11-20 14:05 UTC"
std::string formatWhen(Instant t);

// A duration in hours as "36.5 h" or "4.2 d"; "-" for a negative value (no data).
std::string formatHours(double hours);

// Search snippets mark matches with \x02 … \x03. On a terminal: bold; otherwise [brackets].
// The text between is sanitized for the terminal first.
std::string highlightSnippet(std::string_view snippet, bool tty);

// Removes the \x02 / \x03 markers; `highlights` gets the matched substrings, in order.
std::string plainSnippet(std::string_view snippet, std::vector<std::string>* highlights = nullptr);

// Indents every line of `text` by `indent` spaces (for message bodies under a header line).
std::string indentLines(std::string_view text, int indent);

}  // namespace caselog::cli
