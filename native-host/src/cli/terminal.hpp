// What the CLI knows about where its output goes, and text helpers for a terminal:
// display width (wide East Asian characters count two), truncation, control-character escaping.
#pragma once

#include <string>
#include <string_view>

namespace caselog::cli {

struct Terminal {
  bool stdoutTty = false;
  bool stderrTty = false;
  int width = 100;  // columns; from the terminal, else $COLUMNS, else 100

  // Probes fds 1 and 2; `columnsEnv` is $COLUMNS (may be null).
  static Terminal detect(const char* columnsEnv);
};

// Columns a UTF-8 string takes on a terminal (CJK and fullwidth forms count two).
int displayWidth(std::string_view text);

// At most `width` columns; a cut string ends in "…". Never splits a UTF-8 sequence.
std::string truncateToWidth(std::string_view text, int width);

// Pads with spaces to `width` columns (left-aligned), or right-aligns when `right`.
std::string pad(std::string_view text, int width, bool right = false);

// Captured text made safe for a terminal: control characters (ESC, BEL, CR…) shown as "?",
// so a crafted reply cannot move the cursor or change colours. Keeps \n and \t when `multiline`,
// else turns every whitespace run into one space.
std::string sanitizeForTerminal(std::string_view text, bool multiline);

}  // namespace caselog::cli
