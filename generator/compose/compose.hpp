#pragma once
/// The PDF of one plan, composed: cover, table of contents, the plan's overview and sections with their
/// indicators, its items (a table over pages or cards), the links between this plan and others, running
/// header and page numbers — typeset with the layout engine in the styles of the style sheet
/// (compose/style.hpp). Backend-free: the result is a layout::Document that pdf::write_pdf draws.
#include <optional>
#include <string>

#include "assemble/assemble.hpp"
#include "base/diagnostic.hpp"
#include "layout/measure.hpp"
#include "layout/page.hpp"
#include "model/model.hpp"
#include "xref/xref.hpp"

namespace planpress::compose {

/// What the PDF of one plan is made from.
struct PlanInput {
  const model::Model& model;           ///< all plans (link targets are described from here)
  const xref::SymbolTable& symbols;    ///< resolves [[…]] in Markdown
  const xref::LinkGraph& links;        ///< references and backlinks
  const assemble::Assembly& assembly;  ///< chart specifications
  const model::Plan& plan;             ///< the plan to lay out
  const layout::Measurer& measurer;    ///< the fonts (pdf::FontSet)
  std::optional<long long> epoch;      ///< SOURCE_DATE_EPOCH: the PDF's dates; none: the PDF has no date
  std::string font_names;              ///< the font files, for messages about missing glyphs
};

/// Composes the PDF of `in.plan` (pdf/<plan-id>.pdf). Every character printed from the content is checked
/// against the fonts first: one that no font has is reported as a pdf-missing-glyph error naming the plan,
/// the item (or section, category, indicator) and the field, at its place in the content.
layout::Document compose_plan(const PlanInput& in, base::Diagnostics& diags);

}  // namespace planpress::compose
