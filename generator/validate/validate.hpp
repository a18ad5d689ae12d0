#pragma once
/// Phase 2, validate: raw JSON and Markdown → the model, reporting every problem with its position.
#include "base/diagnostic.hpp"
#include "content/loader.hpp"
#include "model/model.hpp"

namespace planpress::validate {

/// Builds the model from loaded content. Every problem is reported; the returned model holds whatever
/// could be read (callers stop if `diags` has errors). References between plans are checked later (xref).
model::Model validate(const content::RawContent& raw, base::Diagnostics& diags);

}  // namespace planpress::validate
