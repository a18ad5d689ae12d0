#pragma once
/// The phases every command shares (internal to pipeline): the content loaded, validated, linked and
/// assembled, and the outcome a run's diagnostics lead to.
#include <cstdint>
#include <memory>

#include "assemble/assemble.hpp"
#include "assemble/report.hpp"
#include "content/loader.hpp"
#include "model/model.hpp"
#include "pipeline/pipeline.hpp"
#include "xref/xref.hpp"

namespace planpress::pipeline {

/// The content after the phases load, validate, link and assemble.
struct Checked {
  content::RawContent raw;
  model::Model model;
  std::unique_ptr<xref::SymbolTable> symbols;
  xref::LinkGraph links;
  assemble::Assembly assembly;
  /// The data-quality report's findings, for the page of a review build (empty in a published one).
  std::vector<assemble::Finding> quality;
};

/// Which model load_model makes: the content as written (fmt and the sheets, whose round trip must give
/// back every value of plan.json, the editors' notes included), or the edition a build publishes
/// (published, or review with `Options::review`).
enum class Edition : std::uint8_t { as_written, of_build };

/// Runs load → validate → link (→ edition) → assemble into `c`, with their timings in `result`; false
/// (with the outcome and failed phase in `result`) when a phase reports errors.
bool load_model(const io::FileSystem& fs, const Options& options, Checked& c, Result& result, Edition edition);

/// The outcome of a run with these diagnostics: by the exit class of its errors, else warnings with --strict.
Outcome outcome_of(const base::Diagnostics& d, bool strict);

}  // namespace planpress::pipeline
