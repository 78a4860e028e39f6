#include "cli/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace caselog::cli {

namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length (1 for an invalid byte, cp = 0xFFFD).
std::size_t decode(std::string_view text, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(text[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c >> 6) != 0x2) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  return len;
}

int codepointWidth(char32_t cp) {
  if (cp == 0) return 0;
  if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F))
    return 0;  // combining marks, zero-width spaces, variation selectors
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

}  // namespace

Terminal Terminal::detect(const char* columnsEnv) {
  Terminal t;
  t.stdoutTty = ::isatty(STDOUT_FILENO) == 1;
  t.stderrTty = ::isatty(STDERR_FILENO) == 1;
  winsize ws{};
  if (t.stdoutTty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    t.width = ws.ws_col;
  } else if (columnsEnv && *columnsEnv) {
    const int cols = std::atoi(columnsEnv);
    if (cols >= 20 && cols <= 1000) t.width = cols;
  }
  return t;
}

int displayWidth(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    i += decode(text, i, cp);
    width += codepointWidth(cp);
  }
  return width;
}

std::string truncateToWidth(std::string_view text, int width) {
  if (displayWidth(text) <= width) return std::string(text);
  if (width <= 0) return {};
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode(text, i, cp);
    const int w = codepointWidth(cp);
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    out.append(text.substr(i, len));
    used += w;
    i += len;
  }
  return out + "…";
}

std::string pad(std::string_view text, int width, bool right) {
  const int missing = width - displayWidth(text);
  if (missing <= 0) return std::string(text);
  const std::string spaces(static_cast<std::size_t>(missing), ' ');
  return right ? spaces + std::string(text) : std::string(text) + spaces;
}

std::string sanitizeForTerminal(std::string_view text, bool multiline) {
  std::string out;
  out.reserve(text.size());
  bool lastSpace = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode(text, i, cp);
    const bool whitespace = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r';
    if (!multiline && whitespace) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else if (multiline && (cp == '\n' || cp == '\t')) {
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFD) {
      if (!(multiline && cp == '\r')) out += '?';  // CRLF line ends: drop the CR
      lastSpace = false;
    } else {
      out.append(text.substr(i, len));
      lastSpace = false;
    }
    i += len;
  }
  return out;
}

}  // namespace caselog::cli
