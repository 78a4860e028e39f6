// caselog: the command line over the same core as the host. All logic is in the cli library.
#include <cstdlib>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  caselog::cli::AppIo io{std::cin, std::cout, std::cerr,
                         caselog::cli::Terminal::detect(std::getenv("COLUMNS")),
                         [](const std::string& name) -> std::optional<std::string> {
                           const char* value = std::getenv(name.c_str());
                           return value ? std::optional<std::string>(value) : std::nullopt;
                         }};
  const int code = caselog::cli::runApp(std::vector<std::string>(argv + 1, argv + argc), io);
  std::cout.flush();
  return code;
}
