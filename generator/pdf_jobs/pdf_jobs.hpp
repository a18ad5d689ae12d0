#pragma once
/// The pdf phase: the fonts read once, then every plan composed (compose::compose_plan, which checks every
/// character against the fonts) and written (pdf::write_pdf) as pdf/<plan-id>.pdf, N plans at a time.
/// Plans are independent; their diagnostics and files are merged in plan order, so the result does not
/// depend on N. Above layout and pdf so that the libharu backend stays free of plans (docs/architecture.md).
#include <optional>
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "base/diagnostic.hpp"
#include "io/file_system.hpp"
#include "io/publish.hpp"
#include "model/model.hpp"
#include "xref/xref.hpp"

namespace planpress::pdf_jobs {

/// How the PDFs are made.
struct Options {
  int jobs = 1;                              ///< plans laid out and written at a time (-j N)
  std::optional<long long> source_date_epoch;  ///< the PDFs' CreationDate/ModDate; none: no date at all
};

/// What one plan's PDF cost (the CLI's --timings prints these; bench/pdf reads them).
struct PlanStats {
  std::string plan;
  std::size_t pages = 0, bytes = 0;
  double layout_ms = 0, write_ms = 0;  ///< wall time
  double cpu_ms = 0;                   ///< CPU time of the thread for layout and write together
};

/// What the phase cost.
struct Stats {
  double fonts_ms = 0;            ///< reading and parsing the fonts
  double pdf_ms = 0;              ///< laying out and writing every PDF (wall time)
  std::vector<PlanStats> plans;  ///< in plan order; empty when the fonts could not be loaded
};

/// Lays out and writes the PDF of every plan of `model`, and, when `tree` is given, stores it as
/// pdf/<plan-id>.pdf in the tree. Without `tree` (as `check` does) the PDFs are written in memory and
/// dropped, so that `check` meets every problem `build` would, libharu's included. Problems go to
/// `diags`: font-missing and font-invalid (then no plan is laid out), pdf-missing-glyph, pdf-error.
Stats make_pdfs(const io::FileSystem& fs, const model::Model& model, const xref::SymbolTable& symbols,
                const xref::LinkGraph& links, const assemble::Assembly& assembly, const Options& options, io::OutputTree* tree,
                base::Diagnostics& diags);

/// Like make_pdfs into a tree, but each plan's PDF goes to `sink` (when given) as soon as it is written
/// without errors, so no more PDFs are held in memory than there are threads.
Stats make_pdfs(const io::FileSystem& fs, const model::Model& model, const xref::SymbolTable& symbols,
                const xref::LinkGraph& links, const assemble::Assembly& assembly, const Options& options, io::OutputSink* sink,
                base::Diagnostics& diags);

}  // namespace planpress::pdf_jobs
