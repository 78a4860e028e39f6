// One error type for every layer. The codes are the protocol's error codes (docs/PROTOCOL.md),
// so the host can answer any failure with a typed `error` and the CLI can print one line.
#pragma once

#include <stdexcept>
#include <string>

namespace caselog {

enum class ErrorCode { bad_json, bad_request, too_large, unknown_type, not_found, storage, internal };

const char* toString(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace caselog
