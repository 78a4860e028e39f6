// The audit chain: every event's hash is SHA-256(prevHash || canonical JSON of
// {seq, caseId, kind, at, data}). Events that add a message or a note carry a hash of its
// content, so editing the stored row (even with the triggers dropped) breaks verification.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace caselog::audit {

// prevHash of the first event.
inline const std::string kGenesisHash(64, '0');

std::string sha256Hex(std::string_view bytes);
// The SHA-256 of the parts one after the other, as if concatenated.
std::string sha256Hex(std::initializer_list<std::string_view> parts);

// {"at":"…","caseId":"…","data":{…},"kind":"…","seq":N}: keys sorted, no spaces, UTF-8 as is.
// The second form takes the data already as stored: compactJson(e.data) (core/json_text.hpp).
std::string canonicalJson(const Event& e);
std::string canonicalJson(const Event& e, std::string_view dataJson);

// SHA-256(prevHash || canonicalJson(e)) as lowercase hex. e.prevHash is the chain link.
std::string eventHash(const Event& e);
std::string eventHash(const Event& e, std::string_view dataJson);

// SHA-256 of author|sender|sentAt|body (sentAt as ISO 8601, empty when unknown).
std::string messageContentHash(const StoredMessage& m);
std::string noteContentHash(const Note& n);

}  // namespace caselog::audit
