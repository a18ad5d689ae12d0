#include "pdf_jobs/pdf_jobs.hpp"

#include <algorithm>
#include <optional>

#include "base/parallel.hpp"
#include "base/timer.hpp"
#include "compose/compose.hpp"
#include "pdf/fonts.hpp"
#include "pdf/writer.hpp"
#include "present/urls.hpp"

namespace planpress::pdf_jobs {

namespace {

// One plan's PDF: laid out, and written to `bytes` unless the layout reported errors.
PlanStats make_pdf(const model::Model& model, const xref::SymbolTable& symbols, const xref::LinkGraph& links,
                   const assemble::Assembly& assembly, const model::Plan& plan, const pdf::FontSet& fonts, const Options& options, std::string* bytes,
                   base::Diagnostics& diags) {
  PlanStats stats;
  stats.plan = plan.id;
  const double cpu_start = base::thread_cpu_ms();
  base::Timer t_layout;
  compose::PlanInput in{model, symbols, links, assembly, plan, fonts, options.source_date_epoch, fonts.names()};
  const layout::Document doc = compose::compose_plan(in, diags);
  stats.layout_ms = t_layout.ms();
  stats.pages = doc.pages.size();
  if (!bytes || diags.has_errors()) return stats;
  base::Timer t_write;
  std::string error;
  if (auto pdf = pdf::write_pdf(doc, fonts, error)) *bytes = std::move(*pdf);
  else diags.error(plan.location, base::msg<base::Msg::pdf_error_write>(base::arg<"plan">(plan.id), base::arg<"reason">(error)));
  stats.write_ms = t_write.ms();
  stats.cpu_ms = base::thread_cpu_ms() - cpu_start;
  stats.bytes = bytes->size();
  return stats;
}

}  // namespace

Stats make_pdfs(const io::FileSystem& fs, const model::Model& model, const xref::SymbolTable& symbols,
                const xref::LinkGraph& links, const assemble::Assembly& assembly, const Options& options, io::OutputSink* sink,
                base::Diagnostics& diags) {
  Stats stats;
  base::Timer t_fonts;
  const auto fonts = pdf::load_fonts(fs, model.site.pdf, diags);
  stats.fonts_ms = t_fonts.ms();
  if (!fonts) return stats;
  base::Timer t_pdf;
  const std::size_t n = model.plans.size();
  std::vector<base::Diagnostics> plan_diags(n);
  std::vector<PlanStats> plan_stats(n);
  base::run_parallel(n, options.jobs, [&](std::size_t i) {
    std::string bytes;
    plan_stats[i] = make_pdf(model, symbols, links, assembly, model.plans[i], *fonts, options, &bytes, plan_diags[i]);
    if (sink && !bytes.empty() && !plan_diags[i].has_errors()) sink->add(present::plan_pdf(model.plans[i].id), std::move(bytes));
  });
  for (std::size_t i = 0; i < n; ++i) diags.merge(plan_diags[i]);
  stats.plans = std::move(plan_stats);
  stats.pdf_ms = t_pdf.ms();
  return stats;
}

Stats make_pdfs(const io::FileSystem& fs, const model::Model& model, const xref::SymbolTable& symbols,
                const xref::LinkGraph& links, const assemble::Assembly& assembly, const Options& options, io::OutputTree* tree,
                base::Diagnostics& diags) {
  std::optional<io::TreeSink> sink;
  if (tree) sink.emplace(*tree);
  return make_pdfs(fs, model, symbols, links, assembly, options, sink ? &*sink : nullptr, diags);
}

}  // namespace planpress::pdf_jobs
