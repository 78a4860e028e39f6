#include "cli/args.hpp"

#include <charconv>

namespace caselog::cli {

namespace {

const OptionSpec* findLong(const std::vector<OptionSpec>& specs, const std::string& name) {
  for (const auto& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

const OptionSpec* findShort(const std::vector<OptionSpec>& specs, char c) {
  for (const auto& s : specs)
    if (s.shortName != 0 && s.shortName == c) return &s;
  return nullptr;
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view space = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(space) - first + 1));
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::optional<std::string> ParsedArgs::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string ParsedArgs::getOr(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

int ParsedArgs::getInt(const std::string& name, int fallback, int min, int max) const {
  auto text = get(name);
  if (!text) return fallback;
  int value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max)
    throw UsageError("--" + name + " needs a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + *text + "'");
  return value;
}

std::string ParsedArgs::getChoice(const std::string& name, const std::string& fallback,
                                  const std::vector<std::string>& allowed) const {
  auto text = get(name);
  if (!text) return fallback;
  for (const auto& a : allowed)
    if (a == *text) return a;
  throw UsageError("--" + name + " must be one of " + joined(allowed) + ", not '" + *text + "'");
}

std::string ParsedArgs::caseId(std::size_t index) const {
  std::string id = index < positionals_.size() ? trimmed(positionals_[index]) : "";
  if (id.empty()) throw UsageError("missing CASEID");
  return id;
}

std::optional<std::string> ParsedArgs::caseIdOption(const std::string& name) const {
  auto text = get(name);
  if (!text) return std::nullopt;
  std::string id = trimmed(*text);
  if (id.empty()) throw UsageError("--" + name + " needs a case ID");
  return id;
}

void ParsedArgs::expectPositionals(std::size_t count, const std::string& what, bool orMore) const {
  const auto n = positionals_.size();
  if (n < count) throw UsageError("missing " + what);
  if (n > count && !orMore) throw UsageError("unexpected argument '" + positionals_[count] + "'");
}

ParsedArgs parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs) {
  ParsedArgs parsed;
  bool optionsEnded = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (optionsEnded || arg == "-" || arg.empty() || arg[0] != '-') {
      parsed.addPositional(arg);
      continue;
    }
    if (arg == "--") {
      optionsEnded = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    std::optional<std::string> inlineValue;
    if (arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        inlineValue = name.substr(eq + 1);
        name.resize(eq);
      }
      spec = findLong(specs, name);
    } else if (arg.size() == 2) {
      spec = findShort(specs, arg[1]);
    }
    if (!spec) throw UsageError("unknown option '" + arg + "'");
    if (!spec->takesValue) {
      if (inlineValue) throw UsageError("--" + spec->name + " takes no value");
      parsed.set(spec->name, "");
      continue;
    }
    if (!inlineValue) {
      if (i + 1 >= args.size()) throw UsageError("--" + spec->name + " needs a value");
      inlineValue = args[++i];
    }
    parsed.set(spec->name, *inlineValue);
  }
  return parsed;
}

const std::vector<OptionSpec>& globalOptionSpecs() {
  static const std::vector<OptionSpec> specs = {
      {"db", true, 0}, {"now", true, 0}, {"json", false, 0}, {"help", false, 'h'}, {"version", false, 0}};
  return specs;
}

GlobalSplit splitGlobal(const std::vector<std::string>& args) {
  GlobalSplit split;
  std::vector<std::string> leading;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.empty() || arg[0] != '-' || arg == "-") break;
    leading.push_back(arg);
    const OptionSpec* spec = arg.rfind("--", 0) == 0 && arg.find('=') == std::string::npos
                                 ? findLong(globalOptionSpecs(), arg.substr(2))
                                 : nullptr;
    if (spec && spec->takesValue && i + 1 < args.size()) leading.push_back(args[++i]);
  }
  split.global = parseArgs(leading, globalOptionSpecs());
  if (i < args.size()) {
    split.command = args[i];
    split.rest.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
  }
  return split;
}

std::optional<Instant> parseWhen(const std::string& text, Instant now) {
  if (auto t = parseIso8601(text)) return t;
  if (text.size() < 2) return std::nullopt;
  long long amount = 0;
  const char* end = text.data() + text.size() - 1;
  auto [ptr, ec] = std::from_chars(text.data(), end, amount);
  if (ec != std::errc() || ptr != end || amount < 0 || amount > 100000) return std::nullopt;
  switch (text.back()) {
    case 'm':
      return now + std::chrono::minutes(amount);
    case 'h':
      return now + std::chrono::hours(amount);
    case 'd':
      return now + std::chrono::days(amount);
    case 'w':
      return now + std::chrono::weeks(amount);
    default:
      return std::nullopt;
  }
}

}  // namespace caselog::cli
