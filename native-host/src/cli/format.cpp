#include "cli/format.hpp"

#include <algorithm>
#include <cstdio>

#include "cli/terminal.hpp"

namespace caselog::cli {

void Table::addRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (auto& c : cells) c = sanitizeForTerminal(c, false);
  rows_.push_back(std::move(cells));
}

std::string Table::render(int width) const {
  std::vector<int> widths(columns_.size());
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    widths[i] = displayWidth(columns_[i].header);
    for (const auto& row : rows_) widths[i] = std::max(widths[i], displayWidth(row[i]));
  }
  int fixed = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (!columns_[i].flexible) fixed += widths[i] + 2;
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].flexible) widths[i] = std::clamp(width - fixed, 10, std::max(10, widths[i]));

  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const bool last = i + 1 == columns_.size();
      std::string cell = columns_[i].flexible ? truncateToWidth(cells[i], widths[i]) : cells[i];
      out += last && !columns_[i].rightAligned ? cell : pad(cell, widths[i], columns_[i].rightAligned);
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };

  std::vector<std::string> headers;
  for (const auto& c : columns_) headers.push_back(c.header);
  std::string out = line(headers);
  for (const auto& row : rows_) out += line(row);
  return out;
}

std::string formatAge(Instant from, Instant now) {
  if (from > now) return "-";
  const long long minutes = std::chrono::duration_cast<std::chrono::minutes>(now - from).count();
  const long long hours = minutes / 60, days = hours / 24;
  if (minutes < 60) return std::to_string(minutes) + "m";
  if (hours < 48) return std::to_string(hours) + "h";
  if (days < 14) return std::to_string(days) + "d";
  if (days < 60) return std::to_string(days / 7) + "w";
  if (days < 730) return std::to_string(days / 30) + "mo";
  return std::to_string(days / 365) + "y";
}

std::string formatWhen(Instant t) {
  std::string iso = formatIso8601(t);  // 2026-11-20T14:05:00Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string formatHours(double hours) {
  if (hours < 0) return "-";
  char buf[32];
  if (hours < 48)
    std::snprintf(buf, sizeof buf, "%.1f h", hours);
  else
    std::snprintf(buf, sizeof buf, "%.1f d", hours / 24);
  return buf;
}

std::string highlightSnippet(std::string_view snippet, bool tty) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= snippet.size(); ++i) {
    if (i < snippet.size() && snippet[i] != '\x02' && snippet[i] != '\x03') continue;
    out += sanitizeForTerminal(snippet.substr(start, i - start), false);
    if (i < snippet.size()) {
      const bool open = snippet[i] == '\x02';
      out += tty ? (open ? "\x1b[1m" : "\x1b[0m") : (open ? "[" : "]");
    }
    start = i + 1;
  }
  return out;
}

std::string plainSnippet(std::string_view snippet, std::vector<std::string>* highlights) {
  std::string out;
  std::string current;
  bool inside = false;
  for (char c : snippet) {
    if (c == '\x02') {
      inside = true;
      current.clear();
    } else if (c == '\x03') {
      if (inside && highlights) highlights->push_back(current);
      inside = false;
    } else {
      out += c;
      if (inside) current += c;
    }
  }
  return out;
}

std::string indentLines(std::string_view text, int indent) {
  const std::string prefix(static_cast<std::size_t>(indent), ' ');
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    if (!line.empty()) out += prefix;
    out.append(line);
    out += '\n';
    start = end + 1;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

}  // namespace caselog::cli
