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

// A storage error that is the disk's or the file's, not the request's: no space left, a read-only
// or damaged file, an I/O error, a write lock held too long. Every later write meets it too, so a
// bulk job stops on it (caselog import) instead of trying its entries one by one.
class StorageUnavailable : public Error {
 public:
  explicit StorageUnavailable(const std::string& message) : Error(ErrorCode::storage, message) {}
};

}  // namespace caselog
