#include "core/error.hpp"

namespace caselog {

const char* toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_json: return "bad_json";
    case ErrorCode::bad_request: return "bad_request";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::unknown_type: return "unknown_type";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::storage: return "storage";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace caselog
