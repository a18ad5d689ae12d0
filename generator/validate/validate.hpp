#pragma once
/// Phase 2, validate: raw JSON and Markdown → the model, reporting every problem with its position.
#include "base/diagnostic.hpp"
#include "content/loader.hpp"
#include "model/model.hpp"

namespace planpress::validate {

/// Builds the model from loaded content. Every problem is reported; the returned model holds whatever
/// could be read (callers stop if `diags` has errors). References between plans are checked later (xref).
model::Model validate(const content::RawContent& raw, base::Diagnostics& diags);

/// The checks across the editions of each series: one edition per fiscal year (duplicate-id), and every
/// item's `continues` names an item of the previous edition (xref-unresolved).
void check_series(const model::Model& model, base::Diagnostics& diags);

/// Reports every character that cannot be printed (text::print_class: controls, invisible format
/// characters) at its place in the JSON strings and Markdown files of `raw` (invalid-character). Part of
/// validate(); a BOM that starts a file is tolerated.
void check_characters(const content::RawContent& raw, base::Diagnostics& diags);

}  // namespace planpress::validate
