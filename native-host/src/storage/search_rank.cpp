#include "storage/search_rank.hpp"

#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <string_view>

#include "storage/search.hpp"

namespace caselog::search {

namespace {

// caselog_stats(fts): "<tokens in row>:<hits of phrase 0>,<hits of phrase 1>,…"
void statsFunction(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int /*argc*/,
                   sqlite3_value** /*argv*/) {
  int length = 0;
  if (api->xColumnSize(fts, -1, &length) != SQLITE_OK) length = 0;
  const int phrases = api->xPhraseCount(fts);
  std::vector<int> counts(static_cast<std::size_t>(phrases > 0 ? phrases : 0), 0);
  int instances = 0;
  if (api->xInstCount(fts, &instances) == SQLITE_OK) {
    for (int i = 0; i < instances; ++i) {
      int phrase = 0, column = 0, offset = 0;
      if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < phrases)
        ++counts[static_cast<std::size_t>(phrase)];
    }
  }
  std::string out = std::to_string(length) + ":";
  for (std::size_t i = 0; i < counts.size(); ++i) {  // appended piecewise: GCC 12 -Wrestrict on `"," + s`
    if (i) out += ',';
    out += std::to_string(counts[i]);
  }
  sqlite3_result_text(ctx, out.c_str(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// caselog_contains(text, encoded): the CJK substring plan's row filter (storage/search.hpp).
void containsFunction(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* text = sqlite3_value_text(argv[0]);
  const auto* query = sqlite3_value_text(argv[1]);
  if (!text || !query) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  const std::string_view t(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
  const std::string_view q(reinterpret_cast<const char*>(query),
                           static_cast<std::size_t>(sqlite3_value_bytes(argv[1])));
  sqlite3_result_int(ctx, substringMatches(t, q) ? 1 : 0);
}

fts5_api* ftsApi(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

bool registerRankFunction(sqlite3* db) {
  fts5_api* api = ftsApi(db);
  if (!api) return false;
  if (sqlite3_create_function_v2(db, "caselog_contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                 containsFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
    return false;
  return api->xCreateFunction(api, "caselog_stats", nullptr, statsFunction, nullptr) == SQLITE_OK;
}

RowStats parseRowStats(const std::string& text) {
  RowStats row;
  const char* p = text.c_str();
  char* end = nullptr;
  row.length = static_cast<int>(std::strtol(p, &end, 10));
  if (*end != ':') return row;
  p = end + 1;
  while (*p) {
    row.counts.push_back(static_cast<int>(std::strtol(p, &end, 10)));
    if (end == p) break;
    p = *end == ',' ? end + 1 : end;
  }
  return row;
}

std::vector<double> windowBm25(const std::vector<RowStats>& rows) {
  constexpr double k1 = 1.2, b = 0.75;
  std::vector<double> scores(rows.size(), 0.0);
  if (rows.empty()) return scores;
  std::size_t phrases = 0;
  double totalLength = 0;
  for (const auto& r : rows) {
    phrases = std::max(phrases, r.counts.size());
    totalLength += r.length;
  }
  const double n = static_cast<double>(rows.size());
  const double avgLength = std::max(1.0, totalLength / n);
  std::vector<double> idf(phrases, 0.0);
  for (std::size_t i = 0; i < phrases; ++i) {
    double df = 0;
    for (const auto& r : rows) df += i < r.counts.size() && r.counts[i] > 0 ? 1 : 0;
    idf[i] = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    const double norm = k1 * (1 - b + b * static_cast<double>(r.length) / avgLength);
    for (std::size_t i = 0; i < r.counts.size(); ++i) {
      const double tf = r.counts[i];
      scores[k] += idf[i] * tf * (k1 + 1) / (tf + norm);
    }
  }
  return scores;
}

}  // namespace caselog::search
