// What `caselog capture` and `caselog import` read: the JSON that extension/tools/parse-page.mjs
// prints — {"page": "view-case", "case": {…}}, {"page": "case-list", "cases": […]} — or a bare
// case object (DESIGN.md "A captured case"). Unknown fields are ignored; a missing or mistyped
// required field is a caselog::Error(bad_request) that names it ("case.messages[2].body").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace caselog::cli {

struct CaptureDocument {
  bool isList = false;
  std::vector<CaseSnapshot> cases;         // a case page or a bare case: exactly one
  std::vector<CaseListEntry> listEntries;  // a case-list page
  CaptureSource source;                    // page, url, parser when the document gives them
};

CaptureDocument parseCaptureDocument(const nlohmann::json& doc);

}  // namespace caselog::cli
